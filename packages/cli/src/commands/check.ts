/** `hf-jobs-lint check`: find (and with `--fix` fix) every finding under the given paths. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SingleBar } from "cli-progress";
import {
  compareDiagnostics,
  countFixable,
  createReporter,
  discoverFiles,
  findRepositoryRoot,
  fileKind,
  FolderListings,
  getRule,
  redactText,
  ReportWriter,
  SourceText,
  StatisticsTally,
  toSlashes,
  type Diagnostic,
  type FileError,
  type FileKind,
  type FileReport,
  type OutputFormat,
  type ReportTotals,
} from "@hf-jobs-lint/core";
import {
  checkFiles,
  checkFilesCached,
  defaultThreadCount,
  displayName,
  indexJobScripts,
  isEmptyOutcome,
  packageBuild,
  preloadFor,
  prestartWorker,
  ResultCache,
  RunRecords,
  ScanVerdicts,
  scanScriptReferences,
  sendAhead,
  stopPrestarted,
  type CheckSettings,
  type CheckTarget,
  type FileOutcome,
} from "@hf-jobs-lint/engine";
import { cacheDirFor, cacheDisabled } from "../cache.js";
import { VERSION } from "../version.js";
import { progressStream, UsageError, writeSource, type Io } from "../io.js";
import { colorizeLabel, colorizeReport, colorsEnabled, type ColorChoice } from "../color.js";
import { SettingsResolver, type SettingsFlags } from "../settings.js";

export interface CheckOptions extends SettingsFlags {
  showFixes?: boolean;
  outputFormat: OutputFormat;
  statistics?: boolean;
  exitZero?: boolean;
  stdinFilename?: string;
  threads?: number;
  quiet?: boolean;
  silent?: boolean;
  verbose?: boolean;
  outputFile?: string;
  color?: string;
  fixOnly?: boolean;
  exitNonZeroOnFix?: boolean;
  addNoqa?: boolean;
  showFiles?: boolean;
  showSettings?: boolean;
  watch?: boolean;
  /** `exclude` applies to paths named on the command line too (pre-commit names every staged file). */
  forceExclude?: boolean;
  /** `migrate` shows a progress bar on a terminal. */
  progress?: boolean;
  /** `--no-cache` (false); only plain `check` reads this and `cacheDir` (see `checkCommand`). */
  cache?: boolean;
  cacheDir?: string;
}

export interface CheckRun {
  /** What was checked, in the order checked (each outcome is the target of the same index). */
  targets: CheckTarget[];
  outcomes: FileOutcome[];
  errors: FileError[];
  remaining: Diagnostic[];
  fixedCount: number;
  resolver: SettingsResolver;
  /** The settings target `index` was checked with. */
  settingsOf(index: number): { key: string; settings: CheckSettings };
}

/**
 * The files to check: stdin, or discovery under the paths with each folder's own excludes (the cache answers the
 * kinds of unchanged files; `listings` is filled with the folders walked; `onFile` hears of each file as it is found).
 */
export function findTargets(
  paths: string[],
  options: CheckOptions,
  io: Io,
  resolver: SettingsResolver,
  shared: { cache?: ResultCache | null; listings?: FolderListings; onFile?: (file: { kind: FileKind }) => void } = {},
): { targets: CheckTarget[]; errors: FileError[] } {
  const errors: FileError[] = [];
  if (options.stdinFilename !== undefined || (paths.length === 1 && paths[0] === "-")) {
    const filename = options.stdinFilename ?? "-";
    const kind = fileKind(filename) ?? "python";
    const absolute = options.stdinFilename ? path.resolve(io.cwd, options.stdinFilename) : null;
    // path stays null: stdin is never written back (its fixed text goes to stdout).
    return { targets: [{ filename: absolute ? displayName(absolute, io.cwd) : filename, path: null, kind, text: "" }], errors };
  }
  const discovery = discoverFiles(paths.length > 0 ? paths.map((p) => path.resolve(io.cwd, p)) : [io.cwd], {
    root: io.cwd,
    exclude: [],
    respectGitignore: resolver.respectGitignore(io.cwd),
    isExcluded: (absolute, isDir, folder) => resolver.isExcluded(absolute, isDir, folder),
    isIncluded: (absolute, byDefault, folder) => resolver.isIncluded(absolute, byDefault, folder),
    forceExclude: Boolean(options.forceExclude),
    ...(shared.cache ? { kindOnDisk: shared.cache.kindOnDisk } : {}),
    ...(shared.listings ? { listings: shared.listings } : {}),
    ...(shared.onFile ? { onFile: shared.onFile } : {}),
  });
  for (const error of discovery.errors) errors.push({ filename: displayName(error.path, io.cwd), message: error.message });
  const targets = discovery.files.map((file) => ({ filename: displayName(file.path, io.cwd), path: file.path, kind: file.kind }));
  return { targets, errors };
}

/** What a run hands its sink: each file's outcome, in file order (again, after a re-check in `--fix`). */
export type OutcomeSink = (index: number, outcome: FileOutcome) => void;

/** Whether the command line names a folder to walk (no paths: the working directory), not only files or stdin. */
function namesFolder(paths: readonly string[], options: CheckOptions, cwd: string): boolean {
  if (options.stdinFilename !== undefined || paths.includes("-")) return false;
  if (paths.length === 0) return true;
  return paths.some((given) => {
    try {
      return fs.statSync(path.resolve(cwd, given)).isDirectory();
    } catch {
      return false;
    }
  });
}

/** What is known of a run before its first outcome: the files, their settings, the paths that could not be walked. */
export interface RunPlan {
  targets: CheckTarget[];
  discoveryErrors: FileError[];
  resolver: SettingsResolver;
  /** The settings target `index` is checked with. */
  settingsOf(index: number): { key: string; settings: CheckSettings };
}

/** The real paths of what the command line names: fixes are written inside them only. */
function writeRoots(paths: readonly string[], cwd: string): string[] {
  const roots: string[] = [];
  for (const given of paths.length > 0 && !paths.includes("-") ? paths : ["."]) {
    try {
      roots.push(fs.realpathSync(path.resolve(cwd, given)));
    } catch {
      // A path that does not exist is reported by discovery; nothing is written under it.
    }
  }
  return roots;
}

/** The folders a run record stamps upwards from: each path's (itself when a folder) and the working directory's. */
function recordRoots(paths: readonly string[], resolver: SettingsResolver, cwd: string): { folder: string; repositoryRoot: string }[] {
  const folders = (paths.length > 0 ? paths : ["."]).map((given) => {
    const absolute = path.resolve(cwd, given);
    return fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : path.dirname(absolute);
  });
  return [...folders, path.resolve(cwd)].map((folder) => ({ folder, repositoryRoot: resolver.discovery.repositoryRoot(path.join(folder, "-")) }));
}

/** This package's build: the command's own code decides what it discovers and how it is set up. */
const CLI_BUILD = packageBuild(fileURLToPath(new URL("../..", import.meta.url)));

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Check the files the paths name and hand each outcome to `sink` in file order, as soon as it is known, so a
 * report can be printed as the run goes and nothing of a file is kept after it. Files are ordered by the name they
 * are shown with: printing outcomes in this order prints findings sorted as Ruff sorts them. With `--fix`, a
 * launcher whose script was fixed is checked again and handed on once more. `onPlan` hears of the files first.
 * `cacheDir`: read and write the results cache there (plain `check` only; the other commands never pass it).
 */
export async function streamCheck(
  paths: string[],
  options: CheckOptions,
  io: Io,
  sink: OutcomeSink,
  onPlan?: (plan: RunPlan) => void,
  cacheDir?: (resolver: SettingsResolver) => string | null,
): Promise<RunPlan> {
  // The folders discovery lists, which configuration and hub-version lookups then read instead of the disk.
  const listings = new FolderListings();
  const resolver = new SettingsResolver(options, io.cwd, listings);
  const cacheFolder = cacheDir?.(resolver) ?? null;
  // The same command over a tree in which nothing it rests on changed: its outcomes again, nothing else done.
  const records = cacheFolder !== null ? new RunRecords(cacheFolder, VERSION) : null;
  const recordKey = records ? RunRecords.keyOf([paths, options, CLI_BUILD], io.cwd) : "";
  const replayed = records?.replay(recordKey, io.cwd);
  if (replayed) {
    const { targets } = replayed;
    const plan: RunPlan = { targets, discoveryErrors: replayed.errors, resolver, settingsOf: (index) => resolver.forFile(targets[index]!.path, io.cwd) };
    onPlan?.(plan);
    replayed.outcomes.forEach((outcome, index) => sink(index, outcome));
    return plan;
  }
  const recorder = records?.recorder(recordKey) ?? null;
  const cache = cacheFolder !== null ? ResultCache.open({ dir: cacheFolder, version: VERSION }) : null;
  cache?.useListings(listings);
  // A first run over folders boots its worker while this thread finds the files (a cached run may need none).
  if ((!cache || cache.isEmpty) && namesFolder(paths, options, io.cwd)) prestartWorker();
  // The worker loads each analyzer as discovery first meets a file of its kind.
  const found = findTargets(paths, options, io, resolver, { cache, listings, onFile: (file) => preloadFor(file.kind) });
  const targets = found.targets.sort((a, b) => compareStrings(a.filename, b.filename));
  if (targets.length === 1 && targets[0]!.text !== undefined) targets[0]!.text = await io.readStdin();

  // stdin is checked with the settings of its --stdin-filename, as in Ruff.
  const stdinPath = options.stdinFilename !== undefined ? path.resolve(io.cwd, options.stdinFilename) : null;
  const settingsOf = (index: number) => resolver.forFile(targets[index]!.path ?? stdinPath, io.cwd);
  // Once over every target for each distinct settings, so the re-check of dependents after --fix sees the same evidence.
  const distinct = new Set(targets.map((_, index) => settingsOf(index).settings));
  const roots = writeRoots(paths, io.cwd);
  const threads = options.threads ?? defaultThreadCount();
  for (const settings of distinct) settings.writeRoots = roots;
  // A first run loads its analyzers in workers while this thread scans; a cached run may need no worker at all.
  if (!cache || cache.isEmpty) prestartWorker(targets);
  // The scan reads every file; what the prefilter says of each text is kept, so the run reads again only the files
  // that may need an analyzer, and those are checked meanwhile (a Python file the index then names, again).
  const verdicts = new ScanVerdicts(targets, settingsOf);
  const scanned = scanScriptReferences(targets, cache?.references, (index, text) => {
    if (verdicts.note(index, text) !== "yes") return;
    const { key, settings } = settingsOf(index);
    sendAhead(targets[index]!, key, settings);
  });
  // Settings that differ only in their rules share one index (it depends on the roots and the globs alone).
  const indexes = new Map<string, CheckSettings["jobScripts"]>();
  for (const settings of distinct) {
    const options = { repoRoot: settings.repoRoot, configRoot: settings.configRoot, jobScriptGlobs: settings.jobScriptGlobs };
    const key = JSON.stringify([options.repoRoot, options.configRoot, options.jobScriptGlobs]);
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = indexJobScripts(targets, options, scanned)));
    settings.jobScripts = index;
  }
  const plan: RunPlan = { targets, discoveryErrors: found.errors, resolver, settingsOf };
  onPlan?.(plan);
  let bar: SingleBar | null = null;
  if (options.progress && io.stderrIsTTY && targets.length > 0) {
    const { default: cliProgress } = await import("cli-progress");
    bar = new cliProgress.SingleBar(
      { stream: progressStream(io), format: "{bar} {value}/{total} files", hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(targets.length, 0);
  }
  const rechecks = new RecheckState(Boolean(options.fix && !options.diff));
  const runOptions = {
    threads,
    verdicts,
    ...(bar ? { onProgress: (done: number) => bar!.update(done) } : {}),
    onOutcome: (index: number, outcome: FileOutcome) => {
      rechecks.note(index, targets[index]!, outcome);
      recorder?.note(index, outcome);
      sink(index, outcome);
    },
  };
  if (cache) {
    await checkFilesCached(targets, settingsOf, runOptions, cache);
    const error =
      cache.save() ??
      recorder?.finish({
        targets,
        errors: found.errors,
        listed: listings.folders(),
        roots: recordRoots(paths, resolver, io.cwd),
        configFiles: resolver.discovery.configFilesRead(),
        cwd: io.cwd,
      });
    if (error && !options.silent) io.stderr(`warning: cannot write the results cache in ${cache.dir}: ${error}\n`);
  } else await checkFiles(targets, settingsOf, runOptions);
  // Booted before discovery, unused when no file needed a check (nothing found, every outcome cached).
  stopPrestarted();
  bar?.stop();
  await rechecks.run(targets, settingsOf, threads, sink);
  return plan;
}

/** A whole run at once, for the commands that need every outcome together (watch, add-noqa, migrate, repos). */
export async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<CheckRun> {
  const outcomes: FileOutcome[] = [];
  const plan = await streamCheck(paths, options, io, (index, outcome) => (outcomes[index] = outcome));
  const errors = [...plan.discoveryErrors];
  const remaining: Diagnostic[] = [];
  let fixedCount = 0;
  for (const outcome of outcomes) {
    if (outcome.error) errors.push({ filename: outcome.filename, message: outcome.error });
    for (const diagnostic of outcome.diagnostics) remaining.push(diagnostic);
    fixedCount += outcome.fixed.length;
  }
  remaining.sort(compareDiagnostics);
  return { targets: plan.targets, outcomes, errors, remaining, fixedCount, resolver: plan.resolver, settingsOf: plan.settingsOf };
}

/** Rounds of re-checking launchers whose scripts were fixed; each round can only follow a longer chain. */
const MAX_DEPENDENT_ROUNDS = 3;

/**
 * A launcher's findings depend on the scripts it names (HFJ203/HFJ204): when `--fix` changed a script, the
 * launchers that read it are checked (and fixed) again, so one run leaves nothing a second run would fix. Only
 * the files that read other files are remembered, and only what a re-check needs.
 */
class RecheckState {
  private readonly written = new Set<string>();
  private readonly readers = new Map<number, { dependencies: string[]; fixed: FileOutcome["fixed"]; error: string | null }>();

  constructor(private readonly active: boolean) {}

  note(index: number, target: CheckTarget, outcome: FileOutcome): void {
    if (!this.active) return;
    if (target.path && outcome.fixed.length > 0 && !outcome.error) this.written.add(target.path);
    if (outcome.dependencies.length > 0) this.readers.set(index, { dependencies: outcome.dependencies, fixed: outcome.fixed, error: outcome.error });
  }

  async run(targets: readonly CheckTarget[], settingsOf: (index: number) => { key: string; settings: CheckSettings }, threads: number, sink: OutcomeSink): Promise<void> {
    let written = this.written;
    for (let round = 0; round < MAX_DEPENDENT_ROUNDS && written.size > 0; round++) {
      const indices = [...this.readers].filter(([, reader]) => reader.dependencies.some((dependency) => written.has(dependency))).map(([index]) => index);
      if (indices.length === 0) return;
      const next = new Set<string>();
      await checkFiles(
        indices.map((index) => targets[index]!),
        (k) => settingsOf(indices[k]!),
        {
          threads,
          onOutcome: (k, outcome) => {
            const index = indices[k]!;
            const previous = this.readers.get(index)!;
            if (outcome.fixed.length > 0 && targets[index]!.path) next.add(targets[index]!.path!);
            const merged = { ...outcome, fixed: [...previous.fixed, ...outcome.fixed], error: outcome.error ?? previous.error };
            this.readers.set(index, { dependencies: outcome.dependencies, fixed: merged.fixed, error: merged.error });
            sink(index, merged);
          },
        },
      );
      written = next;
    }
  }
}

/** Marks a patch that shows redacted tokens; `patch` and `git apply` skip such lines between file patches. */
const REDACTED_PATCH_MARK = "# hf-jobs-lint: this patch shows redacted tokens and will not apply as printed; `check --fix` applies it\n";

/** A file's patch as printed: marked when redaction changed it (a token in a context, removed or header line). */
export function printedPatch(outcome: FileOutcome): string {
  return outcome.diff === null ? "" : `${outcome.diffApplies ? "" : REDACTED_PATCH_MARK}${outcome.diff}`;
}

/** Counts of printed patches, for the line that says how many will not apply. */
export class PatchCount {
  patches = 0;
  redacted = 0;

  add(outcome: FileOutcome): void {
    if (outcome.diff === null) return;
    this.patches++;
    if (!outcome.diffApplies) this.redacted++;
  }

  /** The line to say, or "" when every printed patch applies. */
  note(): string {
    if (this.redacted === 0) return "";
    const verb = this.patches === 1 ? "shows" : "show";
    return `${this.redacted} of ${this.patches} patch${this.patches === 1 ? "" : "es"} ${verb} redacted tokens and will not apply as printed (marked \`# hf-jobs-lint:\`); \`check --fix\` applies them.`;
  }
}

/** `--show-fixes`: per fixed file, how many fixes of each rule (a re-checked file's line is replaced). */
class FixList {
  private readonly perFile = new Map<number, { filename: string; codes: string[] }>();

  add(index: number, outcome: FileOutcome): void {
    if (outcome.fixed.length === 0) this.perFile.delete(index);
    else this.perFile.set(index, { filename: outcome.filename, codes: outcome.fixed.map((diagnostic) => diagnostic.code) });
  }

  format(): string {
    const lines: string[] = [];
    let total = 0;
    for (const [, entry] of [...this.perFile].sort(([a], [b]) => a - b)) {
      const counts = new Map<string, number>();
      for (const code of entry.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
      total += entry.codes.length;
      lines.push(`- ${entry.filename}:`);
      for (const [code, count] of [...counts].sort()) lines.push(`    ${count} × ${code} (${getRule(code).name})`);
    }
    if (lines.length === 0) return "No errors fixed\n";
    return `Fixed ${total} error${total === 1 ? "" : "s"}:\n${lines.join("\n")}\n`;
  }
}

/** Where the report and the log lines go: `--output-file`, `--silent`, colours. */
export interface Output {
  report(text: string): void;
  log(text: string): void;
  /** Colours for the report (a TTY, no --output-file, --color). */
  colorReport: boolean;
  colorLog: boolean;
}

export function makeOutput(options: CheckOptions, io: Io, writeFile: (file: string, text: string) => void): Output & { close(): void } {
  const choice = (options.color ?? "auto") as ColorChoice;
  let buffered = "";
  const silent = Boolean(options.silent);
  return {
    report: (text) => {
      if (options.outputFile) buffered += text;
      else if (!silent) io.stdout(text);
    },
    log: (text) => {
      if (!silent) io.stderr(text);
    },
    colorReport: !options.outputFile && colorsEnabled(choice, Boolean(io.stdoutIsTTY)),
    colorLog: colorsEnabled(choice, io.stderrIsTTY),
    close: () => {
      if (options.outputFile) writeFile(path.resolve(io.cwd, options.outputFile), buffered);
    },
  };
}

/** Per file, what the closing lines count; a re-checked file's entry is replaced. Files with nothing to count keep no entry. */
class RunTotals {
  private readonly perFile = new Map<number, { remaining: number; applicable: number; hiddenUnsafe: number; fixed: number; error: FileError | null }>();

  constructor(private readonly unsafeFixesEnabled: boolean) {}

  add(index: number, outcome: FileOutcome): void {
    const { applicable, hiddenUnsafe } = countFixable(outcome.diagnostics, this.unsafeFixesEnabled);
    const error = outcome.error ? { filename: outcome.filename, message: outcome.error } : null;
    const entry = { remaining: outcome.diagnostics.length, applicable, hiddenUnsafe, fixed: outcome.fixed.length, error };
    if (entry.remaining === 0 && entry.fixed === 0 && !entry.error) this.perFile.delete(index);
    else this.perFile.set(index, entry);
  }

  totals(plan: RunPlan): ReportTotals {
    const totals = { remaining: 0, fixApplied: 0, applicable: 0, hiddenUnsafe: 0, errors: [...plan.discoveryErrors], checkedFiles: plan.targets.length };
    for (const [, entry] of [...this.perFile].sort(([a], [b]) => a - b)) {
      totals.remaining += entry.remaining;
      totals.fixApplied += entry.fixed;
      totals.applicable += entry.applicable;
      totals.hiddenUnsafe += entry.hiddenUnsafe;
      if (entry.error) totals.errors.push(entry.error);
    }
    return totals;
  }
}

/** Notes and warnings about one file, for stderr: scripts a launch names that were not found, bad `# noqa` codes. */
function fileNotes(plan: RunPlan, index: number, outcome: FileOutcome): string[] {
  const lines: string[] = [];
  for (const warning of outcome.warnings) lines.push(`warning: ${outcome.filename}: ${warning}`);
  if (outcome.unresolvedScripts.length === 0) return lines;
  // Said only where a rule that needs the script is on: with HFJ203 and HFJ204 off, nothing is missing.
  const enabled = plan.settingsOf(index).settings.enabled;
  if (!enabled.includes("HFJ203") && !enabled.includes("HFJ204")) return lines;
  // Docs name example scripts that exist only in the reader's project (`hf jobs uv run train.py`): not worth a note.
  if (plan.targets[index]?.kind === "markdown") return lines;
  for (const script of outcome.unresolvedScripts) {
    lines.push(`note: ${outcome.filename}: the launched script \`${script}\` was not found, so what token it needs is unknown (HFJ203/HFJ204 not checked for it)`);
  }
  return lines;
}

/** The report of one file, as a streaming reporter takes it. */
function fileReport(outcome: FileOutcome): FileReport {
  return {
    filename: outcome.filename,
    diagnostics: [...outcome.diagnostics].sort(compareDiagnostics),
    source: outcome.text !== null ? new SourceText(outcome.text) : undefined,
    errors: outcome.error ? [{ filename: outcome.filename, message: outcome.error }] : [],
  };
}

/**
 * Printing a run as its outcomes arrive: the report's chunks as files are done, counts and the few lines per file
 * the closing text needs (notes, `--show-fixes`), never a file's text. `finish` prints the rest.
 */
class RunReport {
  private readonly totals: RunTotals;
  private readonly fixList = new FixList();
  private readonly patches = new PatchCount();
  private readonly notes = new Map<number, string[]>();
  private readonly statistics: Map<number, Diagnostic[]> | null;
  private writer: ReportWriter | null = null;
  private fixableInDiff = 0;
  private fixedText: string | null = null;
  private plan: RunPlan | null = null;
  /** Files with an outcome that held something. */
  private readonly reported = new Set<number>();
  private stdin: boolean;

  constructor(
    private readonly options: CheckOptions,
    private readonly output: Output,
    private readonly io: Io,
  ) {
    this.totals = new RunTotals(Boolean(options.unsafeFixes));
    this.statistics = options.statistics && !options.diff && !options.fixOnly ? new Map() : null;
    this.stdin = options.stdinFilename !== undefined;
  }

  /** The files are known: the report can start. */
  start(plan: RunPlan): void {
    this.plan = plan;
    this.stdin ||= plan.targets.length === 1 && plan.targets[0]!.text !== undefined;
    if (this.options.diff || this.options.fixOnly || this.statistics) return;
    const reporter = createReporter(this.options.outputFormat, {
      unsafeFixesEnabled: Boolean(this.options.unsafeFixes),
      quiet: Boolean(this.options.quiet),
      ...(REPOSITORY_PATH_FORMATS.has(this.options.outputFormat) ? { repositoryPaths: repositoryPaths(plan, this.io.cwd) } : {}),
    });
    const colored = (text: string) => (this.output.colorReport ? colorizeReport(text, this.options.outputFormat) : text);
    // Ruff's convention: with --fix on stdin, the fixed source goes to stdout and the report to stderr.
    const write = this.stdin && this.options.fix ? (text: string) => this.output.log(text) : (text: string) => this.output.report(colored(text));
    this.writer = new ReportWriter(reporter, write, Boolean(this.options.fix));
  }

  file(index: number, outcome: FileOutcome): void {
    // Most files have nothing to report: unless an earlier outcome of the same file (before a fix) is taken back,
    // there is nothing to count or print (5k calls on a warm run).
    if (isEmptyOutcome(outcome) && !this.reported.has(index)) return;
    this.reported.add(index);
    this.totals.add(index, outcome);
    this.fixList.add(index, outcome);
    const notes = fileNotes(this.plan!, index, outcome);
    if (notes.length > 0) this.notes.set(index, notes);
    else this.notes.delete(index);
    if (outcome.fixedText !== null) this.fixedText = outcome.fixedText;
    if (this.options.diff) {
      this.patches.add(outcome);
      this.fixableInDiff += outcome.fixed.length;
      this.output.report(printedPatch(outcome));
    } else if (this.statistics) {
      if (outcome.diagnostics.length > 0) this.statistics.set(index, outcome.diagnostics);
      else this.statistics.delete(index);
    } else this.writer?.file(index, fileReport(outcome));
  }

  /** The closing text and the exit status. */
  finish(started: number): number {
    const plan = this.plan!;
    const { options, output } = this;
    const totals = this.totals.totals(plan);
    const log = (line: string) => output.log(colorizeLabel(`${redactText(line)}\n`, output.colorLog));
    const fileErrorsToLog = () => {
      for (const error of totals.errors) log(`${error.filename}: error: ${error.message}`);
    };
    if (options.verbose) for (const line of verboseLines(plan, totals, started)) log(line);
    if (plan.targets.length === 0 && plan.discoveryErrors.length === 0 && !options.quiet) log("warning: No files found under the given path(s)");
    if (!options.quiet) for (const [, lines] of [...this.notes].sort(([a], [b]) => a - b)) for (const line of lines) log(line);
    const fixed = totals.fixApplied;
    const exitFor = (findings: boolean): number => {
      if (options.exitZero) return 0;
      if (options.exitNonZeroOnFix && fixed > 0) return 1;
      return findings ? 1 : 0;
    };

    if (options.diff) {
      if (!options.quiet) {
        const note = this.patches.note();
        if (note) log(note);
        log(this.fixableInDiff > 0 ? `Would fix ${this.fixableInDiff} error${this.fixableInDiff === 1 ? "" : "s"}.` : "No errors would be fixed.");
      }
      fileErrorsToLog();
      return options.exitZero ? 0 : this.patches.patches > 0 || totals.errors.length > 0 ? 1 : 0;
    }
    // Code Quality reports have no place for a file that could not be checked: it is said on stderr.
    if (options.outputFormat === "gitlab") fileErrorsToLog();
    if (this.fixedText !== null) writeSource(this.io, this.fixedText);
    if (options.fixOnly) {
      // Ruff's --fix-only: what was fixed, nothing about what remains.
      if (!options.quiet && fixed > 0) output.report(`Fixed ${fixed} error${fixed === 1 ? "" : "s"}.\n`);
      fileErrorsToLog();
      if (options.showFixes) output.log(redactText(this.fixList.format()));
      return exitFor(false);
    }
    if (this.statistics) {
      const tally = new StatisticsTally({ unsafeFixesEnabled: Boolean(options.unsafeFixes) });
      for (const [, diagnostics] of [...this.statistics].sort(([a], [b]) => a - b)) tally.add(diagnostics);
      const text = tally.format(options.outputFormat);
      output.report(output.colorReport ? colorizeReport(text, options.outputFormat) : text);
      fileErrorsToLog();
    } else this.writer!.end(totals);
    if (options.showFixes && options.fix) output.log(redactText(this.fixList.format()));
    return exitFor(totals.remaining > 0 || totals.errors.length > 0);
  }
}

export async function checkCommand(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  // The other modes load their modules only when asked for (add-noqa loads the Python parser, watch chokidar).
  if (options.watch) return (await import("./watch.js")).watchCommand(paths, options, io);
  if (options.showFiles || options.showSettings) return (await import("./show.js")).showCommand(paths, options, io);
  if (options.addNoqa) return (await import("./add-noqa.js")).addNoqaCommand(paths, options, io);
  const started = Date.now();
  const effective: CheckOptions = options.fixOnly ? { ...options, fix: true } : options;
  const output = makeOutput(effective, io, (file, text) => writeTextFile(file, text));
  const report = new RunReport(effective, output, io);
  // The results cache, for a plain check of files on disk: a fix, a diff or stdin is always checked afresh.
  const stdin = effective.stdinFilename !== undefined || (paths.length === 1 && paths[0] === "-");
  const cached = !effective.fix && !effective.diff && !stdin && !cacheDisabled(effective);
  await streamCheck(
    paths,
    effective,
    io,
    (index, outcome) => report.file(index, outcome),
    (plan) => report.start(plan),
    cached ? (resolver) => cacheDirFor(effective, resolver, io.cwd) : undefined,
  );
  const code = report.finish(started);
  output.close();
  return code;
}

function writeTextFile(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The report file passes the same redactor as everything the CLI prints.
    fs.writeFileSync(file, redactText(text));
  } catch (error) {
    throw new UsageError(`--output-file: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Print a finished run as the options ask (`--watch`); returns the exit status. */
export function reportRun(run: CheckRun, options: CheckOptions, output: Output, started: number, io: Io): number {
  const report = new RunReport(options, output, io);
  const discoveryErrors = run.errors.filter((error) => !run.outcomes.some((outcome) => outcome.filename === error.filename && outcome.error === error.message));
  report.start({ targets: run.targets, discoveryErrors, resolver: run.resolver, settingsOf: run.settingsOf });
  run.outcomes.forEach((outcome, index) => report.file(index, outcome));
  return report.finish(started);
}

/** The formats that name files relative to the repository root. */
const REPOSITORY_PATH_FORMATS: ReadonlySet<OutputFormat> = new Set(["sarif", "github", "gitlab"]);

/**
 * Each checked file's path relative to the repository root of the working directory (GITHUB_WORKSPACE or
 * CI_PROJECT_DIR in CI), for the formats that CI resolves against the checkout: SARIF, `github`, `gitlab`.
 */
function repositoryPaths(run: RunPlan, cwd: string): { root: string; paths: Map<string, string> } {
  const root = findRepositoryRoot(cwd, cwd);
  const paths = new Map<string, string>();
  const add = (filename: string, absolute: string) => {
    const relative = path.relative(root, absolute);
    if (relative && !relative.startsWith("..") && !path.isAbsolute(relative)) paths.set(filename, toSlashes(relative));
  };
  for (const target of run.targets) if (target.path) add(target.filename, target.path);
  for (const error of run.discoveryErrors) if (!paths.has(error.filename)) add(error.filename, path.resolve(cwd, error.filename));
  return { root, paths };
}

/** `-v`: which configuration each file got, how many files, how long. */
function verboseLines(run: RunPlan, totals: ReportTotals, started: number): string[] {
  const byConfig = new Map<string, number>();
  for (const target of run.targets) {
    if (!target.path) continue;
    const file = run.resolver.configFor(target.path).loaded.file ?? "(defaults: no configuration file)";
    byConfig.set(file, (byConfig.get(file) ?? 0) + 1);
  }
  const lines = [...byConfig].map(([file, count]) => `[hf-jobs-lint] ${count} file${count === 1 ? "" : "s"} checked with ${file}`);
  const fixed = totals.fixApplied > 0 ? `, ${totals.fixApplied} fixed` : "";
  lines.push(`[hf-jobs-lint] Checked ${run.targets.length} file${run.targets.length === 1 ? "" : "s"} in ${Date.now() - started} ms${fixed}`);
  return lines;
}
