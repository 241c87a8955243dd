// Roles with evidence: the script rules (HFJ301, the script sides of HFJ103/HFJ104) run only on files the repository
// says are job scripts, and each finding names that evidence (`note:` in full output, SARIF relatedLocations).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterAll(removeTrees);

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");

/** A Hub write after the work, no check, no PEP 723 header: a job script only if something names it. */
const PUSHES = `from huggingface_hub import HfApi\n\n\ndef main():\n    api = HfApi()\n    api.upload_folder(folder_path="out", repo_id="my-org/model")\n\n\nmain()\n`;

async function findings(files: Record<string, string>, extra: string[] = []): Promise<string[]> {
  const cwd = makeTree(files);
  const result = await runCli(["check", ".", "--select", "HFJ301", "--output-format", "json", "--threads", "1", ...extra], { cwd });
  return (JSON.parse(result.stdout) as { code: string; filename: string }[]).map((d) => d.filename.split(/[\\/]/).slice(-2).join("/")).sort();
}

describe("job scripts by evidence", () => {
  it("a file nothing names is not judged (library modules, laptop tools)", async () => {
    expect(await findings({ "pkg/uploader.py": PUSHES, "README.md": "# A library\n\n```bash\nuv run pkg/uploader.py\n```\n" })).toEqual([]);
  });

  it.each([
    ["a shell launch", { "launch.sh": "#!/bin/sh\nhf jobs uv run --secrets HF_TOKEN jobs/push.py\n" }],
    ["a doc's session", { "docs/guide.md": "Run it:\n\n```bash\n>>> hf jobs uv run \\\n...     --flavor a10g-small \\\n...     jobs/push.py\n```\n" }],
    ["the Python API", { "submit.py": 'from huggingface_hub import run_uv_job\n\nrun_uv_job("jobs/push.py", secrets={"HF_TOKEN": "$HF_TOKEN"})\n' }],
    [
      "a CI step",
      { ".github/workflows/train.yml": "on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: hf jobs uv run --secrets HF_TOKEN jobs/push.py\n" },
    ],
    ["a Hub URL of the file", { "docs/run.md": "`hf jobs uv run https://huggingface.co/datasets/my-org/scripts/resolve/main/jobs/push.py`\n" }],
    ["a job-scripts glob", { "hf-jobs-lint.toml": 'job-scripts = ["jobs/*.py"]\n' }],
  ])("named by %s, it is judged", async (_label, launcher) => {
    expect(await findings({ "jobs/push.py": PUSHES, ...launcher })).toEqual(["jobs/push.py"]);
  });

  it("its own usage text running it with hf jobs is evidence", async () => {
    const text = `"""Push the results.\n\nUsage:\n    hf jobs uv run --secrets HF_TOKEN push.py\n"""\n${PUSHES}`;
    expect(await findings({ "jobs/push.py": text })).toEqual(["jobs/push.py"]);
  });

  it("a Hub URL of a bare file name names the only file of that name, and a partial name none", async () => {
    const url = (name: string) => ({ "docs/run.md": `\`hf jobs uv run https://huggingface.co/datasets/my-org/scripts/resolve/main/${name}\`\n` });
    expect(await findings({ "jobs/push.py": PUSHES, ...url("push.py") })).toEqual(["jobs/push.py"]);
    expect(await findings({ "jobs/push.py": PUSHES, "other/push.py": PUSHES, ...url("push.py") })).toEqual([]);
    expect(await findings({ "jobs/push.py": PUSHES, ...url("ush.py") })).toEqual([]);
    expect(await findings({ "jobs/push.py": PUSHES, ...url("obs/push.py") })).toEqual([]);
  });

  it("a launch of a file of the same name elsewhere is not evidence for this one", async () => {
    expect(await findings({ "jobs/push.py": PUSHES, "other/launch.sh": "hf jobs uv run push.py\n" })).toEqual([]);
  });

  it("the evidence is shown: a note in full output, a related location in SARIF", async () => {
    const cwd = makeTree({ "jobs/push.py": PUSHES, "launch.sh": "#!/bin/sh\nhf jobs uv run --secrets HF_TOKEN jobs/push.py\n" });
    const full = await runCli(["check", ".", "--select", "HFJ301", "--output-format", "full", "--threads", "1"], { cwd });
    expect(full.stdout).toContain("= note: job script: `hf jobs uv run` runs it (launch.sh:2)");
    const sarif = JSON.parse((await runCli(["check", ".", "--select", "HFJ301", "--output-format", "sarif", "--threads", "1"], { cwd })).stdout);
    const [result] = sarif.runs[0].results;
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        message: { text: "job script: `hf jobs uv run` runs it" },
        physicalLocation: { artifactLocation: { uri: "launch.sh", uriBaseId: "%SRCROOT%" }, region: { startLine: 2 } },
      },
    ]);
  });

  it("the evidence survives worker threads (the built CLI)", () => {
    const cwd = makeTree({ "jobs/push.py": PUSHES, "launch.sh": "hf jobs uv run jobs/push.py\n", "other.py": "print(1)\n" });
    const out = execFileSync(process.execPath, [bin, "check", ".", "--select", "HFJ301", "--output-format", "json", "--exit-zero", "--threads", "2"], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, HF_JOBS_LINT_MIN_FILES_PER_WORKER: "1" },
    });
    expect((JSON.parse(out) as { filename: string }[]).map((d) => d.filename)).toEqual(["jobs/push.py"]);
  });
});

describe("hf-jobs-lint scope shows the evidence", () => {
  it("a launch elsewhere in the repository, or nothing", async () => {
    const cwd = makeTree({ ".git/HEAD": "ref: refs/heads/main\n", "jobs/push.py": PUSHES, "launch.sh": "hf jobs uv run jobs/push.py\n", "pkg/lib.py": PUSHES });
    const named = await runCli(["scope", "jobs/push.py"], { cwd });
    expect(named.stdout).toContain("  job script: `hf jobs uv run` runs it (launch.sh:1)\n");
    expect(named.stdout).toContain("(HFJ301)");
    const unnamed = await runCli(["scope", "pkg/lib.py"], { cwd });
    expect(unnamed.stdout).toContain("not a job script");
    expect(unnamed.stdout).not.toContain("(HFJ301)");
    const json = JSON.parse((await runCli(["scope", "jobs/push.py", "--output-format", "json"], { cwd })).stdout);
    expect(json.jobScript).toEqual({ message: "job script: `hf jobs uv run` runs it", filename: "launch.sh", row: 1 });
  });
});
