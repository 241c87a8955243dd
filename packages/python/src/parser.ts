/**
 * The tree-sitter set-up: web-tree-sitter (the WASM binding, no native compile) with the grammar wasm that
 * the `tree-sitter-python` package ships. Initialised once, asynchronously; after that parsing is synchronous,
 * which lets the ESLint plugin analyse inline scripts inside a rule.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Node, Parser, type Tree } from "web-tree-sitter";
import { withLoneCrAsLf } from "@hf-jobs-lint/core";
import { releaseTreeMemos } from "./syntax.js";

export type { Node as SyntaxNode, Tree } from "web-tree-sitter";

let parser: Parser | null = null;
let initialising: Promise<Parser> | null = null;

/**
 * The grammar: shipped in this package's `grammar/` folder when installed (prepack copies it there), else the
 * one of the tree-sitter-python dev dependency (a checkout of the repository).
 */
function grammarPath(): string {
  const shipped = fileURLToPath(new URL("../grammar/tree-sitter-python.wasm", import.meta.url));
  if (fs.existsSync(shipped)) return shipped;
  return createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
}

/**
 * A node's type, read from WASM once per Node object: web-tree-sitter marshals the node into WASM memory on every
 * `.type`, and the rules read it often (85 -> 47 ms of the CLI worker's profile on issue 12's checkouts). A node's
 * type never changes (trees are never edited here). Patched on the class, as web-tree-sitter creates the objects.
 */
const TYPE = Symbol("type");
const readType = Object.getOwnPropertyDescriptor(Node.prototype, "type")!.get!;
Object.defineProperty(Node.prototype, "type", {
  configurable: true,
  get(this: Node & { [TYPE]?: string }): string {
    return (this[TYPE] ??= readType.call(this) as string);
  },
});

/** Load the runtime and the Python grammar once; every later call returns the same parser. */
export function initPythonParser(): Promise<Parser> {
  initialising ??= (async () => {
    await Parser.init();
    const language = await Language.load(grammarPath());
    const instance = new Parser();
    instance.setLanguage(language);
    parser = instance;
    return instance;
  })();
  return initialising;
}

/** The parser, once `initPythonParser()` has resolved. */
function getPythonParser(): Parser {
  if (!parser) throw new Error("the Python parser is not initialised: await initPythonParser() first");
  return parser;
}

/** ERROR and MISSING nodes in `text`: the CLI refuses a fix that adds any. */
export function countSyntaxErrors(text: string): number {
  return withPythonTree(text, (tree) => {
    if (!tree.rootNode.hasError) return 0;
    let count = 0;
    for (const node of walk(tree.rootNode)) if (node.type === "ERROR" || node.isMissing) count++;
    return count;
  });
}

/**
 * Parse `text` (lone CRs read as line ends), hand the tree to `use`, and free the tree afterwards (WASM memory is not garbage collected).
 */
export function withPythonTree<T>(text: string, use: (tree: Tree) => T): T {
  // Python ends a line at a lone CR too; tree-sitter does not, so a first-line comment would swallow the file.
  // Same length, same offsets.
  const tree = getPythonParser().parse(withLoneCrAsLf(text));
  if (!tree) throw new Error("tree-sitter returned no tree");
  try {
    return use(tree);
  } finally {
    releaseTreeMemos(tree);
    tree.delete();
  }
}

/** Every node below `root` (root included), depth first, without recursion (deep nesting must not overflow). */
export function* walk(root: Node): Generator<Node> {
  const cursor = root.walk();
  try {
    let descending = true;
    for (;;) {
      if (descending) {
        yield cursor.currentNode;
        if (cursor.gotoFirstChild()) continue;
      }
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent()) return;
      descending = false;
    }
  } finally {
    cursor.delete();
  }
}

/** A node with its type name, read once (every `node.type` read is a call into WASM). */
export interface TypedNode {
  node: Node;
  type: string;
}

/**
 * The nodes of the given types below `root` (root included), in pre-order, each with its type. The walk runs
 * inside WASM (`descendantsOfType`), so only the wanted nodes cross into JS: several times faster than a
 * cursor walk driven from JS.
 */
export function nodesOfTypes(root: Node, types: ReadonlySet<string>): TypedNode[] {
  // descendantsOfType skips nodes that end at (0, 0): zero-width nodes at the start of the text (parser
  // recovery). Those are always on the first-child chain; in that rare case walk in JS instead.
  for (let node: Node | null = root.firstChild; node; node = node.firstChild) {
    if (node.endIndex === 0) return [...walkTypes(root, types)].map((found) => ({ node: found, type: found.type }));
  }
  // web-tree-sitter's symbol list breaks when "ERROR" (symbol 65535) is mixed with other types: ask for
  // ERROR nodes apart. Rules read them only as ranges, so their place in the order does not matter.
  const named = [...types].filter((type) => type !== "ERROR");
  const result: TypedNode[] = [];
  for (const node of root.descendantsOfType(named)) if (node) result.push({ node, type: node.type });
  if (types.has("ERROR") && root.hasError) for (const node of root.descendantsOfType("ERROR")) if (node) result.push({ node, type: "ERROR" });
  return result;
}

/**
 * The nodes of the given types below `root` (root included), in pre-order, without recursion. Reads each
 * node's type through the cursor and builds Node objects only for the wanted ones: most nodes are
 * identifiers and punctuation, and building a Node per node dominates the cost of a walk.
 */
function* walkTypes(root: Node, types: ReadonlySet<string>): Generator<Node> {
  const cursor = root.walk();
  try {
    let descending = true;
    for (;;) {
      if (descending) {
        if (types.has(cursor.nodeType)) yield cursor.currentNode;
        if (cursor.gotoFirstChild()) continue;
      }
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent()) return;
      descending = false;
    }
  } finally {
    cursor.delete();
  }
}

/** 1-based rows whose line break lies inside a Python string: a `# noqa` comment added there would be string content. */
export function rowsInsidePythonStrings(text: string): Set<number> {
  const rows = new Set<number>();
  withPythonTree(text, (tree) => {
    for (const node of walk(tree.rootNode)) {
      if (node.type !== "string") continue;
      for (let row = node.startPosition.row; row < node.endPosition.row; row++) rows.add(row + 1);
    }
  });
  return rows;
}
