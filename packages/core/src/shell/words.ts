/**
 * The one shell word splitter: enough of POSIX/bash word splitting to find `hf jobs ...` command lines and point
 * at each word's exact source range. It is not a shell parser. Shell files, CI `run:` steps and Markdown fences
 * use it on file text; Python and TS/JS command strings (`os.system("...")`, `execSync("...")`) use it through
 * `embedded.ts`, which maps the offsets back into the host string literal.
 *
 * Handled: single and double quotes, `$'...'`, backslash escapes, line continuations (`\` + LF or CRLF),
 * comments, the separators `;` `&&` `||` `|` `|&` `&` `(` `)` and newlines, redirections (their targets are
 * not argv words), `$VAR`/`${...}`/`$(...)`/`$((...))`/backticks (kept as written in the value and marking the
 * word non-literal; the commands inside `$(...)` and backticks are tokenized too), heredocs (their bodies are
 * skipped as data), and Makefile recipes (`$$` is a shell `$`, a single `$` is a make expansion).
 * Skipped: aliases, functions bodies are tokenized like any other commands, `bash -c "..."` strings are not
 * re-tokenized, `case` patterns and `[[ ]]` are read as plain words, brace expansion is not performed.
 */

export type ShellQuote = "none" | "single" | "double";

export interface ShellWord {
  /** The word after quote removal; expansions (`$X`, `$(...)`, backticks) are kept as written. */
  value: string;
  /** False when the word holds an expansion: its runtime value is not known text. */
  literal: boolean;
  /** Source range of the whole word, quotes included. */
  start: number;
  end: number;
  /** `rawIndex[i]` is the source offset of `value[i]`; `rawIndex[value.length] === end`. */
  rawIndex: number[];
  /** The quoting each value character was written in. */
  quote: ShellQuote[];
}

export interface ShellCommand {
  words: ShellWord[];
}

export interface ShellTokenizeOptions {
  /** Makefile recipe text: `$$` is the shell's `$`, `$(X)`/`${X}`/`$X` are make expansions. */
  makefile?: boolean;
  /** Nesting depth of command substitutions (internal): deeper ones are kept as words, not tokenized again. */
  depth?: number;
}

/** Command substitutions nested deeper than this are not looked into (bounded work on pathological input). */
const MAX_SUBSTITUTION_DEPTH = 8;

interface WordBuilder {
  value: string[];
  rawIndex: number[];
  quote: ShellQuote[];
  literal: boolean;
  start: number;
}

const OPERATOR_CHARS = new Set([";", "&", "|", "(", ")", "<", ">"]);

function isNewlineAt(text: string, i: number): number {
  if (text[i] === "\n") return 1;
  if (text[i] === "\r" && text[i + 1] === "\n") return 2;
  return 0;
}

/** Length of a `\` line continuation at `i` (`\` + LF or CRLF), or 0. */
function continuationAt(text: string, i: number): number {
  if (text[i] !== "\\") return 0;
  const nl = isNewlineAt(text, i + 1);
  return nl ? 1 + nl : 0;
}

/** Index just after the `)` closing a `(` opened before `i` (quotes and nesting respected), or `end`. */
function skipBalanced(text: string, i: number, end: number, open: string, close: string): number {
  let depth = 1;
  while (i < end) {
    const c = text[i]!;
    if (c === "\\") i += 2;
    else if (c === "'" && open === "(") {
      const q = text.indexOf("'", i + 1);
      i = q < 0 || q >= end ? end : q + 1;
    } else if (c === '"' && open === "(") {
      i++;
      while (i < end && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === open) {
      depth++;
      i++;
    } else if (c === close) {
      depth--;
      i++;
      if (depth === 0) return i;
    } else i++;
  }
  return end;
}

export function tokenizeShell(text: string, options: ShellTokenizeOptions = {}): ShellCommand[] {
  return tokenizeRange(text, 0, text.length, options);
}

/** Tokenize `text.slice(from, to)`; offsets stay those of `text`. */
export function tokenizeRange(text: string, from: number, to: number, options: ShellTokenizeOptions = {}): ShellCommand[] {
  const makefile = options.makefile === true;
  const depth = options.depth ?? 0;
  const inner = { ...options, depth: depth + 1 };
  const descend = depth < MAX_SUBSTITUTION_DEPTH;
  const commands: ShellCommand[] = [];
  const nested: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let word: WordBuilder | null = null;
  /** The next word is a redirection target (not an argv word); `heredoc` when it names a heredoc delimiter. */
  let redirect: null | "file" | "heredoc" | "heredoc-tabs" = null;
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];

  const endCommand = (): void => {
    if (words.length > 0) commands.push({ words });
    words = [];
  };
  const push = (b: WordBuilder, c: string, at: number, quote: ShellQuote): void => {
    b.value.push(c);
    b.rawIndex.push(at);
    b.quote.push(quote);
  };
  const finishWord = (end: number): void => {
    if (!word) return;
    const finished: ShellWord = {
      value: word.value.join(""),
      literal: word.literal,
      start: word.start,
      end,
      rawIndex: [...word.rawIndex, end],
      quote: word.quote,
    };
    word = null;
    if (redirect === "heredoc" || redirect === "heredoc-tabs") {
      pendingHeredocs.push({ delimiter: finished.value, stripTabs: redirect === "heredoc-tabs" });
      redirect = null;
      return;
    }
    if (redirect === "file") {
      redirect = null;
      return;
    }
    words.push(finished);
  };
  /** After a newline that ends a command: skip every pending heredoc body; returns the new index. */
  const skipHeredocs = (i: number): number => {
    while (pendingHeredocs.length > 0 && i < to) {
      const { delimiter, stripTabs } = pendingHeredocs.shift()!;
      for (;;) {
        if (i >= to) break;
        let lineEnd = text.indexOf("\n", i);
        if (lineEnd < 0 || lineEnd > to) lineEnd = to;
        let line = text.slice(i, lineEnd);
        if (line.endsWith("\r")) line = line.slice(0, -1);
        i = lineEnd + 1;
        // Indentation is compared loosely: embedded shell (YAML, Markdown) keeps its container's indentation.
        const bare = stripTabs ? line.replace(/^\t+/, "") : line;
        if (bare === delimiter || bare.trim() === delimiter) break;
      }
    }
    return Math.min(i, to);
  };

  /** Read an expansion starting at `i` (text[i] is `$` or a backtick) into `b`; returns the index after it. */
  const readExpansion = (b: WordBuilder, i: number, quote: ShellQuote): number => {
    const start = i;
    let end: number;
    let body: [number, number] | null = null;
    const c = text[i]!;
    if (c === "`") {
      let j = i + 1;
      while (j < to && text[j] !== "`") j += text[j] === "\\" ? 2 : 1;
      end = Math.min(j + 1, to);
      body = [i + 1, Math.min(j, to)];
    } else {
      // `$` (or `$$` in a Makefile, which is the shell's `$`).
      let j = i + 1;
      if (makefile && text[j] === "$") j++;
      const next = text[j];
      if (next === "(") {
        end = skipBalanced(text, j + 1, to, "(", ")");
        if (text[j + 1] !== "(") body = [j + 1, Math.max(j + 1, end - 1)];
      } else if (next === "{") end = skipBalanced(text, j + 1, to, "{", "}");
      else if (next !== undefined && /[A-Za-z_]/.test(next)) {
        end = j + 1;
        // A make variable without parentheses is one character (`$X`), a shell one is a whole name.
        if (!(makefile && j === i + 1)) while (end < to && /[A-Za-z0-9_]/.test(text[end]!)) end++;
      } else if (next !== undefined && /[0-9@*#?$!-]/.test(next)) end = j + 1;
      else {
        // A lone `$` (or `$$` before nothing expandable in a Makefile) is a literal dollar sign.
        push(b, "$", j - 1, quote);
        return j;
      }
    }
    for (let k = start; k < end; k++) {
      // `$$` in a Makefile is one shell `$`.
      if (makefile && k === start && text[k] === "$" && text[k + 1] === "$") continue;
      push(b, text[k]!, k, quote);
    }
    b.literal = false;
    if (descend && body && body[1] > body[0]) for (const command of tokenizeRange(text, body[0], body[1], inner)) nested.push(command);
    return end;
  };

  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (!word) {
      if (c === " " || c === "\t") {
        i++;
        continue;
      }
      const nl = isNewlineAt(text, i);
      if (nl || c === "\r") {
        endCommand();
        i = skipHeredocs(i + (nl || 1));
        continue;
      }
      const cont = continuationAt(text, i);
      if (cont) {
        i += cont;
        continue;
      }
      if (c === "#") {
        while (i < to && text[i] !== "\n") i++;
        continue;
      }
      if (c === "<" || c === ">" || (c === "&" && text[i + 1] === ">")) {
        if ((c === "<" || c === ">") && text[i + 1] === "(") {
          // Process substitution: one non-literal word.
          word = { value: [], rawIndex: [], quote: [], literal: false, start: i };
          const end = skipBalanced(text, i + 2, to, "(", ")");
          for (let k = i; k < end; k++) push(word, text[k]!, k, "none");
          if (descend) for (const command of tokenizeRange(text, i + 2, Math.max(i + 2, end - 1), inner)) nested.push(command);
          i = end;
          continue;
        }
        const op = /^(?:<<<|<<-|<<|<&|<>|<|>>|>&|>\||>|&>>|&>)/.exec(text.slice(i, i + 3))![0];
        i += op.length;
        redirect = op === "<<-" ? "heredoc-tabs" : op === "<<" ? "heredoc" : "file";
        continue;
      }
      if (OPERATOR_CHARS.has(c)) {
        endCommand();
        i += (c === "&" || c === "|") && (text[i + 1] === c || (c === "|" && text[i + 1] === "&")) ? 2 : 1;
        continue;
      }
      word = { value: [], rawIndex: [], quote: [], literal: true, start: i };
    }

    // Inside a word.
    const b: WordBuilder = word;
    if (c === " " || c === "\t" || c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      finishWord(i);
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      // `2>` / `2>&1`: a digits-only word glued to a redirection is the file descriptor, not a word.
      if ((c === "<" || c === ">") && b.literal && /^\d+$/.test(b.value.join("")) && text[i + 1] !== "(") {
        word = null;
        continue;
      }
      if ((c === "<" || c === ">") && text[i + 1] === "(") {
        const end = skipBalanced(text, i + 2, to, "(", ")");
        for (let k = i; k < end; k++) push(b, text[k]!, k, "none");
        b.literal = false;
        i = end;
        continue;
      }
      finishWord(i);
      continue;
    }
    if (c === "\\") {
      const cont = continuationAt(text, i);
      if (cont) {
        // `run\<newline> -s`: the word ends before the backslash; `ab\<newline>cd` is one word `abcd`.
        const after = text[i + cont];
        if (i + cont >= to || after === " " || after === "\t" || after === "\n" || after === "\r") finishWord(i);
        i += cont;
        continue;
      }
      if (i + 1 < to) push(b, text[i + 1]!, i + 1, "none");
      i += 2;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      while (j < to && text[j] !== "'") {
        push(b, text[j]!, j, "single");
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === "$" && text[i + 1] === "'" && !makefile) {
      // ANSI-C quoting: `\x` escapes are read as the escaped character (good enough for flag values).
      let j = i + 2;
      while (j < to && text[j] !== "'") {
        if (text[j] === "\\" && j + 1 < to) j++;
        push(b, text[j]!, j, "single");
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < to && text[j] !== '"') {
        const d = text[j]!;
        if (d === "\\") {
          const cont = continuationAt(text, j);
          if (cont) {
            j += cont;
            continue;
          }
          const e = text[j + 1];
          if (e !== undefined && '$`"\\'.includes(e)) {
            push(b, e, j + 1, "double");
            j += 2;
            continue;
          }
          push(b, d, j, "double");
          j++;
          continue;
        }
        if (d === "$" || d === "`") {
          j = readExpansion(b, j, "double");
          continue;
        }
        push(b, d, j, "double");
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === "$" || c === "`") {
      i = readExpansion(b, i, "none");
      continue;
    }
    push(b, c, i, "none");
    i++;
  }
  finishWord(Math.min(i, to));
  endCommand();
  return nested.length > 0 ? [...commands, ...nested].sort((a, b) => a.words[0]!.start - b.words[0]!.start) : commands;
}
