/** The end of the text formats: file errors, then the summary. Shared by `full` and `concise`. */
import { sortedErrors } from "./ordering.js";
import { formatSummary } from "./summary.js";
import { fileErrorLine } from "./text-line.js";
import type { ReportOptions, ReportTotals } from "./types.js";

/**
 * The closing text. The output is the lines joined by "\n" plus a final "\n", as one string would be: each chunk
 * ends in "\n" already, so the tail is its lines and a "\n", and a run that printed nothing at all is "\n".
 */
export function textTail(totals: ReportTotals, options: ReportOptions, chunks: number, blankAfterErrors: boolean): string {
  const lines: string[] = [];
  const errors = sortedErrors(totals.errors);
  if (errors.length > 0) {
    for (const error of errors) lines.push(fileErrorLine(error));
    if (blankAfterErrors) lines.push("");
  }
  for (const line of formatSummary(totals, options)) lines.push(line);
  if (lines.length === 0) return chunks === 0 ? "\n" : "";
  return `${lines.join("\n")}\n`;
}
