/**
 * One unit of work, the same in the main thread and in a worker: read a file, lint it, fix it, and write it
 * back (or produce its diff). Everything it returns is plain data, so it crosses a worker boundary.
 */
import { HubVersionResolver, ParseError, redactText, type Diagnostic, type FileKind } from "@hf-jobs-lint/core";
import { AnalyzerRegistry } from "./registry.js";
import { lintText, needsAnalysis, type LintContext } from "./lint-file.js";
import { encodeSource, readSourceFile, type SourceFile } from "./read-source.js";
import { PerFileIgnores, withTestFiles } from "./rule-selection.js";
import { FileChangedError, OutsideRootsError, writeFileAtomic } from "./write-atomic.js";
import type { JobScriptIndex } from "./job-scripts.js";

/** Settings a worker needs, as plain data. */
export interface CheckSettings {
  enabled: string[];
  perFileIgnores: Record<string, string[]>;
  /** `test-files` globs (the configuration's, or core's DEFAULT_TEST_FILES). */
  testFiles: string[];
  /** `job-scripts` globs of the configuration. */
  jobScriptGlobs: string[];
  /**
   * Which files are job scripts and why: built once over every target (`runChecks` builds it when absent). A worker
   * is sent the entry of each file with the file, not the index.
   */
  jobScripts?: JobScriptIndex;
  configRoot: string;
  repoRoot: string;
  includeCounterexamples: boolean;
  /** The `hub-version` setting: the huggingface_hub version for every file; null to read each file's manifests. */
  hubVersion: string | null;
  fix: boolean;
  unsafeFixes: boolean;
  /** Produce a diff instead of writing. */
  diff: boolean;
  /** Real paths of the checked roots: a fix is never written outside them (a symlink that leads out is refused). */
  writeRoots?: string[];
  /**
   * False: every file and region is analysed, whatever the prefilter says (slow; to show that the prefilter loses no
   * finding). Default: `HF_JOBS_LINT_PREFILTER=off` in the environment turns it off, else on.
   */
  prefilter?: boolean;
}

export interface CheckTarget {
  filename: string;
  path: string | null;
  kind: FileKind;
  /**
   * Source given directly (stdin, an editor's unsaved buffer); otherwise read from `path`. Given text is never
   * written back: with `fix` its fixed version comes back as `FileOutcome.fixedText`, `path` still names the file
   * (per-file-ignores, job-script evidence, scripts its launches name).
   */
  text?: string;
}

export interface FileOutcome {
  filename: string;
  diagnostics: Diagnostic[];
  /** The text the diagnostics' offsets refer to (only when there are diagnostics or a fixed text for stdin). */
  text: string | null;
  /** Per-file error: could not read, parse, or write. */
  error: string | null;
  /** Findings whose fixes were applied (or would be, with --diff). */
  fixed: Diagnostic[];
  /** Unified diff of the fixes, already redacted (with --diff). */
  diff: string | null;
  /** False when redaction changed the diff (a token in a context, removed or header line): it will not apply as printed. */
  diffApplies: boolean;
  /** The fixed source, when the text was given (stdin, an editor) and `fix` is on. */
  fixedText: string | null;
  /** Local scripts the file's launches name that could not be found or read. */
  unresolvedScripts: string[];
  /** Other files the analysis read: when one of them is fixed, this file is checked again. */
  dependencies: string[];
  /** Warnings about the file that are not findings (unknown `# noqa` codes). */
  warnings: string[];
}

export function createLintContext(settings: CheckSettings, registry: AnalyzerRegistry): LintContext {
  return {
    registry,
    enabled: new Set(settings.enabled),
    perFileIgnores: new PerFileIgnores(withTestFiles(settings.perFileIgnores, settings.testFiles), settings.configRoot),
    root: settings.repoRoot,
    includeCounterexamples: settings.includeCounterexamples,
    hubVersion: settings.hubVersion,
    hubVersions: new HubVersionResolver(settings.repoRoot),
    jobScripts: settings.jobScripts ?? {},
    prefilter: settings.prefilter ?? process.env.HF_JOBS_LINT_PREFILTER !== "off",
  };
}

/** Whether `outcome` is `emptyOutcome`'s: nothing to report, count or print (most files of a run). */
export function isEmptyOutcome(outcome: FileOutcome): boolean {
  return (
    outcome.diagnostics.length === 0 &&
    outcome.text === null &&
    outcome.error === null &&
    outcome.fixed.length === 0 &&
    outcome.diff === null &&
    outcome.fixedText === null &&
    outcome.unresolvedScripts.length === 0 &&
    outcome.dependencies.length === 0 &&
    outcome.warnings.length === 0
  );
}

export function emptyOutcome(filename: string): FileOutcome {
  return {
    filename,
    diagnostics: [],
    text: null,
    error: null,
    fixed: [],
    diff: null,
    diffApplies: true,
    fixedText: null,
    unresolvedScripts: [],
    dependencies: [],
    warnings: [],
  };
}

/**
 * A file sorted before any analyzer is loaded: the outcome of a file that no analyzer needs to see (the prefilter
 * rules it out and it has no `# noqa`) or that cannot be read, which is what `checkFile` would return; otherwise
 * the text as read (null when it is given, not read), for the caller's choice of worker. Most files of a
 * repository are settled here, in the thread that found them.
 */
export type Triage = { outcome: FileOutcome } | { outcome: null; text: string | null };

export function triageWithoutAnalyzer(target: CheckTarget, context: LintContext): Triage {
  if (target.text !== undefined || target.path === null) return { outcome: null, text: target.text ?? null };
  const read = readSourceFile(target.path);
  if (!read.ok) return { outcome: { ...emptyOutcome(target.filename), error: read.message } };
  return needsAnalysis(target, read.file.text, context, true) ? { outcome: null, text: read.file.text } : { outcome: emptyOutcome(target.filename) };
}

export async function checkFile(target: CheckTarget, settings: CheckSettings, context: LintContext): Promise<FileOutcome> {
  const outcome = emptyOutcome(target.filename);
  let file: SourceFile;
  if (target.text !== undefined) {
    const bom = target.text.charCodeAt(0) === 0xfeff;
    file = { text: bom ? target.text.slice(1) : target.text, bom, bytes: Buffer.alloc(0), mode: 0o644 };
  } else {
    const read = readSourceFile(target.path!);
    if (!read.ok) return { ...outcome, error: read.message };
    file = read.file;
  }

  let result;
  try {
    result = await lintText(target, file.text, context, { fix: settings.fix || settings.diff, unsafe: settings.unsafeFixes });
  } catch (error) {
    if (error instanceof ParseError) {
      // The findings that needed no parse (tokens) are reported with the error.
      const partial = [...error.partial];
      return { ...outcome, error: `cannot parse: ${redactText(error.message)}`, diagnostics: partial, text: partial.length > 0 ? file.text : null };
    }
    if (isStackOverflow(error)) return { ...outcome, error: "cannot check: nested too deeply (the parser ran out of stack)" };
    return { ...outcome, error: `internal error while checking: ${redactText((error as Error).message ?? String(error))}` };
  }
  outcome.diagnostics = result.diagnostics;
  outcome.unresolvedScripts = result.unresolvedScripts;
  outcome.dependencies = result.dependencies;
  outcome.warnings = result.warnings;
  outcome.fixed = result.fixed;
  if (result.fixError) outcome.error = result.fixError;
  if (result.diagnostics.length > 0) outcome.text = result.source.text;

  if (result.fixedText !== null) {
    if (settings.diff) {
      // The BOM is part of the first line as `patch` and `git apply` read the file.
      const bom = file.bom ? "\ufeff" : "";
      // Loaded when a diff is asked for: a plain check never needs it (its 17 modules were a tenth of start-up).
      const { createTwoFilesPatch } = await import("diff");
      const patch = createTwoFilesPatch(`a/${target.filename}`, `b/${target.filename}`, bom + file.text, bom + result.fixedText, undefined, undefined, { context: 3 });
      outcome.diff = redactText(patch);
      outcome.diffApplies = outcome.diff === patch;
    } else if (target.text !== undefined || target.path === null) {
      outcome.fixedText = result.fixedText;
    } else {
      try {
        writeFileAtomic(target.path, encodeSource(result.fixedText, file.bom), file, settings.writeRoots ? { roots: settings.writeRoots } : {});
      } catch (error) {
        // Nothing was written: every finding of the file as read is still there, and is reported.
        outcome.error =
          error instanceof FileChangedError || error instanceof OutsideRootsError
            ? error.message.replace(target.path, target.filename)
            : `cannot write fixes: ${describeWriteError(error)}`;
        outcome.fixed = [];
        outcome.diagnostics = result.unfixed.diagnostics;
        outcome.text = result.unfixed.diagnostics.length > 0 ? result.unfixed.source.text : null;
      }
    }
  } else if (target.text !== undefined && settings.fix) {
    outcome.fixedText = file.text;
  }
  return outcome;
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    case "EDQUOT":
      return "disk quota exceeded";
    default:
      return code ?? (error as Error).message ?? String(error);
  }
}

/** Deep nesting (10,000 brackets) overflows a recursive parser: a property of the file, not a bug of the run. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
