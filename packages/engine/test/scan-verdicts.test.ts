// ScanVerdicts: the texts the job-script scan read settle the files no rule can fire on, and nothing else.
import { describe, expect, it } from "vitest";
import { AnalyzerRegistry, createLintContext, ScanVerdicts, type CheckSettings, type CheckTarget } from "@hf-jobs-lint/engine";
import { checkSettings as settings, FAKE_TOKEN } from "../../../test/helpers/analyzer-harness.js";

const target = (name: string, kind: CheckTarget["kind"] = "python"): CheckTarget => ({ filename: name, path: `/repo/${name}`, kind });

/** Which of `texts` (by file name) the verdicts settle, with the job-script index `jobScripts`. */
function settled(texts: Record<string, string>, jobScripts: string[] = [], given: CheckSettings = settings()): string[] {
  const targets = Object.keys(texts).map((name) => target(name, name.endsWith(".md") ? "markdown" : "python"));
  const verdicts = new ScanVerdicts(targets, () => ({ key: "", settings: given }));
  targets.forEach((each, index) => verdicts.note(index, texts[each.filename]!));
  const index = Object.fromEntries(jobScripts.map((name) => [`/repo/${name}`, { message: "named by a launch", filename: "launch.sh", line: 1, column: 1 }]));
  const context = createLintContext({ ...given, jobScripts: index }, new AnalyzerRegistry());
  return targets.filter((each) => verdicts.settles(each, context)).map((each) => each.filename);
}

describe("ScanVerdicts", () => {
  it("settles a file no selected rule can fire on, and never one with evidence or a `# noqa`", () => {
    expect(
      settled({
        "plain.py": "import os\nprint(os.getcwd())\n",
        "leak.py": `TOKEN = "${FAKE_TOKEN}"\n`,
        "launch.py": 'from huggingface_hub import run_uv_job\nrun_uv_job("train.py")\n',
        "noqa.py": "import os  # noqa: HFJ101\n",
        "notes.md": "Nothing to see here.\n",
      }),
    ).toEqual(["plain.py", "notes.md"]);
  });

  it("a Python file that needs the job-script index is settled only when the index does not name it", () => {
    const texts = { "train.py": 'from datasets import load_dataset\nload_dataset("x").push_to_hub("me/x")\n' };
    expect(settled(texts)).toEqual(["train.py"]);
    expect(settled(texts, ["train.py"])).toEqual([]);
  });

  it("leaves to the triage what it would refuse or decode otherwise: NUL bytes, invalid UTF-8 (U+FFFD)", () => {
    expect(settled({ "binary.py": "im\0\u0001", "latin1.py": "x = 'caf\uFFFD'\n" })).toEqual([]);
  });

  it("reads the text without its BOM, as the triage does", () => {
    // A shebang is only one on the first line: with the BOM left on, the file would look like no shell script.
    const targets = [{ filename: "run", path: "/repo/run", kind: "text" as const }];
    const verdicts = new ScanVerdicts(targets, () => ({ key: "", settings: settings() }));
    verdicts.note(0, "\uFEFF#!/bin/sh\nhf jobs uv run train.py\n");
    expect(verdicts.settles(targets[0]!, createLintContext(settings(), new AnalyzerRegistry()))).toBe(false);
  });

  it("settles nothing with the prefilter off, and never stdin", () => {
    expect(settled({ "plain.py": "import os\n" }, [], settings({ prefilter: false }))).toEqual([]);
    const stdin: CheckTarget = { filename: "-", path: null, kind: "python", text: "import os\n" };
    const verdicts = new ScanVerdicts([stdin], () => ({ key: "", settings: settings() }));
    verdicts.note(0, "import os\n");
    expect(verdicts.settles(stdin, createLintContext(settings(), new AnalyzerRegistry()))).toBe(false);
  });
});
