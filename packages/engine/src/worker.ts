/**
 * A worker thread of the run: it checks the files it is sent, one message per file and one file at a time, in the
 * order they came (files sent ahead of the run queue here), with the settings of the file's key (sent once per
 * key) and the job-script evidence of that file alone. When the WASM parser aborted (its memory is then unusable),
 * it asks to be replaced; the main thread holds the per-file limits. A worker started ahead of its run is first
 * told which analyzers to load.
 */
import { parentPort } from "node:worker_threads";
import type { FileKind, RelatedInformation } from "@hf-jobs-lint/core";
import { checkFile, createLintContext, type CheckSettings, type CheckTarget } from "./check-file.js";
import type { LintContext } from "./lint-file.js";
import { AnalyzerRegistry } from "./registry.js";

const registry = new AnalyzerRegistry();
const known = new Map<string, { settings: CheckSettings; context: LintContext }>();

/** Errors after which a WASM instance cannot be trusted with another file. */
const WASM_FAILURE = /Aborted\(|RuntimeError|memory access out of bounds|unreachable/;

export type FileRequest = { id: number; target: CheckTarget; key: string; settings?: CheckSettings; jobScript: RelatedInformation | null };
type Request = FileRequest | { preload: FileKind[] };

async function check(message: FileRequest): Promise<void> {
  let entry = known.get(message.key);
  if (!entry) {
    const settings = message.settings!;
    known.set(message.key, (entry = { settings, context: createLintContext(settings, registry) }));
  }
  const { target, jobScript } = message;
  const context = jobScript && target.path ? { ...entry.context, jobScripts: { [target.path]: jobScript } } : entry.context;
  const outcome = await checkFile(target, entry.settings, context);
  parentPort!.postMessage({ id: message.id, outcome, restart: outcome.error !== null && WASM_FAILURE.test(outcome.error) });
}

/** The files in the order they came: the main thread times the one it last heard was started. */
let queue: Promise<void> = Promise.resolve();

parentPort!.on("message", (message: Request) => {
  if ("preload" in message) {
    // Loaded ahead of the first file (`prestartWorker`); a failure to load is reported by the file that needs it.
    for (const kind of message.preload) registry.get(kind).catch(() => {});
    return;
  }
  queue = queue
    .then(() => check(message))
    .catch((error: unknown) => {
      // Not a file's own error (checkFile reports those): the worker fails, and the main thread reports the file.
      process.nextTick(() => {
        throw error;
      });
    });
});
