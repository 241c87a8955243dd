/** Small readers over tree-sitter-python nodes: string literals, calls, arguments, scopes. */
import type { SyntaxNode } from "./parser.js";

export interface StringLiteral {
  node: SyntaxNode;
  /** The decoded value for plain literals; for f-strings the text with `{...}` kept as written. */
  value: string;
  /** False when the value holds an interpolation: it is not fully known text. */
  literal: boolean;
  /** The quote that opens the literal (`"`, `'`, `"""`, `'''`). */
  quote: string;
  /** Prefix letters (`f`, `r`, `b`, `rb`, ...), lower-cased. */
  prefix: string;
  /** Offsets of the text between the quotes. */
  contentStart: number;
  contentEnd: number;
  /** True when the content holds escape sequences (so value offsets differ from source offsets). */
  hasEscapes: boolean;
}

/**
 * Per-tree memo of what rules read again and again (every node read crosses into WASM and builds a Node
 * object, which dominates the analysis). Node ids are unique within a tree; a new parse is a new tree object.
 * Memoized results are shared: callers must not mutate them.
 */
const allMemos: NodeMemo<unknown>[] = [];

/** Drop what the memos hold for a tree (called when the tree is freed; keeps memory flat across files). */
export function releaseTreeMemos(tree: object): void {
  for (const memo of allMemos) memo.release(tree);
}

class NodeMemo<T> {
  private readonly trees = new WeakMap<object, Map<number, T>>();

  constructor() {
    allMemos.push(this as NodeMemo<unknown>);
  }

  release(tree: object): void {
    this.trees.delete(tree);
  }

  get(node: SyntaxNode, compute: (node: SyntaxNode) => T): T {
    let table = this.trees.get(node.tree);
    if (!table) this.trees.set(node.tree, (table = new Map()));
    const known = table.get(node.id);
    if (known !== undefined || table.has(node.id)) return known as T;
    const value = compute(node);
    table.set(node.id, value);
    return value;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };

/** The value of one escape sequence (`\n`, `\"`, a line continuation); unknown ones stay as written. */
export function decodeEscape(text: string): string {
  if (text.length === 2 && text[1]! in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[text[1]!]!;
  if (text.startsWith("\\\n") || text.startsWith("\\\r\n")) return "";
  return text;
}

const stringMemo = new NodeMemo<StringLiteral | null>();

/** Read a `string` node; null for anything else (a `concatenated_string` is read with `readStringish`). */
export function readString(node: SyntaxNode): StringLiteral | null {
  return stringMemo.get(node, readStringNode);
}

function readStringNode(node: SyntaxNode): StringLiteral | null {
  if (node.type !== "string") return null;
  const children = node.children;
  const start = children[0];
  const end = children[children.length - 1];
  if (!start || start.type !== "string_start" || !end || end.type !== "string_end") return null;
  const opener = start.text;
  const quoteIndex = opener.search(/['"]/);
  const prefix = opener.slice(0, quoteIndex).toLowerCase();
  const quote = opener.slice(quoteIndex);
  const raw = prefix.includes("r");
  let value = "";
  let literal = true;
  let hasEscapes = false;
  for (const child of children) {
    if (!child) continue;
    const type = child.type;
    if (type === "string_start" || type === "string_end") continue;
    if (type === "interpolation") {
      literal = false;
      value += child.text;
      continue;
    }
    if (type === "string_content") {
      const text = child.text;
      // Escape sequences always start with a backslash: without one, the content is the value.
      if (!text.includes("\\")) {
        value += text;
        continue;
      }
      let cursor = child.startIndex;
      for (const part of child.children) {
        if (!part || part.type !== "escape_sequence") continue;
        value += text.slice(cursor - child.startIndex, part.startIndex - child.startIndex);
        hasEscapes = true;
        value += raw ? part.text : decodeEscape(part.text);
        cursor = part.endIndex;
      }
      value += text.slice(cursor - child.startIndex);
      continue;
    }
    if (type === "escape_sequence") {
      hasEscapes = true;
      value += raw ? child.text : decodeEscape(child.text);
      continue;
    }
    if (type === "escape_interpolation") {
      value += child.text[0];
      hasEscapes = true;
      continue;
    }
    // Unknown children (errors): the value cannot be trusted.
    literal = false;
    value += child.text;
  }
  return { node, value, literal, quote, prefix, contentStart: start.endIndex, contentEnd: end.startIndex, hasEscapes };
}

/** A `string` or a `concatenated_string` of plain strings, as one value (null for anything else). */
export function readStringish(node: SyntaxNode | null | undefined): { value: string; literal: boolean } | null {
  if (!node) return null;
  if (node.type === "string") {
    const read = readString(node);
    return read && !read.prefix.includes("b") ? { value: read.value, literal: read.literal } : null;
  }
  if (node.type === "concatenated_string") {
    let value = "";
    let literal = true;
    for (const child of node.namedChildren) {
      const part = child ? readString(child) : null;
      if (!part) return null;
      value += part.value;
      literal &&= part.literal;
    }
    return { value, literal };
  }
  if (node.type === "parenthesized_expression" && node.namedChildCount === 1) return readStringish(node.namedChild(0));
  return null;
}

/** A plain string's known value (no interpolation), or null. */
export function literalString(node: SyntaxNode | null | undefined): string | null {
  const read = readStringish(node);
  return read && read.literal ? read.value : null;
}

export function unparenthesize(node: SyntaxNode | null | undefined): SyntaxNode | null {
  let current = node ?? null;
  while (current && current.type === "parenthesized_expression" && current.namedChildCount === 1) current = current.namedChild(0);
  return current;
}

const namedChildrenMemo = new NodeMemo<SyntaxNode[]>();

/** The named children other than comments (shared array: do not mutate). */
export function namedChildren(node: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!node) return [];
  return namedChildrenMemo.get(node, (parent) => parent.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== "comment"));
}

const keywordArgumentsMemo = new NodeMemo<Map<string, SyntaxNode>>();

/** The keyword arguments of a call's argument list, by name (shared map: do not mutate). */
export function keywordArguments(call: SyntaxNode): Map<string, SyntaxNode> {
  return keywordArgumentsMemo.get(call, readKeywordArguments);
}

function readKeywordArguments(call: SyntaxNode): Map<string, SyntaxNode> {
  const result = new Map<string, SyntaxNode>();
  for (const argument of namedChildren(call.childForFieldName("arguments"))) {
    if (argument.type === "keyword_argument") {
      const name = argument.childForFieldName("name");
      if (name) result.set(name.text, argument);
    }
  }
  return result;
}

export function positionalArguments(call: SyntaxNode): SyntaxNode[] {
  return namedChildren(call.childForFieldName("arguments")).filter(
    (argument) => argument.type !== "keyword_argument" && argument.type !== "dictionary_splat" && argument.type !== "list_splat",
  );
}

const calleeNameMemo = new NodeMemo<string | null>();

/** The last name of a callee: `print`, `api.upload_file` -> `upload_file`. */
export function calleeName(call: SyntaxNode): string | null {
  return calleeNameMemo.get(call, readCalleeName);
}

function readCalleeName(call: SyntaxNode): string | null {
  const callee = call.childForFieldName("function");
  if (!callee) return null;
  const type = callee.type;
  if (type === "identifier") return callee.text;
  if (type === "attribute") return callee.childForFieldName("attribute")?.text ?? null;
  return null;
}

/** Nodes that open a Python name scope. */
export const SCOPE_TYPES = new Set(["module", "function_definition", "class_definition", "lambda"]);

/**
 * ERROR subtrees per parsed tree, registered by the analyzer after its one walk. Checking a range list is
 * cheap, where walking `parent` links costs O(depth) per step in tree-sitter (cubic on deeply nested input).
 */
const errorRanges = new WeakMap<object, readonly [number, number][]>();

export function registerErrorRanges(tree: object, ranges: readonly [number, number][]): void {
  errorRanges.set(tree, ranges);
}

/** Is the node inside an ERROR subtree (results there are not trusted)? */
export function insideError(node: SyntaxNode): boolean {
  const ranges = errorRanges.get(node.tree);
  if (ranges) return ranges.some(([start, end]) => node.startIndex >= start && node.endIndex <= end);
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (current.type === "ERROR" || current.isMissing) return true;
  }
  return false;
}

/** Python string literal for `value`, in the given quote style. */
export function pythonString(value: string, quote: string = '"'): string {
  const q = quote.startsWith("'") ? "'" : '"';
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(q === '"' ? /"/g : /'/g, `\\${q}`)
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
  return `${q}${escaped}${q}`;
}
