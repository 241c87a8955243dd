/** `hf-jobs-lint check`: find (and with `--fix` fix) every finding under the given paths. */
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import {
  compareDiagnostics,
  discoverFiles,
  findRepositoryRoot,
  fileKind,
  formatReport,
  formatStatistics,
  getRule,
  redactText,
  SourceText,
  type Diagnostic,
  type FileError,
  type OutputFormat,
} from "@hf-jobs-lint/core";
import { defaultThreadCount, displayName, indexJobScripts, runChecks, type CheckSettings, type CheckTarget, type FileOutcome } from "@hf-jobs-lint/engine";
import { UsageError, type Io } from "../io.js";
import { colorizeLabel, colorizeReport, colorsEnabled, type ColorChoice } from "../color.js";
import { addNoqaCommand } from "./add-noqa.js";
import { showCommand } from "./show.js";
import { watchCommand } from "./watch.js";
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

/** The files to check: stdin, or discovery under the paths with each folder's own excludes. */
export function findTargets(paths: string[], options: CheckOptions, io: Io, resolver: SettingsResolver): { targets: CheckTarget[]; errors: FileError[] } {
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
    isExcluded: (absolute, isDir) => resolver.isExcluded(absolute, isDir),
    forceExclude: Boolean(options.forceExclude),
  });
  for (const error of discovery.errors) errors.push({ filename: displayName(error.path, io.cwd), message: error.message });
  const targets = discovery.files.map((file) => ({ filename: displayName(file.path, io.cwd), path: file.path, kind: file.kind }));
  return { targets, errors };
}

/** Check `targets` in batches of files that share settings; outcomes in target order. */
async function runBatches(
  targets: readonly CheckTarget[],
  indices: readonly number[],
  settingsOf: (index: number) => { key: string; settings: CheckSettings },
  threads: number,
  onDone?: () => void,
): Promise<Map<number, FileOutcome>> {
  const batches = new Map<string, { settings: CheckSettings; indices: number[] }>();
  for (const index of indices) {
    const { key, settings } = settingsOf(index);
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { settings, indices: [] }));
    batch.indices.push(index);
  }
  const results = new Map<number, FileOutcome>();
  for (const batch of batches.values()) {
    let reported = 0;
    const outcomes = await runChecks(
      batch.indices.map((index) => targets[index]!),
      batch.settings,
      threads,
      onDone
        ? (done) => {
            for (; reported < done; reported++) onDone();
          }
        : undefined,
    );
    outcomes.forEach((outcome, k) => results.set(batch.indices[k]!, outcome));
  }
  return results;
}

export async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<CheckRun> {
  const resolver = new SettingsResolver(options, io.cwd);
  const found = findTargets(paths, options, io, resolver);
  const errors = [...found.errors];
  const targets = found.targets;
  if (targets.length === 1 && targets[0]!.text !== undefined) targets[0]!.text = await io.readStdin();

  // stdin is checked with the settings of its --stdin-filename, as in Ruff.
  const stdinPath = options.stdinFilename !== undefined ? path.resolve(io.cwd, options.stdinFilename) : null;
  const settingsOf = (index: number) => resolver.forFile(targets[index]!.path ?? stdinPath, io.cwd);
  // Once over every target for each distinct settings, so the re-check of dependents after --fix sees the same evidence.
  const distinct = new Set(targets.map((_, index) => settingsOf(index).settings));
  for (const settings of distinct) {
    settings.jobScripts = indexJobScripts(targets, { repoRoot: settings.repoRoot, configRoot: settings.configRoot, jobScriptGlobs: settings.jobScriptGlobs });
  }
  const threads = options.threads ?? defaultThreadCount();
  let bar: cliProgress.SingleBar | null = null;
  if (options.progress && io.stderrIsTTY && targets.length > 0) {
    bar = new cliProgress.SingleBar({ stream: process.stderr, format: "{bar} {value}/{total} files", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
    bar.start(targets.length, 0);
  }
  let done = 0;
  const results = await runBatches(
    targets,
    targets.map((_, i) => i),
    settingsOf,
    threads,
    bar ? () => bar!.update(++done) : undefined,
  );
  bar?.stop();
  const outcomes = targets.map((_, i) => results.get(i)!);
  if (options.fix && !options.diff) await recheckDependents(targets, outcomes, settingsOf, threads);

  const remaining: Diagnostic[] = [];
  let fixedCount = 0;
  for (const outcome of outcomes) {
    if (outcome.error) errors.push({ filename: outcome.filename, message: outcome.error });
    remaining.push(...outcome.diagnostics);
    fixedCount += outcome.fixed.length;
  }
  remaining.sort(compareDiagnostics);
  return { targets, outcomes, errors, remaining, fixedCount, resolver, settingsOf };
}

/** Rounds of re-checking launchers whose scripts were fixed; each round can only follow a longer chain. */
const MAX_DEPENDENT_ROUNDS = 3;

/**
 * A launcher's findings depend on the scripts it names (HFJ203/HFJ204): when `--fix` changed a script, the
 * launchers that read it are checked (and fixed) again, so one run leaves nothing a second run would fix.
 */
async function recheckDependents(
  targets: readonly CheckTarget[],
  outcomes: FileOutcome[],
  settingsOf: (index: number) => { key: string; settings: CheckSettings },
  threads: number,
): Promise<void> {
  let written = new Set(targets.filter((target, i) => target.path && outcomes[i]!.fixed.length > 0 && !outcomes[i]!.error).map((target) => target.path!));
  for (let round = 0; round < MAX_DEPENDENT_ROUNDS && written.size > 0; round++) {
    const indices = outcomes.flatMap((outcome, i) => (outcome.dependencies.some((dependency) => written.has(dependency)) ? [i] : []));
    if (indices.length === 0) return;
    const again = await runBatches(targets, indices, settingsOf, threads);
    written = new Set();
    indices.forEach((i) => {
      const outcome = again.get(i)!;
      const previous = outcomes[i]!;
      if (outcome.fixed.length > 0 && targets[i]!.path) written.add(targets[i]!.path!);
      outcomes[i] = { ...outcome, fixed: [...previous.fixed, ...outcome.fixed], error: outcome.error ?? previous.error };
    });
  }
}

function showFixesSummary(outcomes: readonly FileOutcome[]): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.fixed.length === 0) continue;
    const counts = new Map<string, number>();
    for (const { code } of outcome.fixed) counts.set(code, (counts.get(code) ?? 0) + 1);
    lines.push(`${outcome.filename}:`);
    for (const [code, count] of [...counts].sort()) lines.push(`    ${count} × ${code} (${getRule(code).name})`);
  }
  if (lines.length === 0) return "No errors fixed\n";
  const total = outcomes.reduce((sum, outcome) => sum + outcome.fixed.length, 0);
  return `Fixed ${total} error${total === 1 ? "" : "s"}:\n${lines.map((line) => (line.startsWith(" ") ? line : `- ${line}`)).join("\n")}\n`;
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

/** Notes and warnings about the run, on stderr: scripts a launch names that were not found, bad `# noqa` codes. */
function runNotes(run: CheckRun): string[] {
  const lines: string[] = [];
  run.outcomes.forEach((outcome, index) => {
    for (const warning of outcome.warnings) lines.push(`warning: ${outcome.filename}: ${warning}`);
    // Said only where a rule that needs the script is on: with HFJ203 and HFJ204 off, nothing is missing.
    const enabled = run.settingsOf(index).settings.enabled;
    if (!enabled.includes("HFJ203") && !enabled.includes("HFJ204")) return;
    // Docs name example scripts that exist only in the reader's project (`hf jobs uv run train.py`): not worth a note.
    if (run.targets[index]?.kind === "markdown") return;
    for (const script of outcome.unresolvedScripts) {
      lines.push(`note: ${outcome.filename}: the launched script \`${script}\` was not found, so what token it needs is unknown (HFJ203/HFJ204 not checked for it)`);
    }
  });
  return lines;
}

export async function checkCommand(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  if (options.watch) return watchCommand(paths, options, io);
  if (options.showFiles || options.showSettings) return showCommand(paths, options, io);
  if (options.addNoqa) return addNoqaCommand(paths, options, io);
  const started = Date.now();
  const effective: CheckOptions = options.fixOnly ? { ...options, fix: true } : options;
  const run = await runCheck(paths, effective, io);
  const output = makeOutput(effective, io, (file, text) => writeTextFile(file, text));
  const code = reportRun(run, effective, output, started, io);
  output.close();
  return code;
}

function writeTextFile(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`--output-file: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Print a finished run as the options ask; returns the exit status. */
export function reportRun(run: CheckRun, options: CheckOptions, output: Output, started: number, io: Pick<Io, "cwd">): number {
  const sources = new Map<string, SourceText>();
  for (const outcome of run.outcomes) if (outcome.text !== null) sources.set(outcome.filename, new SourceText(outcome.text));
  const log = (line: string) => output.log(colorizeLabel(`${redactText(line)}\n`, output.colorLog));
  const fileErrorsToLog = () => {
    for (const error of run.errors) log(`${error.filename}: error: ${error.message}`);
  };
  if (options.verbose) for (const line of verboseLines(run, started)) log(line);
  if (run.targets.length === 0 && run.errors.length === 0 && !options.quiet) log("warning: No files found under the given path(s)");
  if (!options.quiet) for (const line of runNotes(run)) log(line);
  const fixed = run.fixedCount;
  const exitFor = (findings: boolean): number => {
    if (options.exitZero) return 0;
    if (options.exitNonZeroOnFix && fixed > 0) return 1;
    return findings ? 1 : 0;
  };

  if (options.diff) {
    const diffs = run.outcomes.map((outcome) => outcome.diff).filter((diff): diff is string => diff !== null);
    output.report(diffs.join(""));
    if (!options.quiet) {
      const fixable = run.outcomes.reduce((sum, outcome) => sum + outcome.fixed.length, 0);
      log(fixable > 0 ? `Would fix ${fixable} error${fixable === 1 ? "" : "s"}.` : "No errors would be fixed.");
    }
    fileErrorsToLog();
    return options.exitZero ? 0 : diffs.length > 0 || run.errors.length > 0 ? 1 : 0;
  }

  const reportInput = {
    diagnostics: run.remaining,
    errors: run.errors,
    sources,
    fixApplied: fixed,
    unsafeFixesEnabled: Boolean(options.unsafeFixes),
    quiet: Boolean(options.quiet),
    checkedFiles: run.targets.length,
    repositoryPaths: repositoryPaths(run, io.cwd),
  };
  // Code Quality reports have no place for a file that could not be checked: it is said on stderr.
  if (options.outputFormat === "gitlab") fileErrorsToLog();
  const colored = (text: string) => (output.colorReport ? colorizeReport(text, options.outputFormat) : text);
  const stdinFixed = run.outcomes.find((outcome) => outcome.fixedText !== null);
  if (stdinFixed && stdinFixed.fixedText !== null) {
    // Ruff's convention: with --fix on stdin, the fixed source goes to stdout and the report to stderr.
    output.report(stdinFixed.fixedText);
    if (!options.fixOnly) output.log(formatReport(options.outputFormat, reportInput));
  } else if (options.fixOnly) {
    // Ruff's --fix-only: what was fixed, nothing about what remains.
    if (!options.quiet && fixed > 0) output.report(`Fixed ${fixed} error${fixed === 1 ? "" : "s"}.\n`);
    fileErrorsToLog();
    if (options.showFixes) output.log(redactText(showFixesSummary(run.outcomes)));
    return exitFor(false);
  } else if (options.statistics) {
    output.report(colored(formatStatistics(run.remaining, options.outputFormat, { unsafeFixesEnabled: Boolean(options.unsafeFixes) })));
    fileErrorsToLog();
  } else {
    output.report(colored(formatReport(options.outputFormat, reportInput)));
  }
  if (options.showFixes && options.fix) output.log(redactText(showFixesSummary(run.outcomes)));
  return exitFor(run.remaining.length > 0 || run.errors.length > 0);
}

/**
 * Each checked file's path relative to the repository root of the working directory (GITHUB_WORKSPACE or
 * CI_PROJECT_DIR in CI), for the formats that CI resolves against the checkout: SARIF, `github`, `gitlab`.
 */
function repositoryPaths(run: CheckRun, cwd: string): { root: string; paths: Map<string, string> } {
  const root = findRepositoryRoot(cwd, cwd);
  const paths = new Map<string, string>();
  const add = (filename: string, absolute: string) => {
    const relative = path.relative(root, absolute);
    if (relative && !relative.startsWith("..") && !path.isAbsolute(relative)) paths.set(filename, relative.split(path.sep).join("/"));
  };
  for (const target of run.targets) if (target.path) add(target.filename, target.path);
  for (const error of run.errors) if (!paths.has(error.filename)) add(error.filename, path.resolve(cwd, error.filename));
  return { root, paths };
}

/** `-v`: which configuration each file got, how many files, how long. */
function verboseLines(run: CheckRun, started: number): string[] {
  const byConfig = new Map<string, number>();
  for (const target of run.targets) {
    if (!target.path) continue;
    const file = run.resolver.configFor(target.path).loaded.file ?? "(defaults: no configuration file)";
    byConfig.set(file, (byConfig.get(file) ?? 0) + 1);
  }
  const lines = [...byConfig].map(([file, count]) => `[hf-jobs-lint] ${count} file${count === 1 ? "" : "s"} checked with ${file}`);
  const fixed = run.fixedCount > 0 ? `, ${run.fixedCount} fixed` : "";
  lines.push(`[hf-jobs-lint] Checked ${run.targets.length} file${run.targets.length === 1 ? "" : "s"} in ${Date.now() - started} ms${fixed}`);
  return lines;
}
