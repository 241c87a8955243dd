// --threads: the built CLI gives the same output from worker threads as in-process. Workers only start for large
// trees, so the test lowers the per-worker threshold through the environment.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees } from "./helpers/run-cli.js";

afterEach(removeTrees);

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");

function run(cwd: string, threads: string, nodeFlags: string[] = []): string {
  return execFileSync(process.execPath, [...nodeFlags, bin, "check", ".", "--output-format", "json", "--exit-zero", "--threads", threads], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, HF_JOBS_LINT_MIN_FILES_PER_WORKER: "1" },
  });
}

describe("worker threads", () => {
  it("report exactly what the in-process run reports, in the same order", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) {
      files[`pkg${i % 3}/launch_${i}.py`] = `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`;
      // A script option `hf jobs` (huggingface_hub >= 1.0) takes for itself: HFJ210.
      files[`pkg${i % 3}/run_${i}.sh`] = "hf jobs uv run train.py --timeout 30\n";
    }
    const dir = makeTree(files);
    const inProcess = run(dir, "1");
    const threaded = run(dir, "2");
    expect(JSON.parse(inProcess)).toHaveLength(24 * 3);
    expect(threaded).toBe(inProcess);
  }, 60_000);

  it("start when node is given V8 flags, which Node refuses in a worker's options", () => {
    const dir = makeTree({ "launch.py": `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n` });
    const plain = run(dir, "1");
    expect(JSON.parse(plain)).not.toHaveLength(0);
    expect(run(dir, "1", ["--max-old-space-size=512", "--stack-size=900"])).toBe(plain);
  }, 60_000);
});
