import { analyzeFixture, analyzeText, fixFixture, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ202 no-placeholder-outside-mcp", () => {
  test("$HF_TOKEN and ${HF_TOKEN} in the Python API", () => {
    const diagnostics = analyzeFixture("hfj202/bad.py");
    expect(rows(diagnostics, "HFJ202")).toEqual([9, 10]);
    expect(only(diagnostics, "HFJ202").every((d) => d.fix?.applicability === "safe")).toBe(true);
  });

  test("safe fix: get_token() merged into the existing import (shebang, docstring, __future__ kept)", () => {
    const run = fixFixture("hfj202/bad.py", { codes: ["HFJ202"] });
    expect(run.text).toBe(readFixture("hfj202/fixed_expected.py"));
    expect(run.remaining).toEqual([]);
  });

  test("new import placed after the PEP 723 header, docstring and imports", () => {
    expect(fixFixture("hfj202/pep723.py", { codes: ["HFJ202"] }).text).toBe(readFixture("hfj202/pep723_fixed_expected.py"));
  });

  test("the tool call substitutes it: silent there", () => {
    expect(analyzeFixture("hfj202/good.py")).toEqual([]);
  });

  test("a placeholder passed through **kwargs is reported without a fix", () => {
    const text = `from huggingface_hub import run_uv_job\nkw = {"secrets": {"HF_TOKEN": "$HF_TOKEN"}}\nrun_uv_job("x.py", **kw)\n`;
    const found = only(analyzeText(text), "HFJ202");
    expect(found.map((d) => d.location.row)).toEqual([2]);
  });
});
