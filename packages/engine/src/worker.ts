/**
 * A worker thread of the run: it checks the files it is sent, one message per file. When the WASM parser
 * aborted (its memory is then unusable), it asks to be replaced; the main thread holds the per-file limits.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, createLintContext, type CheckSettings, type CheckTarget } from "./check-file.js";
import { AnalyzerRegistry } from "./registry.js";

const settings = workerData as CheckSettings;
const context = createLintContext(settings, new AnalyzerRegistry());

/** Errors after which a WASM instance cannot be trusted with another file. */
const WASM_FAILURE = /Aborted\(|RuntimeError|memory access out of bounds|unreachable/;

parentPort!.on("message", async (message: { id: number; target: CheckTarget }) => {
  const outcome = await checkFile(message.target, settings, context);
  parentPort!.postMessage({ id: message.id, outcome, restart: outcome.error !== null && WASM_FAILURE.test(outcome.error) });
});
