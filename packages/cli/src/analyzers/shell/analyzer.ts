/** The analyzer for shell files (`.sh`, `.bash`, `.zsh`) and Makefile recipes. */
import path from "node:path";
import { makeDiagnostic, type AnalysisInput, type Analyzer, type Diagnostic } from "@hf-jobs-lint/core";
import { checkShellRegion, coveredTokenOffsets, tokenFindings, type LocalFinding } from "./check.js";
import { blankRanges, makefileBlanks } from "./mask.js";
import { loadAnalyzeScriptNeeds, scriptFactsLookup } from "./script-facts.js";

export function isMakefile(filename: string): boolean {
  const base = path.posix.basename(filename.split(path.sep).join("/"));
  return base === "Makefile" || base === "makefile" || base === "GNUmakefile" || base.endsWith(".mk");
}

/** Findings (file offsets) for a whole shell file or Makefile. */
export async function analyzeShellFile(input: AnalysisInput): Promise<LocalFinding[]> {
  const text = input.source.text;
  const makefile = isMakefile(input.path ?? input.filename);
  const shellText = makefile ? blankRanges(text, makefileBlanks(text)) : text;
  const analyze = /\bjobs\b|hfjobs/.test(text) ? await loadAnalyzeScriptNeeds() : null;
  const findings = checkShellRegion({ text, shellText, makefile, scriptFacts: scriptFactsLookup(input, analyze) }, 0, text.length);
  findings.push(...tokenFindings(text, coveredTokenOffsets(findings)));
  return findings;
}

export function toDiagnostics(input: AnalysisInput, findings: readonly LocalFinding[]): Diagnostic[] {
  return findings.map((finding) =>
    makeDiagnostic(input.source, input.filename, { code: finding.code, message: finding.message, start: finding.start, end: finding.end, fix: finding.fix }),
  );
}

export const shellAnalyzer: Analyzer = {
  kinds: ["shell"],
  async analyze(input) {
    return toDiagnostics(input, await analyzeShellFile(input));
  },
};
