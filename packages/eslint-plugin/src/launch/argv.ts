/**
 * `hf jobs ...` command lines written in JS: argv arrays given to `spawn`/`execFile`/`execa` (the command and
 * its arguments, inline or in a `const`), and command strings given to `exec`/`execSync` (split by core's shell
 * tokenizer, template substitutions read as non-literal words). The command-line rules themselves live in core
 * (`checkJobsCommandLine`); this file reads the argv out of the AST and renders core's `ArgvEditOp`s back as JS
 * source edits.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { embedShell, embeddedJobsCommands, renderEmbeddedArgvFix, type ArgvEditOp, type ArgvElement, type EmbeddedShell, type HostStringPiece } from "@hf-jobs-lint/core";
import { calleeName, escapeTemplateText, quoteOf, quoteString, resolveArray, resolveValue, unwrap, type Context } from "../ast.js";
import { isHfTokenExpression } from "../taint.js";

/** Functions taking `(command, args[])` or an argv array first (`Bun.spawn([...])`). */
const ARGV_FUNCTIONS = new Set(["spawn", "spawnSync", "execFile", "execFileSync", "execa", "execaSync", "execaNode"]);
/** Functions taking one shell command string. */
const COMMAND_STRING_FUNCTIONS = new Set(["exec", "execSync", "execaCommand", "execaCommandSync"]);

export interface ArgvEdit {
  range: [number, number];
  text: string;
}

export interface ArgvLaunch {
  elements: ArgvElement[];
  /** The node each element came from (its whole range, for reporting). */
  ranges: [number, number][];
  /** Render ops as source edits; null when this shape cannot be edited safely. */
  render(ops: readonly ArgvEditOp[]): ArgvEdit[] | null;
}

/** The value core sees for a JS element: literal text, or a stand-in that keeps what matters (a token source). */
function elementOf(context: Context, node: TSESTree.Node): ArgvElement {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === "string") return { value: value.value, literal: true };
  if (value.type === AST_NODE_TYPES.TemplateLiteral) {
    if (value.expressions.length === 0) return { value: value.quasis[0]!.value.cooked ?? "", literal: value.quasis[0]!.value.cooked !== null };
    // `HF_TOKEN=${process.env.HF_TOKEN}` reads to core as `HF_TOKEN=$HF_TOKEN`, an expansion of the token.
    let text = "";
    value.quasis.forEach((quasi, index) => {
      text += quasi.value.cooked ?? "";
      const expression = value.expressions[index];
      if (expression) text += isHfTokenExpression(context, expression) ? "$HF_TOKEN" : "$VALUE";
    });
    return { value: text, literal: false };
  }
  const resolved = resolveValue(context, value);
  if (resolved !== value && resolved.type === AST_NODE_TYPES.Literal && typeof resolved.value === "string") {
    return { value: resolved.value, literal: true };
  }
  return { value: isHfTokenExpression(context, value) ? "$HF_TOKEN" : "$VALUE", literal: false };
}

function fromArray(context: Context, command: TSESTree.Node | null, array: TSESTree.ArrayExpression): ArgvLaunch | null {
  const nodes: TSESTree.Node[] = command ? [command] : [];
  for (const element of array.elements) {
    // A spread or a hole makes every later index unknown: leave the call alone.
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) return null;
    nodes.push(element);
  }
  const firstInArray = command ? 1 : 0;
  const elements = nodes.map((node) => elementOf(context, node));
  const text = (index: number) => context.sourceCode.getText(nodes[index]!);
  return {
    elements,
    ranges: nodes.map((node) => node.range),
    render(ops) {
      const edits: ArgvEdit[] = [];
      for (const op of ops) {
        if (op.index < firstInArray || op.index > nodes.length) return null;
        if (op.op === "replace") {
          const node = nodes[op.index]!;
          if (!elements[op.index]!.literal) return null;
          edits.push({ range: node.range, text: quoteString(op.value, quoteOf(context, node)) });
        } else if (op.op === "remove") {
          const node = nodes[op.index]!;
          const previous = op.index > firstInArray ? nodes[op.index - 1]! : null;
          const next = nodes[op.index + 1];
          if (previous) edits.push({ range: [previous.range[1], node.range[1]], text: "" });
          else if (next) edits.push({ range: [node.range[0], next.range[0]], text: "" });
          else edits.push({ range: node.range, text: "" });
        } else {
          const anchor = nodes[op.index];
          const quote = anchor ? quoteOf(context, anchor) : '"';
          const rendered = op.elements.map((element) => ("from" in element ? text(element.from) : quoteString(element.value, quote)));
          if (anchor) edits.push({ range: [anchor.range[0], anchor.range[0]], text: `${rendered.join(", ")}, ` });
          else {
            const last = nodes[nodes.length - 1]!;
            edits.push({ range: [last.range[1], last.range[1]], text: `, ${rendered.join(", ")}` });
          }
        }
      }
      return edits;
    },
  };
}

const SINGLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "0": "\0" };
const ESCAPE = /\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|\r\n|[^])/y;

/** The value of one JS escape sequence (`\n`, `\x41`, `\u{1F600}`, a line continuation). */
function decodeEscape(escape: string): string {
  const c = escape[1]!;
  if (c === "x" || (c === "u" && escape.length > 2)) return String.fromCodePoint(parseInt(escape.slice(2).replace(/[{}]/g, ""), 16));
  if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029") return "";
  return SINGLE_ESCAPES[c] ?? c;
}

/**
 * The raw text of a JS string or template chunk as pieces for core's embedded-shell reader; null on what this
 * does not read (legacy octal escapes). A template reads a written CR LF (or CR) as LF, an escape of sorts.
 */
function rawPieces(raw: string, offset: number, template: boolean, into: HostStringPiece[]): boolean {
  let verbatimStart = 0;
  const flush = (end: number) => {
    if (end > verbatimStart) into.push({ text: raw.slice(verbatimStart, end), start: offset + verbatimStart, end: offset + end, kind: "verbatim" });
  };
  for (let i = 0; i < raw.length;) {
    const c = raw[i]!;
    if (c === "\\") {
      ESCAPE.lastIndex = i;
      const escape = ESCAPE.exec(raw)![0];
      if (/^\\[0-9]/.test(escape) && !(escape === "\\0" && !/[0-9]/.test(raw[i + 2] ?? ""))) return false;
      flush(i);
      into.push({ text: decodeEscape(escape), start: offset + i, end: offset + i + escape.length, kind: "escape" });
      i += escape.length;
      verbatimStart = i;
    } else if (template && c === "\r") {
      const length = raw[i + 1] === "\n" ? 2 : 1;
      flush(i);
      into.push({ text: "\n", start: offset + i, end: offset + i + length, kind: "escape" });
      i += length;
      verbatimStart = i;
    } else i++;
  }
  flush(raw.length);
  return true;
}

/** A string literal or template as the command text a shell receives, mapped to the source; null when unread. */
function embeddedString(context: Context, value: TSESTree.Node): { shell: EmbeddedShell; encode: (text: string) => string | null } | null {
  const source = context.sourceCode.text;
  const pieces: HostStringPiece[] = [];
  let cooked: string;
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === "string") {
    if (!rawPieces(source.slice(value.range[0] + 1, value.range[1] - 1), value.range[0] + 1, false, pieces)) return null;
    cooked = value.value;
  } else if (value.type === AST_NODE_TYPES.TemplateLiteral) {
    cooked = "";
    for (const [index, quasi] of value.quasis.entries()) {
      if (quasi.value.cooked === null) return null;
      // A quasi's range holds its delimiters: the opening `` ` `` or `}`, the closing `${` or `` ` ``.
      const start = quasi.range[0] + 1;
      const end = quasi.range[1] - (quasi.tail ? 1 : 2);
      if (!rawPieces(source.slice(start, end), start, true, pieces)) return null;
      cooked += quasi.value.cooked;
      const expression = value.expressions[index];
      if (!expression) continue;
      // `${process.env.HF_TOKEN}` reads to core as an expansion of the token, anything else as an unknown value.
      const standIn = isHfTokenExpression(context, expression) ? "$HF_TOKEN" : "$VALUE";
      pieces.push({ text: standIn, start: end, end: value.quasis[index + 1]!.range[0] + 1, kind: "substitution" });
      cooked += standIn;
    }
  } else return null;
  const shell = embedShell(pieces, value.range[1] - 1);
  // The reading must agree with the parser's value; when it does not, leave the string alone.
  if (shell.text !== cooked) return null;
  const quote = quoteOf(context, value);
  const encode = (text: string) => (quote === "`" ? escapeTemplateText(text) : quoteString(text, quote).slice(1, -1));
  return { shell, encode };
}

/**
 * A command string given to `exec`: split by core's shell tokenizer; the first `hf jobs` launch among its
 * commands (`cd x && hf jobs uv run ...; echo ok`) is the call's argv.
 */
function fromCommandString(context: Context, node: TSESTree.Node): ArgvLaunch | null {
  const embedded = embeddedString(context, unwrap(node));
  if (!embedded) return null;
  const { shell, encode } = embedded;
  const command = embeddedJobsCommands(shell)[0];
  if (!command) return null;
  return {
    elements: command.elements,
    ranges: command.ranges,
    render(ops) {
      const fix = renderEmbeddedArgvFix(shell, command, { applicability: "safe", message: "", ops: [...ops] }, encode);
      return fix ? fix.edits.map((edit) => ({ range: [edit.start, edit.end], text: edit.content })) : null;
    },
  };
}

/** The argv of a process-spawning call, when it is written out in the source. */
export function argvOfCall(context: Context, call: TSESTree.CallExpression): ArgvLaunch | null {
  const name = calleeName(call);
  if (name === null) return null;
  const [first, second] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  if (ARGV_FUNCTIONS.has(name)) {
    const firstArray = resolveArray(context, first);
    if (firstArray) return fromArray(context, null, firstArray);
    // `execa("hf jobs ...")` without an args array runs no shell and does not split the string.
    if (!second || second.type === AST_NODE_TYPES.SpreadElement) return null;
    const array = resolveArray(context, second);
    return array ? fromArray(context, first, array) : null;
  }
  if (COMMAND_STRING_FUNCTIONS.has(name)) return fromCommandString(context, first);
  return null;
}
