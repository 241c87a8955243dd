/**
 * A worker thread of the run: it checks the files it is sent, one message per file, with the settings of the
 * file's key (sent once per key). When the WASM parser aborted (its memory is then unusable), it asks to be
 * replaced; the main thread holds the per-file limits. A worker started ahead of its run is first told which
 * analyzers to load.
 */
import { parentPort } from "node:worker_threads";
import type { FileKind } from "@hf-jobs-lint/core";
import { checkFile, createLintContext, type CheckSettings, type CheckTarget } from "./check-file.js";
import type { LintContext } from "./lint-file.js";
import { AnalyzerRegistry } from "./registry.js";

const registry = new AnalyzerRegistry();
const known = new Map<string, { settings: CheckSettings; context: LintContext }>();

/** Errors after which a WASM instance cannot be trusted with another file. */
const WASM_FAILURE = /Aborted\(|RuntimeError|memory access out of bounds|unreachable/;

type Request = { id: number; target: CheckTarget; key: string; settings?: CheckSettings } | { preload: FileKind[] };

parentPort!.on("message", async (message: Request) => {
  if ("preload" in message) {
    // Loaded ahead of the first file (`prestartWorker`); a failure to load is reported by the file that needs it.
    for (const kind of message.preload) registry.get(kind).catch(() => {});
    return;
  }
  let entry = known.get(message.key);
  if (!entry) {
    const settings = message.settings!;
    known.set(message.key, (entry = { settings, context: createLintContext(settings, registry) }));
  }
  const outcome = await checkFile(message.target, entry.settings, entry.context);
  parentPort!.postMessage({ id: message.id, outcome, restart: outcome.error !== null && WASM_FAILURE.test(outcome.error) });
});
