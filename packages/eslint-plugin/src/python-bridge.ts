/**
 * Python analysis for synchronous ESLint rules without a top-level await in the plugin, so the plugin loads from
 * CommonJS too (`require()` of an ES module with top-level await fails with ERR_REQUIRE_ASYNC_MODULE).
 * Importing this module starts loading the grammar; once loaded, analysis runs here. A rule that needs it before
 * then (the first file of a run, usually) gets the same analysis from a worker thread that the rule waits for
 * synchronously (synckit): the answers are plain data, and the result is the same either way.
 */
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { createSyncFn } from "synckit";
import { SourceText, withoutRefusedFlags, workerExecArgv, type Diagnostic } from "@hf-jobs-lint/core";
import { analyzePython, analyzeScriptNeeds, initPythonParser, type ScriptNeeds } from "@hf-jobs-lint/python";

export type PythonRequest = { op: "needs"; text: string } | { op: "script"; text: string; filename: string; root: string };

let ready = false;
/** Resolves once the grammar is loaded in this thread; `await` it to skip the worker entirely. */
export const pythonReady: Promise<void> = initPythonParser().then(() => {
  ready = true;
});
// A load failure is reported by the first analysis (from the worker, which loads the grammar itself).
pythonReady.catch(() => {});

const WORKER_FILE = fileURLToPath(new URL("./python-worker.js", import.meta.url));
/** A worker that never answers fails the rule with synckit's timeout error instead of hanging ESLint. */
const WORKER_TIMEOUT_MS = 60_000;
let viaWorker: ((request: PythonRequest) => unknown) | null = null;

/**
 * The parent's Node options a worker takes. `node --max-old-space-size=4096 eslint` is common, and Node refuses V8
 * flags for a worker (they hold for the whole process already): a throwaway worker finds which, once.
 */
function acceptedExecArgv(): string[] {
  const execArgv = workerExecArgv(process.execArgv);
  try {
    void new Worker("", { eval: true, execArgv }).terminate();
    return execArgv;
  } catch (error) {
    return withoutRefusedFlags(execArgv, error) ?? execArgv;
  }
}

function ask<T>(request: PythonRequest): T {
  if (!fs.existsSync(WORKER_FILE)) throw new Error("the Python grammar is not loaded yet: await `pythonReady` from eslint-plugin-hf-jobs first");
  viaWorker ??= createSyncFn<(request: PythonRequest) => Promise<unknown>>(WORKER_FILE, { execArgv: acceptedExecArgv(), timeout: WORKER_TIMEOUT_MS });
  return viaWorker(request) as T;
}

/** What token a job script needs. */
export function scriptNeedsOf(text: string): ScriptNeeds {
  return ready ? analyzeScriptNeeds(text) : ask<ScriptNeeds>({ op: "needs", text });
}

/** The Python analyzer's findings for an inline job script (script role). */
export function scriptFindingsOf(text: string, filename: string, root: string): Diagnostic[] {
  if (!ready) return ask<Diagnostic[]>({ op: "script", text, filename, root });
  return analyzePython({ filename, path: null, source: new SourceText(text), root, readFile: () => null, includeCounterexamples: false }, { role: "script" });
}
