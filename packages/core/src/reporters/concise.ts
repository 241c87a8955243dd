/** `--output-format concise`: one line per finding, then the summary. */
import type { ReportInput } from "./types.js";
import { sortedDiagnostics, sortedErrors } from "./ordering.js";
import { formatSummary } from "./summary.js";
import { diagnosticLine, fileErrorLine } from "./text-line.js";

export function formatConcise(input: ReportInput): string {
  const unsafe = input.unsafeFixesEnabled ?? false;
  const lines = [
    ...sortedDiagnostics(input.diagnostics).map((diagnostic) => diagnosticLine(diagnostic, unsafe)),
    ...sortedErrors(input.errors).map(fileErrorLine),
    ...formatSummary(input),
  ];
  return `${lines.join("\n")}\n`;
}
