// `hf-jobs-lint migrate`: the one-shot migration over every surface, its summary, --dry-run and --only.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

function repository(): Record<string, string> {
  return {
    ".git/HEAD": "ref: refs/heads/main\n",
    "launch.py": [
      "from huggingface_hub import run_uv_job",
      "",
      `run_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}", "MODE": "fast"})`,
      'run_uv_job("missing/eval.py", secrets={"HF_TOKEN": "$HF_TOKEN"})',
      "",
    ].join("\n"),
    "train.py": "from huggingface_hub import HfApi\n\nHfApi().upload_folder(folder_path='out', repo_id='org/model')\n",
    "run.sh": "hf jobs uv run train.py --flavor a10g-small -e HF_TOKEN\n",
    "docs/guide.md": '```python\nhf_jobs("uv", {"script": "train.py", "dependencies": ["torch"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n```\n',
  };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ["launch.py", "train.py", "run.sh", "docs/guide.md"]) files[name] = fs.readFileSync(path.join(dir, name), "utf8");
  return files;
}

describe("hf-jobs-lint migrate", () => {
  it("--dry-run prints the diff and the summary, and changes nothing", async () => {
    const dir = makeTree(repository());
    const before = snapshot(dir);
    const result = await runCli(["migrate", "--dry-run", "."], { cwd: dir });
    expect(snapshot(dir)).toEqual(before);
    expect(result.stdout).toMatch(/^\+\+\+ b\/launch\.py/m);
    expect(result.stdout).toMatch(/^\+\+\+ b\/run\.sh/m);
    expect(result.stderr).toMatch(/Migration \(dry run\) over 4 files: 4 would change\./);
    expect(result.stderr).toMatch(/Tokens to revoke \(1\).*\n {2}launch\.py:3: .*hf_FA…/);
    expect(result.stderr).toMatch(/Scripts named by a launch that could not be found \(1\).*\n {2}launch\.py: `missing\/eval\.py`/);
    expect(result.stdout + result.stderr).not.toContain(FAKE_TOKEN);
  });

  it("migrates every surface, reports files per rule, and a second run changes nothing", async () => {
    const dir = makeTree(repository());
    const first = await runCli(["migrate", "."], { cwd: dir });
    const after = snapshot(dir);
    expect(after["launch.py"]).toContain('secrets={"HF_TOKEN": get_token()}');
    expect(after["launch.py"]).toContain('env={"MODE": "fast"}');
    expect(after["launch.py"]).not.toContain(FAKE_TOKEN);
    // `hf jobs` (huggingface_hub >= 1.0) reads the flags after the script: `-e` becomes `-s` where it stands.
    expect(after["run.sh"]).toBe("hf jobs uv run train.py --flavor a10g-small -s HF_TOKEN\n");
    expect(after["docs/guide.md"]).toContain('"with_deps": ["torch"]');
    expect(first.stderr).toMatch(/Files changed per rule:/);
    expect(first.stderr).toMatch(/HFJ201 no-token-in-env: \d+ files?/);
    expect(first.stderr).not.toMatch(/HFJ207/);
    const second = await runCli(["migrate", "."], { cwd: dir });
    expect(snapshot(dir)).toEqual(after);
    expect(second.stderr).toMatch(/: 0 changed\./);
  });

  it("--only runs the named codemods and rejects unknown names", async () => {
    const dir = makeTree(repository());
    await runCli(["migrate", "--only", "with-deps", "."], { cwd: dir });
    const after = snapshot(dir);
    expect(after["docs/guide.md"]).toContain('"with_deps"');
    expect(after["run.sh"]).toBe(repository()["run.sh"]);
    expect(after["launch.py"]).toBe(repository()["launch.py"]);
    const unknown = await runCli(["migrate", "--only", "frobnicate", "."], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown codemod `frobnicate`/);
  });
});
