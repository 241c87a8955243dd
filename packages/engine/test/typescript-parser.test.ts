/**
 * The oxc adapter (src/typescript-parser.ts) gives ESLint the AST typescript-eslint's parser gives: the same nodes,
 * ranges, locations and comments (oxc's own `start`/`end` aside, and `null` where typescript-estree leaves a
 * field out), on tricky shapes and on every TS/JS fixture; typescript-eslint's parser where oxc fails.
 */
import fs from "node:fs";
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { loadTypeScriptParsers, mayNestDeeply, type ESLintParser } from "../src/typescript-parser.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../../fixtures");
const OPTIONS = { sourceType: "module", ecmaVersion: "latest", ecmaFeatures: { jsx: true } } as const;
const { parser, snippetParser } = await loadTypeScriptParsers();

/** The AST as plain data, without oxc's extra offsets and with absent and null fields alike. */
function comparable(value: unknown): unknown {
  if (value instanceof RegExp || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([key, field]) => !["start", "end", "parent", "tokens"].includes(key) && field != null);
  return Object.fromEntries(entries.map(([key, field]) => [key, comparable(field)]));
}

function both(code: string, filePath: string): { oxc: unknown; typescriptEslint: unknown } {
  const options = { ...OPTIONS, filePath };
  return {
    oxc: comparable(parser.parseForESLint(code, options).ast),
    typescriptEslint: comparable((tsParser as unknown as ESLintParser).parseForESLint(code, options).ast),
  };
}

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(?:[cm]?[jt]sx?)$/.test(name))
    .map((name) => path.join(folder, name));
}

describe("the oxc parser adapter", () => {
  it("loads oxc's native binding on this machine", () => {
    expect(parser.meta?.name).toBe("hf-jobs-lint/oxc");
  });

  it.each([
    ["CRLF line ends", "a.ts", 'const a = 1;\r\nrunJob({\r\n  env: { HF_TOKEN: "x" },\r\n});\r\n'],
    ["astral characters before code (UTF-16 columns)", "a.ts", 'const s = "😀😀"; /* 😀 */ const t = `${s}😀${s}`;\n'],
    ["a shebang line", "a.js", "#!/usr/bin/env node\n// note\nconsole.log(1);\n"],
    ["JSX in a .js file", "a.jsx", "const el = <div a={1}>text</div>;\n"],
    ["TSX with generics and `as`", "a.tsx", "const f = <T,>(x: T) => x as unknown as T;\nconst e = <b>{f(1)}</b>;\n"],
    ["leading and trailing blank lines", "a.ts", "\n\n  // only a comment\n\nexport {};\n\n"],
    ["an empty file", "a.ts", ""],
    ["a Unicode line separator", "a.ts", "const a = 1;\u2028const b = 2;\n"],
    ["optional chains, spreads and template literals", "a.mts", "const o = { ...p, k: a?.b?.(c)[d] ?? `x${y}z` };\n"],
  ])("%s", (_label, filePath, code) => {
    const { oxc, typescriptEslint } = both(code, filePath);
    expect(oxc).toEqual(typescriptEslint);
  });

  it("gives typescript-eslint's AST on every TS/JS fixture", () => {
    const files = sourceFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const code = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      let typescriptEslint: unknown;
      try {
        typescriptEslint = both(code, file).typescriptEslint;
      } catch {
        continue; // a fixture that does not parse: the identity test compares the error reported
      }
      expect(both(code, file).oxc, file).toEqual(typescriptEslint);
    }
  });

  it("hands a file oxc rejects but TypeScript accepts to typescript-eslint's parser", () => {
    // `const` without an initializer: an oxc error, a TypeScript check error that typescript-estree does not raise.
    const result = parser.parseForESLint("const later;\nexport {};\n", { ...OPTIONS, filePath: "a.ts" });
    expect(result.ast.tokens!.length).toBeGreaterThan(0);
    expect(result.ast.body).toHaveLength(2);
  });

  it("rejects a documentation fragment with its place and no fallback", () => {
    const parse = () => snippetParser.parseForESLint("const b = new Blob(...);\n", { ...OPTIONS, filePath: "README.md.block-3.ts" });
    expect(parse).toThrow(SyntaxError);
    try {
      parse();
    } catch (error) {
      expect(error).toMatchObject({ lineNumber: 1, column: expect.any(Number) });
    }
  });

  it.each([
    ["parentheses", `x = ${"(".repeat(600)}1${")".repeat(600)};`],
    ["brackets", `x = ${"[".repeat(600)}${"]".repeat(600)};`],
    ["prefix operators", `x = ${"!".repeat(600)}1;`],
    ["chained arrows", `f = ${"a => ".repeat(600)}1;`],
    ["chained conditionals", `x = ${"a ? b : ".repeat(600)}1;`],
  ])("sends deep %s to typescript-eslint's parser (oxc would overflow the native stack)", (_label, code) => {
    expect(mayNestDeeply(code)).toBe(true);
    expect(parser.parseForESLint(code, { ...OPTIONS, filePath: "deep.ts" }).ast.tokens!.length).toBeGreaterThan(0);
  });

  it("parses ordinary files with oxc", () => {
    const files = sourceFiles(FIXTURES);
    expect(files.filter((file) => mayNestDeeply(fs.readFileSync(file, "utf8")))).toEqual([]);
    expect(mayNestDeeply(`const a = 1;\n`.repeat(5000))).toBe(false);
  });
});
