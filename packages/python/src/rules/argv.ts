/**
 * `hf jobs ...` command lines built in Python: argv lists (`subprocess.run(["hf", "jobs", ...])`, any list
 * literal that spells such a launch), and shell strings given to `os.system`, `subprocess.*`, `shlex.split` or
 * `.split()`. Elements become core ArgvElements; core's `checkJobsCommandLine` decides. List ops are rendered
 * here as Python edits; shell strings are split by core's one shell tokenizer (every command of a compound
 * string), and their fixes rendered by core and mapped back through the literal's escapes.
 */
import {
  LAUNCH_COMMAND_HINT,
  checkJobsCommandLine,
  embedShell,
  hubVersionFromPep723,
  mayBeLaunchElement,
  embeddedCommands,
  embeddedJobsCommands,
  parseJobsCommandLine,
  renderEmbeddedArgvFix,
  type ArgvEditOp,
  type ArgvElement,
  type ArgvFinding,
  type ArgvFix,
  type Edit,
  type Fix,
  type HostStringPiece,
  type NamedFileLookup,
  type ScriptFacts,
  namedFileLookup,
} from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import { decodeEscape, insideError, literalString, namedChildren, pythonString, readString, readStringish, unparenthesize, type StringLiteral } from "../syntax.js";

export type ScriptFactsResolver = (scriptPath: string) => ScriptFacts | null;

const dotenvLookups = new WeakMap<Context, NamedFileLookup>();

/** The dotenv files an argv names, read once per analysed file. */
function dotenvFiles(context: Context): NamedFileLookup {
  let lookup = dotenvLookups.get(context);
  if (!lookup) dotenvLookups.set(context, (lookup = namedFileLookup(context.input)));
  return lookup;
}

interface Element extends ArgvElement {
  start: number;
  end: number;
  /** Source text of the element as written (for moving it). */
  written: string;
  /** The string node when the element is a whole string literal (list form). */
  stringNode: SyntaxNode | null;
}

interface Renderer {
  replace(element: Element, value: string): Edit | null;
  remove(elements: Element[], index: number): Edit;
  insertBefore(elements: Element[], index: number, items: string[]): Edit;
  quoteNew(value: string): string | null;
}

function renderOps(elements: Element[], ops: readonly ArgvEditOp[], renderer: Renderer): Edit[] | null {
  const edits: Edit[] = [];
  for (const op of ops) {
    if (op.op === "replace") {
      const edit = renderer.replace(elements[op.index]!, op.value);
      if (!edit) return null;
      edits.push(edit);
    } else if (op.op === "remove") {
      edits.push(renderer.remove(elements, op.index));
    } else {
      const items: string[] = [];
      for (const item of op.elements) {
        if ("from" in item) items.push(elements[item.from]!.written);
        else {
          const quoted = renderer.quoteNew(item.value);
          if (quoted === null) return null;
          items.push(quoted);
        }
      }
      edits.push(renderer.insertBefore(elements, op.index, items));
    }
  }
  return edits;
}

function listRenderer(list: SyntaxNode, elements: Element[], text: string): Renderer {
  const firstString = elements.find((element) => element.stringNode)?.stringNode;
  const quote = firstString ? (readString(firstString)?.quote.startsWith("'") ? "'" : '"') : '"';
  return {
    quoteNew: (value) => pythonString(value, quote),
    replace: (element, value) => {
      if (!element.stringNode) return null;
      const read = readString(element.stringNode);
      return { start: element.start, end: element.end, content: pythonString(value, read?.quote ?? quote) };
    },
    remove: (all, index) => {
      const element = all[index]!;
      if (index > 0) return { start: all[index - 1]!.end, end: element.end, content: "" };
      const next = all[index + 1];
      return { start: element.start, end: next ? next.start : element.end, content: "" };
    },
    insertBefore: (all, index, items) => {
      const element = all[index];
      const separator = index > 0 && element ? text.slice(all[index - 1]!.end, element.start) : ", ";
      if (!element) {
        const last = all[all.length - 1];
        const at = last ? last.end : list.startIndex + 1;
        return { start: at, end: at, content: items.map((item) => (last ? separator + item : item)).join("") };
      }
      return { start: element.start, end: element.start, content: items.map((item) => item + separator).join("") };
    },
  };
}

function listElements(context: Context, list: SyntaxNode): Element[] {
  return namedChildren(list).map((node) => {
    const read = node.type === "string" ? readString(node) : null;
    if (read && !read.prefix.includes("b")) {
      return { value: read.value, literal: read.literal, start: node.startIndex, end: node.endIndex, written: node.text, stringNode: node };
    }
    // A name bound to a plain string: its value is known (the script path), but it is not a literal to report.
    const resolved = node.type === "identifier" ? literalString(context.model.resolveValue(node)) : null;
    return { value: resolved ?? node.text, literal: false, start: node.startIndex, end: node.endIndex, written: node.text, stringNode: null };
  });
}

/**
 * A Python `string` node as the pieces core's embedded-shell reader takes: text written as is, escape sequences
 * with their decoded value, f-string interpolations as a stand-in word. Null for bytes and unreadable strings.
 */
function stringPieces(node: SyntaxNode): { pieces: HostStringPiece[]; read: StringLiteral } | null {
  const read = readString(node);
  if (!read || read.prefix.includes("b")) return null;
  const raw = read.prefix.includes("r");
  const pieces: HostStringPiece[] = [];
  const verbatim = (text: string, start: number) => {
    if (text) pieces.push({ text, start, end: start + text.length, kind: "verbatim" });
  };
  const escape = (part: SyntaxNode) => {
    if (raw) verbatim(part.text, part.startIndex);
    else pieces.push({ text: decodeEscape(part.text), start: part.startIndex, end: part.endIndex, kind: "escape" });
  };
  for (const child of node.children) {
    if (!child || child.type === "string_start" || child.type === "string_end") continue;
    if (child.type === "string_content") {
      let cursor = child.startIndex;
      for (const part of child.children) {
        if (!part || part.type !== "escape_sequence") continue;
        verbatim(child.text.slice(cursor - child.startIndex, part.startIndex - child.startIndex), cursor);
        escape(part);
        cursor = part.endIndex;
      }
      verbatim(child.text.slice(cursor - child.startIndex), cursor);
    } else if (child.type === "escape_sequence") escape(child);
    else if (child.type === "escape_interpolation") pieces.push({ text: child.text[0]!, start: child.startIndex, end: child.endIndex, kind: "escape" });
    else if (child.type === "interpolation") {
      // `{script}` stays as written (core resolves nothing from it, but messages read naturally); anything a
      // shell would split or unquote becomes one opaque word.
      pieces.push({ text: /^\{[\w.]+\}$/.test(child.text) ? child.text : "{VALUE}", start: child.startIndex, end: child.endIndex, kind: "substitution" });
    } else return null;
  }
  return { pieces, read };
}

/** New shell text as the Python literal `read` spells it; null when that literal cannot hold it. */
function encoderFor(read: StringLiteral): (text: string) => string | null {
  const q = read.quote[0]!;
  const triple = read.quote.length === 3;
  const fstring = read.prefix.includes("f");
  return (text) => {
    if (read.prefix.includes("r")) return text.includes(q) || text.includes("\\") || (fstring && /[{}]/.test(text)) || (!triple && /[\r\n]/.test(text)) ? null : text;
    let out = text.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), `\\${q}`);
    if (!triple) out = out.replace(/\n/g, "\\n").replace(/\r/g, "\\r");
    return fstring ? out.replace(/[{}]/g, (c) => c + c) : out;
  };
}

const SHELL_CALLS = new Set([
  "os.system",
  "os.popen",
  "subprocess.run",
  "subprocess.call",
  "subprocess.check_call",
  "subprocess.check_output",
  "subprocess.Popen",
  "subprocess.getoutput",
  "subprocess.getstatusoutput",
  "shlex.split",
]);

/** One command line as core reads it, with how to place its findings and render its fixes in the file. */
interface CommandLine {
  elements: ArgvElement[];
  range(index: number): [number, number];
  /** The string node when the element is a whole string literal (list form). */
  stringNode(index: number): SyntaxNode | null;
  render(fix: ArgvFix): Fix | null;
}

function reportFindings(context: Context, line: CommandLine, findings: ArgvFinding[], owner: SyntaxNode | null): void {
  for (const finding of findings) {
    if (finding.code === "HFJ101") {
      // The token is reported here (with the command-line fix): the plain string scan skips these strings.
      if (owner) context.handledTokenStrings.add(owner.startIndex);
      for (let i = finding.index; i <= finding.endIndex; i++) {
        const node = line.stringNode(i);
        if (node) context.handledTokenStrings.add(node.startIndex);
      }
    }
    report(context, {
      code: finding.code,
      message: finding.message,
      start: line.range(finding.index)[0],
      end: line.range(finding.endIndex)[1],
      fix: finding.fix ? line.render(finding.fix) : null,
    });
  }
}

const fileHubVersions = new WeakMap<Context, string | null>();

/** The huggingface_hub version of the file's command lines: its own PEP 723 pin, else the input's (setting or manifests). */
function hubVersionOf(context: Context): string | null {
  let version = fileHubVersions.get(context);
  if (version === undefined) {
    version = hubVersionFromPep723(context.source.text) ?? context.input.hubVersion ?? null;
    fileHubVersions.set(context, version);
  }
  return version;
}

function check(context: Context, line: CommandLine, resolve: ScriptFactsResolver, owner: SyntaxNode | null = null): boolean {
  const hubVersion = hubVersionOf(context);
  const parsed = parseJobsCommandLine(
    line.elements.map((element) => element.value),
    { hubVersion },
    line.elements.map((element) => element.literal),
  );
  if (!parsed) return false;
  const script = parsed.kind.endsWith("uv") && parsed.target ? resolve(parsed.target.value) : null;
  reportFindings(context, line, checkJobsCommandLine(line.elements, { script, hubVersion, dotenvFile: dotenvFiles(context) }), owner);
  return true;
}

function listCommandLine(context: Context, list: SyntaxNode, elements: Element[]): CommandLine {
  const renderer = listRenderer(list, elements, context.source.text);
  return {
    elements,
    range: (index) => [elements[index]!.start, elements[index]!.end],
    stringNode: (index) => elements[index]?.stringNode ?? null,
    render: (fix) => {
      const edits = renderOps(elements, fix.ops, renderer);
      return edits ? { applicability: fix.applicability, message: fix.message, edits } : null;
    },
  };
}

/**
 * The `hf jobs` commands of a shell string, read by core's shell tokenizer: every command of `a; hf jobs ...`
 * or `cd x && hf jobs ...` under a shell; a string given to `shlex.split`/`.split()` runs no shell, so there
 * it is read only when it is one command.
 */
function shellCommandLines(node: SyntaxNode, viaShell: boolean): CommandLine[] {
  const host = stringPieces(node);
  if (!host) return [];
  const shell = embedShell(host.pieces, host.read.contentEnd);
  if (!viaShell && embeddedCommands(shell).length !== 1) return [];
  const encode = encoderFor(host.read);
  return embeddedJobsCommands(shell).map((command) => ({
    elements: command.elements,
    range: (index) => command.ranges[index]!,
    stringNode: () => null,
    render: (fix) => renderEmbeddedArgvFix(shell, command, fix, encode),
  }));
}

/** Check every `hf jobs` launch command line in the file; true when there is at least one. */
export function checkArgvLaunches(context: Context, lists: readonly SyntaxNode[], calls: readonly SyntaxNode[], resolve: ScriptFactsResolver): boolean {
  let found = false;
  for (const list of lists) {
    if (insideError(list)) continue;
    const elements = listElements(context, list);
    if (!elements.some((element) => mayBeLaunchElement(element.value))) continue;
    found = check(context, listCommandLine(context, list, elements), resolve) || found;
  }
  for (const call of calls) {
    if (insideError(call)) continue;
    const callee = call.childForFieldName("function");
    const path = context.model.calleePath(call);
    const isSplit =
      callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "split" && unparenthesize(callee.childForFieldName("object"))?.type === "string";
    let stringNode: SyntaxNode | null = null;
    if (isSplit) stringNode = unparenthesize(callee.childForFieldName("object"));
    else if (path && SHELL_CALLS.has(path)) {
      const first = unparenthesize(namedChildren(call.childForFieldName("arguments"))[0] ?? null);
      stringNode = first?.type === "string" ? first : null;
    }
    if (!stringNode) continue;
    const read = readStringish(stringNode);
    if (!read || !LAUNCH_COMMAND_HINT.test(read.value)) continue;
    context.checkedCommandStrings.add(stringNode.startIndex);
    for (const line of shellCommandLines(stringNode, !isSplit && path !== "shlex.split")) found = check(context, line, resolve, stringNode) || found;
  }
  return found;
}

const USAGE_TEXT = /(?:^|\n)[ \t]*(?:[^\n:]{0,40}:[ \t]+)?(?:(?:\$|>>>|%|#)[ \t]+)?(?:(?:hf|huggingface-cli)[ \t]+jobs|hfjobs)[ \t]/;
const PROMPTS = new Set(["$", ">>>", "%", "#"]);

/** Where the command starts: first, after a prompt, or after a short label (`Usage:`, `run me with:`); -1 when it does not. */
function commandStart(words: readonly string[]): number {
  let start = 0;
  for (let i = 0; i < Math.min(words.length, 6); i++) if (words[i]!.endsWith(":")) start = i + 1;
  if (PROMPTS.has(words[start] ?? "")) start++;
  const program = words[start] ?? "";
  return program === "hf" || program === "huggingface-cli" || program === "hfjobs" ? start : -1;
}

/**
 * `hf jobs ...` command lines written in other strings: docstrings, argparse `help`/`epilog`, printed usage. They run
 * nothing here, so they do not make the file a launcher, but readers copy them: they get the same command-line
 * rules (with fixes, spelled in the string's own quoting). Only lines that start with the command (after a prompt)
 * are read, never a mention inside a sentence.
 */
export function checkUsageText(context: Context, strings: readonly SyntaxNode[], resolve: ScriptFactsResolver): void {
  for (const node of strings) {
    if (insideError(node) || context.checkedCommandStrings.has(node.startIndex) || node.parent?.type === "string") continue;
    const read = readStringish(node);
    if (!read || !USAGE_TEXT.test(read.value)) continue;
    // Usage printed piece by piece (`print("  hf jobs uv run x.py \\")`) continues in the next string: not a whole command.
    if (/\\\s*$/.test(read.value)) continue;
    for (const line of shellCommandLines(node, true)) {
      const words = line.elements.map((element) => element.value);
      // `hf jobs uv run x.py --flavor a10g-small ...`: an elided example, not the command a reader runs.
      if (commandStart(words) < 0 || words.some((word) => word === "..." || word === "…")) continue;
      check(context, line, resolve, node);
    }
  }
}
