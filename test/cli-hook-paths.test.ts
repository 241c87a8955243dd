// How `check` treats the file list a pre-commit hook passes: every staged file, of any type, excluded or not.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const leakyLauncher = `from huggingface_hub import run_uv_job\n\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`;

describe("check on the files a hook names", () => {
  it("skips a named file of a type it does not check, with no error and exit 0", async () => {
    const dir = makeTree({ "notes.txt": "hello\n", "data.csv": "a,b\n", "logo.svg": "<svg/>\n", "clean.py": "print('ok')\n" });
    const result = await runCli(["check", "--output-format", "concise", "notes.txt", "data.csv", "logo.svg", "clean.py"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it("still reports what the supported files among them hold", async () => {
    const dir = makeTree({ "notes.txt": "hello\n", "launch.py": leakyLauncher });
    const result = await runCli(["check", "--output-format", "concise", "notes.txt", "launch.py"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^launch\.py:3:\d+: HFJ101 /m);
    expect(result.stdout).not.toContain("notes.txt");
    expect(result.stdout + result.stderr).not.toContain(FAKE_TOKEN);
  });

  it("checks an excluded file named explicitly, unless --force-exclude", async () => {
    const dir = makeTree({
      "pyproject.toml": '[tool.hf-jobs-lint]\nexclude = ["vendor"]\n',
      "vendor/launch.py": leakyLauncher,
      "src/launch.py": leakyLauncher,
    });
    const named = await runCli(["check", "--output-format", "concise", "vendor/launch.py", "src/launch.py"], { cwd: dir });
    expect(named.stdout).toMatch(/^vendor\/launch\.py:/m);
    expect(named.stdout).toMatch(/^src\/launch\.py:/m);

    const forced = await runCli(["check", "--force-exclude", "--output-format", "concise", "vendor/launch.py", "src/launch.py"], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(forced.stdout).not.toContain("vendor/");
    expect(forced.stdout).toMatch(/^src\/launch\.py:/m);

    const onlyExcluded = await runCli(["check", "--force-exclude", "--output-format", "concise", "vendor/launch.py"], { cwd: dir });
    expect(onlyExcluded.code).toBe(0);
    // As Ruff: a warning that nothing was left to check, exit 0.
    expect(onlyExcluded.stderr).toBe("warning: No files found under the given path(s)\n");
  });

  it("--force-exclude with --fix leaves an excluded file as it was", async () => {
    const dir = makeTree({ "hf-jobs-lint.toml": 'exclude = ["generated/"]\n', "generated/launch.py": leakyLauncher });
    const result = await runCli(["check", "--fix", "--unsafe-fixes", "--force-exclude", "generated/launch.py"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "generated", "launch.py"), "utf8")).toBe(leakyLauncher);
  });
});
