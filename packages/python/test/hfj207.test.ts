import { analyzeFixture, analyzeText, fixFixture, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ207 no-flags-after-script (argv lists and shell strings)", () => {
  test("lists (one line and multi-line), os.system and shlex.split strings", () => {
    // bad.py pins huggingface_hub 0.36 in its PEP 723 header: argparse, everything after the script is the script's.
    expect(rows(analyzeFixture("hfj207/bad.py"), "HFJ207")).toEqual([8, 18, 23, 24]);
  });

  test("without the pin (the newest huggingface_hub) `hf jobs` reads those flags itself: nothing to report", () => {
    const unpinned = readFixture("hfj207/bad.py").split("\n").slice(3).join("\n");
    expect(analyzeText(unpinned).filter((d) => d.code === "HFJ207" || d.code === "HFJ210")).toEqual([]);
    const scriptOptions = analyzeText(`import subprocess\nsubprocess.run(["hf", "jobs", "uv", "run", "train.py", "--timeout", "30"], check=True)\n`);
    expect(scriptOptions.map((d) => d.code)).toEqual(["HFJ210"]);
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
