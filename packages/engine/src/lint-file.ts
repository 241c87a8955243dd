/**
 * Checking one file's text: the keyword prefilter, the analyzer for its kind, then the filters every finding
 * goes through (enabled rules, per-file-ignores, `# noqa`), and the fix loop.
 */
import path from "node:path";
import {
  checkNoqaDirectives,
  isSuppressedInFile,
  judgesJobScripts,
  mayFire,
  mayHoldLaunch,
  mayHoldToken,
  noqaSuppressor,
  ParseError,
  parseFileNoqa,
  readScriptText,
  runFixLoop,
  SourceText,
  tokenOnlyDiagnostics,
  toSlashes,
  type Analyzer,
  type Diagnostic,
  type FileKind,
  type HubVersionResolver,
  type NoqaHygiene,
} from "@hf-jobs-lint/core";
import type { AnalyzerRegistry } from "./registry.js";
import type { PerFileIgnores } from "./rule-selection.js";
import type { JobScriptIndex } from "./job-scripts.js";

export interface LintContext {
  registry: AnalyzerRegistry;
  enabled: ReadonlySet<string>;
  perFileIgnores: PerFileIgnores;
  /** Repository root for same-repo script paths. */
  root: string;
  includeCounterexamples: boolean;
  /** The `hub-version` setting, which wins over the manifests; null when unset. */
  hubVersion?: string | null;
  /** Reads the huggingface_hub version of a file's folder from the repository's manifests. */
  hubVersions?: HubVersionResolver;
  /** Evidence, by absolute path, that a file is a job script. */
  jobScripts: JobScriptIndex;
  /** False: analyse every file and region, whatever the prefilter says (to test that the prefilter loses nothing). */
  prefilter?: boolean;
}

export interface FileTarget {
  /** Name shown in output. */
  filename: string;
  /** Absolute path, or null for stdin. */
  path: string | null;
  kind: FileKind;
}

/** What analysing a file learnt about other files: the ones it read (launched scripts) and the ones it could not find. */
interface OtherFiles {
  read: Set<string>;
  unresolved: Set<string>;
  /** Warnings about the file itself (unknown `# noqa` codes), from its latest analysis. */
  warnings: string[];
}

/**
 * Larger files are not given to a parser: tree-sitter takes about 150 bytes of memory per byte of dense Python
 * (a 4 MiB file peaked at 630 MB, a 10 MiB one aborted the WASM parser at 2 GB), ESLint more. Such files are
 * generated data, not launchers; their tokens are still found by a scan of the text.
 */
const PARSE_LIMIT_CHARS: Partial<Record<FileKind, number>> = { python: 4_000_000, typescript: 4_000_000 };
const KIND_NAMES: Partial<Record<FileKind, string>> = { python: "Python", typescript: "TS/JS" };

/** Kinds whose `#` comments are checked for unused `# noqa` codes (Markdown prose quotes directives: not checked). */
const NOQA_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(["python", "shell", "yaml-ci"]);
/** Kinds whose analyzer checks the directives itself (`Analyzer.checkNoqa`): a notebook's code cells are JSON strings. */
const ANALYZER_NOQA_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(["notebook"]);

type NoqaCheck = (source: SourceText, filename: string, found: readonly Diagnostic[]) => NoqaHygiene;

/** What checks a file's `# noqa` directives: the engine's line reader, the analyzer's own, or nothing. */
async function noqaCheckFor(target: FileTarget, text: string, analyzer: Analyzer | null, context: LintContext): Promise<NoqaCheck | null> {
  if (NOQA_KINDS.has(target.kind)) return checkNoqaDirectives;
  if (!ANALYZER_NOQA_KINDS.has(target.kind) || !NOQA.test(text)) return null;
  // Loaded even when the prefilter ruled the file out: its directives are still checked.
  const owner = analyzer ?? (await context.registry.get(target.kind));
  return owner.checkNoqa ? (source, filename, found) => owner.checkNoqa!(source, filename, found) : null;
}

async function analyze(
  analyzer: Analyzer | null,
  target: FileTarget,
  text: string,
  context: LintContext,
  others: OtherFiles,
  noqaCheck: NoqaCheck | null,
): Promise<{ diagnostics: Diagnostic[]; source: SourceText }> {
  const source = new SourceText(text);
  const keep = findingFilter(target, context, source);
  let found: Diagnostic[];
  try {
    const limit = PARSE_LIMIT_CHARS[target.kind];
    if (analyzer && limit !== undefined && text.length > limit) {
      throw new ParseError(
        `too large (${(text.length / 1e6).toFixed(1)} million characters; ${KIND_NAMES[target.kind]} files are parsed up to ${limit / 1e6} million); checked for hardcoded tokens only`,
        tokenOnlyDiagnostics(source, target.filename),
      );
    }
    found = analyzer ? await findAll(analyzer, target, source, context, others) : [];
  } catch (error) {
    // A file that does not parse still reports what needed no parse, through the same filters.
    if (error instanceof ParseError && error.partial.length > 0) throw new ParseError(error.message, error.partial.filter(keep));
    throw error;
  }
  const hygiene = noqaCheck ? noqaCheck(source, target.filename, found) : { unused: [], unknown: [] };
  others.warnings = hygiene.unknown;
  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of found) if (keep(diagnostic)) diagnostics.push(diagnostic);
  for (const diagnostic of hygiene.unused) if (keep(diagnostic)) diagnostics.push(diagnostic);
  return { diagnostics, source };
}

/** What every finding goes through: the enabled rules, per-file-ignores, `# noqa` (each line's read once), the file's own `noqa`. */
function findingFilter(target: FileTarget, context: LintContext, source: SourceText): (diagnostic: Diagnostic) => boolean {
  const suppressed = noqaSuppressor(source);
  const fileDirective = parseFileNoqa(source);
  return (diagnostic) =>
    context.enabled.has(diagnostic.code) &&
    !(target.path && context.perFileIgnores.ignores(target.path, diagnostic.code)) &&
    !suppressed(diagnostic) &&
    !isSuppressedInFile(diagnostic, fileDirective);
}

async function findAll(analyzer: Analyzer, target: FileTarget, source: SourceText, context: LintContext, others: OtherFiles): Promise<Diagnostic[]> {
  const selected = selectedRules(context, source.text);
  return analyzer.analyze({
    ...(context.prefilter === false ? {} : { mayFire: (kind: FileKind, text: string) => mayFire({ kind, text, selected, jobScript: false }), mayHoldLaunch, mayHoldToken }),
    reportUnresolvedScript: (scriptPath) => others.unresolved.add(scriptPath),
    filename: target.filename,
    path: target.path,
    source,
    root: context.root,
    readFile: (absolutePath) => {
      others.read.add(absolutePath);
      return readScriptText(absolutePath);
    },
    includeCounterexamples: context.includeCounterexamples,
    hubVersion: context.hubVersion ?? (target.path && context.hubVersions ? (context.hubVersions.forFile(target.path)?.version ?? null) : null),
    jobScript: target.path ? (context.jobScripts[target.path] ?? null) : null,
  });
}

/**
 * The rules the prefilter asks about: the enabled ones; every rule when unused `# noqa` codes are reported, since
 * whether a directive is used depends on every rule's findings.
 */
function selectedRules(context: LintContext, text: string): ReadonlySet<string> | null {
  return context.enabled.has("HFJ901") && NOQA.test(text) ? null : context.enabled;
}

const NOQA = /noqa/i;

/**
 * Whether the file goes to its analyzer: some selected rule can fire on it (or the prefilter is off). With
 * `orNoqa`, a file with a `# noqa` counts too: its directives are checked even when no rule can fire.
 */
export function needsAnalysis(target: FileTarget, text: string, context: LintContext, orNoqa = false): boolean {
  return analysisWanted(target.kind, text, context, orNoqa, target.path !== null && context.jobScripts[target.path] !== undefined);
}

/**
 * `needsAnalysis(…, orNoqa)` answered from the text alone, before the job-script index is built: `"no"` whatever
 * the index says, `"unless-job-script"` when the file goes to its analyzer only if the index names it.
 */
export function analysisByText(kind: FileKind, text: string, context: LintContext): "yes" | "no" | "unless-job-script" {
  if (analysisWanted(kind, text, context, true, false)) return "yes";
  return judgesJobScripts(kind) && analysisWanted(kind, text, context, true, true) ? "unless-job-script" : "no";
}

function analysisWanted(kind: FileKind, text: string, context: LintContext, orNoqa: boolean, jobScript: boolean): boolean {
  if (context.prefilter === false) return true;
  if (orNoqa && NOQA.test(text)) return true;
  return mayFire({ kind, text, selected: selectedRules(context, text), jobScript });
}

export interface LintResult {
  /** What remains after fixing (all findings when not fixing). */
  diagnostics: Diagnostic[];
  source: SourceText;
  /** The findings before any fix, on the text as read: what is still there when the fixed text cannot be written. */
  unfixed: { diagnostics: Diagnostic[]; source: SourceText };
  /** The fixed text, when fixes were applied. */
  fixedText: string | null;
  /** Findings whose fixes were applied. */
  fixed: Diagnostic[];
  /** Set when the fix loop did not converge, or a fix would have broken the file. */
  fixError: string | null;
  /** Local scripts the file's launches name that could not be found or read. */
  unresolvedScripts: string[];
  /** Other files the analysis read (scripts its launches name): fixing one of them can change this file's findings. */
  dependencies: string[];
  /** Warnings about the file (unknown `# noqa` codes). */
  warnings: string[];
}

export async function lintText(target: FileTarget, text: string, context: LintContext, fixMode: { fix: boolean; unsafe: boolean }): Promise<LintResult> {
  const others: OtherFiles = { read: new Set(), unresolved: new Set(), warnings: [] };
  const facts = () => ({ unresolvedScripts: [...others.unresolved], dependencies: [...others.read], warnings: others.warnings });
  // A file the keyword prefilter rules out has no findings, but its `# noqa` directives are still checked.
  const analyzer = needsAnalysis(target, text, context) ? await context.registry.get(target.kind) : null;
  if (!analyzer && !NOQA.test(text)) {
    const source = new SourceText(text);
    return { diagnostics: [], source, unfixed: { diagnostics: [], source }, fixedText: null, fixed: [], fixError: null, ...facts() };
  }
  const noqaCheck = await noqaCheckFor(target, text, analyzer, context);
  let current = await analyze(analyzer, target, text, context, others, noqaCheck);
  const unfixed = current;
  if (!fixMode.fix) return { diagnostics: current.diagnostics, source: current.source, unfixed, fixedText: null, fixed: [], fixError: null, ...facts() };

  // Syntax errors are counted only once a fix is about to be applied: most files have none to apply.
  let baselineErrors: number | null = null;
  const syntaxErrors = (working: string) => analyzer?.countSyntaxErrors?.(working, target.filename) ?? 0;
  let last = current;
  const loop = await runFixLoop(
    text,
    async (working) => {
      last = await analyze(analyzer, target, working, context, others, noqaCheck);
      return last.diagnostics;
    },
    {
      unsafe: fixMode.unsafe,
      initial: current.diagnostics,
      refuse: (next, applied) =>
        syntaxErrors(next) > (baselineErrors ??= syntaxErrors(text))
          ? `fixes for ${[...new Set(applied.map((d) => d.code))].join(", ")} would introduce a syntax error; not applied (please report this)`
          : null,
    },
  );
  current = last;
  return {
    diagnostics: current.diagnostics,
    source: current.source,
    unfixed,
    fixedText: loop.text === text ? null : loop.text,
    fixed: loop.applied,
    fixError: loop.error,
    ...facts(),
  };
}

/** The name shown for a path: relative to the working directory, `/`-separated. */
export function displayName(absolutePath: string, cwd: string): string {
  // A path below the working directory is shown as the rest of that very string: `path.relative` slices a fresh
  // copy of it, which the name kept alive (5.4 MB of the main thread's heap on ten copies of issue 12's checkouts).
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (absolutePath.length > prefix.length && absolutePath.startsWith(prefix) && path.isAbsolute(cwd) && path.normalize(absolutePath) === absolutePath) {
    return toSlashes(absolutePath.slice(prefix.length));
  }
  const relative = path.relative(cwd, absolutePath);
  return toSlashes(relative && !relative.startsWith("..") ? relative : absolutePath);
}
