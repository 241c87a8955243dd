/** Per-file analysis state shared by the rules: the source, the bindings model, and where findings go. */
import { makeDiagnostic, type Diagnostic, type Fix, type RuleCode, type AnalysisInput, type RelatedInformation, type SourceText } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "./parser.js";
import type { FileModel } from "./model.js";

export type Role = "auto" | "script" | "launcher";

export interface Finding {
  code: RuleCode;
  message: string;
  start: number;
  end: number;
  fix?: Fix | null;
  related?: RelatedInformation[];
}

export interface Context {
  input: AnalysisInput;
  source: SourceText;
  root: SyntaxNode;
  model: FileModel;
  /** Does this file launch jobs (Python API, tool call or `hf jobs` argv)? Decides the token replacement. */
  isLauncher: boolean;
  role: Role;
  /**
   * Why this file is a job script (the script rules run only when it is): the inline script of a launch, a
   * launch or usage text naming it, a `job-scripts` glob, or its PEP 723 header. Null: nothing says so.
   */
  jobScript: RelatedInformation | null;
  toolCallSyntax: boolean;
  /** Start offsets of string nodes another rule already reported tokens in (no double HFJ101). */
  handledTokenStrings: Set<number>;
  /** Start offsets of strings already read as shell commands of a launch (`os.system("hf jobs ...")`). */
  checkedCommandStrings: Set<number>;
  /** Source ranges of `hf_jobs(...)` tool calls (a literal token there is replaced by `$HF_TOKEN`). */
  toolCallRanges: readonly [number, number][];
  findings: Finding[];
}

export function report(context: Context, finding: Finding): void {
  context.findings.push(finding);
}

export function toDiagnostics(source: SourceText, filename: string, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((finding) =>
    makeDiagnostic(source, filename, {
      code: finding.code,
      message: finding.message,
      start: finding.start,
      end: finding.end,
      fix: finding.fix ?? null,
      related: finding.related,
    }),
  );
}
