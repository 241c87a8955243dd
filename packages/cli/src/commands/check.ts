/** `hf-jobs-lint check`: find (and with `--fix` fix) every finding under the given paths. */
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import {
  ConfigError,
  compareDiagnostics,
  countFixable,
  createReporter,
  discoverFiles,
  fileKind,
  DEFAULT_TEST_FILES,
  findConfig,
  findRepositoryRoot,
  getRule,
  loadConfigFile,
  normaliseCodes,
  ReportWriter,
  SourceText,
  StatisticsTally,
  type FileError,
  type FileReport,
  type OutputFormat,
  type ReportTotals,
} from "@hf-jobs-lint/core";
import { checkFiles, defaultThreadCount, displayName, resolveEnabledCodes, runChecks, type CheckSettings, type CheckTarget, type FileOutcome } from "@hf-jobs-lint/engine";
import { UsageError, type Output } from "../io.js";

export interface CheckOptions {
  select?: string[];
  ignore?: string[];
  extendSelect?: string[];
  fix?: boolean;
  unsafeFixes?: boolean;
  diff?: boolean;
  showFixes?: boolean;
  outputFormat: OutputFormat;
  statistics?: boolean;
  exitZero?: boolean;
  config?: string;
  stdinFilename?: string;
  threads?: number;
  quiet?: boolean;
  respectGitignore: boolean;
  includeCounterexamples?: boolean;
  /** `migrate` shows a progress bar on a terminal. */
  progress?: boolean;
}

/** What a run hands its sink: each file's outcome, in file order (again, after a re-check in `--fix`). */
export type OutcomeSink = (index: number, outcome: FileOutcome) => void;

export interface CheckRun {
  /** Files checked. */
  files: number;
  /** Paths that could not be walked (symlink loops, missing paths): no outcome carries them. */
  discoveryErrors: FileError[];
}

function codesFromFlag(values: string[] | undefined, flag: string): string[] | undefined {
  if (!values) return undefined;
  const split = values
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  try {
    return normaliseCodes(split, flag);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Code-unit order, as the reporters sort filenames. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The real paths of what the command line names: fixes are written inside them only. */
function writeRoots(paths: readonly string[], cwd: string): string[] {
  const roots: string[] = [];
  for (const given of paths) {
    try {
      roots.push(fs.realpathSync(path.resolve(cwd, given)));
    } catch {
      // A path that does not exist is reported by discovery; nothing is written under it.
    }
  }
  return roots;
}

/** Settings from the configuration and the flags (flags win). */
function resolveSettings(options: CheckOptions, cwd: string): { settings: CheckSettings; exclude: string[]; configRoot: string } {
  const loaded = options.config ? loadConfigFile(path.resolve(cwd, options.config)) : findConfig(cwd);
  const { config } = loaded;
  const enabled = resolveEnabledCodes(config, {
    select: codesFromFlag(options.select, "--select"),
    ignore: codesFromFlag(options.ignore, "--ignore"),
    extendSelect: codesFromFlag(options.extendSelect, "--extend-select"),
  });
  const settings: CheckSettings = {
    enabled: [...enabled],
    perFileIgnores: config.perFileIgnores ?? {},
    testFiles: [...(config.testFiles ?? DEFAULT_TEST_FILES)],
    configRoot: loaded.root,
    repoRoot: findRepositoryRoot(cwd, cwd),
    includeCounterexamples: options.includeCounterexamples ?? config.includeCounterexamples ?? false,
    fix: Boolean(options.fix),
    unsafeFixes: Boolean(options.unsafeFixes),
    diff: Boolean(options.diff),
  };
  const exclude = [...(config.exclude ?? []), ...(config.extendExclude ?? [])];
  return { settings, exclude, configRoot: loaded.root };
}

/**
 * Check the files the paths name and hand each outcome to `sink` in file order, as soon as it is known. Files are
 * ordered by the name they are shown with, so printing outcomes in this order prints findings sorted as Ruff
 * sorts them. With `--fix`, a launcher whose script was fixed is checked again and handed on once more.
 */
export async function runCheck(paths: string[], options: CheckOptions, io: Output, sink: OutcomeSink): Promise<CheckRun> {
  let resolved;
  try {
    resolved = resolveSettings(options, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const { settings, exclude, configRoot } = resolved;
  settings.writeRoots = writeRoots(paths.length > 0 && paths[0] !== "-" ? paths : ["."], io.cwd);
  const discoveryErrors: FileError[] = [];
  let targets: CheckTarget[];

  if (options.stdinFilename !== undefined || (paths.length === 1 && paths[0] === "-")) {
    const filename = options.stdinFilename ?? "-";
    const kind = fileKind(filename) ?? "python";
    const absolute = options.stdinFilename ? path.resolve(io.cwd, options.stdinFilename) : null;
    targets = [{ filename: absolute ? displayName(absolute, io.cwd) : filename, path: null, kind, text: await io.readStdin() }];
  } else {
    const discovery = discoverFiles(paths.length > 0 ? paths.map((p) => path.resolve(io.cwd, p)) : [io.cwd], {
      root: configRoot,
      exclude,
      respectGitignore: options.respectGitignore,
    });
    for (const error of discovery.errors) discoveryErrors.push({ filename: displayName(error.path, io.cwd), message: error.message });
    targets = discovery.files.map((file) => ({ filename: displayName(file.path, io.cwd), path: file.path, kind: file.kind }));
    targets.sort((a, b) => compareStrings(a.filename, b.filename));
  }

  const threads = options.threads ?? defaultThreadCount();
  let bar: cliProgress.SingleBar | null = null;
  if (options.progress && io.stderrIsTTY && targets.length > 0) {
    bar = new cliProgress.SingleBar(
      { stream: io.progressStream(), format: "{bar} {value}/{total} files", hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(targets.length, 0);
  }
  const rechecks = new RecheckState(settings.fix && !settings.diff);
  await checkFiles(targets, settings, {
    threads,
    ...(bar ? { onProgress: (done: number) => bar!.update(done) } : {}),
    onOutcome: (index, outcome) => {
      rechecks.note(index, targets[index]!, outcome);
      sink(index, outcome);
    },
  });
  bar?.stop();
  await rechecks.run(targets, settings, threads, sink);
  return { files: targets.length, discoveryErrors };
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

  async run(targets: readonly CheckTarget[], settings: CheckSettings, threads: number, sink: OutcomeSink): Promise<void> {
    let written = this.written;
    for (let round = 0; round < MAX_DEPENDENT_ROUNDS && written.size > 0; round++) {
      const indices = [...this.readers].filter(([, reader]) => reader.dependencies.some((dependency) => written.has(dependency))).map(([index]) => index);
      if (indices.length === 0) return;
      const again = await runChecks(
        indices.map((i) => targets[i]!),
        settings,
        threads,
      );
      written = new Set();
      again.forEach((outcome, k) => {
        const index = indices[k]!;
        const previous = this.readers.get(index)!;
        if (outcome.fixed.length > 0 && targets[index]!.path) written.add(targets[index]!.path!);
        const merged = { ...outcome, fixed: [...previous.fixed, ...outcome.fixed], error: outcome.error ?? previous.error };
        this.readers.set(index, { dependencies: outcome.dependencies, fixed: merged.fixed, error: merged.error });
        sink(index, merged);
      });
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

  /** The stderr line, or "" when every printed patch applies. */
  note(): string {
    if (this.redacted === 0) return "";
    const verb = this.patches === 1 ? "shows" : "show";
    return `${this.redacted} of ${this.patches} patch${this.patches === 1 ? "" : "es"} ${verb} redacted tokens and will not apply as printed (marked \`# hf-jobs-lint:\`); \`check --fix\` applies them.\n`;
  }
}

/** Per file, what the closing lines count; a re-checked file's entry is replaced. Files with nothing to count keep no entry. */
class RunTotals {
  private readonly perFile = new Map<number, { remaining: number; applicable: number; hiddenUnsafe: number; fixed: number; error: FileError | null }>();

  constructor(private readonly unsafeFixesEnabled: boolean) {}

  add(index: number, outcome: FileOutcome): void {
    const { applicable, hiddenUnsafe } = countFixable(outcome.diagnostics, this.unsafeFixesEnabled);
    const entry = {
      remaining: outcome.diagnostics.length,
      applicable,
      hiddenUnsafe,
      fixed: outcome.fixed.length,
      error: outcome.error ? { filename: outcome.filename, message: outcome.error } : null,
    };
    if (entry.remaining === 0 && entry.fixed === 0 && !entry.error) this.perFile.delete(index);
    else this.perFile.set(index, entry);
  }

  totals(discoveryErrors: readonly FileError[]): ReportTotals {
    const totals = { remaining: 0, fixApplied: 0, applicable: 0, hiddenUnsafe: 0, errors: [...discoveryErrors] };
    for (const entry of this.perFile.values()) {
      totals.remaining += entry.remaining;
      totals.fixApplied += entry.fixed;
      totals.applicable += entry.applicable;
      totals.hiddenUnsafe += entry.hiddenUnsafe;
      if (entry.error) totals.errors.push(entry.error);
    }
    return totals;
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

/** The report of one file, as a streaming reporter takes it. */
function fileReport(outcome: FileOutcome): FileReport {
  return {
    filename: outcome.filename,
    diagnostics: [...outcome.diagnostics].sort(compareDiagnostics),
    source: outcome.text !== null ? new SourceText(outcome.text) : undefined,
    errors: outcome.error ? [{ filename: outcome.filename, message: outcome.error }] : [],
  };
}

const errorLine = (error: FileError): string => `${error.filename}: error: ${error.message}\n`;

export async function checkCommand(paths: string[], options: CheckOptions, io: Output): Promise<number> {
  const unsafeFixesEnabled = Boolean(options.unsafeFixes);
  const totals = new RunTotals(unsafeFixesEnabled);
  const fixList = new FixList();

  if (options.diff) {
    const patches = new PatchCount();
    let fixable = 0;
    const run = await runCheck(paths, options, io, (index, outcome) => {
      totals.add(index, outcome);
      patches.add(outcome);
      fixable += outcome.fixed.length;
      io.stdout(printedPatch(outcome));
    });
    const { errors } = totals.totals(run.discoveryErrors);
    if (!options.quiet) {
      io.stderr(patches.note());
      io.stderr(fixable > 0 ? `Would fix ${fixable} error${fixable === 1 ? "" : "s"}.\n` : "No errors would be fixed.\n");
    }
    for (const error of errors) io.stderr(errorLine(error));
    if (options.exitZero) return 0;
    return patches.patches > 0 || errors.length > 0 ? 1 : 0;
  }

  const stdin = options.stdinFilename !== undefined || (paths.length === 1 && paths[0] === "-");
  // Ruff's convention: with --fix on stdin, the fixed source goes to stdout and the report to stderr.
  const reportTo = stdin && options.fix ? (text: string) => io.stderr(text) : (text: string) => io.stdout(text);
  const statistics = options.statistics ? new Map<number, FileOutcome["diagnostics"]>() : null;
  const reporter = createReporter(options.outputFormat, { unsafeFixesEnabled, quiet: Boolean(options.quiet) });
  const writer = statistics ? null : new ReportWriter(reporter, reportTo, Boolean(options.fix));
  let stdinText: string | null = null;

  const run = await runCheck(paths, options, io, (index, outcome) => {
    totals.add(index, outcome);
    fixList.add(index, outcome);
    if (outcome.fixedText !== null) stdinText = outcome.fixedText;
    if (statistics) {
      if (outcome.diagnostics.length > 0) statistics.set(index, outcome.diagnostics);
      else statistics.delete(index);
    } else writer!.file(index, fileReport(outcome));
  });
  const summary = totals.totals(run.discoveryErrors);

  if (stdinText !== null) io.source(stdinText);
  if (statistics) {
    const tally = new StatisticsTally({ unsafeFixesEnabled });
    for (const [, diagnostics] of [...statistics].sort(([a], [b]) => a - b)) tally.add(diagnostics);
    io.stdout(tally.format(options.outputFormat));
    for (const error of summary.errors) io.stderr(errorLine(error));
  } else {
    // Ruff's JSON schema has no place for files that could not be checked: they go to stderr.
    if (options.outputFormat === "json" || options.outputFormat === "json-lines") for (const error of summary.errors) io.stderr(errorLine(error));
    writer!.end(summary);
  }
  if (options.showFixes && options.fix) io.stderr(fixList.format());
  if (options.exitZero) return 0;
  return summary.remaining > 0 || summary.errors.length > 0 ? 1 : 0;
}
