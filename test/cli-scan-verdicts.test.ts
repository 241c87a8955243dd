// The built CLI's triage takes what the job-script scan read (ScanVerdicts): a file is read again only when it may
// need an analyzer. What it reports must not change: a job script known only from the index is still analysed,
// and files the triage refuses (NUL bytes, invalid UTF-8) are still reported, with and without the results cache.
// Only the built CLI has the worker pool whose triage uses the verdicts (from sources, files are checked in-process).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees } from "./helpers/run-cli.js";

afterEach(removeTrees);

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");

function check(cwd: string, extra: string[]): string {
  return execFileSync(process.execPath, [bin, "check", ".", "--output-format", "concise", "--exit-zero", ...extra], { cwd, encoding: "utf8" });
}

describe("the triage after the job-script scan", () => {
  const tree = () =>
    makeTree({
      // A job script only because a launch names it: no evidence in its own text.
      "jobs/train.py": 'from datasets import load_dataset\nds = load_dataset("x")\nds.push_to_hub("me/x")\n',
      "jobs/launch.sh": "hf jobs uv run train.py\n",
      // The same text, named by nothing: no script rule applies.
      "lib/helper.py": 'from datasets import load_dataset\nds = load_dataset("x")\nds.push_to_hub("me/x")\n',
      "bad/binary.py": Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]),
      "bad/latin1.py": Buffer.from("x = 'caf\xe9'\n", "latin1"),
      "bad/bom.py": `\ufeffTOKEN = "${FAKE_TOKEN}"\n`,
      "plain/a.py": "import os\nprint(os.getcwd())\n",
      "plain/b.md": "# Notes\n\nNothing to see.\n",
    });

  for (const mode of [["--no-cache"], ["--cache-dir", ".cache-under-test"]]) {
    it(`reports the same as before the verdicts (${mode[0]})`, () => {
      const dir = tree();
      const output = check(dir, mode);
      expect(output).toMatch(/^jobs\/train\.py:3:1: HFJ301 /m);
      expect(output).toMatch(/^jobs\/launch\.sh:1:\d+: HFJ203 /m);
      expect(output).not.toContain("lib/helper.py");
      expect(output).toMatch(/^bad\/binary\.py: error: binary file \(contains NUL bytes\), skipped/m);
      expect(output).toMatch(/^bad\/latin1\.py: error: not valid UTF-8, skipped/m);
      expect(output).toMatch(/^bad\/bom\.py:1:\d+: HFJ101 /m);
      expect(output).not.toMatch(/plain\//);
      expect(output).not.toContain(FAKE_TOKEN);
    }, 60_000);
  }
});
