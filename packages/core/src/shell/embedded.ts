/**
 * Shell command strings written inside another language's string literal (`os.system("hf jobs ...")` in
 * Python, `execSync(\`hf jobs ...\`)` in TS/JS). The host adapter reads its literal into pieces (text written as
 * is, escape sequences with their decoded text, substitutions with a stand-in); this module runs the one shell
 * tokenizer on the text the shell receives and maps word ranges and fix edits back to the host source exactly:
 * a range is mapped only when it starts and ends on whole pieces, so an edit never cuts an escape or a
 * substitution in two, and a fix that cannot be mapped is refused (the finding stays, with its exact range).
 */
import type { Edit, Fix } from "../diagnostic.js";
import type { ArgvElement, ArgvFix } from "../domain/check-command-line.js";
import { parseJobsCommandLine, type JobsCommandLine } from "../domain/jobs-cli.js";
import { renderArgvFix } from "./render.js";
import { tokenizeShell, type ShellWord } from "./words.js";

export interface HostStringPiece {
  /** What the piece contributes to the command text the shell receives. */
  text: string;
  /** The piece's range in the host source. */
  start: number;
  end: number;
  /**
   * `verbatim`: written as is (`text` is the source slice); `escape`: a host escape sequence (`\n`, `\"`, `{{`),
   * `text` its decoded value (possibly empty: a line continuation); `substitution`: `${x}` / f-string `{x}`,
   * unknown at lint time, `text` a stand-in that reads as one shell expansion word (`$VALUE`, `$HF_TOKEN`).
   */
  kind: "verbatim" | "escape" | "substitution";
}

export interface EmbeddedShell {
  /** The command text the shell receives (host escapes decoded, substitutions as their stand-ins). */
  text: string;
  /** Host-source span of the piece that produced each text character. */
  from: number[];
  to: number[];
  /** Text index where the piece of each character starts and ends (a verbatim character is its own piece). */
  unitStart: number[];
  unitEnd: number[];
  /** Characters produced by a substitution: a word holding one is not literal. */
  substituted: boolean[];
  /** Host-source offset of the end of the string's content (where text.length maps). */
  end: number;
}

/** One command of an embedded command string. */
export interface EmbeddedCommand {
  /** The tokenizer's words (offsets into `EmbeddedShell.text`), non-literal when they hold a substitution. */
  words: ShellWord[];
  /** What core's command-line rules read. */
  elements: ArgvElement[];
  /** Host-source range of each word. */
  ranges: [number, number][];
}

export interface EmbeddedJobsCommand extends EmbeddedCommand {
  parsed: JobsCommandLine;
}

/** Assemble the command text and its source map from the host literal's pieces (in source order). */
export function embedShell(pieces: readonly HostStringPiece[], contentEnd: number): EmbeddedShell {
  const shell: EmbeddedShell = { text: "", from: [], to: [], unitStart: [], unitEnd: [], substituted: [], end: contentEnd };
  const parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece.text);
    const first = length;
    for (let k = 0; k < piece.text.length; k++) {
      const verbatim = piece.kind === "verbatim";
      shell.from.push(verbatim ? piece.start + k : piece.start);
      shell.to.push(verbatim ? piece.start + k + 1 : piece.end);
      shell.unitStart.push(verbatim ? length + k : first);
      shell.unitEnd.push(verbatim ? length + k + 1 : first + piece.text.length);
      shell.substituted.push(piece.kind === "substitution");
    }
    length += piece.text.length;
  }
  shell.text = parts.join("");
  return shell;
}

/** The host-source range covering text `[start, end)` (an empty range maps to a point). */
export function embeddedSourceRange(shell: EmbeddedShell, start: number, end: number): [number, number] {
  const at = (i: number) => (i < shell.text.length ? shell.from[i]! : shell.end);
  if (end <= start) return [at(start), at(start)];
  return [shell.from[start]!, shell.to[end - 1]!];
}

/** True when text `[start, end)` starts and ends on whole pieces, so it maps to a source range exactly. */
function mapsExactly(shell: EmbeddedShell, start: number, end: number): boolean {
  if (start < shell.text.length && shell.unitStart[start] !== start) return false;
  return end <= start || shell.unitEnd[end - 1] === end;
}

/** Every command of the string, with word ranges in the host source. */
export function embeddedCommands(shell: EmbeddedShell): EmbeddedCommand[] {
  return tokenizeShell(shell.text).map(({ words }) => {
    const adjusted = words.map((word) => {
      let substituted = false;
      for (let i = word.start; i < word.end && !substituted; i++) substituted = shell.substituted[i]!;
      return substituted ? { ...word, literal: false } : word;
    });
    return {
      words: adjusted,
      elements: adjusted.map((word) => ({ value: word.value, literal: word.literal })),
      ranges: adjusted.map((word) => embeddedSourceRange(shell, word.start, word.end)),
    };
  });
}

/** The commands of the string that are `hf jobs` launches (`cd x && hf jobs uv run ...; echo ok` has one). */
export function embeddedJobsCommands(shell: EmbeddedShell): EmbeddedJobsCommand[] {
  const found: EmbeddedJobsCommand[] = [];
  for (const command of embeddedCommands(shell)) {
    const parsed = parseJobsCommandLine(command.elements.map((element) => element.value));
    if (parsed) found.push({ ...command, parsed });
  }
  return found;
}

/**
 * Render an argv fix of `command` as host-source edits; `encode` writes new command text as the host literal
 * spells it (escaping its quote, backslashes, braces of an f-string), or returns null when it cannot. Null when
 * an edit would cut an escape or a substitution, or copy a substitution's stand-in into the source.
 */
export function renderEmbeddedArgvFix(shell: EmbeddedShell, command: EmbeddedCommand, fix: ArgvFix, encode: (text: string) => string | null): Fix | null {
  for (const op of fix.ops) {
    if (op.op !== "insertBefore") continue;
    for (const element of op.elements) {
      if (!("from" in element)) continue;
      const word = command.words[element.from];
      if (!word) return null;
      for (let i = word.start; i < word.end; i++) if (shell.substituted[i]) return null;
    }
  }
  const rendered = renderArgvFix(command.words, fix, { text: shell.text, makefile: false });
  if (!rendered) return null;
  const edits: Edit[] = [];
  for (const edit of rendered.edits) {
    if (!mapsExactly(shell, edit.start, edit.end)) return null;
    const content = encode(edit.content);
    if (content === null) return null;
    const [start, end] = embeddedSourceRange(shell, edit.start, edit.end);
    edits.push({ start, end, content });
  }
  return { applicability: rendered.applicability, message: rendered.message, edits };
}
