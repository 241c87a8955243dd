/**
 * A Jupyter notebook's JSON read with positions: each cell's `source` as the text Jupyter joins from it, with the
 * offset in the file of every character of that text, so that findings point into the file and fixes edit the
 * JSON strings in place (every byte outside the changed strings kept: indentation, key order, the final newline).
 */
import { lastStartingAtOrBefore } from "@hf-jobs-lint/core";

/** A JSON string literal: `start` at its opening quote, `end` after its closing quote. */
interface JsonStringNode {
  type: "string";
  start: number;
  end: number;
}

type JsonNode =
  | { type: "object"; start: number; end: number; entries: { key: string; value: JsonNode }[] }
  | { type: "array"; start: number; end: number; items: JsonNode[] }
  | JsonStringNode
  | { type: "other"; start: number; end: number };

/**
 * A reader of text that `JSON.parse` accepted: no error handling beyond staying in bounds, since validity is
 * decided before (with the platform's own, strict parser).
 */
function parseTree(text: string): JsonNode {
  let at = 0;
  const skipBlanks = () => {
    while (at < text.length && (text[at] === " " || text[at] === "\n" || text[at] === "\r" || text[at] === "\t")) at++;
  };
  const stringEnd = (start: number): number => {
    for (let from = start + 1; ;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) return text.length;
      let backslashes = 0;
      while (text[quote - 1 - backslashes] === "\\") backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  };
  const value = (): JsonNode => {
    skipBlanks();
    const start = at;
    const char = text[at];
    if (char === '"') {
      at = stringEnd(at);
      return { type: "string", start, end: at };
    }
    if (char === "{") {
      at++;
      const entries: { key: string; value: JsonNode }[] = [];
      skipBlanks();
      while (at < text.length && text[at] !== "}") {
        skipBlanks();
        const keyStart = at;
        at = stringEnd(at);
        const key = JSON.parse(text.slice(keyStart, at)) as string;
        skipBlanks();
        at++; // ':'
        entries.push({ key, value: value() });
        skipBlanks();
        if (text[at] === ",") at++;
        skipBlanks();
      }
      at++;
      return { type: "object", start, end: at, entries };
    }
    if (char === "[") {
      at++;
      const items: JsonNode[] = [];
      skipBlanks();
      while (at < text.length && text[at] !== "]") {
        items.push(value());
        skipBlanks();
        if (text[at] === ",") at++;
        skipBlanks();
      }
      at++;
      return { type: "array", start, end: at, items };
    }
    while (at < text.length && !/[\s,\]}]/.test(text[at]!)) at++;
    return { type: "other", start, end: at };
  };
  return value();
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "\\": "\\", "/": "/" };

/** One JSON string of a source: where its text starts in the decoded text, and where it is in the file. */
interface Piece {
  from: number;
  openingQuote: number;
  closingQuote: number;
  /** What goes between two list elements: the line break and indentation before this string, or `, ` inline. */
  separator: string;
}

/** How many characters of JSON text spell the one decoded character at `i`: 1, or an escape's 2 (`\u` escapes 6). */
function spelledLength(json: string, i: number): number {
  return json[i] !== "\\" ? 1 : json[i + 1] === "u" ? 6 : 2;
}

/** A cell's source decoded from its JSON strings, with the file offset of each of its characters. */
export class MappedText {
  readonly text: string;
  /** File offset of each character of `text`: built on the first position asked (most cells have no finding). */
  private offsetTable: number[] | null = null;
  private readonly pieces: Piece[] = [];

  constructor(
    private readonly json: string,
    private readonly strings: readonly JsonStringNode[],
    /** The source is a list of strings (nbformat's usual form, one line each): edited lines stay one per element. */
    readonly isList: boolean,
  ) {
    const parts: string[] = [];
    let length = 0;
    for (const node of strings) {
      const lineStart = json.lastIndexOf("\n", node.start) + 1;
      const before = json.slice(lineStart, node.start);
      const eol = json[lineStart - 2] === "\r" ? "\r\n" : "\n";
      const separator = lineStart > 0 && /^[ \t]*$/.test(before) ? `,${eol}${before}` : ", ";
      this.pieces.push({ from: length, openingQuote: node.start, closingQuote: node.end - 1, separator });
      // Runs without a backslash as they are; each escape is one character (`\uXXXX` one UTF-16 unit).
      const end = node.end - 1;
      for (let i = node.start + 1; i < end;) {
        let runEnd = i;
        while (runEnd < end && json.charCodeAt(runEnd) !== 0x5c) runEnd++;
        if (runEnd > i) {
          parts.push(json.slice(i, runEnd));
          length += runEnd - i;
          i = runEnd;
          continue;
        }
        const kind = json[i + 1]!;
        parts.push(kind === "u" ? String.fromCharCode(parseInt(json.slice(i + 2, i + 6), 16)) : (SIMPLE_ESCAPES[kind] ?? kind));
        length++;
        i += spelledLength(json, i);
      }
    }
    this.text = parts.join("");
  }

  private get offsets(): number[] {
    if (this.offsetTable) return this.offsetTable;
    const offsets: number[] = [];
    for (const node of this.strings) {
      for (let i = node.start + 1; i < node.end - 1;) {
        offsets.push(i);
        i += spelledLength(this.json, i);
      }
    }
    return (this.offsetTable = offsets);
  }

  /** The piece holding character `index` (the last piece for the end of the text). */
  private pieceAt(index: number): number {
    return lastStartingAtOrBefore(this.pieces, index, (piece) => piece.from);
  }

  /** The piece a range ending at `index` ends in: at a boundary, the piece before it. */
  private pieceEndingAt(index: number): number {
    const piece = this.pieceAt(index);
    return piece > 0 && this.pieces[piece]!.from === index ? piece - 1 : piece;
  }

  private pieceEnd(piece: number): number {
    return this.pieces[piece + 1]?.from ?? this.text.length;
  }

  /** The file offset of a position in `text`; an end at a string boundary stays in the string it ends. */
  toFile(index: number, isEnd: boolean): number {
    if (this.pieces.length === 0) return 0;
    if (isEnd) {
      const piece = this.pieceEndingAt(index);
      return index >= this.pieceEnd(piece) ? this.pieces[piece]!.closingQuote : this.offsets[index]!;
    }
    return index >= this.text.length ? this.pieces[this.pieces.length - 1]!.closingQuote : this.offsets[index]!;
  }

  /**
   * Edits of `text` as edits of the file: the strings they touch are written again (a list source one line per
   * element, as nbformat writes it), every other byte kept. Null when the source has no string to edit.
   */
  mapEdits(edits: readonly { start: number; end: number; content: string }[]): { start: number; end: number; content: string }[] | null {
    if (this.pieces.length === 0) return null;
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    // Edits touching the same strings are rendered together.
    const groups: { first: number; last: number; edits: typeof sorted }[] = [];
    for (const edit of sorted) {
      const first = this.pieceAt(Math.min(edit.start, this.text.length));
      const last = Math.max(first, edit.end > edit.start ? this.pieceEndingAt(edit.end) : first);
      const open = groups[groups.length - 1];
      if (open && first <= open.last) {
        open.last = Math.max(open.last, last);
        open.edits.push(edit);
      } else groups.push({ first, last, edits: [edit] });
    }
    return groups.map(({ first, last, edits: group }) => {
      const from = this.pieces[first]!.from;
      const to = this.pieceEnd(last);
      let text = this.text.slice(from, to);
      for (const edit of [...group].reverse()) text = text.slice(0, edit.start - from) + edit.content + text.slice(edit.end - from);
      const start = this.pieces[first]!.openingQuote;
      const end = this.pieces[last]!.closingQuote + 1;
      if (!this.isList) return { start, end, content: JSON.stringify(text) };
      const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [""];
      return { start, end, content: lines.map((line) => JSON.stringify(line)).join(this.pieces[first]!.separator) };
    });
  }
}

export interface NotebookCell {
  /** 1-based, among all cells (as Jupyter numbers them and Ruff reports them). */
  index: number;
  type: string;
  source: MappedText;
  /** File range of the cell's `outputs`, when it has some. */
  outputs: { start: number; end: number } | null;
}

export interface ParsedNotebook {
  cells: NotebookCell[];
  /** The kernel's language (`metadata.language_info.name` or `metadata.kernelspec.language`), lower case; null when unknown. */
  language: string | null;
}

/** Thrown for text that is not JSON, or JSON that is not a notebook: a per-file error. */
export class NotebookError extends Error {
  override name = "NotebookError";
}

const member = (node: JsonNode | undefined, key: string): JsonNode | undefined => (node?.type === "object" ? node.entries.find((entry) => entry.key === key)?.value : undefined);

/** The cells of an nbformat 4 notebook. */
export function parseNotebook(json: string): ParsedNotebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new NotebookError(`not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as { cells?: unknown }).cells)) {
    const version = (parsed as { nbformat?: unknown } | null)?.nbformat;
    // nbformat 3 and older keep cells under `worksheets` and code in `input`: Ruff rejects them ("Expected Jupyter
    // Notebook format 4"), and so does this reader, saying what was checked instead.
    if (typeof version === "number" && version < 4) {
      throw new NotebookError(
        `nbformat ${version} notebook: only nbformat 4 is read, as by Ruff; checked for hardcoded tokens only (\`jupyter nbconvert --to notebook --inplace\` upgrades it)`,
      );
    }
    throw new NotebookError("not a Jupyter notebook (no `cells` list; nbformat 4 is read)");
  }
  const root = parseTree(json);
  const stringOf = (node: JsonNode | undefined): string | null => (node?.type === "string" ? (JSON.parse(json.slice(node.start, node.end)) as string) : null);
  const metadata = member(root, "metadata");
  const language = stringOf(member(member(metadata, "language_info"), "name")) ?? stringOf(member(member(metadata, "kernelspec"), "language"));
  const cellsNode = member(root, "cells");
  const cells: NotebookCell[] = [];
  if (cellsNode?.type === "array") {
    cellsNode.items.forEach((cell, position) => {
      const type = stringOf(member(cell, "cell_type")) ?? "";
      const source = member(cell, "source");
      const strings = source?.type === "string" ? [source] : source?.type === "array" ? source.items.filter((item): item is JsonStringNode => item.type === "string") : [];
      const outputs = member(cell, "outputs");
      cells.push({
        index: position + 1,
        type,
        source: new MappedText(json, strings, source?.type === "array"),
        outputs: outputs?.type === "array" && outputs.items.length > 0 ? { start: outputs.start, end: outputs.end } : null,
      });
    });
  }
  return { cells, language: language?.toLowerCase() ?? null };
}
