/**
 * Running the checks over many files, each outcome handed on in input order as soon as it and every file before
 * it are done (the front end prints it and lets it go: memory does not grow with the files that have findings).
 *
 * Most files of a repository need no analyzer (the prefilter rules them out): this thread reads them and hands
 * their outcome on at once. The others are checked in worker threads whenever the built worker exists, even with
 * one thread: a worker is where a per-file limit can hold. A file that runs past the time limit, exhausts the
 * worker's heap, or aborts the WASM parser ends that worker; the file gets a per-file error, a fresh worker takes
 * the next file, and the run goes on. Run from TypeScript sources (tests, tools importing the engine) the files
 * are checked in this thread.
 *
 * Files are queued by what they need loaded: TS/JS files (ESLint and TypeScript, the costliest start-up) in one
 * lane, everything else (tree-sitter, Markdown, shell) in the other. A run with fewer than MIN_FILES_PER_WORKER
 * files to analyse has one worker, which takes both lanes' files: a second worker loads its own ESLint and grammar,
 * which does not pay off there. A larger run has a worker per lane, side by side (the other lane's never loads
 * ESLint; the TS/JS worker takes the other lane's files when it has none of its own, as it has the grammar too),
 * and another for every MIN_FILES_PER_WORKER files a lane has had, up to the threads asked for.
 *
 * A run over folders starts its first worker before discovery (`prestartWorker`). While the job-script scan reads
 * every file, the files it finds need an analyzer are sent to that worker at once (`sendAhead`), and the pool takes
 * the worker with them: they are not triaged again, and each one's time limit starts when the file before it on
 * that worker is done. A Python file is checked there without job-script evidence (the index is not built yet);
 * one the index then names a job script is checked again with it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { judgesJobScripts, semiSpaceFlagFromCommandLine, withoutRefusedFlags, workerExecArgv, type FileKind, type RelatedInformation } from "@hf-jobs-lint/core";
import { checkFile, triageWithoutAnalyzer, createLintContext, emptyOutcome, type CheckSettings, type CheckTarget, type FileOutcome, type Triage } from "./check-file.js";
import type { LintContext } from "./lint-file.js";
import { AnalyzerRegistry } from "./registry.js";
import { chooseWorkerFile } from "./worker-file.js";
import { indexJobScripts, scanScriptReferences, type ScannedReferences } from "./job-scripts.js";
import type { ScanVerdicts } from "./scan-verdicts.js";
import { removeStaleTemporaryFiles } from "./write-atomic.js";
import type { FileRequest } from "./worker.js";

/**
 * Files to analyse before a run takes a second worker, and a lane another: each loads its own WASM grammar (and
 * ESLint). Measured on the 2-core machines here: issue 12's four checkouts (434 of 4,886 files to analyse) take the
 * same wall time with one worker as with two (3.8 s), with 0.75 CPU-s and 68 MB less; ten copies of them (4,340)
 * 25.5 s with one, 21.8 s with two. Earlier, Python files alone (bench/check-python.js): 3,000 took 1.6 s with one
 * vs 2.2 s with two, 12,000 6.0 s vs 5.8 s.
 */
const MIN_FILES_PER_WORKER = Number(process.env.HF_JOBS_LINT_MIN_FILES_PER_WORKER) || 2000; // env: tests of the worker path

/** Per-file limits (environment, for unusual trees and for tests): wall time, and the worker's JS heap. */
export const FILE_TIME_LIMIT_SECONDS = Number(process.env.HF_JOBS_LINT_FILE_TIMEOUT_SECONDS) || 120;
export const WORKER_HEAP_LIMIT_MB = Number(process.env.HF_JOBS_LINT_WORKER_HEAP_MB) || 2048;

/**
 * A worker's heap starts small: V8 collects late when it may grow, and a worker holding ESLint and TypeScript
 * grows to hundreds of megabytes of garbage. A file that needs more is checked again in a worker with the full
 * limit. Set `HF_JOBS_LINT_WORKER_HEAP_MB` and both are that value (`HF_JOBS_LINT_WORKER_START_HEAP_MB`: the
 * starting one alone, for tests of the retry).
 *
 * Why 96: V8 runs the first full collection when the old generation reaches half this limit, and sets each next
 * one at most half-way from the old generation's size to the limit, so a lower limit collects sooner. On issue
 * 12's four checkouts, 128 let about half the runs peak 15-25 MB higher (175-186 MB against 156-164; 16
 * interleaved rounds); 96, 80 and 64 did not (max 160-164), at the same wall time.
 * The price is the retry for smaller files: a TS launcher of about 300 KB now needs the full-limit worker (about
 * 1.8 s more), where 128 took it up to about 450 KB; 1 MB of Python still fits.
 */
const WORKER_START_HEAP_MB =
  Number(process.env.HF_JOBS_LINT_WORKER_START_HEAP_MB) || (process.env.HF_JOBS_LINT_WORKER_HEAP_MB ? WORKER_HEAP_LIMIT_MB : Math.min(96, WORKER_HEAP_LIMIT_MB));

/**
 * Outcomes waiting for an earlier, slower file are held; this thread reads no further than this many files ahead
 * of the oldest one not handed on (an outcome with no finding is a few hundred bytes).
 */
const MAX_AHEAD = 1024;
/** Files read in this thread between two looks at the workers' messages. */
const READ_BATCH = 64;

/** The worker module; built (dist/) it may run from its bundle (`workerFile`). From sources there is none. */
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

function packageRootOf(name: string): string | null {
  try {
    return path.dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
  } catch {
    return null;
  }
}

let chosenWorkerFile: string | null = null;
/** The file workers run: chosen once per process. */
function workerFile(): string {
  return (chosenWorkerFile ??= chooseWorkerFile(path.dirname(WORKER_FILE), packageRootOf));
}

export function defaultThreadCount(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

export interface RunOptions {
  threads: number;
  onProgress?(done: number): void;
  /** Each file's outcome, in input order. */
  onOutcome(index: number, outcome: FileOutcome): void;
  /** What the job-script scan learned of the files it read: those it settles are not read again. */
  verdicts?: ScanVerdicts;
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
  const registry = new AnalyzerRegistry();
  const contexts = new Map<string, LintContext>();
  const contextOf = (index: number): { settings: CheckSettings; context: LintContext } => {
    const { key, settings } = settingsOf(index);
    let context = contexts.get(key);
    if (!context) contexts.set(key, (context = createLintContext(settings, registry)));
    return { settings, context };
  };
  if (!fs.existsSync(WORKER_FILE)) {
    for (let index = 0; index < targets.length; index++) {
      const { settings, context } = contextOf(index);
      options.onOutcome(index, await checkFile(targets[index]!, settings, context));
      options.onProgress?.(index + 1);
    }
    return;
  }
  try {
    const { verdicts } = options;
    const triage = (index: number): Triage => {
      const { context } = contextOf(index);
      return verdicts?.settles(targets[index]!, context) ? { outcome: emptyOutcome(targets[index]!.filename) } : triageWithoutAnalyzer(targets[index]!, context);
    };
    await new WorkerPool(targets, settingsOf, triage, options).run();
  } finally {
    stopPrestarted();
  }
}

/** Every outcome as an array, in input order (for callers that want them all: re-checks, tools). */
export async function runChecks(targets: readonly CheckTarget[], settings: CheckSettings, threads: number, onProgress?: (done: number) => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(targets.length);
  await checkFiles(targets, settings, { threads, ...(onProgress ? { onProgress } : {}), onOutcome: (index, outcome) => (outcomes[index] = outcome) });
  return outcomes;
}

function failedOutcome(filename: string, error: string): FileOutcome {
  return { ...emptyOutcome(filename), error };
}

/** The parent's Node options that a worker takes (found once: V8 flags such as `--max-old-space-size` are refused). */
let workerArgv: string[] | null = null;

/**
 * A worker's young generation: 2 MB semispaces (V8 makes it three semispaces). The CLI's main thread has 1 MB ones
 * (its bin's `--max-semi-space-size=1`): it mostly waits once the scan is done, and with 4 MB it held 8 MB of new
 * space to the end. V8 prefers that flag to a worker's `resourceLimits` when it sets up the worker's heap, so the
 * flag is set back to 0 (V8's "not set") before the first worker starts; it was read for the main thread at start.
 * A `--max-semi-space-size` in NODE_OPTIONS is the user's and stays, for every thread. On issue 12's checkouts:
 * main at 1 MB, workers at 4 MB: peak RSS 159 -> 153 MB median, wall time the same (9 interleaved rounds); workers
 * at 2 MB then: 150 -> 142 MB median (max 153 -> 146), 2% more wall and CPU time (2.60 -> 2.65 s, 13 rounds).
 */
const WORKER_YOUNG_GENERATION_MB = 6;
let semiSpaceFlagChecked = false;

/** Let `resourceLimits.maxYoungGenerationSizeMb` apply to the workers started from now on (see above). */
function releaseSemiSpaceFlag(): void {
  if (semiSpaceFlagChecked) return;
  semiSpaceFlagChecked = true;
  if (semiSpaceFlagFromCommandLine(process.execArgv, process.env.NODE_OPTIONS)) v8.setFlagsFromString("--max-semi-space-size=0");
}

function startWorker(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  releaseSemiSpaceFlag();
  workerArgv ??= workerExecArgv(process.execArgv);
  try {
    return new Worker(workerFile(), { execArgv: workerArgv, resourceLimits });
  } catch (error) {
    const accepted = withoutRefusedFlags(workerArgv, error);
    if (accepted === null) throw error;
    workerArgv = accepted;
    return new Worker(workerFile(), { execArgv: workerArgv, resourceLimits });
  }
}

/** Which workers a file goes to: the ones that load ESLint and TypeScript, or the others. */
type LaneName = "typescript" | "other";

/**
 * Runs smaller than this start their workers when their first file needs one: the scan before it is short, so
 * there is little loading to hide behind it.
 */
const MIN_FILES_TO_PRESTART = 200;

/** The analyzers the first worker loads ahead (the cheap kinds load when their first file comes). */
const PRELOADS: FileKind[] = ["python", "markdown", "typescript"];

/** What a worker answers for each file. */
interface FileReply {
  id: number;
  outcome: FileOutcome;
  restart: boolean;
}

/** The worker started ahead of a run, loading its analyzers, waiting for the run's pool to take it. */
interface Prestarted {
  worker: Worker;
  /** Files sent to it during the scan (`sendAhead`), in the order it checks them, with the job-script evidence sent. */
  ahead: AheadFile[];
  /** The answers heard for them before a pool took the worker, in that order. */
  heard: FileReply[];
  /** Settings keys it has been sent. */
  known: Set<string>;
  /** The kinds it has been told to load. */
  loading: Set<FileKind>;
  /** Its listeners until then (removed one by one: `removeAllListeners` on a Worker stops its messages, in Node 20). */
  listeners: { drop(): void; hear(reply: FileReply): void };
}

interface AheadFile {
  id: number;
  target: CheckTarget;
  jobScript: RelatedInformation | null;
}

let prestarted: Prestarted | null = null;

/**
 * Start the run's first worker while this thread still finds the files and reads every one for the job-script
 * index (1.2 s on issue 12's checkouts), so the first file it is given does not wait for the worker's start-up or
 * 0.3-0.7 s for ESLint or the grammar to load; it checks files sent ahead meanwhile (`sendAhead`). Called without
 * targets before discovery (the worker boots, and `preloadFor` has it load each kind as discovery first meets
 * one), or with them: it loads the analyzers their kinds need. A prestarted worker that no file needs is stopped
 * at the end of the run (`checkFiles`).
 */
export function prestartWorker(targets?: readonly CheckTarget[]): void {
  if (!fs.existsSync(WORKER_FILE)) return;
  if (targets && targets.length < MIN_FILES_TO_PRESTART && !prestarted) return;
  prestarted ??= bootWorker();
  for (const target of targets ?? []) preloadFor(target.kind);
}

/** Have the prestarted worker load the analyzer of `kind`, if it is one worth loading ahead and not loading yet. */
export function preloadFor(kind: FileKind): void {
  if (!prestarted || prestarted.loading.has(kind) || !PRELOADS.includes(kind)) return;
  prestarted.loading.add(kind);
  prestarted.worker.postMessage({ preload: [kind] });
}

function bootWorker(): Prestarted {
  const worker = startWorker(WORKER_START_HEAP_MB);
  const drop = () => prestarted === started && (prestarted = null);
  const hear = (reply: FileReply) => started.heard.push(reply);
  const started: Prestarted = { worker, ahead: [], heard: [], known: new Set(), loading: new Set(), listeners: { drop, hear } };
  // Until a pool takes it: it does not keep the process alive, and a failure only means it is not used (the files
  // sent ahead are then checked as any other).
  worker.unref();
  worker.on("error", drop).on("exit", drop).on("message", hear);
  return started;
}

/** Files sent ahead at most (their outcomes wait for the run, as MAX_AHEAD bounds). */
const MAX_SENT_AHEAD = 1024;

/**
 * During the job-script scan: have the prestarted worker check `target` now, with the job-script evidence known so
 * far (none, unless the settings came with an index). For files that need an analyzer (the scan's verdict), in
 * plain checks and diffs: a fix written during the scan could change what the scan reads. The run's pool then takes
 * the worker with them (`checkFiles`); the same `targets` object identifies them. Only a Python file's analysis
 * reads the evidence (core's `judgesJobScripts`): one the finished index names a job script is checked again then,
 * its first outcome dropped. Most are not, and the worker, which would wait for the scan, checks them meanwhile.
 */
export function sendAhead(target: CheckTarget, key: string, settings: CheckSettings): void {
  const started = prestarted;
  if (!started || (settings.fix && !settings.diff) || started.ahead.length >= MAX_SENT_AHEAD) return;
  // Ids below zero: the pool's own files go by their index.
  const id = -1 - started.ahead.length;
  const fresh = !started.known.has(key);
  started.known.add(key);
  const request = fileRequest(id, target, key, settings, fresh);
  started.ahead.push({ id, target, jobScript: request.jobScript });
  started.worker.postMessage(request);
}

/** Whether two files' job-script evidence is the same (plain data: an index built twice gives equal objects). */
function sameEvidence(left: RelatedInformation | null, right: RelatedInformation | null): boolean {
  return left === right || JSON.stringify(left) === JSON.stringify(right);
}

/** A file's message to a worker: the job-script evidence of that file alone; the settings (without the index) once per key. */
function fileRequest(id: number, target: CheckTarget, key: string, settings: CheckSettings, fresh: boolean): FileRequest {
  const jobScript = target.path ? (settings.jobScripts?.[target.path] ?? null) : null;
  if (!fresh) return { id, target, key, jobScript };
  return { id, target, key, settings: { ...settings, jobScripts: {} }, jobScript };
}

function takePrestarted(): Prestarted | null {
  const started = prestarted;
  if (!started) return null;
  prestarted = null;
  const { drop, hear } = started.listeners;
  started.worker.off("error", drop).off("exit", drop).off("message", hear);
  started.worker.ref();
  return started;
}

/** Stop the prestarted worker if no run took it (a run with no file to check, or every outcome cached). */
export function stopPrestarted(): void {
  if (prestarted) void prestarted.worker.terminate();
  prestarted = null;
}

/** A TS/JS fence in Markdown is checked with ESLint, like a TS file. */
const JS_FENCE = /^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:ts|typescript|tsx|js|javascript|jsx|mjs|cjs)\b/im;

/** `text`: the file as this thread read it (null when it was not read here). */
function laneOf(target: CheckTarget, text: string | null): LaneName {
  if (target.kind === "typescript") return "typescript";
  return target.kind === "markdown" && text !== null && JS_FENCE.test(text) ? "typescript" : "other";
}

interface Lane {
  name: LaneName;
  /** Files waiting for a worker of the lane, in input order. */
  queue: number[];
  /** Files the lane has been given so far. */
  seen: number;
  slots: Set<Slot>;
}

/** A file a worker was sent: by its index in the run's targets (null: its outcome is dropped, see `standing`). */
interface SentFile {
  id: number;
  index: number | null;
}

interface Slot {
  lane: Lane;
  worker: Worker;
  /** The heap limit it was started with: a file that exhausts a small one is tried again with the full limit. */
  heapMb: number;
  /** Settings keys the worker has been sent (each once). */
  known: Set<string>;
  /** The file it is checking, and when its time is up (from when this thread heard the one before it end). */
  busy: (SentFile & { timer: NodeJS.Timeout }) | null;
  /** Files sent ahead that it checks after that one, in order. */
  queued: SentFile[];
  /** Set once the worker is being replaced: its late messages and exit are ignored. */
  retired: boolean;
}

class WorkerPool {
  /** The next file this thread has not looked at. */
  private next = 0;
  private delivered = 0;
  private done = 0;
  private readonly waiting = new Map<number, FileOutcome>();
  private readonly lanes = new Map<LaneName, Lane>();
  private reading = false;
  private finished = false;
  private settle!: { resolve(): void; reject(error: Error): void };
  /** How many files may need an analyzer, when the job-script scan told (workers are taken for them from the start). */
  private readonly expected: number;
  /** Files the prestarted worker was sent during the scan: never triaged here, their outcomes come from it. */
  private readonly sentAhead = new Set<number>();
  /** Each file sent ahead by its id: its index in this run when its outcome stands, else null (see `standing`). */
  private readonly aheadIndexes = new Map<number, number | null>();
  /** Where the files sent ahead are in this run's targets (null: not one of them); see `position`. */
  private readonly positions = new Map<CheckTarget, number | null>();

  constructor(
    private readonly targets: readonly CheckTarget[],
    private readonly settingsOf: SettingsOf,
    private readonly triage: (index: number) => Triage,
    private readonly options: RunOptions,
  ) {
    this.expected = options.verdicts?.unsettled(targets) ?? 0;
  }

  run(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      // The prestarted worker is checking files sent ahead: taken now, so their outcomes are heard.
      if (prestarted && prestarted.ahead.length > 0) this.takeAhead(prestarted.ahead);
      this.read();
    });
  }

  /** Where `target` is in this run's targets; null when it is not one of them. */
  private position(target: CheckTarget, batch: readonly AheadFile[]): number | null {
    // Only files sent ahead are looked up: those of the batch not placed yet are placed in one pass over the targets
    // (a table of every target was 1.8 MB of this thread's heap on ten copies of issue 12's checkouts).
    if (!this.positions.has(target)) {
      const wanted = new Set([target, ...batch.map((file) => file.target)].filter((file) => !this.positions.has(file)));
      for (const file of wanted) this.positions.set(file, null);
      for (let index = 0; index < this.targets.length; index++) if (wanted.has(this.targets[index]!)) this.positions.set(this.targets[index]!, index);
    }
    return this.positions.get(target) ?? null;
  }

  /**
   * The index in this run of a file sent ahead whose outcome stands: null when the file is not one of this run's, or
   * when it was checked with other job-script evidence than the run's index gives it (a Python file the index names
   * a job script); that one is triaged and checked again like any other, and its first outcome is dropped.
   */
  private standing(file: AheadFile, batch: readonly AheadFile[]): number | null {
    let index = this.aheadIndexes.get(file.id);
    if (index !== undefined) return index;
    index = this.position(file.target, batch);
    if (index !== null && judgesJobScripts(file.target.kind)) {
      const path = file.target.path;
      const evidence = path ? (this.settingsOf(index).settings.jobScripts?.[path] ?? null) : null;
      if (!sameEvidence(evidence, file.jobScript)) index = null;
    }
    this.aheadIndexes.set(file.id, index);
    return index;
  }

  /** Take the prestarted worker for the lane of the first of its files sent ahead whose outcome stands (if any does). */
  private takeAhead(ahead: readonly AheadFile[]): void {
    let first: Lane | null = null;
    for (const file of ahead) {
      const index = this.standing(file, ahead);
      if (index === null) continue;
      this.sentAhead.add(index);
      const lane = this.laneFor(index, null);
      first ??= lane;
    }
    if (first) this.feed(this.spawn(first, WORKER_START_HEAP_MB));
  }

  /** Where a file waits: with the files that need what it needs loaded (see `laneOf`). */
  private laneFor(index: number, text: string | null): Lane {
    const name: LaneName = laneOf(this.targets[index]!, text);
    let lane = this.lanes.get(name);
    if (!lane) this.lanes.set(name, (lane = { name, queue: [], seen: 0, slots: new Set() }));
    lane.seen++;
    return lane;
  }

  /** Read files in this thread, a batch at a time, handing on those that need no worker; the rest are queued. */
  private read(): void {
    if (this.reading || this.finished) return;
    this.reading = true;
    try {
      let batch = 0;
      while (this.next < this.targets.length && this.next - this.delivered < MAX_AHEAD && batch++ < READ_BATCH) {
        const index = this.next++;
        if (this.sentAhead.has(index)) continue;
        const sorted = this.triage(index);
        if (sorted.outcome) this.accept(index, sorted.outcome);
        else this.laneFor(index, sorted.text).queue.push(index);
        if (this.finished) return;
      }
      this.staff();
    } catch (error) {
      this.fail(error as Error);
      return;
    } finally {
      this.reading = false;
    }
    // The next batch after the workers' messages have been heard, so they are fed while this thread reads.
    if (this.next < this.targets.length && this.next - this.delivered < MAX_AHEAD) setImmediate(() => this.read());
  }

  /**
   * Give the idle workers waiting files, and take workers: one while the run needs fewer than MIN_FILES_PER_WORKER
   * files analysed (it serves every lane); beyond, one per lane with files, and another for every
   * MIN_FILES_PER_WORKER files a lane has had, up to the threads asked for. `expected` (what the scan said) counts
   * from the start; without it, the files seen so far.
   */
  private staff(): void {
    for (const lane of this.lanes.values()) for (const slot of lane.slots) this.feed(slot);
    if (this.shared()) {
      const longest = this.longestQueue(null);
      if (longest && this.workerCount() === 0) this.feed(this.spawn(longest, WORKER_START_HEAP_MB));
      return;
    }
    for (const lane of this.lanes.values()) {
      while (lane.queue.length > 0 && (lane.slots.size === 0 || (lane.slots.size < Math.floor(lane.seen / MIN_FILES_PER_WORKER) && this.workerCount() < this.options.threads))) {
        this.feed(this.spawn(lane, WORKER_START_HEAP_MB));
      }
    }
  }

  /** One worker for every lane: one thread, or fewer files to analyse than MIN_FILES_PER_WORKER (seen, or expected). */
  private shared(): boolean {
    if (this.options.threads === 1) return true;
    let seen = 0;
    for (const lane of this.lanes.values()) seen += lane.seen;
    return Math.max(this.expected, seen) < MIN_FILES_PER_WORKER;
  }

  /** The lane other than `except` with the most files waiting; null when none waits. */
  private longestQueue(except: Lane | null): Lane | null {
    let longest: Lane | null = null;
    for (const lane of this.lanes.values()) if (lane !== except && lane.queue.length > (longest?.queue.length ?? 0)) longest = lane;
    return longest;
  }

  private workerCount(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.slots.size;
    return count;
  }

  private spawn(lane: Lane, heapMb: number): Slot {
    const started = heapMb === WORKER_START_HEAP_MB ? takePrestarted() : null;
    const worker = started?.worker ?? startWorker(heapMb);
    const queued = (started?.ahead ?? []).map((file, _, ahead) => ({ id: file.id, index: this.standing(file, ahead) }));
    const slot: Slot = { lane, worker, heapMb, known: started?.known ?? new Set(), busy: null, queued, retired: false };
    lane.slots.add(slot);
    const hear = (reply: FileReply) => {
      if (slot.retired || slot.busy?.id !== reply.id) return;
      // A WASM parser that aborted is unusable: the next file gets a fresh worker.
      this.finish(slot, reply.outcome, reply.restart);
    };
    worker.on("message", hear);
    // Heard before this run took the worker; after the caller has fed the slot, before any later message.
    if (started && started.heard.length > 0) queueMicrotask(() => started.heard.forEach(hear));
    worker.on("error", (error) => this.lost(slot, error));
    worker.on("exit", (code) => this.lost(slot, new Error(`the checking thread stopped (exit code ${code})`)));
    return slot;
  }

  /** A worker died: the file it had fails alone (or is tried again with the full heap); a worker that dies idle is a broken set-up. */
  private lost(slot: Slot, error: Error): void {
    if (slot.retired) return;
    const busy = slot.busy;
    if (!busy) {
      if (this.done < this.targets.length) this.fail(new Error(`a checking thread failed: ${describeWorkerError(error, slot.heapMb)}`));
      return;
    }
    if (isOutOfMemory(error) && slot.heapMb < WORKER_HEAP_LIMIT_MB) {
      clearTimeout(busy.timer);
      slot.busy = null;
      this.retire(slot);
      if (busy.index !== null) slot.lane.queue.unshift(busy.index);
      this.feed(this.spawn(slot.lane, WORKER_HEAP_LIMIT_MB));
      return;
    }
    this.finish(slot, this.failed(busy, `cannot check: ${describeWorkerError(error, slot.heapMb)}; skipped`), true);
  }

  /** The slot's file is done: take its outcome, replace the worker if asked, and hand out the next files. */
  private finish(slot: Slot, outcome: FileOutcome, replace: boolean): void {
    const busy = slot.busy!;
    clearTimeout(busy.timer);
    slot.busy = null;
    if (replace) this.retire(slot);
    if (busy.index !== null) this.accept(busy.index, outcome);
    if (this.finished) return;
    if (replace && slot.lane.queue.length > 0) this.feed(this.spawn(slot.lane, slot.heapMb));
    else if (!replace) this.feed(slot);
    this.read();
  }

  /** The outcome of a file the worker failed on: `error`, as its per-file error. */
  private failed(file: SentFile, error: string): FileOutcome {
    return failedOutcome(file.index === null ? "" : this.targets[file.index]!.filename, error);
  }

  /** The file `file` is the slot's now: its time starts. */
  private start(slot: Slot, file: SentFile): void {
    const timer = setTimeout(() => {
      if (slot.busy?.id !== file.id || slot.retired) return;
      this.finish(slot, this.failed(file, `cannot check: took longer than the per-file limit of ${FILE_TIME_LIMIT_SECONDS} s; skipped`), true);
    }, FILE_TIME_LIMIT_SECONDS * 1000);
    slot.busy = { ...file, timer };
  }

  private feed(slot: Slot): void {
    if (slot.busy || slot.retired) return;
    // A file it was sent ahead is the one it checks next.
    const ahead = slot.queued.shift();
    if (ahead) return this.start(slot, ahead);
    // Its own lane's files first. With none: a worker serving every lane takes the longest other queue; a TS/JS
    // worker of a larger run takes the other lane's files (it has the Python grammar for inline scripts anyway),
    // never the reverse, so the other lane's workers do not load ESLint.
    const steals = slot.lane.name === "typescript" || this.shared();
    const index = slot.lane.queue.shift() ?? (steals ? this.longestQueue(slot.lane)?.queue.shift() : undefined);
    if (index === undefined) {
      // Idle with every file read: nothing more will come.
      if (this.next >= this.targets.length) this.retire(slot);
      return;
    }
    this.start(slot, { id: index, index });
    const { key, settings } = this.settingsOf(index);
    // Settings cross to a worker once per key, not with every file.
    const fresh = !slot.known.has(key);
    slot.known.add(key);
    slot.worker.postMessage(fileRequest(index, this.targets[index]!, key, settings, fresh));
  }

  private retire(slot: Slot): void {
    slot.retired = true;
    slot.lane.slots.delete(slot);
    // Files sent ahead that it never started go back to the front of its lane's queue.
    for (let k = slot.queued.length - 1; k >= 0; k--) {
      const index = slot.queued[k]!.index;
      if (index !== null) slot.lane.queue.unshift(index);
    }
    slot.queued = [];
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
      this.finished = true;
      for (const lane of this.lanes.values()) for (const slot of [...lane.slots]) this.retire(slot);
      this.settle.resolve();
    }
  }

  private fail(error: Error): void {
    if (this.finished) return;
    this.finished = true;
    for (const lane of this.lanes.values()) {
      for (const slot of [...lane.slots]) {
        if (slot.busy) clearTimeout(slot.busy.timer);
        this.retire(slot);
      }
    }
    this.settle.reject(error);
  }
}

function isOutOfMemory(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
}

function describeWorkerError(error: Error, heapMb: number): string {
  if (isOutOfMemory(error)) return `ran out of memory (the per-file limit is a ${heapMb} MB heap)`;
  return error.message;
}
