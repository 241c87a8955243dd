/**
 * The parser the CLI lints TS/JS with: oxc (a native parser with a TS-ESTree AST), given the locations and scopes
 * ESLint needs, with typescript-eslint's parser wherever oxc reports an error. So a file that does not parse gets
 * typescript-eslint's error message, as in an editor, and a file only oxc rejects is still checked.
 *
 * Why: on huggingface.js, typescript-eslint's parser (TypeScript and typescript-estree) took 4.2 s and 310 MB for
 * 400 files, and loading TypeScript half a second per worker; oxc with the location walk and typescript-eslint's
 * scope analysis took 1.4 s and 150 MB (bench/README.md). The editor plugin keeps typescript-eslint's parser.
 * No tokens: the plugin's rules read the text around a node instead (eslint-plugin-hf-jobs `ast.ts`).
 */
import { createRequire } from "node:module";
import { analyze } from "@typescript-eslint/scope-manager";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import type { Linter } from "eslint";
import { lineIndexAt } from "@hf-jobs-lint/core";

type Oxc = typeof import("oxc-parser");
/** An ESLint parser with `parseForESLint` (the AST, its scopes and visitor keys). */
export interface ESLintParser {
  meta: { name: string };
  parseForESLint(code: string, options?: ParseOptions): Linter.ESLintParseResult;
}
type ParseOptions = { filePath?: string; sourceType?: "module" | "script"; ecmaFeatures?: { jsx?: boolean } };
type Position = { line: number; column: number };
type Located = { range: [number, number]; loc?: { start: Position; end: Position } };

const require = createRequire(import.meta.url);
let typescriptEslintParser: { parseForESLint(code: string, options: unknown): Linter.ESLintParseResult } | null = null;

/** typescript-eslint's parser, loaded on the first file oxc cannot parse (it loads TypeScript). */
function fallback(code: string, options: ParseOptions): Linter.ESLintParseResult {
  typescriptEslintParser ??= require("@typescript-eslint/parser");
  return typescriptEslintParser!.parseForESLint(code, options);
}

/** oxc's language for a file name, as typescript-estree picks TypeScript's script kind (unknown: TSX with JSX on). */
function languageOf(filePath: string, jsx: boolean): "js" | "jsx" | "ts" | "tsx" {
  const extension = /\.[^./\\]*$/.exec(filePath)?.[0].toLowerCase();
  if (extension === ".js" || extension === ".mjs" || extension === ".cjs" || extension === ".jsx") return "jsx"; // TypeScript parses JSX in every JS file
  if (extension === ".ts" || extension === ".mts" || extension === ".cts") return "ts";
  if (extension === ".tsx") return "tsx";
  return jsx ? "tsx" : "ts";
}

/** Past this estimated depth a file goes to typescript-eslint's parser (oxc overflowed near 3,000 parentheses in a worker). */
const NESTING_LIMIT = 500;

/**
 * Whether the text might nest deeper than NESTING_LIMIT. oxc recurses on the native stack, where an overflow kills
 * the process (SIGSEGV) instead of throwing; typescript-eslint's overflow is a JS error, reported for that file alone
 * ("nested too deeply"). The estimate over-counts, so it only sends more files there: the depth of brackets
 * (strings and comments included), and the operators that chain by recursion (`?`, `=>`, `=`, prefix `!`/`-`/`+`/
 * `~`) counted between two `;`, braces or line ends. Left out, as adversarial only: a chain of more than 500 lines without a `;`
 * or brace, and JSX elements nested thousands deep.
 */
export function mayNestDeeply(code: string): boolean {
  let depth = 0;
  let chain = 0;
  for (let index = 0; index < code.length; index++) {
    switch (code.charCodeAt(index)) {
      case 0x28: // (
      case 0x5b: // [
        if (++depth > NESTING_LIMIT) return true;
        break;
      case 0x7b: // {
        if (++depth > NESTING_LIMIT) return true;
        chain = 0;
        break;
      case 0x29: // )
      case 0x5d: // ]
        depth--;
        break;
      case 0x7d: // }
        depth--;
        chain = 0;
        break;
      case 0x3b: // ;
      case 0x0a: // \n
        chain = 0;
        break;
      case 0x3f: // ?
      case 0x3d: // =
      case 0x21: // !
      case 0x2d: // -
      case 0x2b: // +
      case 0x7e: // ~
        if (++chain > NESTING_LIMIT) return true;
        break;
    }
  }
  return false;
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Offset -> ESLint position (1-based line, 0-based UTF-16 column). Its own line table, not core's `SourceText`:
 * ESLint and TypeScript also break lines at U+2028 and U+2029.
 */
function positionsOf(code: string): (offset: number) => Position {
  const starts = [0];
  for (const match of code.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return (offset) => {
    const line = lineIndexAt(starts, offset);
    return { line: line + 1, column: offset - starts[line]! };
  };
}

/** Give every node (anything with a `type` and a `range`) its `loc`. */
function addLocations(root: object, positionOf: (offset: number) => Position): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === "object") stack.push(item);
      continue;
    }
    const node = value as Record<string, unknown> & Located;
    if (typeof node.type === "string" && Array.isArray(node.range)) node.loc = { start: positionOf(node.range[0]), end: positionOf(node.range[1]) };
    for (const key in node) {
      if (key === "loc" || key === "range") continue;
      const child = node[key];
      if (child !== null && typeof child === "object" && !(child instanceof RegExp)) stack.push(child);
    }
  }
}

/**
 * `withFallback: false` for documentation snippets: a fence oxc cannot parse is a fragment (`new Blob(...)`) that
 * typescript-eslint rejects too, nearly always, and is skipped either way; falling back would load TypeScript
 * (0.45 s) for nothing on most documentation trees.
 */
export function createTypeScriptParser(oxc: Oxc, { withFallback = true }: { withFallback?: boolean } = {}): ESLintParser {
  return {
    meta: { name: "hf-jobs-lint/oxc" },
    parseForESLint(code: string, options: ParseOptions = {}): Linter.ESLintParseResult {
      const filePath = options.filePath ?? "file.ts";
      const sourceType = options.sourceType === "module" ? "module" : "script";
      if (mayNestDeeply(code)) return fallback(code, options);
      const result = oxc.parseSync(filePath, code, {
        lang: languageOf(filePath, options.ecmaFeatures?.jsx === true),
        sourceType,
        astType: "ts",
        range: true,
        preserveParens: false,
      });
      if (result.errors.length > 0) {
        if (withFallback) return fallback(code, options);
        throw parseError(code, result.errors[0]!);
      }
      const positionOf = positionsOf(code);
      const ast = result.program as unknown as Record<string, unknown> & Located;
      addLocations(ast, positionOf);
      // A `#!` line: a Program field to oxc, nothing at all to typescript-estree.
      delete ast.hashbang;
      const comments = result.comments.map((comment) => ({
        type: comment.type,
        value: comment.value,
        range: [comment.start, comment.end] as [number, number],
        loc: { start: positionOf(comment.start), end: positionOf(comment.end) },
      }));
      // typescript-estree's Program spans the whole text, leading and trailing whitespace included.
      ast.range = [0, code.length];
      ast.loc = { start: positionOf(0), end: positionOf(code.length) };
      Object.assign(ast, { comments, tokens: [], sourceType });
      const scopeManager = analyze(ast as never, { sourceType, globalReturn: false });
      return { ast: ast as unknown as Linter.ESLintParseResult["ast"], scopeManager: scopeManager as never, visitorKeys: visitorKeys as never, services: {} };
    },
  };
}

/** The error ESLint reports as a fatal message: its text and 1-based line, 0-based column (as Espree's). */
function parseError(code: string, error: { message: string; labels: ReadonlyArray<{ start: number }> }): Error {
  const { line, column } = positionsOf(code)(error.labels[0]?.start ?? 0);
  return Object.assign(new SyntaxError(error.message), { lineNumber: line, column: column + 1, index: error.labels[0]?.start ?? 0 });
}

export interface TypeScriptParsers {
  /** For source files: oxc, or typescript-eslint's parser where oxc fails. */
  parser: ESLintParser;
  /** For documentation snippets: oxc alone. */
  snippetParser: ESLintParser;
}

const typescriptEslintOnly: ESLintParser = { meta: { name: "@typescript-eslint/parser" }, parseForESLint: fallback };

/**
 * The oxc parsers when oxc's native binding loads here, else typescript-eslint's parser for both; also both with
 * `HF_JOBS_LINT_TS_PARSER=typescript-eslint` (a way round a parser difference, and what the identity test compares).
 */
export async function loadTypeScriptParsers(): Promise<TypeScriptParsers> {
  if (process.env.HF_JOBS_LINT_TS_PARSER === "typescript-eslint") return { parser: typescriptEslintOnly, snippetParser: typescriptEslintOnly };
  try {
    const oxc = await import("oxc-parser");
    return { parser: createTypeScriptParser(oxc), snippetParser: createTypeScriptParser(oxc, { withFallback: false }) };
  } catch {
    return { parser: typescriptEslintOnly, snippetParser: typescriptEslintOnly };
  }
}
