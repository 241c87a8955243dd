/** Test helpers for the analyzers and the engine: an in-memory repository, a fix loop, check settings. */
import path from "node:path";
import { applyEdits, DEFAULT_TEST_FILES, RULE_CODES, selectFixes, SourceText, type AnalysisInput, type Analyzer, type Diagnostic } from "@hf-jobs-lint/core";
import type { CheckSettings } from "@hf-jobs-lint/engine";

// Made-up tokens (never real ones), built so that the test source holds no token-shaped literal.
export const FAKE_TOKEN = "hf_" + "Qw3rTy6uIo9pAs2dFg5hJk8lZx1cVb4nM7";
export const FAKE_TOKEN_2 = "hf_" + "Zz9yXx8wVv7uTt6sRr5qPp4oNn3mMl2kKj";
export const ROOT = path.resolve("/repo");

/** Engine settings with every rule on, the default test files, rooted at ROOT, no fixing: `overrides` change them. */
export function checkSettings(overrides: Partial<CheckSettings> = {}): CheckSettings {
  return {
    enabled: [...RULE_CODES],
    perFileIgnores: {},
    testFiles: [...DEFAULT_TEST_FILES],
    jobScriptGlobs: [],
    configRoot: ROOT,
    repoRoot: ROOT,
    includeCounterexamples: false,
    hubVersion: null,
    fix: false,
    unsafeFixes: false,
    diff: false,
    ...overrides,
  };
}

export interface Repo {
  /** Other files, by path relative to ROOT. */
  files?: Record<string, string>;
  includeCounterexamples?: boolean;
  /** The huggingface_hub version of the repository (the newest when absent). */
  hubVersion?: string;
}

export function makeInput(filename: string, text: string, repo: Repo = {}): AnalysisInput {
  const files = new Map(Object.entries(repo.files ?? {}).map(([name, content]) => [path.join(ROOT, name), content]));
  return {
    filename,
    path: path.join(ROOT, filename),
    source: new SourceText(text),
    root: ROOT,
    readFile: (absolute) => files.get(absolute) ?? null,
    includeCounterexamples: repo.includeCounterexamples ?? false,
    ...(repo.hubVersion ? { hubVersion: repo.hubVersion } : {}),
  };
}

export async function analyzeText(analyzer: Analyzer, filename: string, text: string, repo: Repo = {}): Promise<Diagnostic[]> {
  const found = await analyzer.analyze(makeInput(filename, text, repo));
  return [...found].sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

export const codesOf = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code);

/**
 * Apply fixes pass after pass until nothing changes (as `--fix` does), then check that one more analysis offers no
 * applicable fix (idempotent). Returns the fixed text and what is left.
 */
export async function fixToFixpoint(
  analyzer: Analyzer,
  filename: string,
  text: string,
  options: { unsafe?: boolean } & Repo = {},
): Promise<{ text: string; remaining: Diagnostic[]; passes: number }> {
  let current = text;
  for (let pass = 1; pass <= 10; pass++) {
    const diagnostics = await analyzeText(analyzer, filename, current, options);
    const selection = selectFixes(diagnostics, options.unsafe ?? false);
    if (selection.edits.length === 0) return { text: current, remaining: diagnostics, passes: pass - 1 };
    const next = applyEdits(current, selection.edits);
    if (next === current) throw new Error("a fix changed nothing");
    current = next;
  }
  throw new Error("fixes did not reach a fixpoint in 10 passes");
}

/** The text a diagnostic covers. */
export const covered = (text: string, d: Diagnostic): string => text.slice(d.start, d.end);
