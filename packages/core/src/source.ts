/** A file's text with the line table needed to turn offsets into 1-based rows and columns. */

export interface Position {
  /** 1-based line. */
  row: number;
  /** 1-based column, counted in UTF-16 code units (SARIF's default column kind). */
  column: number;
}

export class SourceText {
  readonly text: string;
  readonly hasBom: boolean;
  readonly eol: "\n" | "\r\n";
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.hasBom = text.charCodeAt(0) === 0xfeff;
    this.text = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    const firstNewline = text.indexOf("\n");
    this.eol = firstNewline > 0 && text[firstNewline - 1] === "\r" ? "\r\n" : "\n";
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

  /** The text of a 1-based line without its line ending. */
  lineText(row: number): string {
    const start = this.lineStart(row);
    const next = this.lineStarts[row];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text[end - 1] === "\r") end--;
    return this.text.slice(start, end);
  }
}

/** The index of the last of the ascending `starts` that is at or before `offset` (0 when none is): the line holding `offset`. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
