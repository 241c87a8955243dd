/**
 * `--output-format full` (the default, as in Ruff): each finding's header line, a code frame with the range
 * underlined, the fix as `help:` (and, with `--show-fixes`, the fixed lines), a blank line; then file errors and
 * the summary.
 */
import type { Diagnostic, Fix, RelatedInformation } from "../diagnostic.js";
import { applyEdits } from "../edits.js";
import type { SourceText } from "../source.js";
import { redactText } from "../tokens.js";
import { renderCodeFrame } from "./code-frame.js";
import { sortedDiagnostics, sortedErrors } from "./ordering.js";
import { redactLine } from "./redaction.js";
import { formatSummary } from "./summary.js";
import { diagnosticLine, fileErrorLine } from "./text-line.js";
import { displayText } from "./text-width.js";
import type { ReportInput } from "./types.js";

function shownLine(line: string): string {
  return redactText(displayText(redactLine(line).text).replace(/\s+$/u, ""));
}

/** The lines a fix touches, before and after it, as `-`/`+` lines under the frame (`--show-fixes`). */
function renderFixDiff(source: SourceText, fix: Fix, gutterWidth: number): string[] {
  const firstRow = source.positionAt(Math.min(...fix.edits.map((edit) => edit.start))).row;
  const lastRow = source.positionAt(Math.max(...fix.edits.map((edit) => edit.end))).row;
  const from = source.lineStart(firstRow);
  const to = source.lineStart(lastRow) + source.lineText(lastRow).length;
  const before = source.text.slice(from, to);
  const shifted = fix.edits.map((edit) => ({ ...edit, start: edit.start - from, end: edit.end - from }));
  let after: string;
  try {
    after = applyEdits(before, shifted);
  } catch {
    return []; // overlapping edits: nothing trustworthy to show
  }
  const gutter = " ".repeat(gutterWidth);
  const lines = [`${gutter} = ${fix.applicability === "safe" ? "Safe" : "Unsafe"} fix:`];
  before.split(/\r?\n/u).forEach((line, index) => lines.push(`${String(firstRow + index).padStart(gutterWidth)} - ${shownLine(line)}`.trimEnd()));
  for (const line of after.split(/\r?\n/u)) lines.push(`${gutter} + ${shownLine(line)}`.trimEnd());
  return lines;
}

function renderDiagnostic(diagnostic: Diagnostic, input: ReportInput): string[] {
  const lines = [diagnosticLine(diagnostic, input.unsafeFixesEnabled ?? false)];
  const source = input.sources.get(diagnostic.filename);
  const frame = source ? renderCodeFrame(source, diagnostic.location, diagnostic.endLocation, diagnostic.code) : [];
  lines.push(...frame);
  const gutterWidth = frame.length > 0 ? frame[0]!.indexOf("|") - 1 : 0;
  if (diagnostic.fix) {
    lines.push(redactText(`${" ".repeat(gutterWidth)} = help: ${diagnostic.fix.message}`));
    if (input.showFixes && source && diagnostic.fix.edits.length > 0) {
      lines.push(...renderFixDiff(source, diagnostic.fix, gutterWidth));
    }
  }
  for (const related of diagnostic.related ?? []) lines.push(redactText(`${" ".repeat(gutterWidth)} = note: ${relatedText(related)}`));
  lines.push("");
  return lines;
}

/** `why (file:row)`: where the evidence is, when it is a place. */
export function relatedText(related: RelatedInformation): string {
  if (!related.filename) return related.message;
  return `${related.message} (${related.filename}${related.row ? `:${related.row}` : ""})`;
}

export function formatFull(input: ReportInput): string {
  const lines: string[] = [];
  for (const diagnostic of sortedDiagnostics(input.diagnostics)) lines.push(...renderDiagnostic(diagnostic, input));
  const errors = sortedErrors(input.errors);
  if (errors.length > 0) lines.push(...errors.map(fileErrorLine), "");
  lines.push(...formatSummary(input));
  return `${lines.join("\n")}\n`;
}
