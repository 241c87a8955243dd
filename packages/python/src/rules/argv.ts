/**
 * `hf jobs ...` command lines built in Python: argv lists (`subprocess.run(["hf", "jobs", ...])`, any list
 * literal that spells such a launch), and shell strings given to `os.system`, `subprocess.*`, `shlex.split` or
 * `.split()`. Elements become core ArgvElements; core's `checkJobsCommandLine` decides, and its ArgvEditOps
 * are rendered here as Python edits.
 */
import { checkJobsCommandLine, parseJobsCommandLine, type ArgvEditOp, type ArgvElement, type ArgvFinding, type Edit, type ScriptFacts } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import { insideError, literalString, namedChildren, pythonString, readString, readStringish, unparenthesize } from "../syntax.js";

export type ScriptFactsResolver = (scriptPath: string) => ScriptFacts | null;

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

const SHELL_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

function shellRenderer(): Renderer {
  return {
    quoteNew: (value) => (SHELL_PLAIN.test(value) ? value : null),
    replace: (element, value) => (SHELL_PLAIN.test(value) ? { start: element.start, end: element.end, content: value } : null),
    remove: (all, index) => {
      const element = all[index]!;
      if (index > 0) return { start: all[index - 1]!.end, end: element.end, content: "" };
      const next = all[index + 1];
      return { start: element.start, end: next ? next.start : element.end, content: "" };
    },
    insertBefore: (all, index, items) => {
      const element = all[index]!;
      return { start: element.start, end: element.start, content: items.map((item) => `${item} `).join("") };
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

/** Split a shell string's source into words with their offsets (quotes removed from values). */
function shellWords(source: string, offset: number, interpolated: boolean): Element[] | null {
  const words: Element[] = [];
  let i = 0;
  while (i < source.length) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (i >= source.length) break;
    if (/[;&|<>]/.test(source[i]!)) return words.length > 0 ? words : null; // only the first simple command
    const start = i;
    let value = "";
    let literal = true;
    while (i < source.length && !/[\s;&|<>]/.test(source[i]!)) {
      const char = source[i]!;
      if (char === "'" || char === '"') {
        const close = source.indexOf(char, i + 1);
        if (close < 0) return null;
        const inner = source.slice(i + 1, close);
        if (char === '"' && /[$`]/.test(inner)) literal = false;
        value += inner;
        i = close + 1;
        continue;
      }
      if (char === "$" || char === "`" || (interpolated && char === "{")) literal = false;
      value += char;
      i++;
    }
    words.push({ value, literal, start: offset + start, end: offset + i, written: source.slice(start, i), stringNode: null });
  }
  return words;
}

function shellStringElements(text: string, node: SyntaxNode): Element[] | null {
  const read = node.type === "string" ? readString(node) : null;
  if (!read || read.hasEscapes || read.prefix.includes("b")) return null;
  const source = text.slice(read.contentStart, read.contentEnd);
  return shellWords(source, read.contentStart, !read.literal);
}

const SHELL_CALLS = new Set(["os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput", "shlex.split"]);

function reportFindings(context: Context, elements: Element[], findings: ArgvFinding[], renderer: Renderer, owner: SyntaxNode | null): void {
  for (const finding of findings) {
    const first = elements[finding.index]!;
    const last = elements[finding.endIndex] ?? first;
    if (finding.code === "HFJ101") {
      // The token is reported here (with the command-line fix): the plain string scan skips these strings.
      if (owner) context.handledTokenStrings.add(owner.startIndex);
      for (let i = finding.index; i <= finding.endIndex; i++) {
        const node = elements[i]?.stringNode;
        if (node) context.handledTokenStrings.add(node.startIndex);
      }
    }
    const edits = finding.fix ? renderOps(elements, finding.fix.ops, renderer) : null;
    report(context, {
      code: finding.code,
      message: finding.message,
      start: first.start,
      end: last.end,
      fix: finding.fix && edits ? { applicability: finding.fix.applicability, message: finding.fix.message, edits } : null,
    });
  }
}

function check(context: Context, elements: Element[], renderer: Renderer, resolve: ScriptFactsResolver, owner: SyntaxNode | null = null): boolean {
  const parsed = parseJobsCommandLine(elements.map((element) => element.value));
  if (!parsed) return false;
  const script = parsed.kind.endsWith("uv") && parsed.target ? resolve(parsed.target.value) : null;
  reportFindings(context, elements, checkJobsCommandLine(elements, { script }), renderer, owner);
  return true;
}

/** Check every `hf jobs` launch command line in the file; true when there is at least one. */
export function checkArgvLaunches(context: Context, lists: readonly SyntaxNode[], calls: readonly SyntaxNode[], resolve: ScriptFactsResolver): boolean {
  let found = false;
  for (const list of lists) {
    if (insideError(list)) continue;
    const elements = listElements(context, list);
    if (!elements.some((element) => element.value === "jobs" || element.value.endsWith("hfjobs"))) continue;
    found = check(context, elements, listRenderer(list, elements, context.source.text), resolve) || found;
  }
  for (const call of calls) {
    if (insideError(call)) continue;
    const callee = call.childForFieldName("function");
    const path = context.model.calleePath(call);
    const isSplit = callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "split" && unparenthesize(callee.childForFieldName("object"))?.type === "string";
    let stringNode: SyntaxNode | null = null;
    if (isSplit) stringNode = unparenthesize(callee.childForFieldName("object"));
    else if (path && SHELL_CALLS.has(path)) {
      const first = unparenthesize(namedChildren(call.childForFieldName("arguments"))[0] ?? null);
      stringNode = first?.type === "string" ? first : null;
    }
    if (!stringNode) continue;
    const read = readStringish(stringNode);
    if (!read || !/\bjobs\b|hfjobs/.test(read.value)) continue;
    const elements = shellStringElements(context.source.text, stringNode);
    if (elements) found = check(context, elements, shellRenderer(), resolve, stringNode) || found;
  }
  return found;
}
