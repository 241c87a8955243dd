/**
 * Interactive Python sessions in docs (doctest style): `>>> ` starts a statement, `... ` continues it, and a line
 * with no prompt after them is the interpreter's output. The Jobs guides write launches this way
 * (`>>> run_job(` then `...     image="python:3.12",`), so a session fence is turned into the Python a reader
 * would type before it is analysed.
 *
 * The prompt becomes part of the line's container prefix: every code line keeps its exact offset in the Markdown
 * file, so findings land on the right row and column and single-line fixes apply to the right bytes. Output lines
 * become empty lines (the row count is kept, so `# noqa` rows still map). The prefixes of a session are not
 * uniform, so FenceText refuses the multi-line edits it could not map exactly.
 */
import type { FenceLine } from "./fences.js";

const PRIMARY = /^([ \t]*)>>>(?: |$)/;
const CONTINUATION = /^([ \t]*)\.\.\.(?: |$)/;

/** A fence is a session when one of its lines starts with the `>>>` prompt. */
export function isPythonSession(lines: readonly FenceLine[], markdown: string): boolean {
  return lines.some((line) => PRIMARY.test(markdown.slice(line.start, line.end)));
}

/** The text of the first session statement, prompt removed (`>>> hf jobs run ...` -> `hf jobs run ...`). */
export function firstPromptedLine(lines: readonly FenceLine[], markdown: string): string | null {
  for (const line of lines) {
    const content = markdown.slice(line.start, line.end);
    const match = PRIMARY.exec(content);
    if (match) return content.slice(match[0].length).trim();
  }
  return null;
}

/**
 * The session's lines as Python: prompts moved into the prefix, output lines emptied. A `...` line continues
 * only a statement (after `>>>` or another `...`); after output it is output (doctest's ELLIPSIS). Comment and
 * blank lines stay (a `# List your jobs` between statements is harmless Python); any other line without a
 * prompt, before the first prompt too, is not something the reader types.
 */
export function pythonSessionLines(lines: readonly FenceLine[], markdown: string): FenceLine[] {
  const result: FenceLine[] = [];
  let inStatement = false;
  for (const line of lines) {
    const content = markdown.slice(line.start, line.end);
    const prompt = PRIMARY.exec(content) ?? (inStatement ? CONTINUATION.exec(content) : null);
    if (prompt) {
      inStatement = true;
      const length = prompt[0].length;
      result.push({ start: line.start + length, end: line.end, prefix: line.prefix + content.slice(0, length), eol: line.eol });
      continue;
    }
    inStatement = false;
    const trimmed = content.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      // A comment or blank line: strip its indentation, which would otherwise be an indentation error.
      const indent = content.length - content.trimStart().length;
      result.push({ start: line.start + indent, end: line.end, prefix: line.prefix + content.slice(0, indent), eol: line.eol });
      continue;
    }
    // Output: an empty line at the end of the source line.
    result.push({ start: line.end, end: line.end, prefix: line.prefix + content, eol: line.eol });
  }
  return result;
}
