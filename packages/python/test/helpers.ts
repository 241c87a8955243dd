/** Test helpers: analyse fixture files or inline text, apply fixes until none are left. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SourceText, applyEdits, selectFixes, type AnalysisInput, type Diagnostic, type RelatedInformation } from "@hf-jobs-lint/core";
import { analyzePython, initPythonParser, withPythonTree, type AnalyzeOptions } from "../src/index.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const FIXTURES = path.join(REPO_ROOT, "fixtures/python");

export async function setup(): Promise<void> {
  await initPythonParser();
}

function readFileOrNull(absolutePath: string): string | null {
  try {
    return fs.readFileSync(absolutePath, "utf8");
  } catch {
    return null;
  }
}

export function inputFor(text: string, filePath: string | null = null, root = FIXTURES): AnalysisInput {
  return {
    filename: filePath ? path.relative(REPO_ROOT, filePath) : "<stdin>",
    path: filePath,
    source: new SourceText(text),
    root,
    readFile: readFileOrNull,
    includeCounterexamples: false,
  };
}

/** Analyse inline text (as if it were a file named `snippet.py` under fixtures/python). */
export function analyzeText(text: string, options: AnalyzeOptions = {}, filePath: string | null = path.join(FIXTURES, "snippet.py")): Diagnostic[] {
  return analyzePython(inputFor(text, filePath), options);
}

export function fixturePath(relative: string): string {
  return path.join(FIXTURES, relative);
}

export function readFixture(relative: string): string {
  return fs.readFileSync(fixturePath(relative), "utf8");
}

/** `jobScript`: the evidence the engine would give (a launch in the repository naming the file). */
export function analyzeFixture(relative: string, options: AnalyzeOptions = {}, root = FIXTURES, jobScript: RelatedInformation | null = null): Diagnostic[] {
  const filePath = fixturePath(relative);
  return analyzePython({ ...inputFor(readFixture(relative), filePath, root), jobScript }, options);
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The compact shape golden expectations use. */
export function summary(diagnostics: readonly Diagnostic[]): { code: string; row: number; column: number; message: string; fix: string | null }[] {
  return diagnostics.map((d) => ({ code: d.code, row: d.location.row, column: d.location.column, message: d.message, fix: d.fix ? d.fix.applicability : null }));
}

export function hasSyntaxError(text: string): boolean {
  return withPythonTree(text, (tree) => tree.rootNode.hasError);
}

export interface FixRun {
  text: string;
  passes: number;
  remaining: Diagnostic[];
}

/**
 * Apply fixes pass after pass until none applies (as `--fix` does), checking on every pass that the result
 * parses without new errors. `codesToFix` restricts which findings' fixes are applied.
 */
export function fixUntilStable(text: string, options: { unsafe?: boolean; codes?: string[]; filePath?: string | null; analyze?: AnalyzeOptions; root?: string } = {}): FixRun {
  const filePath = options.filePath === undefined ? path.join(FIXTURES, "snippet.py") : options.filePath;
  const hadError = hasSyntaxError(text);
  let current = text;
  for (let pass = 0; pass < 20; pass++) {
    const diagnostics = analyzePython(inputFor(current, filePath, options.root ?? FIXTURES), options.analyze ?? {}).filter((d) => !options.codes || options.codes.includes(d.code));
    const selection = selectFixes(diagnostics, options.unsafe ?? false);
    if (selection.edits.length === 0) return { text: current, passes: pass, remaining: diagnostics };
    current = applyEdits(current, selection.edits);
    if (!hadError && hasSyntaxError(current)) throw new Error(`fix pass ${pass + 1} produced a syntax error:\n${current}`);
  }
  throw new Error("fixes did not converge");
}

/** Rows of the findings of one code, in order. */
export function rows(diagnostics: readonly Diagnostic[], code: string): number[] {
  return only(diagnostics, code).map((d) => d.location.row);
}

/** Fix a fixture file and compare with its `*_fixed_expected.py` sibling. */
export function fixFixture(relative: string, options: { unsafe?: boolean; codes?: string[]; root?: string } = {}): FixRun {
  return fixUntilStable(readFixture(relative), { unsafe: options.unsafe, codes: options.codes, filePath: fixturePath(relative), root: options.root });
}
