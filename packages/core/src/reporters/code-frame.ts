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
/** Lines wider than this (in display columns) are cut to a window of this width around the range. */
export const MAX_LINE_WIDTH = 160;
/** Columns kept before the range when a long line is cut. */
const LEFT_CONTEXT_WIDTH = 40;
const ELLIPSIS = "…";

interface ShownLine {
  row: number;
  /** Redacted, tabs expanded. */
  text: string;
  underline?: { indent: number; carets: number; label: string };
  /** A window of a long line that does not start at its beginning. */
  cutLeft?: boolean;
}

/** The characters of `text` whose display columns fall inside [start, end), with `…` where text was cut. */
function cropToWindow(text: string, start: number, end: number): string {
  let column = 0;
  let kept = "";
  let cutRight = false;
  for (const char of text) {
    const width = displayWidth(char);
    if (column >= start && column + width <= end) kept += char;
    else if (column >= start && column < end)
      kept += " "; // a wide character straddling the edge
    else if (column >= end) cutRight = true;
    else if (column + width > start) kept += " ".repeat(column + width - start);
    column += width;
  }
  return `${start > 0 ? ELLIPSIS : ""}${kept}${cutRight ? ELLIPSIS : ""}`;
}

const isBlank = (line: string): boolean => line.trim() === "";

/**
 * Longer lines are read as a window around the range (UTF-16 units), so a line of a megabyte holding thousands of
 * findings costs each frame the window, not the line. The display crop below cuts it further.
 */
const LONG_LINE = 4 * MAX_LINE_WIDTH;

interface LineView {
  /** The part of the line shown: the whole line, or a window of a long one. */
  text: string;
  /** Where `text` starts in the line (0-based UTF-16 column). */
  offset: number;
}

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[A-Za-z0-9_]/.test(char);

function lineView(source: SourceText, row: number, focus: number): LineView {
  const start = source.lineStart(row);
  const length = source.lineEnd(row) - start;
  if (length <= LONG_LINE) return { text: source.text.slice(start, start + length), offset: 0 };
  let from = Math.max(0, Math.min(focus, length) - 2 * LEFT_CONTEXT_WIDTH);
  let to = Math.min(length, from + LONG_LINE);
  // Never cut inside a word: half a token would no longer look like one to redaction, and show its secret part.
  const at = (i: number): string | undefined => source.text[start + i];
  if (from > 0) while (from < to && isWordChar(at(from - 1)) && isWordChar(at(from))) from++;
  if (to < length) while (to > from && isWordChar(at(to - 1)) && isWordChar(at(to))) to--;
  return { text: source.text.slice(start + from, start + to), offset: from };
}

/** Blank without reading all of a long line: its first window decides unless that is all whitespace. */
function isBlankRow(source: SourceText, row: number): boolean {
  const start = source.lineStart(row);
  const end = source.lineEnd(row);
  return isBlank(source.text.slice(start, Math.min(end, start + LONG_LINE))) && (end - start <= LONG_LINE || isBlank(source.lineText(row)));
}

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
    endColumn = source.lineEnd(endRow) - source.lineStart(endRow) + 1;
  }

  let firstRow = Math.max(1, start.row - CONTEXT_LINES);
  let lastRow = Math.min(source.lineCount, endRow + CONTEXT_LINES);
  while (firstRow < start.row && isBlankRow(source, firstRow)) firstRow++;
  while (lastRow > endRow && isBlankRow(source, lastRow)) lastRow--;

  const shown: ShownLine[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const view = lineView(source, row, start.column - 1);
    const original = view.text;
    const line = redactLine(original);
    const entry: ShownLine = { row, text: displayText(line.text), cutLeft: view.offset > 0 };
    shown.push(entry);
    if (row < start.row || row > endRow) continue;
    if (row !== start.row && row !== endRow && isBlank(original)) continue;
    const firstNonBlank = original.length - original.trimStart().length;
    const from = row === start.row ? start.column - 1 - view.offset : firstNonBlank;
    const to = row === endRow ? endColumn - 1 - view.offset : original.length;
    const fromIndex = line.mapIndex(Math.max(0, Math.min(from, original.length)));
    const toIndex = line.mapIndex(Math.max(0, Math.min(to, original.length)));
    entry.underline = {
      indent: displayWidth(line.text.slice(0, fromIndex)),
      carets: Math.max(1, displayWidth(line.text.slice(fromIndex, Math.max(fromIndex, toIndex)))),
      label: row === endRow ? ` ${label}` : "",
    };
  }

  // A long line (minified code, a data line in a doc) is cut to a window that starts a little before the range.
  // Short lines are left whole.
  const firstUnderline = shown.find((line) => line.underline)?.underline;
  const windowStart = firstUnderline ? Math.max(0, firstUnderline.indent - LEFT_CONTEXT_WIDTH) : 0;
  const cropWindow = { start: windowStart, end: windowStart + MAX_LINE_WIDTH };

  const gutterWidth = String(lastRow).length;
  const emptyGutter = " ".repeat(gutterWidth);
  const frame: string[] = [`${emptyGutter} |`];
  for (const line of shown) {
    const window = displayWidth(line.text) > MAX_LINE_WIDTH ? cropWindow : null;
    let text = window ? cropToWindow(line.text, window.start, window.end) : line.text;
    // A long line read from a window: say it is cut even where the display crop starts at the window's start.
    const marked = Boolean(line.cutLeft) && !text.startsWith(ELLIPSIS);
    if (marked) text = `${ELLIPSIS}${text}`;
    // Redacted again after display: dropping an invisible character can join the two halves of a token.
    frame.push(redactText(trimEnd(`${String(line.row).padStart(gutterWidth)} | ${text}`)));
    if (!line.underline) continue;
    let { indent, carets } = line.underline;
    if (window) {
      const from = Math.min(Math.max(indent, window.start), window.end);
      const to = Math.min(indent + carets, window.end);
      indent = from - window.start + (window.start > 0 ? ELLIPSIS.length : 0);
      carets = Math.max(1, to - from);
    }
    if (marked) indent += ELLIPSIS.length;
    frame.push(`${emptyGutter} | ${" ".repeat(indent)}${"^".repeat(carets)}${line.underline.label}`);
  }
  frame.push(`${emptyGutter} |`);
  return frame;
}
