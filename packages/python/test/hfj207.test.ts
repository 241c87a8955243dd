import { analyzeFixture, fixFixture, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ207 no-flags-after-script (argv lists and shell strings)", () => {
  test("lists (one line and multi-line), os.system and shlex.split strings", () => {
    expect(rows(analyzeFixture("hfj207/bad.py"), "HFJ207")).toEqual([5, 15, 20, 21]);
  });

  test("safe fix moves the flags before the script, keeping quote style and layout", () => {
    const run = fixFixture("hfj207/bad.py", { codes: ["HFJ207"] });
    expect(run.text).toBe(readFixture("hfj207/fixed_expected.py"));
  });

  test("flags before the script, reader commands and other programs are silent", () => {
    expect(analyzeFixture("hfj207/good.py")).toEqual([]);
  });

  test("command-line token rules through core: --token, -e HF_TOKEN, misnamed -s", () => {
    const diagnostics = analyzeFixture("hfj207/argv_tokens.py");
    expect(rows(diagnostics, "HFJ101")).toEqual([3, 4]);
    expect(only(diagnostics, "HFJ101")[1]!.fix?.message).toContain("--token");
    expect(rows(diagnostics, "HFJ201")).toEqual([5]);
    expect(rows(diagnostics, "HFJ204")).toEqual([7]);
  });

  test("-e HF_TOKEN is rewritten to -s", () => {
    const run = fixFixture("hfj207/argv_tokens.py", { codes: ["HFJ201"] });
    expect(run.text).toContain(`["hf", "jobs", "uv", "run", "-s", "HF_TOKEN", "train.py"]`);
  });
});
