/**
 * Shell text embedded in other files (Makefile recipes, CI YAML blocks, Markdown fences, console transcripts)
 * is analysed in place: a copy of the file where everything that is not shell is blanked to spaces, newlines
 * kept, so that every offset the tokenizer reports is an offset into the real file.
 */

export type Range = readonly [start: number, end: number];

/** `text` with every character of `ranges` except line breaks replaced by a space (same length). */
export function blankRanges(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from));
    parts.push(text.slice(from, end).replace(/[^\r\n]/g, " "));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** Start offsets of the lines of `text` between `from` and `to` (each line: [start, endWithoutEol, next]). */
export function linesIn(text: string, from: number, to: number): { start: number; end: number; next: number }[] {
  const lines: { start: number; end: number; next: number }[] = [];
  let start = from;
  while (start < to) {
    let nl = text.indexOf("\n", start);
    if (nl < 0 || nl >= to) nl = to;
    let end = nl;
    if (end > start && text[end - 1] === "\r") end--;
    lines.push({ start, end, next: Math.min(nl + 1, to) });
    if (nl >= to) break;
    start = nl + 1;
  }
  return lines;
}

/**
 * The ranges to blank in a Makefile so that only recipe lines remain: lines that start with a tab, and the
 * lines a recipe continues onto with `\`. The recipe prefix (tab, then `@`, `-`, `+`) is blanked too.
 */
export function makefileBlanks(text: string): Range[] {
  const blanks: Range[] = [];
  let continuing = false;
  for (const line of linesIn(text, 0, text.length)) {
    const content = text.slice(line.start, line.end);
    if (content.startsWith("\t") || continuing) {
      const prefix = continuing ? 0 : /^\t[ \t@+-]*/.exec(content)![0].length;
      if (prefix > 0) blanks.push([line.start, line.start + prefix]);
      continuing = content.endsWith("\\");
    } else {
      blanks.push([line.start, line.end]);
      continuing = false;
    }
  }
  return blanks;
}

export type PromptMode =
  /** A shell script: no prompts. */
  | "script"
  /**
   * A `bash`/`sh` fence: `$ `, `% ` and `>>> ` (hub-docs writes `>>> hf jobs run ...`) are prompts; when any line
   * has one, lines without it are output.
   */
  | "doc"
  /**
   * A `console`/`shell-session` fence: `$ `, `% `, `# `, `> ` and `>>> ` are prompts, the rest is output; after a
   * command that starts a Python REPL (`$ python`), `>>> ` and `... ` lines are Python, not commands.
   */
  | "console";

const DOC_PROMPT = /^[ \t]*(?:\$|%|>>>|>)(?: |$)/;
/** A `bash` fence is a session when a line has a primary prompt (`> ` alone may be a redirection). */
const DOC_SESSION = /^[ \t]*(?:\$|%|>>>)(?: |$)/;
const CONSOLE_PROMPT = /^[ \t]*(?:\$|%|#|>>>|>)(?: |$)/;
/** What starts a continuation line after a `\`: the secondary prompt `> ` or the doctest-style `... `. */
const CONTINUATION_PROMPT = /^[ \t]*(?:>|\.\.\.)(?: |$)/;
const PYTHON_REPL = /^(?:python[0-9.]*|ipython[0-9]*|uv run python|python[0-9.]* -i)$/;
const PYTHON_PROMPT = /^[ \t]*(?:>>>|\.\.\.)(?: |$)/;

/**
 * Ranges to blank in the lines between `from` and `to` for prompts and command output, so that only commands
 * are tokenized. A line after one ending in `\` continues the command and is kept (its `> ` or `... ` prompt
 * blanked).
 */
export function promptBlanks(text: string, from: number, to: number, mode: PromptMode): Range[] {
  if (mode === "script") return [];
  const lines = linesIn(text, from, to);
  if (mode === "doc" && !lines.some((line) => DOC_SESSION.test(text.slice(line.start, line.end)))) return [];
  const prompt = mode === "console" ? CONSOLE_PROMPT : DOC_PROMPT;
  const blanks: Range[] = [];
  let continuing = false;
  let inRepl = false;
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    if (continuing) {
      const continuation = CONTINUATION_PROMPT.exec(content);
      if (continuation) blanks.push([line.start, line.start + continuation[0].length]);
    } else {
      const match = inRepl && PYTHON_PROMPT.test(content) ? null : prompt.exec(content);
      if (!match) {
        blanks.push([line.start, line.end]);
        continuing = false;
        continue;
      }
      blanks.push([line.start, line.start + match[0].length]);
      const command = content.slice(match[0].length).trim();
      if (/^[ \t]*(?:\$|%|#)/.test(match[0])) inRepl = PYTHON_REPL.test(command);
    }
    continuing = content.endsWith("\\");
  }
  return blanks;
}
