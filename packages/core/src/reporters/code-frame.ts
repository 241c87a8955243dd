/**
 * Ruff-style code frames: the source lines around a range with a line-number gutter and `^^^` under the range.
 * Lines are redacted before display; columns are mapped onto the redacted text and measured in display width.
 */
import type { Position, SourceText } from "../source.js";
import { redactText } from "../tokens.js";
import { redactLine } from "./redaction.js";
import { displayText, displayWidth } from "./text-width.js";

/** Lines of context shown before and after the range, as Ruff shows. */
const CONTEXT_LINES = 2;

const isBlank = (line: string): boolean => line.trim() === "";

function trimEnd(line: string): string {
  return line.replace(/\s+$/u, "");
}

/** The frame (without trailing newlines), or [] when the range lies outside the source. */
export function renderCodeFrame(source: SourceText, start: Position, end: Position, label: string): string[] {
  if (start.row < 1 || start.row > source.lineCount) return [];
  let endRow = Math.min(end.row, source.lineCount);
  let endColumn = end.column;
  // A range that ends at the very start of a line (it took the line break) is shown up to the previous line's end.
  if (endRow > start.row && endColumn === 1) {
    endRow--;
    endColumn = source.lineText(endRow).length + 1;
  }

  let firstRow = Math.max(1, start.row - CONTEXT_LINES);
  let lastRow = Math.min(source.lineCount, endRow + CONTEXT_LINES);
  while (firstRow < start.row && isBlank(source.lineText(firstRow))) firstRow++;
  while (lastRow > endRow && isBlank(source.lineText(lastRow))) lastRow--;

  const gutterWidth = String(lastRow).length;
  const emptyGutter = " ".repeat(gutterWidth);
  const frame: string[] = [`${emptyGutter} |`];
  for (let row = firstRow; row <= lastRow; row++) {
    const original = source.lineText(row);
    const line = redactLine(original);
    // Redacted again after display: dropping an invisible character can join the two halves of a token.
    frame.push(redactText(trimEnd(`${String(row).padStart(gutterWidth)} | ${displayText(line.text)}`)));
    if (row < start.row || row > endRow) continue;

    const firstNonBlank = original.length - original.trimStart().length;
    const from = row === start.row ? start.column - 1 : firstNonBlank;
    const to = row === endRow ? endColumn - 1 : original.length;
    if (row !== start.row && row !== endRow && isBlank(original)) continue;
    const fromIndex = line.mapIndex(Math.max(0, Math.min(from, original.length)));
    const toIndex = line.mapIndex(Math.max(0, Math.min(to, original.length)));
    const indent = displayWidth(line.text.slice(0, fromIndex));
    const carets = Math.max(1, displayWidth(line.text.slice(fromIndex, Math.max(fromIndex, toIndex))));
    const suffix = row === endRow ? ` ${label}` : "";
    frame.push(`${emptyGutter} | ${" ".repeat(indent)}${"^".repeat(carets)}${suffix}`);
  }
  frame.push(`${emptyGutter} |`);
  return frame;
}
