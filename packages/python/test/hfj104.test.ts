import { analyzeFixture, analyzeText, only, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ104 no-token-in-arguments", () => {
  test("a job script that reads its token from argv", () => {
    expect(rows(analyzeFixture("hfj104/bad_script.py"), "HFJ104")).toEqual([10, 13]);
  });

  test("a token in script_args or command of a launch", () => {
    const found = only(analyzeFixture("hfj104/bad_launcher.py"), "HFJ104");
    expect(found.map((d) => d.location.row)).toEqual([6, 7, 8]);
    // `--hf-token TOKEN` is one finding covering both elements.
    expect(found[0]!.endLocation.column - found[0]!.location.column).toBe('"--hf-token", token'.length);
  });

  test("look-alike options and plain arguments are silent", () => {
    expect(only(analyzeFixture("hfj104/good.py"), "HFJ104")).toEqual([]);
  });

  test("an optional token option (a fallback on HF_TOKEN or the login) is silent", () => {
    expect(only(analyzeFixture("hfj104/optional_option.py"), "HFJ104")).toEqual([]);
  });

  test("a required token option is reported only in a job script, with the evidence", () => {
    expect(only(analyzeFixture("hfj104/launcher_cli.py"), "HFJ104")).toEqual([]);
    const jobScript = { message: "job script: `hf jobs uv run` runs it", filename: "README.md", row: 9 };
    const found = only(analyzeFixture("hfj104/launcher_cli.py", {}, undefined, jobScript), "HFJ104");
    expect(found.map((d) => [d.location.row, d.related])).toEqual([[7, [jobScript]]]);
  });

  test("a token after the script of an argv list", () => {
    const text = `import subprocess\nsubprocess.run(["hf", "jobs", "uv", "run", "train.py", "--hf-token", "$HF_TOKEN"])\n`;
    expect(rows(analyzeText(text), "HFJ104")).toEqual([2]);
  });

  test("the tool call's $HF_TOKEN is not substituted in script_args", () => {
    const text = `hf_jobs("uv", {"script": "x.py", "script_args": ["--token", "$HF_TOKEN"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n`;
    expect(rows(analyzeText(text), "HFJ104")).toEqual([1]);
  });
});
