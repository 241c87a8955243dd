/** A worker thread of `--threads N`: it checks the files it is sent, one message per file. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, createLintContext, type CheckSettings, type CheckTarget } from "./check-file.js";
import { AnalyzerRegistry } from "./registry.js";

const settings = workerData as CheckSettings;
const context = createLintContext(settings, new AnalyzerRegistry());

parentPort!.on("message", async (message: { id: number; target: CheckTarget }) => {
  const outcome = await checkFile(message.target, settings, context);
  parentPort!.postMessage({ id: message.id, outcome });
});
