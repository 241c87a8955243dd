/**
 * Checking one file's text: the keyword prefilter, the analyzer for its kind, then the filters every finding
 * goes through (enabled rules, per-file-ignores, `# noqa`), and the fix loop.
 */
import path from "node:path";
import {
  checkNoqaDirectives,
  isSuppressedByNoqa,
  isSuppressedInFile,
  mayMatter,
  parseFileNoqa,
  runFixLoop,
  SourceText,
  type Analyzer,
  type Diagnostic,
  type FileKind,
  type HubVersionResolver,
} from "@hf-jobs-lint/core";
import { readScriptText } from "@hf-jobs-lint/python";
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

/** Kinds whose `#` comments are checked for unused `# noqa` codes (Markdown prose quotes directives: not checked). */
const NOQA_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(["python", "shell", "yaml-ci"]);

async function analyze(
  analyzer: Analyzer | null,
  target: FileTarget,
  text: string,
  context: LintContext,
  others: OtherFiles,
): Promise<{ diagnostics: Diagnostic[]; source: SourceText }> {
  const source = new SourceText(text);
  const found = analyzer ? await findAll(analyzer, target, source, context, others) : [];
  const hygiene = NOQA_KINDS.has(target.kind) ? checkNoqaDirectives(source, target.filename, found) : { unused: [], unknown: [] };
  others.warnings = hygiene.unknown;
  const fileDirective = parseFileNoqa(source);
  const diagnostics = [...found, ...hygiene.unused].filter(
    (diagnostic) =>
      context.enabled.has(diagnostic.code) &&
      !(target.path && context.perFileIgnores.ignores(target.path, diagnostic.code)) &&
      !isSuppressedByNoqa(diagnostic, source) &&
      !isSuppressedInFile(diagnostic, fileDirective),
  );
  return { diagnostics, source };
}

async function findAll(analyzer: Analyzer, target: FileTarget, source: SourceText, context: LintContext, others: OtherFiles): Promise<Diagnostic[]> {
  return analyzer.analyze({
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

export interface LintResult {
  /** What remains after fixing (all findings when not fixing). */
  diagnostics: Diagnostic[];
  source: SourceText;
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
  const analyzer = mayMatter(text) ? await context.registry.get(target.kind) : null;
  if (!analyzer && !/noqa/i.test(text)) return { diagnostics: [], source: new SourceText(text), fixedText: null, fixed: [], fixError: null, ...facts() };
  let current = await analyze(analyzer, target, text, context, others);
  if (!fixMode.fix) return { diagnostics: current.diagnostics, source: current.source, fixedText: null, fixed: [], fixError: null, ...facts() };

  const baselineErrors = analyzer?.countSyntaxErrors?.(text, target.filename) ?? 0;
  let last = current;
  const loop = await runFixLoop(
    text,
    async (working) => {
      last = await analyze(analyzer, target, working, context, others);
      return last.diagnostics;
    },
    {
      unsafe: fixMode.unsafe,
      initial: current.diagnostics,
      refuse: (next, applied) =>
        (analyzer?.countSyntaxErrors?.(next, target.filename) ?? 0) > baselineErrors
          ? `fixes for ${[...new Set(applied.map((d) => d.code))].join(", ")} would introduce a syntax error; not applied (please report this)`
          : null,
    },
  );
  current = last;
  return { diagnostics: current.diagnostics, source: current.source, fixedText: loop.text === text ? null : loop.text, fixed: loop.applied, fixError: loop.error, ...facts() };
}

/** The name shown for a path: relative to the working directory, `/`-separated. */
export function displayName(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return (relative && !relative.startsWith("..") ? relative : absolutePath).split(path.sep).join("/");
}
