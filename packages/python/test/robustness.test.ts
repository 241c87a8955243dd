import { readFileSync } from "node:fs";
import { analyzeText, setup } from "./helpers.js";
import { analyzeScriptNeeds, countSyntaxErrors, pythonAnalyzer } from "../src/index.js";

beforeAll(setup);

const FAKE = "hf_FakeTokenForTests0123456789abcdefg";

describe("bad input never crashes", () => {
  test("empty and whitespace-only files", () => {
    expect(analyzeText("")).toEqual([]);
    expect(analyzeText("\n\n   \n")).toEqual([]);
    expect(analyzeScriptNeeds("").level).toBe("none");
  });

  test("syntax errors: valid parts are analysed, tokens in broken text are still reported without a fix", () => {
    const text = `from huggingface_hub import run_uv_job\nrun_uv_job("x.py", env={"HF_TOKEN": "a"})\ndef broken(:\n    x = "${FAKE}" +\n`;
    const diagnostics = analyzeText(text);
    expect(diagnostics.some((d) => d.code === "HFJ201" && d.location.row === 2)).toBe(true);
    const tokens = diagnostics.filter((d) => d.code === "HFJ101");
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.fix).toBeNull();
  });

  test("prose parsed as Python (a Markdown guide) terminates: scope lookups in error trees do not cycle", () => {
    // This file sent scope resolution into an endless loop (a scope came back as its own enclosing scope).
    const guide = readFileSync(new URL("../../../fixtures/markdown/token_usage.zh.md", import.meta.url), "utf8");
    const diagnostics = analyzeText(guide);
    expect(diagnostics.every((d) => /^HFJ\d{3}$/.test(d.code))).toBe(true);
    expect(analyzeText(`使用令牌 (\`hf auth login\`)\nhf_jobs("uv", {"script": "x.py"})\n`)).toEqual([]);
  });

  test("countSyntaxErrors counts ERROR and MISSING nodes (the CLI refuses fixes that add any)", () => {
    expect(countSyntaxErrors("x = [1, 2]\n")).toBe(0);
    expect(countSyntaxErrors("def f(:\n    pass\n")).toBeGreaterThan(0);
    expect(countSyntaxErrors("x = (1\n")).toBeGreaterThan(0);
  });

  test("deep nesting does not overflow the stack", () => {
    const depth = 3000;
    const text = `x = ${"[".repeat(depth)}"${FAKE}"${"]".repeat(depth)}\nprint(${"(".repeat(depth)}1${")".repeat(depth)})\n`;
    const diagnostics = analyzeText(text);
    expect(diagnostics.filter((d) => d.code === "HFJ101")).toHaveLength(1);
  });

  test("long chains of names resolve with a bound", () => {
    const lines = ["import os", "v0 = os.environ['HF_TOKEN']"];
    for (let i = 1; i < 200; i++) lines.push(`v${i} = v${i - 1}`);
    lines.push("print(v199)", "a = b", "b = a", "print(a)");
    expect(() => analyzeText(lines.join("\n"))).not.toThrow();
  });

  test("the Analyzer contract", async () => {
    await pythonAnalyzer.init!();
    expect(pythonAnalyzer.kinds).toEqual(["python"]);
    const result = await pythonAnalyzer.analyze({
      filename: "x.py",
      path: null,
      source: new (await import("@hf-jobs-lint/core")).SourceText(`token = "${FAKE}"\n`),
      root: "/nonexistent",
      readFile: () => null,
      includeCounterexamples: false,
    });
    expect(result.map((d) => d.code)).toEqual(["HFJ101"]);
  });

  test("non-UTF-16-trivial text: offsets are UTF-16 columns", () => {
    const [finding] = analyzeText(`s = "é😀 ${FAKE}"\n`);
    expect(finding!.location.column).toBe(`s = "é😀 `.length + 1);
  });
});
