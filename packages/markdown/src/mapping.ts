/**
 * A fence's content as a file of its own (container prefixes removed, line breaks kept), and the way back:
 * offsets and fixes a sub-analyzer reports on that text, mapped line by line into the Markdown file.
 */
import { lineIndexAt, type Edit, type Fix } from "@hf-jobs-lint/core";
import type { FenceLine } from "./fences.js";

export class FenceText {
  readonly text: string;
  /** Offset in `text` where each fence line starts. */
  private readonly starts: number[] = [];
  /** Every line has the same container prefix: multi-line edits can then be mapped by re-inserting it. */
  private readonly uniformPrefix: string | null;

  constructor(
    private readonly lines: readonly FenceLine[],
    markdown: string,
  ) {
    const parts: string[] = [];
    let at = 0;
    for (const line of lines) {
      this.starts.push(at);
      const piece = markdown.slice(line.start, line.end) + line.eol;
      parts.push(piece);
      at += piece.length;
    }
    this.text = parts.join("");
    const prefixes = new Set(lines.map((line) => line.prefix));
    this.uniformPrefix = prefixes.size <= 1 ? (lines[0]?.prefix ?? "") : null;
  }

  private lineIndexAt(offset: number): number {
    return lineIndexAt(this.starts, offset);
  }

  /** The Markdown offset of `offset` in the fence text. */
  toMarkdown(offset: number): number {
    if (this.lines.length === 0) return 0;
    const k = this.lineIndexAt(offset);
    const line = this.lines[k]!;
    const column = offset - this.starts[k]!;
    const length = line.end - line.start;
    // Inside the line break: keep it relative to the line's end.
    return column <= length ? line.start + column : line.end + Math.min(column - length, line.eol.length);
  }

  /** The 0-based fence line of `offset`. */
  lineOf(offset: number): number {
    return this.lineIndexAt(offset);
  }

  /** The edit in Markdown offsets, or null when it cannot be mapped exactly. */
  mapEdit(edit: Edit): Edit | null {
    const start = this.toMarkdown(edit.start);
    const end = this.toMarkdown(edit.end);
    const multiLine = this.lineIndexAt(edit.start) !== this.lineIndexAt(edit.end) || /[\r\n]/.test(edit.content);
    if (!multiLine) return { start, end, content: edit.content };
    if (this.uniformPrefix === null) return null;
    // Past the last line break is the closing fence's own prefix: not a place to add lines to.
    if (edit.start >= this.text.length && this.uniformPrefix !== "") return null;
    // Every line break in the new text starts a line, which needs the container prefix: a range that crosses a
    // line start swallowed that line's prefix, and text inserted before a line start pushes it to a new line.
    const prefix = this.uniformPrefix;
    return { start, end, content: prefix === "" ? edit.content : edit.content.replace(/\r\n|\r|\n/g, (lineEnd) => `${lineEnd}${prefix}`) };
  }

  mapFix(fix: Fix | null): Fix | null {
    if (!fix) return null;
    const edits: Edit[] = [];
    for (const edit of fix.edits) {
      const mapped = this.mapEdit(edit);
      if (!mapped) return null;
      edits.push(mapped);
    }
    return { ...fix, edits };
  }
}
