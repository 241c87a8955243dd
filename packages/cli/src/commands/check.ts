/** `hf-jobs-lint check`: find (and with `--fix` fix) every finding under the given paths. */
import path from "node:path";
import cliProgress from "cli-progress";
import {
  ConfigError,
  compareDiagnostics,
  discoverFiles,
  fileKind,
  DEFAULT_TEST_FILES,
  findConfig,
  findRepositoryRoot,
  formatReport,
  formatStatistics,
  getRule,
  loadConfigFile,
  normaliseCodes,
  redactText,
  SourceText,
  type Diagnostic,
  type FileError,
  type OutputFormat,
} from "@hf-jobs-lint/core";
import { defaultThreadCount, displayName, indexJobScripts, resolveEnabledCodes, runChecks, type CheckSettings, type CheckTarget, type FileOutcome } from "@hf-jobs-lint/engine";
import { UsageError, type Io } from "../io.js";

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
  /** `exclude` applies to paths named on the command line too (pre-commit names every staged file). */
  forceExclude?: boolean;
  includeCounterexamples?: boolean;
  /** `migrate` shows a progress bar on a terminal. */
  progress?: boolean;
  /** Look for the configuration no higher than this folder (`--repos`: each repository's own configuration). */
  configBoundary?: string;
}

export interface CheckRun {
  outcomes: FileOutcome[];
  errors: FileError[];
  remaining: Diagnostic[];
  fixedCount: number;
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

/** Settings from the configuration and the flags (flags win). */
function resolveSettings(options: CheckOptions, cwd: string): { settings: CheckSettings; exclude: string[]; configRoot: string } {
  const loaded = options.config ? loadConfigFile(path.resolve(cwd, options.config)) : findConfig(cwd, options.configBoundary);
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
    jobScriptGlobs: [...(config.jobScripts ?? [])],
    configRoot: loaded.root,
    repoRoot: findRepositoryRoot(cwd, cwd),
    includeCounterexamples: options.includeCounterexamples ?? config.includeCounterexamples ?? false,
    hubVersion: config.hubVersion ?? null,
    fix: Boolean(options.fix),
    unsafeFixes: Boolean(options.unsafeFixes),
    diff: Boolean(options.diff),
  };
  const exclude = [...(config.exclude ?? []), ...(config.extendExclude ?? [])];
  return { settings, exclude, configRoot: loaded.root };
}

export async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<CheckRun> {
  let resolved;
  try {
    resolved = resolveSettings(options, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const { settings, exclude, configRoot } = resolved;
  const errors: FileError[] = [];
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
      forceExclude: Boolean(options.forceExclude),
    });
    for (const error of discovery.errors) errors.push({ filename: displayName(error.path, io.cwd), message: error.message });
    targets = discovery.files.map((file) => ({ filename: displayName(file.path, io.cwd), path: file.path, kind: file.kind }));
  }

  // Once over every target, so the re-check of dependents after --fix sees the same evidence.
  settings.jobScripts = indexJobScripts(targets, { repoRoot: settings.repoRoot, configRoot: settings.configRoot, jobScriptGlobs: settings.jobScriptGlobs });
  const threads = options.threads ?? defaultThreadCount();
  let bar: cliProgress.SingleBar | null = null;
  if (options.progress && io.stderrIsTTY && targets.length > 0) {
    bar = new cliProgress.SingleBar({ stream: process.stderr, format: "{bar} {value}/{total} files", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
    bar.start(targets.length, 0);
  }
  const outcomes = await runChecks(targets, settings, threads, bar ? (done) => bar!.update(done) : undefined);
  bar?.stop();
  if (settings.fix && !settings.diff) await recheckDependents(targets, outcomes, settings, threads);

  const remaining: Diagnostic[] = [];
  let fixedCount = 0;
  for (const outcome of outcomes) {
    if (outcome.error) errors.push({ filename: outcome.filename, message: outcome.error });
    remaining.push(...outcome.diagnostics);
    fixedCount += outcome.fixed.length;
  }
  remaining.sort(compareDiagnostics);
  return { outcomes, errors, remaining, fixedCount };
}

/** Rounds of re-checking launchers whose scripts were fixed; each round can only follow a longer chain. */
const MAX_DEPENDENT_ROUNDS = 3;

/**
 * A launcher's findings depend on the scripts it names (HFJ203/HFJ204): when `--fix` changed a script, the
 * launchers that read it are checked (and fixed) again, so one run leaves nothing a second run would fix.
 */
async function recheckDependents(targets: readonly CheckTarget[], outcomes: FileOutcome[], settings: CheckSettings, threads: number): Promise<void> {
  let written = new Set(targets.filter((target, i) => target.path && outcomes[i]!.fixed.length > 0 && !outcomes[i]!.error).map((target) => target.path!));
  for (let round = 0; round < MAX_DEPENDENT_ROUNDS && written.size > 0; round++) {
    const indices = outcomes.flatMap((outcome, i) => (outcome.dependencies.some((dependency) => written.has(dependency)) ? [i] : []));
    if (indices.length === 0) return;
    const again = await runChecks(
      indices.map((i) => targets[i]!),
      settings,
      threads,
    );
    written = new Set();
    again.forEach((outcome, k) => {
      const i = indices[k]!;
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

export async function checkCommand(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const run = await runCheck(paths, options, io);
  const sources = new Map<string, SourceText>();
  for (const outcome of run.outcomes) if (outcome.text !== null) sources.set(outcome.filename, new SourceText(outcome.text));

  if (options.diff) {
    const diffs = run.outcomes.map((outcome) => outcome.diff).filter((diff): diff is string => diff !== null);
    io.stdout(diffs.join(""));
    if (!options.quiet) {
      const fixable = run.outcomes.reduce((sum, outcome) => sum + outcome.fixed.length, 0);
      io.stderr(fixable > 0 ? `Would fix ${fixable} error${fixable === 1 ? "" : "s"}.\n` : "No errors would be fixed.\n");
    }
    for (const error of run.errors) io.stderr(`${error.filename}: error: ${redactText(error.message)}\n`);
    if (options.exitZero) return 0;
    return diffs.length > 0 || run.errors.length > 0 ? 1 : 0;
  }

  const stdinFixed = run.outcomes.find((outcome) => outcome.fixedText !== null);
  if (stdinFixed && stdinFixed.fixedText !== null) {
    // Ruff's convention: with --fix on stdin, the fixed source goes to stdout and the report to stderr.
    io.stdout(stdinFixed.fixedText);
    io.stderr(
      formatReport(options.outputFormat, { diagnostics: run.remaining, errors: run.errors, sources, fixApplied: run.fixedCount, unsafeFixesEnabled: Boolean(options.unsafeFixes) }),
    );
  } else if (options.statistics) {
    io.stdout(formatStatistics(run.remaining, options.outputFormat, { unsafeFixesEnabled: Boolean(options.unsafeFixes) }));
    for (const error of run.errors) io.stderr(`${error.filename}: error: ${redactText(error.message)}\n`);
  } else {
    // Ruff's JSON schema has no place for files that could not be checked: they go to stderr.
    if (options.outputFormat === "json" || options.outputFormat === "json-lines") {
      for (const error of run.errors) io.stderr(`${error.filename}: error: ${redactText(error.message)}\n`);
    }
    io.stdout(
      formatReport(options.outputFormat, {
        diagnostics: run.remaining,
        errors: run.errors,
        sources,
        fixApplied: run.fixedCount,
        unsafeFixesEnabled: Boolean(options.unsafeFixes),
        quiet: Boolean(options.quiet),
      }),
    );
  }
  if (options.showFixes && options.fix) io.stderr(redactText(showFixesSummary(run.outcomes)));
  if (options.exitZero) return 0;
  return run.remaining.length > 0 || run.errors.length > 0 ? 1 : 0;
}
