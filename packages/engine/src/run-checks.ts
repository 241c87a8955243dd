/**
 * Running the checks over many files, each outcome handed on in input order as soon as it and every file before
 * it are done (the front end prints it and lets it go: memory does not grow with the files that have findings).
 *
 * Files are checked in worker threads whenever the built worker exists, even with one thread: a worker is where
 * a per-file limit can hold. A file that runs past the time limit, exhausts the worker's heap, or aborts the WASM
 * parser ends that worker; the file gets a per-file error, a fresh worker takes the next file, and the run goes
 * on. Run from TypeScript sources (tests, tools importing the engine) the files are checked in this thread.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { checkFile, createLintContext, type CheckSettings, type CheckTarget, type FileOutcome } from "./check-file.js";
import type { LintContext } from "./lint-file.js";
import { AnalyzerRegistry } from "./registry.js";
import { indexJobScripts, scanScriptReferences, type ScannedReferences } from "./job-scripts.js";
import { removeStaleTemporaryFiles } from "./write-atomic.js";

/**
 * Files each worker must have before a second one starts: each loads its own WASM grammar (and ESLint), and on
 * the 2-core machines measured here (bench/check-python.js) two workers only broke even at about 6,000 Python
 * files (3,000: 1.6 s with one vs 2.2 s with two; 12,000: 6.0 s vs 5.8 s).
 */
const MIN_FILES_PER_WORKER = Number(process.env.HF_JOBS_LINT_MIN_FILES_PER_WORKER) || 2000; // env: tests of the worker path

/** Per-file limits (environment, for unusual trees and for tests): wall time, and the worker's JS heap. */
export const FILE_TIME_LIMIT_SECONDS = Number(process.env.HF_JOBS_LINT_FILE_TIMEOUT_SECONDS) || 120;
export const WORKER_HEAP_LIMIT_MB = Number(process.env.HF_JOBS_LINT_WORKER_HEAP_MB) || 2048;

/** Outcomes waiting for an earlier, slower file are held; dispatch stops this far ahead of the oldest one. */
const MAX_AHEAD_PER_WORKER = 32;

const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

export function defaultThreadCount(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

export interface RunOptions {
  threads: number;
  onProgress?(done: number): void;
  /** Each file's outcome, in input order. */
  onOutcome(index: number, outcome: FileOutcome): void;
}

/** The folders fixes are written to (real paths), where a killed run may have left temporary files. */
function writeFolders(targets: readonly CheckTarget[]): Set<string> {
  const folders = new Set<string>();
  for (const target of targets) {
    if (!target.path) continue;
    try {
      folders.add(path.dirname(fs.realpathSync(target.path)));
    } catch {
      // Gone: nothing will be written there.
    }
  }
  return folders;
}

/** The settings of the target at an index, with a key: targets with the same key share settings (per-file configuration). */
export type SettingsOf = (index: number) => { key: string; settings: CheckSettings };

/** Every settings object with a job-script index, built once over all targets where it is missing. */
function withJobScripts(targets: readonly CheckTarget[], settingsOf: SettingsOf): SettingsOf {
  const indexed = new Map<string, CheckSettings>();
  let scanned: ScannedReferences | null = null;
  return (index) => {
    const { key, settings } = settingsOf(index);
    let ready = indexed.get(key);
    if (!ready) {
      const options = { repoRoot: settings.repoRoot, configRoot: settings.configRoot, jobScriptGlobs: settings.jobScriptGlobs };
      ready = settings.jobScripts ? settings : { ...settings, jobScripts: indexJobScripts(targets, options, (scanned ??= scanScriptReferences(targets))) };
      indexed.set(key, ready);
    }
    return { key, settings: ready };
  };
}

/**
 * Check every target, handing each outcome on in input order, whatever settings each file has (one settings for
 * all, or `settingsOf` per file): one ordered stream, so a front end can print as it goes.
 */
export async function checkFiles(targets: readonly CheckTarget[], given: CheckSettings | SettingsOf, options: RunOptions): Promise<void> {
  const settingsOf = withJobScripts(targets, typeof given === "function" ? given : () => ({ key: "", settings: given }));
  if (targets.length === 0) return;
  const { settings: first } = settingsOf(0);
  if (first.fix && !first.diff) removeStaleTemporaryFiles(writeFolders(targets));
  if (!fs.existsSync(WORKER_FILE)) {
    const contexts = new Map<string, LintContext>();
    const registry = new AnalyzerRegistry();
    for (let index = 0; index < targets.length; index++) {
      const { key, settings } = settingsOf(index);
      let context = contexts.get(key);
      if (!context) contexts.set(key, (context = createLintContext(settings, registry)));
      options.onOutcome(index, await checkFile(targets[index]!, settings, context));
      options.onProgress?.(index + 1);
    }
    return;
  }
  const workers = Math.max(1, Math.min(options.threads, Math.floor(targets.length / MIN_FILES_PER_WORKER)));
  await new WorkerPool(targets, settingsOf, workers, options).run();
}

/** Every outcome as an array, in input order (for callers that want them all: re-checks, tools). */
export async function runChecks(targets: readonly CheckTarget[], settings: CheckSettings, threads: number, onProgress?: (done: number) => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(targets.length);
  await checkFiles(targets, settings, { threads, ...(onProgress ? { onProgress } : {}), onOutcome: (index, outcome) => (outcomes[index] = outcome) });
  return outcomes;
}

function failedOutcome(target: CheckTarget, error: string): FileOutcome {
  return {
    filename: target.filename,
    diagnostics: [],
    text: null,
    error,
    fixed: [],
    diff: null,
    diffApplies: true,
    fixedText: null,
    unresolvedScripts: [],
    dependencies: [],
    warnings: [],
  };
}

interface Slot {
  worker: Worker;
  /** Settings keys the worker has been sent (each once). */
  known: Set<string>;
  /** The file it is checking, and when its time is up. */
  busy: { index: number; timer: NodeJS.Timeout } | null;
  /** Set once the worker is being replaced: its late messages and exit are ignored. */
  retired: boolean;
}

class WorkerPool {
  private next = 0;
  private delivered = 0;
  private done = 0;
  private readonly waiting = new Map<number, FileOutcome>();
  private readonly slots = new Set<Slot>();
  private settle!: { resolve(): void; reject(error: Error): void };

  constructor(
    private readonly targets: readonly CheckTarget[],
    private readonly settingsOf: SettingsOf,
    private readonly count: number,
    private readonly options: RunOptions,
  ) {}

  run(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      for (let i = 0; i < this.count; i++) this.feed(this.spawn());
    });
  }

  private spawn(): Slot {
    // `--input-type` (node -e) and `--eval` flags of the parent do not apply to a worker's file and make it fail.
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith("--input-type") && arg !== "-e" && arg !== "--eval");
    const worker = new Worker(WORKER_FILE, { execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB } });
    const slot: Slot = { worker, known: new Set(), busy: null, retired: false };
    this.slots.add(slot);
    worker.on("message", (message: { id: number; outcome: FileOutcome; restart: boolean }) => {
      if (slot.retired || !slot.busy || slot.busy.index !== message.id) return;
      // A WASM parser that aborted is unusable: the next file gets a fresh worker.
      this.finish(slot, message.outcome, message.restart);
    });
    worker.on("error", (error) => this.lost(slot, describeWorkerError(error)));
    worker.on("exit", (code) => this.lost(slot, `the checking thread stopped (exit code ${code})`));
    return slot;
  }

  /** A worker died: the file it had fails alone; a worker that dies with no file in hand is a broken set-up. */
  private lost(slot: Slot, reason: string): void {
    if (slot.retired) return;
    const busy = slot.busy;
    if (!busy) {
      if (this.done < this.targets.length) this.fail(new Error(`a checking thread failed: ${reason}`));
      return;
    }
    this.finish(slot, failedOutcome(this.targets[busy.index]!, `cannot check: ${reason}; skipped`), true);
  }

  /** The slot's file is done: take its outcome, replace the worker if asked, and hand out the next files. */
  private finish(slot: Slot, outcome: FileOutcome, replace: boolean): void {
    const busy = slot.busy!;
    clearTimeout(busy.timer);
    slot.busy = null;
    if (replace) this.retire(slot);
    this.accept(busy.index, outcome);
    if (replace && this.done < this.targets.length) this.feed(this.spawn());
  }

  private feed(slot: Slot): void {
    if (slot.busy || slot.retired) return;
    if (this.next >= this.targets.length) {
      if (!slot.busy) this.retire(slot);
      return;
    }
    // Bounded look-ahead: outcomes after a slow file wait in memory until it is done.
    if (this.next - this.delivered >= MAX_AHEAD_PER_WORKER * this.count) return;
    const index = this.next++;
    const timer = setTimeout(() => {
      if (slot.busy?.index !== index || slot.retired) return;
      this.finish(slot, failedOutcome(this.targets[index]!, `cannot check: took longer than the per-file limit of ${FILE_TIME_LIMIT_SECONDS} s; skipped`), true);
    }, FILE_TIME_LIMIT_SECONDS * 1000);
    slot.busy = { index, timer };
    const { key, settings } = this.settingsOf(index);
    // Settings (with their job-script index) cross to a worker once per key, not with every file.
    const fresh = !slot.known.has(key);
    slot.known.add(key);
    slot.worker.postMessage({ id: index, target: this.targets[index], key, ...(fresh ? { settings } : {}) });
  }

  private retire(slot: Slot): void {
    slot.retired = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
  }

  private accept(index: number, outcome: FileOutcome): void {
    this.waiting.set(index, outcome);
    this.done++;
    this.options.onProgress?.(this.done);
    try {
      while (this.waiting.has(this.delivered)) {
        const ready = this.waiting.get(this.delivered)!;
        this.waiting.delete(this.delivered);
        this.options.onOutcome(this.delivered++, ready);
      }
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    if (this.done === this.targets.length) {
      for (const slot of [...this.slots]) this.retire(slot);
      this.settle.resolve();
      return;
    }
    // The worker that just finished, and any held back by the look-ahead bound, take the next files.
    for (const slot of [...this.slots]) this.feed(slot);
  }

  private fail(error: Error): void {
    for (const slot of [...this.slots]) {
      if (slot.busy) clearTimeout(slot.busy.timer);
      this.retire(slot);
    }
    this.settle.reject(error);
  }
}

function describeWorkerError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return `ran out of memory (the per-file limit is a ${WORKER_HEAP_LIMIT_MB} MB heap)`;
  return error.message;
}
