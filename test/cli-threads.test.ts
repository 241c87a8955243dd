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

  // Trees of 200 files or more start a worker per lane while the job-script scan runs, and a TS/JS worker with
  // nothing of its own takes Python files: neither may change what is reported, nor keep the process alive.
  it("report the same with workers started ahead and TS/JS workers taking other files", () => {
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
  }, 120_000);

  it("finish when a worker started ahead is never given a file", () => {
    const files: Record<string, string> = { "launch.py": `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n` };
    // TS files the prefilter rules out: the TS/JS worker loads ESLint and is then stopped unused.
    for (let i = 0; i < 220; i++) files[`web/util_${i}.ts`] = `export const answer${i} = ${i};\n`;
    const dir = makeTree(files);
    const output = JSON.parse(run(dir, "2")) as { code: string }[];
    expect(output.map((finding) => finding.code)).toContain("HFJ201");
  }, 60_000);

  it("start when node is given V8 flags, which Node refuses in a worker's options", () => {
    const dir = makeTree({ "launch.py": `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n` });
    const plain = run(dir, "1");
    expect(JSON.parse(plain)).not.toHaveLength(0);
    expect(run(dir, "1", ["--max-old-space-size=512", "--stack-size=900"])).toBe(plain);
  }, 60_000);
});
