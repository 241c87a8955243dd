import { analyzeFixture, analyzeText, fixFixture, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ206 no-unknown-job-argument", () => {
  test("unknown keywords, positional arguments to keyword-only parameters, dropped tool-call keys", () => {
    const found = only(analyzeFixture("hfj206/bad.py"), "HFJ206");
    expect(found.map((d) => [d.location.row, d.location.column])).toEqual([
      [3, 24],
      [4, 9],
      [4, 24],
      [5, 32],
      [5, 51],
      [6, 38],
      [6, 81],
      [7, 72],
    ]);
    expect(found.map((d) => d.fix?.applicability ?? null)).toEqual([null, null, null, null, null, "safe", null, null]);
  });

  test("safe fix renames dependencies to with_deps only", () => {
    const run = fixFixture("hfj206/bad.py", { codes: ["HFJ206"] });
    expect(run.text).toBe(readFixture("hfj206/fixed_expected.py"));
  });

  test("every documented parameter is accepted; other launchers are not checked", () => {
    expect(only(analyzeFixture("hfj206/good.py"), "HFJ206")).toEqual([]);
  });

  test("an unknown key reached through **kwargs is reported at its key", () => {
    const text = `from huggingface_hub import run_uv_job\nkw = dict(args=["x"])\nrun_uv_job("x.py", **kw)\n`;
    expect(rows(analyzeText(text), "HFJ206")).toEqual([2]);
  });

  test("the rename is not offered when with_deps is already there", () => {
    const text = `hf_jobs("uv", {"script": "x.py", "with_deps": ["a"], "dependencies": ["b"]})\n`;
    expect(only(analyzeText(text), "HFJ206").map((d) => d.fix)).toEqual([null]);
  });

  test("inline code as the Python API's script, through a constant and in the scheduled variant; the tool call runs it", () => {
    const text = [
      "from huggingface_hub import create_scheduled_uv_job, run_uv_job as launch",
      'CODE = """import os',
      'print(os.environ["HF_TOKEN"][:4])',
      '"""',
      "launch(CODE)",
      'create_scheduled_uv_job("from datasets import load_dataset; load_dataset(\'x\')", schedule="@daily")',
      'launch("train.py")',
      'launch(script="https://example.com/train.py")',
      'hf_jobs("uv", {"script": CODE})',
      "",
    ].join("\n");
    const found = only(analyzeText(text), "HFJ206");
    expect(found.map((d) => [d.location.row, d.location.column])).toEqual([
      [5, 8],
      [6, 25],
    ]);
    expect(found[0]!.message).toContain("`run_uv_job` takes a file path or URL as `script`");
    expect(found[1]!.message).toContain("`create_scheduled_uv_job` takes a file path or URL");
  });
});
