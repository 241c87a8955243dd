/** The analyzer for shell files (`.sh`, `.bash`, `.zsh`) and Makefile recipes. */
import path from "node:path";
import { makeDiagnostic, namedFileLookup, toSlashes, withLoneCrAsLf, type AnalysisInput, type Analyzer, type Diagnostic } from "@hf-jobs-lint/core";
import { LAUNCH_HINT, checkShellRegion, coveredTokenOffsets, tokenFindings, type LocalFinding } from "./check.js";
import { blankRanges, makefileBlanks } from "./mask.js";
import { loadAnalyzeScriptNeeds, scriptFactsLookup, type AnalyzeScriptNeeds } from "./script-facts.js";

function isMakefile(filename: string): boolean {
  const base = path.posix.basename(toSlashes(filename));
  return base === "Makefile" || base === "makefile" || base === "GNUmakefile" || base.endsWith(".mk");
}

/**
 * Findings (file offsets) for a whole shell file or Makefile. `analyze` reads a job script's needs; by default
 * it is `@hf-jobs-lint/python`'s, loaded when the file holds a launch.
 */
async function analyzeShellFile(input: AnalysisInput, analyzeNeeds?: AnalyzeScriptNeeds | null): Promise<LocalFinding[]> {
  // Lines end at a lone CR too, as in every other analyzer (same offsets); fixes put the CR back.
  const text = withLoneCrAsLf(input.source.text);
  const makefile = isMakefile(input.path ?? input.filename);
  const shellText = makefile ? blankRanges(text, makefileBlanks(text)) : text;
  const analyze = analyzeNeeds !== undefined ? analyzeNeeds : LAUNCH_HINT.test(text) ? await loadAnalyzeScriptNeeds() : null;
  const findings = checkShellRegion(
    { text, shellText, makefile, scriptFacts: scriptFactsLookup(input, analyze), hubVersion: input.hubVersion ?? null, dotenvFile: namedFileLookup(input) },
    0,
    text.length,
  );
  for (const finding of tokenFindings(text, coveredTokenOffsets(findings))) findings.push(finding);
  return findings;
}

/** Fixes that insert line breaks, with the file's own line ending when it is a lone CR (scanning reads LF there). */
export function withFileLineEnds(input: AnalysisInput, findings: LocalFinding[]): LocalFinding[] {
  if (input.source.eol !== "\r") return findings;
  return findings.map((finding) =>
    finding.fix ? { ...finding, fix: { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, content: edit.content.replace(/\r?\n/g, "\r") })) } } : finding,
  );
}

/** Findings at file offsets as core diagnostics; a `noqaRow` given (a finding mapped from a fence) wins over `noqaOffset`'s row. */
export function toDiagnostics(input: AnalysisInput, findings: readonly (LocalFinding & { noqaRow?: number })[]): Diagnostic[] {
  return findings.map((finding) =>
    makeDiagnostic(input.source, input.filename, {
      code: finding.code,
      message: finding.message,
      start: finding.start,
      end: finding.end,
      fix: finding.fix,
      noqaRow: finding.noqaRow ?? input.source.positionAt(finding.noqaOffset ?? finding.start).row,
    }),
  );
}

/** The shell analyzer; `analyzeScriptNeeds` may be injected (tests, or a caller that already loaded it). */
export function createShellAnalyzer(options: { analyzeScriptNeeds?: AnalyzeScriptNeeds | null } = {}): Analyzer {
  return {
    kinds: ["shell"],
    async analyze(input) {
      return toDiagnostics(input, withFileLineEnds(input, await analyzeShellFile(input, options.analyzeScriptNeeds)));
    },
  };
}

export const shellAnalyzer: Analyzer = createShellAnalyzer();
