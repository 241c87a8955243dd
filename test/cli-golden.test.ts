// Golden output: `check` on a small mixed repository in every output format. Regenerate after an intended
// change with `UPDATE_GOLDEN=1 npx vitest run test/cli-golden.test.ts` and review the diff; under CI (`CI` set,
// as `.ci/run` does) golden files are never written (test/helpers/golden.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { OUTPUT_FORMATS } from "@hf-jobs-lint/core";
import { compareGolden as compareGoldenIn } from "./helpers/golden.js";
import { runCli } from "./helpers/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const goldenDir = path.join(here, "golden");
const extension: Record<string, string> = { json: "json", "json-lines": "jsonl", sarif: "sarif.json", gitlab: "gitlab.json", junit: "xml" };

/** SARIF names the checkout's folder (`originalUriBaseIds`): the golden file has a stand-in for it. */
const checkoutUri = `file://${repoRoot.split(path.sep).join("/").replace(/\/?$/, "/")}`;
const portable = (output: string): string => output.split(`"uri": "${checkoutUri}"`).join('"uri": "file:///CHECKOUT/"');

function compareGolden(name: string, actual: string): void {
  compareGoldenIn(goldenDir, name, actual);
}

describe("golden output of `check fixtures/repo-basic`", () => {
  for (const format of OUTPUT_FORMATS) {
    it(`--output-format ${format}`, async () => {
      const result = await runCli(["check", "fixtures/repo-basic", "--output-format", format, "--threads", "1"], { cwd: repoRoot });
      expect(result.code).toBe(1);
      compareGolden(`repo-basic.${extension[format] ?? "txt"}`.replace(".txt", `.${format}.txt`), portable(result.stdout));
    });
  }

  it("--statistics", async () => {
    const result = await runCli(["check", "fixtures/repo-basic", "--statistics"], { cwd: repoRoot });
    compareGolden("repo-basic.statistics.txt", result.stdout);
  });

  it("--diff --unsafe-fixes", async () => {
    const result = await runCli(["check", "fixtures/repo-basic", "--diff", "--unsafe-fixes"], { cwd: repoRoot });
    compareGolden("repo-basic.diff", result.stdout);
  });

  it("finds the mistakes the fixture holds on every surface", async () => {
    const result = await runCli(["check", "fixtures/repo-basic", "--output-format", "json"], { cwd: repoRoot });
    const found = new Set((JSON.parse(result.stdout) as { filename: string; code: string }[]).map((d) => `${d.filename.replace("fixtures/repo-basic/", "")} ${d.code}`));
    for (const expected of [
      "launch.py HFJ101", // the hardcoded token in env
      "launch.py HFJ201", // HF_TOKEN through env
      "run.sh HFJ201", // -e HF_TOKEN after the script: read by `hf jobs` (huggingface_hub >= 1.0), into plain env
      "launch.ts HFJ201", // environment: { HF_TOKEN }
      "launch.ts HFJ202", // accessToken: "$HF_TOKEN" in @huggingface/hub
      "docs/jobs.md HFJ206", // dependencies on a uv tool call
      ".github/workflows/train.yml HFJ210", // `--name` after the script: taken by `hf jobs`, not the script's
    ]) {
      expect(found, expected).toContain(expected);
    }
    expect([...found].filter((entry) => entry.startsWith("clean.py"))).toEqual([]);
  });
});
