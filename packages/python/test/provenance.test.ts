import { analyzeFixture, analyzeText, only, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("launch provenance", () => {
  test("aliased imports, module aliases, HfApi instances (variable, inline, self attribute)", () => {
    expect(rows(analyzeFixture("provenance/aliases.py"), "HFJ201")).toEqual([5, 6, 8, 9, 17]);
  });

  test("other platforms, other libraries' run_uv_job and local run_job functions stay silent", () => {
    expect(analyzeFixture("provenance/other_platforms.py").filter((d) => d.code.startsWith("HFJ2"))).toEqual([]);
  });

  test("**kwargs with subscripts and update(), secrets built by subscript, splats in dict literals", () => {
    const diagnostics = analyzeFixture("provenance/kwargs.py");
    expect(rows(diagnostics, "HFJ201")).toEqual([4, 12, 16]);
    expect(rows(diagnostics, "HFJ204")).toEqual([8]);
    expect(only(diagnostics, "HFJ201").every((d) => d.fix === null)).toBe(true);
  });

  test("scoping: a method sees module names, not its class body's", () => {
    const text = [
      "from huggingface_hub import get_token, run_uv_job",
      'secrets = {"TOKEN": get_token()}',
      "class Launcher:",
      '    secrets = {"HF_TOKEN": get_token()}',
      "    def go(self):",
      '        run_uv_job("x.py", secrets=secrets)',
      "    def go_self(self):",
      '        run_uv_job("x.py", secrets=self.secrets)',
      "",
    ].join("\n");
    expect(rows(analyzeText(text), "HFJ204")).toEqual([2]);
  });

  test("a name resolves to its last assignment before the use", () => {
    const text = `from huggingface_hub import run_uv_job\nenv = {"HF_TOKEN": "x"}\nenv = {"MODE": "fast"}\nrun_uv_job("x.py", env=env)\nenv = {"API_KEY": "y"}\n`;
    expect(rows(analyzeText(text), "HFJ201")).toEqual([]);
  });

  test("function-local names shadow module names; parameters are unknown", () => {
    const text = [
      "from huggingface_hub import run_uv_job",
      'env = {"HF_TOKEN": "x"}',
      "def a():",
      '    env = {"MODE": "fast"}',
      '    run_uv_job("x.py", env=env)',
      "def b(env):",
      '    run_uv_job("x.py", env=env)',
      "def c():",
      '    run_uv_job("x.py", env=env)',
      "",
    ].join("\n");
    expect(rows(analyzeText(text), "HFJ201")).toEqual([2]);
    expect(analyzeText(text).filter((d) => d.code === "HFJ201")).toHaveLength(1);
  });
});
