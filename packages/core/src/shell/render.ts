/**
 * Renders core's argv edit ops (`replace`, `remove`, `insertBefore`) as text edits on shell source: new words are
 * quoted only when needed, a removed word goes with the whitespace before it (line continuations are kept), and
 * inserted words are followed by a single space.
 */
import type { Edit, Fix } from "../diagnostic.js";
import type { ArgvEditOp, ArgvFix } from "../domain/check-command-line.js";
import type { ShellWord } from "./words.js";

export interface ShellRenderContext {
  /** The real file text (words' offsets index it). */
  text: string;
  /** Makefile recipe: a `$` in new text is written `$$`. */
  makefile: boolean;
}

/** `value` as one shell word: bare when every character is safe, else single-quoted (double-quoted if it has `'`). */
export function quoteShellWord(value: string): string {
  if (value !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/[\\$`"]/g, (c) => `\\${c}`)}"`;
}

function escapeForMake(text: string, makefile: boolean): string {
  return makefile ? text.replace(/\$/g, "$$$$") : text;
}

/**
 * Replace word `word` by `value`. A literal word (or a new value without expansions) is written fresh; a word
 * holding an expansion keeps the expanded tail as written and only its changed head is rewritten. Null when
 * that cannot be done exactly.
 */
function renderReplace(word: ShellWord, value: string, context: ShellRenderContext): Edit | null {
  const hasExpansion = /[$`]/.test(value);
  if (word.literal || !hasExpansion) {
    return { start: word.start, end: word.end, content: escapeForMake(quoteShellWord(value), context.makefile) };
  }
  // Keep the longest common tail; rewrite the head.
  const old = word.value;
  let tail = 0;
  while (tail < old.length && tail < value.length && old[old.length - 1 - tail] === value[value.length - 1 - tail]) tail++;
  const head = value.slice(0, value.length - tail);
  const oldHead = old.length - tail;
  if (/[$`]/.test(head)) return null;
  const splitAt = word.rawIndex[oldHead]!;
  const quote = word.quote[oldHead];
  // The kept tail starts inside quotes: reopen them after the new head.
  const reopen = quote === "double" ? '"' : quote === "single" ? "'" : "";
  // Only a quote that opens in the replaced head can be reopened; the raw head must end right before the tail.
  const rawHead = context.text.slice(word.start, splitAt);
  if (reopen && !rawHead.includes(reopen)) return null;
  // `"OLD=$X"` -> `"HF_TOKEN=$X"`: when one quote opens the word and the tail is still inside it, rewrite inside.
  if (reopen && rawHead[0] === reopen && rawHead.indexOf(reopen, 1) < 0 && /^[A-Za-z0-9_@%+=:,./-]*$/.test(head)) {
    return { start: word.start + 1, end: splitAt, content: head };
  }
  return { start: word.start, end: splitAt, content: escapeForMake(quoteShellWord(head), context.makefile) + reopen };
}

function hasNewline(text: string, start: number, end: number): boolean {
  const slice = text.slice(start, end);
  return slice.includes("\n");
}

/** Remove words `first..last` (consecutive) with the whitespace that separated them from the command. */
function renderRemoval(words: readonly ShellWord[], first: number, last: number, context: ShellRenderContext): Edit {
  const prev = words[first - 1];
  const next = words[last + 1];
  const start = words[first]!.start;
  const end = words[last]!.end;
  if (prev && !hasNewline(context.text, prev.end, start)) return { start: prev.end, end, content: "" };
  // First on its line (after a continuation): take the spaces after it when more words follow on that line.
  if (next && !hasNewline(context.text, end, next.start)) return { start, end: next.start, content: "" };
  // Alone on its line: drop the line (its leading continuation goes, the one after it stays).
  return { start: prev ? prev.end : start, end, content: "" };
}

/** The fix as text edits, or null when an op cannot be rendered exactly. */
export function renderArgvFix(words: readonly ShellWord[], fix: ArgvFix, context: ShellRenderContext): Fix | null {
  const edits: Edit[] = [];
  const removed = [...new Set(fix.ops.filter((op): op is Extract<ArgvEditOp, { op: "remove" }> => op.op === "remove").map((op) => op.index))].sort((a, b) => a - b);
  for (let k = 0; k < removed.length;) {
    let j = k;
    while (j + 1 < removed.length && removed[j + 1] === removed[j]! + 1) j++;
    edits.push(renderRemoval(words, removed[k]!, removed[j]!, context));
    k = j + 1;
  }
  for (const op of fix.ops) {
    if (op.op === "replace") {
      const word = words[op.index];
      if (!word) return null;
      const edit = renderReplace(word, op.value, context);
      if (!edit) return null;
      edits.push(edit);
    } else if (op.op === "insertBefore") {
      const word = words[op.index];
      if (!word) return null;
      const parts = op.elements.map((element) =>
        "from" in element ? context.text.slice(words[element.from]!.start, words[element.from]!.end) : escapeForMake(quoteShellWord(element.value), context.makefile),
      );
      edits.push({ start: word.start, end: word.start, content: `${parts.join(" ")} ` });
    }
  }
  return { applicability: fix.applicability, message: fix.message, edits };
}
