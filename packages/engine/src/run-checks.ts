/**
 * Running the checks over many files: in this thread, or spread over worker threads (`--threads N`). Results
 * come back in input order whatever order the workers finish in.
 */
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { checkFile, createLintContext, type CheckSettings, type CheckTarget, type FileOutcome } from "./check-file.js";
import { AnalyzerRegistry } from "./registry.js";
import { indexJobScripts } from "./job-scripts.js";

/**
 * Files each worker must have before workers are used at all: each one loads its own WASM grammar (and ESLint),
 * and on the 2-core machines measured here (bench/check-python.js) two workers only broke even at about 6,000
 * Python files (3,000: 1.6 s in-process vs 2.2 s with 2 workers; 12,000: 6.0 s vs 5.8 s).
 */
const MIN_FILES_PER_WORKER = Number(process.env.HF_JOBS_LINT_MIN_FILES_PER_WORKER) || 2000; // env: tests of the worker path

const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

export function defaultThreadCount(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

export async function runChecks(targets: readonly CheckTarget[], given: CheckSettings, threads: number, onProgress?: (done: number) => void): Promise<FileOutcome[]> {
  const settings = given.jobScripts
    ? given
    : { ...given, jobScripts: indexJobScripts(targets, { repoRoot: given.repoRoot, configRoot: given.configRoot, jobScriptGlobs: given.jobScriptGlobs }) };
  // Run from TypeScript sources (tests), there is no built worker file: check in-process.
  const workerCount = fs.existsSync(WORKER_FILE) ? Math.min(threads, Math.floor(targets.length / MIN_FILES_PER_WORKER)) : 1;
  if (workerCount <= 1) {
    const context = createLintContext(settings, new AnalyzerRegistry());
    const outcomes: FileOutcome[] = [];
    for (const target of targets) {
      outcomes.push(await checkFile(target, settings, context));
      onProgress?.(outcomes.length);
    }
    return outcomes;
  }
  return runInWorkers(targets, settings, workerCount, onProgress);
}

function runInWorkers(targets: readonly CheckTarget[], settings: CheckSettings, workerCount: number, onProgress?: (done: number) => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error): void => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const feed = (worker: Worker): void => {
      if (next < targets.length) {
        const id = next++;
        worker.postMessage({ id, target: targets[id] });
      }
    };
    for (let i = 0; i < workerCount; i++) {
      // `--input-type` (node -e) and `--eval` flags of the parent do not apply to a worker's file and make it fail.
      const execArgv = process.execArgv.filter((arg) => !arg.startsWith("--input-type") && arg !== "-e" && arg !== "--eval");
      const worker = new Worker(WORKER_FILE, { workerData: settings, execArgv });
      workers.push(worker);
      worker.on("message", (message: { id: number; outcome: FileOutcome }) => {
        outcomes[message.id] = message.outcome;
        done++;
        onProgress?.(done);
        if (done === targets.length) finish();
        else feed(worker);
      });
      worker.on("error", (error) => finish(error));
      // Keep two files in flight per worker so it never waits on the main thread.
      feed(worker);
      feed(worker);
    }
  });
}
