/**
 * `hf jobs ...` command lines written in JS: argv arrays given to `spawn`/`execFile`/`execa` (the command and
 * its arguments, inline or in a `const`), and command strings given to `exec`/`execSync`. The command-line rules
 * themselves live in core (`checkJobsCommandLine`); this file reads the argv out of the AST and renders core's
 * `ArgvEditOp`s back as JS source edits.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import type { ArgvEditOp, ArgvElement } from "@hf-jobs-lint/core";
import { calleeName, quoteOf, quoteString, resolveArray, resolveValue, unwrap, type Context } from "../ast.js";
import { isTokenExpression } from "../taint.js";

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
      if (expression) text += isTokenExpression(context, expression) ? "$HF_TOKEN" : "$VALUE";
    });
    return { value: text, literal: false };
  }
  const resolved = resolveValue(context, value);
  if (resolved !== value && resolved.type === AST_NODE_TYPES.Literal && typeof resolved.value === "string") {
    return { value: resolved.value, literal: true };
  }
  return { value: isTokenExpression(context, value) ? "$HF_TOKEN" : "$VALUE", literal: false };
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

interface ShellWord {
  value: string;
  /** Offsets in the string's cooked text. */
  start: number;
  end: number;
  literal: boolean;
}

/** Split a shell command into words (plain words, '...' and "..." quoting); null for anything more complex. */
function shellWords(text: string): ShellWord[] | null {
  const words: ShellWord[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let value = "";
    let literal = true;
    while (i < text.length && !/\s/.test(text[i]!)) {
      const char = text[i]!;
      if (/[|&;<>()`\\]/.test(char)) return null; // pipelines, redirections, escapes: not a single argv
      if (char === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0) return null;
        value += text.slice(i + 1, close);
        i = close + 1;
      } else if (char === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return null;
        const inner = text.slice(i + 1, close);
        if (inner.includes("$")) literal = false;
        value += inner;
        i = close + 1;
      } else {
        if (char === "$") literal = false;
        value += char;
        i++;
      }
    }
    words.push({ value, start, end: i, literal });
  }
  return words;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function fromCommandString(context: Context, node: TSESTree.Node): ArgvLaunch | null {
  const value = unwrap(node);
  let cooked: string;
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === "string") cooked = value.value;
  else if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0 && value.quasis[0]!.value.cooked !== null) cooked = value.quasis[0]!.value.cooked;
  else return null;
  const words = shellWords(cooked);
  if (!words) return null;
  const contentStart = value.range[0] + 1;
  const raw = context.sourceCode.text.slice(contentStart, value.range[1] - 1);
  // Offsets map 1:1 only when the literal has no escapes.
  const exact = raw === cooked;
  const ranges = words.map((word): [number, number] => (exact ? [contentStart + word.start, contentStart + word.end] : value.range));
  return {
    elements: words.map((word) => ({ value: word.value, literal: word.literal })),
    ranges,
    render(ops) {
      if (!exact) return null;
      const texts: (string | null)[] = words.map((word) => cooked.slice(word.start, word.end));
      const inserts = new Map<number, string[]>();
      for (const op of ops) {
        if (op.index >= words.length) return null;
        if (op.op === "replace") texts[op.index] = shellQuote(op.value);
        else if (op.op === "remove") texts[op.index] = null;
        else {
          const rendered = op.elements.map((element) => ("from" in element ? cooked.slice(words[element.from]!.start, words[element.from]!.end) : shellQuote(element.value)));
          inserts.set(op.index, [...(inserts.get(op.index) ?? []), ...rendered]);
        }
      }
      const out: string[] = [];
      texts.forEach((text, index) => {
        out.push(...(inserts.get(index) ?? []));
        if (text !== null) out.push(text);
      });
      const rebuilt = cooked.slice(0, words[0]?.start ?? 0) + out.join(" ") + cooked.slice(words[words.length - 1]?.end ?? cooked.length);
      const quote = quoteOf(context, value);
      return [{ range: value.range, text: quote === "`" || quote === '"' || quote === "'" ? quoteString(rebuilt, quote) : JSON.stringify(rebuilt) }];
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

