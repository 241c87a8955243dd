// --fix, --unsafe-fixes, --diff, --stdin-filename: what is written, and what is kept byte for byte.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const envLauncher = (eol: string) =>
  [
    "# launcher",
    "from huggingface_hub import run_uv_job",
    "",
    "run_uv_job(",
    '    "train.py",',
    '    env={"HF_TOKEN": "$HF_TOKEN", "LOG_LEVEL": "info"},  # keep this comment',
    ")",
    "",
  ].join(eol);

describe("hf-jobs-lint check --fix", () => {
  it("applies safe fixes, keeps CRLF, BOM, mode and untouched bytes, and is idempotent", async () => {
    const original = `\ufeff${envLauncher("\r\n")}`;
    const dir = makeTree({ "launch.py": original });
    const file = path.join(dir, "launch.py");
    fs.chmodSync(file, 0o751);
    const first = await runCli(["check", "--fix", "--output-format", "concise", "launch.py"], { cwd: dir });
    const fixed = fs.readFileSync(file, "utf8");
    expect(fixed).not.toBe(original);
    expect(fixed.startsWith("\ufeff# launcher\r\n")).toBe(true);
    expect(fixed.replace(/\r\n/g, "")).not.toContain("\n");
    expect(fixed).toContain("# keep this comment");
    expect(fixed).toContain('"LOG_LEVEL": "info"');
    expect(fixed).toMatch(/secrets=\{"HF_TOKEN": /);
    expect(fs.statSync(file).mode & 0o777).toBe(0o751);
    expect(first.stdout).not.toMatch(/HFJ201/);
    const second = await runCli(["check", "--fix", "--output-format", "concise", "launch.py"], { cwd: dir });
    expect(fs.readFileSync(file, "utf8")).toBe(fixed);
    expect(first.stdout).toMatch(/\(\d+ fixed, 0 remaining\)/);
    expect(second.stdout).toBe("All checks passed!\n");
    expect(fs.readdirSync(dir)).toEqual(["launch.py"]);
  });

  it("re-checks a launcher when --fix changed the script it names, so one run is enough", async () => {
    const dir = makeTree({
      ".git/HEAD": "ref: refs/heads/main\n",
      "launch.py": 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("publish.py", secrets={"HF_API_TOKEN": get_token()})\n',
      "publish.py":
        'import os\n\nfrom huggingface_hub import HfApi\n\napi = HfApi(token=os.environ["HF_API_TOKEN"])\napi.upload_folder(folder_path="site", repo_id="org/docs", repo_type="space")\n',
    });
    // HFJ204 waits while publish.py reads HF_API_TOKEN; HFJ303's fix makes it read HF_TOKEN, and then the
    // launcher's secret can be renamed in the same run.
    const first = await runCli(["check", "--fix", "--unsafe-fixes", "--select", "HFJ204,HFJ303", "."], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, "launch.py"), "utf8")).toContain('secrets={"HF_TOKEN": get_token()}');
    expect(fs.readFileSync(path.join(dir, "publish.py"), "utf8")).toContain('os.environ["HF_TOKEN"]');
    expect(first.stdout).toMatch(/\(2 fixed, 0 remaining\)/);
    const second = await runCli(["check", "--fix", "--unsafe-fixes", "--select", "HFJ204,HFJ303", "."], { cwd: dir });
    expect(second.stdout).toBe("All checks passed!\n");
  });

  it("re-checks a TS launcher too when --fix changed the script it names", async () => {
    const dir = makeTree({
      ".git/HEAD": "ref: refs/heads/main\n",
      "launch.ts":
        'await hf_jobs("uv", {\n  script: "publish.py",\n  secrets: { HF_API_TOKEN: "$HF_TOKEN" },\n});\n\ndeclare function hf_jobs(kind: string, args: Record<string, unknown>): Promise<unknown>;\n',
      "publish.py":
        'import os\n\nfrom huggingface_hub import HfApi\n\napi = HfApi(token=os.environ["HF_API_TOKEN"])\napi.upload_folder(folder_path="site", repo_id="org/docs", repo_type="space")\n',
    });
    const first = await runCli(["check", "--fix", "--unsafe-fixes", "--select", "HFJ204,HFJ303", "."], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, "publish.py"), "utf8")).toContain('os.environ["HF_TOKEN"]');
    expect(fs.readFileSync(path.join(dir, "launch.ts"), "utf8")).toContain('secrets: { HF_TOKEN: "$HF_TOKEN" }');
    expect(first.stdout).toMatch(/\(2 fixed, 0 remaining\)/);
  });

  it("--diff prints a unified diff, writes nothing, and exits 1", async () => {
    const dir = makeTree({ "launch.py": envLauncher("\n") });
    const result = await runCli(["check", "--diff", "launch.py"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^--- a\/launch\.py/m);
    expect(result.stdout).toMatch(/^\+\+\+ b\/launch\.py/m);
    expect(result.stdout).toMatch(/^-.*env=\{"HF_TOKEN"/m);
    expect(fs.readFileSync(path.join(dir, "launch.py"), "utf8")).toBe(envLauncher("\n"));
  });

  it("unsafe fixes need --unsafe-fixes, and --diff never shows a token whole, not even in removed lines", async () => {
    const source = `from huggingface_hub import HfApi\napi = HfApi(token="${FAKE_TOKEN}")\n`;
    const dir = makeTree({ "up.py": source });
    const safeOnly = await runCli(["check", "--diff", "up.py"], { cwd: dir });
    expect(safeOnly.stdout).toBe("");
    const unsafe = await runCli(["check", "--diff", "--unsafe-fixes", "up.py"], { cwd: dir });
    expect(unsafe.stdout).toMatch(/^-api = HfApi\(token="hf_FA…"\)/m);
    expect(unsafe.stdout + unsafe.stderr).not.toContain(FAKE_TOKEN);
    expect(fs.readFileSync(path.join(dir, "up.py"), "utf8")).toBe(source);
  });

  it("reads stdin with --stdin-filename and prints the fixed source", async () => {
    const dir = makeTree({});
    const result = await runCli(["check", "--fix", "--stdin-filename", "launch.py"], { cwd: dir, stdin: envLauncher("\n") });
    expect(result.stdout).toMatch(/secrets=\{"HF_TOKEN": /);
    expect(result.stdout).toContain("# keep this comment");
    const report = await runCli(["check", "--stdin-filename", "launch.py", "--output-format", "concise"], { cwd: dir, stdin: envLauncher("\n") });
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(/^launch\.py:6:\d+: HFJ201/m);
  });
});
