/** A file's text with the line table needed to turn offsets into 1-based rows and columns. */

export interface Position {
  /** 1-based line. */
  row: number;
  /** 1-based column, counted in UTF-16 code units (SARIF's default column kind). */
  column: number;
}

/** A line ending: CR LF, a lone CR or LF, as Python (and JS, YAML, CommonMark) define them. */
export type LineEnding = "\n" | "\r\n" | "\r";

export class SourceText {
  readonly text: string;
  readonly hasBom: boolean;
  /** The file's first line ending, the one inserted lines get (`\n` when the text has none). */
  readonly eol: LineEnding;
  private starts: number[] | null = null;

  constructor(text: string) {
    this.hasBom = text.charCodeAt(0) === 0xfeff;
    this.text = text;
    this.eol = firstLineEnding(text);
  }

  /** Built on first use: most files checked have no finding, and nothing asks where their lines start. */
  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lineIndexAt(this.lineStarts, clamped);
    return { row: line + 1, column: clamped - this.lineStarts[line]! + 1 };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[position.row - 1];
    if (start === undefined) return this.text.length;
    return Math.min(start + position.column - 1, this.text.length);
  }

  /** Start offset of a 1-based line. */
  lineStart(row: number): number {
    return this.lineStarts[row - 1] ?? this.text.length;
  }

  /** End offset of a 1-based line, before its line ending. */
  lineEnd(row: number): number {
    const start = this.lineStart(row);
    const next = this.lineStarts[row];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a 1-based line without its line ending. */
  lineText(row: number): string {
    return this.text.slice(this.lineStart(row), this.lineEnd(row));
  }
}

function firstLineEnding(text: string): LineEnding {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return "\n";
    if (code === 13) return text.charCodeAt(i + 1) === 10 ? "\r\n" : "\r";
  }
  return "\n";
}

/** The offset of each line's start: after every CR LF, lone CR and LF. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The index of the last of the ascending `starts` that is at or before `offset` (0 when none is): the line holding `offset`. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  return lastStartingAtOrBefore(starts, offset, (start) => start);
}

/**
 * The index of the last item, in ascending order of `startOf`, that starts at or before `offset` (0 when none
 * does): the line, cell or piece of a mapped text that holds `offset`.
 */
export function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (startOf(items[mid]!) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Lone CRs as LFs: the same length and offsets, for parsers and scanners that only know LF (tree-sitter, line regexes). */
export function withLoneCrAsLf(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}
