/**
 * Fenced code blocks of a Markdown file with exact offsets.
 *
 * Why markdown-it rather than a hand-written fence scanner: fences inside list items and blockquotes, lazy
 * continuation, unclosed fences and HTML blocks follow CommonMark's container rules, which a line scanner gets
 * wrong in exactly the nested shapes docs use. markdown-it is well kept, fast (block parsing only: its inline
 * rules are switched off here), and gives each block its source lines (`token.map`) and each fence its content
 * with container prefixes removed. The offset of each content line is then recovered exactly: the content line
 * is the tail of the source line, and what precedes it is the line's container prefix (indentation, `> `).
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import type { SourceText } from "@hf-jobs-lint/core";

export interface FenceLine {
  /** Offset of the line's first content character (after the container prefix). */
  start: number;
  /** Offset of the end of the line's content (before its line break). */
  end: number;
  /** The container prefix before `start` (indentation, `> `). */
  prefix: string;
  /** The line break after the line (`\n`, `\r\n`, `\r`, or `` at the end of the file). */
  eol: string;
}

export interface FenceBlock {
  /** The info string's first word, lower-cased, `{.lang}` braces removed. */
  lang: string;
  info: string;
  /** 1-based row of the opening fence line. */
  openRow: number;
  lines: FenceLine[];
  /** False when a content line could not be located in the source (tabs expanded by the parser, lone CRs). */
  mappable: boolean;
  /** The text introducing the fence: a heading directly above it, or the paragraph's introducing sentence. */
  intro: string | null;
  /** `<!-- hf-jobs-lint-disable-next-block -->` directly before the fence. */
  disabled: boolean;
}

const DISABLE_NEXT_BLOCK = "hf-jobs-lint-disable-next-block";

let parser: MarkdownIt | null = null;
function markdownParser(): MarkdownIt {
  if (!parser) {
    parser = markdownIt("commonmark", { html: true });
    // Only the block structure is needed; inline parsing is most of markdown-it's time.
    parser.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"], true);
  }
  return parser;
}

/** The last sentence of a paragraph: the part that introduces what follows it. */
function lastSentence(paragraph: string): string {
  const pieces = paragraph
    .trim()
    .split(/(?<=[.!?。！？])\s+|(?<=[。！？])|\n/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
  return pieces[pieces.length - 1] ?? "";
}

/**
 * The part of the paragraph above a fence that introduces it: its last sentence when that announces what follows
 * (ends with a colon: "This is wrong:", "**❌ 错误：**") or is a short label ("Bad example"). A long paragraph
 * that merely mentions "errors" (错误) or "never" does not mark the code after it.
 */
function introducingSentence(paragraph: string): string | null {
  const sentence = lastSentence(paragraph);
  const bare = sentence.replace(/[*_`~]/g, "").trim();
  return /[:：]$/.test(bare) || (bare.length <= 40 && !/[.。!！?？]$/.test(bare)) ? sentence : null;
}

export function findFences(source: SourceText): FenceBlock[] {
  const tokens = markdownParser().parse(source.text, {});
  const fences: FenceBlock[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type !== "fence" || !token.map) continue;
    const [first, last] = token.map;
    const contentLines = token.content.split("\n");
    if (contentLines[contentLines.length - 1] === "") contentLines.pop();
    const span = last - first;
    let mappable = contentLines.length === span - 2 || contentLines.length === span - 1;
    const lines: FenceLine[] = [];
    for (let k = 0; k < contentLines.length && mappable; k++) {
      const row = first + 2 + k;
      const original = source.lineText(row);
      const content = contentLines[k]!;
      if (!original.endsWith(content)) {
        mappable = false;
        break;
      }
      const lineStart = source.lineStart(row);
      const prefixLength = original.length - content.length;
      const end = lineStart + original.length;
      const eol = source.text.startsWith("\r\n", end) ? "\r\n" : source.text.startsWith("\n", end) ? "\n" : source.text.startsWith("\r", end) ? "\r" : "";
      lines.push({ start: lineStart + prefixLength, end, prefix: original.slice(0, prefixLength), eol });
    }

    let intro: string | null = null;
    let disabled = false;
    const previous = tokens[index - 1];
    if (previous?.type === "paragraph_close" || previous?.type === "heading_close") {
      const inline = tokens[index - 2];
      if (inline?.type === "inline") intro = previous.type === "heading_close" ? inline.content : introducingSentence(inline.content);
    } else if (previous?.type === "html_block") {
      disabled = previous.content.includes(DISABLE_NEXT_BLOCK);
    }
    const info = token.info.trim();
    const lang = (info.split(/\s+/)[0] ?? "").replace(/^\{\.?|\}$/g, "").toLowerCase();
    fences.push({ lang, info, openRow: first + 1, lines: mappable ? lines : [], mappable, intro, disabled });
  }
  return fences;
}
