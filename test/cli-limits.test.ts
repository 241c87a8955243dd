// One file never takes the run down: a file with 130,000 findings (more than a spread fits on the stack), a file
// over the parse limit, and, in the built CLI's workers, a file past the per-file time or heap limit each end as
// that file's outcome while every other file is still reported.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { fakeTokens, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");
const LAUNCHER = 'from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "$HF_TOKEN"})\n';
function builtCli(cwd: string, argv: string[], env: Record<string, string>): { stdout: string; stderr: string; status: number | null } {
  return spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
}

describe("per-file limits", () => {
  it("a file with 130,000 findings is reported whole, with the other files", async () => {
    const dir = makeTree({
      "many.sh": fakeTokens(130_000)
        .map((token) => `echo ${token}\n`)
        .join(""),
      "launch.py": LAUNCHER,
    });
    const result = await runCli(["check", ".", "--output-format", "concise", "--quiet"], { cwd: dir });
    expect(result.stderr).toBe("");
    const lines = result.stdout.trim().split("\n");
    expect(lines.filter((line) => / HFJ101 /.test(line))).toHaveLength(130_000);
    expect(lines.filter((line) => line.startsWith("launch.py:"))).toHaveLength(2);
  }, 120_000);

  it("a Python file over the parse limit is checked for tokens only, as a per-file error", async () => {
    const [token] = fakeTokens(1);
    const dir = makeTree({ "data.py": `x = "${token}"\n${"y = 1\n".repeat(700_000)}`, "launch.py": LAUNCHER });
    const result = await runCli(["check", ".", "--output-format", "concise"], { cwd: dir });
    expect(result.stdout).toMatch(
      /data\.py: error: cannot parse: too large \(4\.2 million characters; Python files are parsed up to 4 million\); checked for hardcoded tokens only/,
    );
    expect(result.stdout).toMatch(/data\.py:1:6: HFJ101/);
    expect(result.stdout).toMatch(/launch\.py:2:\d+: HFJ201/);
  }, 60_000);

  it("a file past the time limit ends its worker, not the run", () => {
    // About 3.9 million characters of dense Python: well over a second of parsing. The PEP 723 header makes it a
    // job script, so the prefilter sends it to the parser.
    const dir = makeTree({
      "slow.py": "# /// script\n# dependencies = []\n# ///\n" + "a = HF_TOKEN\n".repeat(300_000),
      "launch.py": LAUNCHER,
      "run.sh": "hf jobs uv run -e HF_TOKEN train.py\n",
    });
    const result = builtCli(dir, ["check", ".", "--output-format", "concise"], { HF_JOBS_LINT_FILE_TIMEOUT_SECONDS: "1" });
    expect(result.stdout).toMatch(/slow\.py: error: cannot check: took longer than the per-file limit of 1 s; skipped/);
    expect(result.stdout).toMatch(/launch\.py:2:\d+: HFJ201/);
    expect(result.stdout).toMatch(/run\.sh:1:\d+: HFJ201/);
    expect(result.status).toBe(1);
  }, 60_000);

  it("a file that needs more than a worker's starting heap is checked again with the full limit", () => {
    const dir = makeTree({
      "a-launch.py": LAUNCHER,
      "b-many.sh": fakeTokens(130_000)
        .map((token) => `echo ${token}\n`)
        .join(""),
      // Sent ahead to the first worker behind b-many.sh, during the scan: checked by the worker that takes over.
      "c-run.sh": `echo ${fakeTokens(1)[0]}\n`,
    });
    // 64 MB is what the file exhausts in the test below; the full limit stays the default.
    const result = builtCli(dir, ["check", ".", "--output-format", "concise", "--quiet"], { HF_JOBS_LINT_WORKER_START_HEAP_MB: "64" });
    expect(result.stdout).not.toMatch(/error: cannot check/);
    const lines = result.stdout.trim().split("\n");
    expect(lines.filter((line) => line.startsWith("b-many.sh:") && / HFJ101 /.test(line))).toHaveLength(130_000);
    expect(lines.filter((line) => line.startsWith("a-launch.py:"))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith("c-run.sh:"))).toHaveLength(1);
  }, 120_000);

  it("a file that exhausts the worker's heap is a per-file error; the next file gets a fresh worker", () => {
    const dir = makeTree({
      "a-launch.py": LAUNCHER,
      "b-many.sh": fakeTokens(130_000)
        .map((token) => `echo ${token}\n`)
        .join(""),
      "c-run.sh": "hf jobs uv run -e HF_TOKEN train.py\n",
    });
    const result = builtCli(dir, ["check", ".", "--output-format", "concise"], { HF_JOBS_LINT_WORKER_HEAP_MB: "64" });
    expect(result.stdout).toMatch(/b-many\.sh: error: cannot check: ran out of memory \(the per-file limit is a 64 MB heap\); skipped/);
    expect(result.stdout).toMatch(/a-launch\.py:2:\d+: HFJ201/);
    expect(result.stdout).toMatch(/c-run\.sh:1:\d+: HFJ201/);
  }, 60_000);
});
