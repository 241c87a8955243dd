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
import { redactLine } from "./redaction.js";
import { diagnosticLine } from "./text-line.js";
import { textTail } from "./text-tail.js";
import { displayText } from "./text-width.js";
import type { ReportOptions, StreamingReporter } from "./types.js";

function shownLine(line: string): string {
  return redactText(displayText(redactLine(line).text).replace(/\s+$/u, ""));
}

/** The lines a fix touches, before and after it, as `-`/`+` lines under the frame (`--show-fixes`). */
function renderFixDiff(source: SourceText, fix: Fix, gutterWidth: number): string[] {
  const firstRow = source.positionAt(fix.edits.reduce((least, edit) => Math.min(least, edit.start), Infinity)).row;
  const lastRow = source.positionAt(fix.edits.reduce((most, edit) => Math.max(most, edit.end), 0)).row;
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
  before.split(/\r\n|\r|\n/u).forEach((line, index) => lines.push(`${String(firstRow + index).padStart(gutterWidth)} - ${shownLine(line)}`.trimEnd()));
  for (const line of after.split(/\r\n|\r|\n/u)) lines.push(`${gutter} + ${shownLine(line)}`.trimEnd());
  return lines;
}

function renderDiagnostic(diagnostic: Diagnostic, source: SourceText | undefined, options: ReportOptions): string[] {
  const lines = [diagnosticLine(diagnostic, options.unsafeFixesEnabled ?? false)];
  const frame = source ? renderCodeFrame(source, diagnostic.location, diagnostic.endLocation, diagnostic.code) : [];
  for (const line of frame) lines.push(line);
  const gutterWidth = frame.length > 0 ? frame[0]!.indexOf("|") - 1 : 0;
  if (diagnostic.fix) {
    lines.push(redactText(`${" ".repeat(gutterWidth)} = help: ${diagnostic.fix.message}`));
    if (options.showFixes && source && diagnostic.fix.edits.length > 0) {
      for (const line of renderFixDiff(source, diagnostic.fix, gutterWidth)) lines.push(line);
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

export function fullReporter(options: ReportOptions): StreamingReporter {
  return {
    buffered: false,
    separator: "",
    head: () => "",
    file: (report) => report.diagnostics.map((diagnostic) => `${renderDiagnostic(diagnostic, report.source, options).join("\n")}\n`).join(""),
    tail: (totals, chunks) => textTail(totals, options, chunks, true),
  };
}
