// --threads: the built CLI gives the same output from worker threads as in-process. Workers only start for large
// trees, so the test lowers the per-worker threshold through the environment.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees } from "./helpers/run-cli.js";

afterEach(removeTrees);

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");

/** The built CLI's JSON. `perWorker`: files needing an analyzer per worker (1: a worker per lane from the first file). */
function run(cwd: string, threads: string, nodeFlags: string[] = [], perWorker = "1"): string {
  return execFileSync(process.execPath, [...nodeFlags, bin, "check", ".", "--output-format", "json", "--exit-zero", "--threads", threads], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, HF_JOBS_LINT_MIN_FILES_PER_WORKER: perWorker },
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

  // Trees of 200 files or more start their first worker while the job-script scan runs. A small run has one
  // worker for every lane; a larger one a worker per lane, whose TS/JS worker takes Python files when it has none
  // of its own. None of it may change what is reported, nor keep the process alive.
  it("report the same with one worker for all, a worker per lane, workers started ahead and TS/JS workers taking other files", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      files[`web/launch_${i}.ts`] =
        `import { runJob } from "@huggingface/hub";\n\nawait runJob({\n  namespace: "org",\n  accessToken: "hf_YOUR_TOKEN",\n  dockerImage: "python:3.12",\n  command: ["python", "-c", "print(1)"],\n});\n`;
      files[`py/launch_${i}.py`] = `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`;
    }
    const dir = makeTree(files);
    const one = run(dir, "1");
    expect(new Set(JSON.parse(one).map((finding: { code: string }) => finding.code))).toEqual(new Set(["HFJ101", "HFJ102", "HFJ201"]));
    expect(run(dir, "2")).toBe(one);
    // The default: 240 files to analyse are far from the 2,000 a second worker waits for.
    expect(run(dir, "2", [], "")).toBe(one);
  }, 120_000);

  it("finish when the worker started ahead is never given a file, or is given the only one", () => {
    // TS files the prefilter rules out: the worker loads ESLint and the grammar, and is then stopped unused.
    const files: Record<string, string> = {};
    for (let i = 0; i < 220; i++) files[`web/util_${i}.ts`] = `export const answer${i} = ${i};\n`;
    const dir = makeTree(files);
    expect(JSON.parse(run(dir, "2", [], ""))).toEqual([]);
    fs.writeFileSync(path.join(dir, "launch.py"), `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`);
    const output = JSON.parse(run(dir, "2", [], "")) as { code: string }[];
    expect(output.map((finding) => finding.code)).toContain("HFJ201");
  }, 60_000);

  it("start when node is given V8 flags, which Node refuses in a worker's options", () => {
    const dir = makeTree({ "launch.py": `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n` });
    const plain = run(dir, "1");
    expect(JSON.parse(plain)).not.toHaveLength(0);
    expect(run(dir, "1", ["--max-old-space-size=512", "--stack-size=900"])).toBe(plain);
  }, 60_000);
});
