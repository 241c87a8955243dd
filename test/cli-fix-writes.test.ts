// Where `check --fix` writes: never outside the paths it was given (symlinks resolved), through symlinks, keeping
// hard links and owners; a file it cannot write is a per-file error and its findings are still printed; temporary
// files a killed run left are removed by the next run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");
const FIXABLE = 'from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "$HF_TOKEN"})\n';
const isRoot = process.getuid?.() === 0;

describe("check --fix writes only inside the checked paths", () => {
  it("reports a symlinked folder or file that leads outside, writes nothing there, and still prints its findings", async () => {
    const outside = makeTree({ "vendor/launch.py": FIXABLE, "other.py": FIXABLE });
    const repo = makeTree({ "launch.py": FIXABLE });
    fs.symlinkSync(path.join(outside, "vendor"), path.join(repo, "vendor"));
    fs.symlinkSync(path.join(outside, "other.py"), path.join(repo, "other.py"));
    const result = await runCli(["check", "--fix", ".", "--output-format", "concise"], { cwd: repo });
    expect(fs.readFileSync(path.join(outside, "vendor", "launch.py"), "utf8")).toBe(FIXABLE);
    expect(fs.readFileSync(path.join(outside, "other.py"), "utf8")).toBe(FIXABLE);
    expect(fs.readFileSync(path.join(repo, "launch.py"), "utf8")).not.toBe(FIXABLE);
    expect(result.stdout).toMatch(/vendor\/launch\.py: error: vendor\/launch\.py resolves to .* outside the checked paths; fixes not written/);
    expect(result.stdout).toMatch(/other\.py: error: other\.py resolves to .* outside the checked paths/);
    // What could not be written is still there, and reported.
    expect(result.stdout).toMatch(/vendor\/launch\.py:2:\d+: HFJ201/);
    expect(result.stdout).toMatch(/other\.py:2:\d+: HFJ201/);
    expect(result.stdout).not.toMatch(/^launch\.py:2/m);
    expect(result.code).toBe(1);
  });

  it("writes through a symlink inside the paths and keeps it a link; keeps hard links", async () => {
    const repo = makeTree({ "scripts/launch.py": FIXABLE, "twin.py": FIXABLE });
    fs.symlinkSync("scripts/launch.py", path.join(repo, "launch-link.py"));
    fs.linkSync(path.join(repo, "twin.py"), path.join(repo, "scripts", "twin-hardlink.txt"));
    await runCli(["check", "--fix", "launch-link.py", "twin.py"], { cwd: repo });
    expect(fs.lstatSync(path.join(repo, "launch-link.py")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(repo, "scripts", "launch.py"), "utf8")).toContain("secrets=");
    expect(fs.readFileSync(path.join(repo, "scripts", "twin-hardlink.txt"), "utf8")).toContain("secrets=");
    expect(fs.statSync(path.join(repo, "twin.py")).nlink).toBe(2);
  });

  it.runIf(isRoot)("keeps the owner of a fixed file", async () => {
    const repo = makeTree({ "launch.py": FIXABLE });
    fs.chownSync(path.join(repo, "launch.py"), 4321, 4321);
    await runCli(["check", "--fix", "."], { cwd: repo });
    expect(fs.statSync(path.join(repo, "launch.py"))).toMatchObject({ uid: 4321, gid: 4321 });
    expect(fs.readFileSync(path.join(repo, "launch.py"), "utf8")).toContain("secrets=");
  });

  it("a file in a read-only folder is a per-file error; its findings and the other files' fixes are kept", async () => {
    const repo = makeTree({ "ro/launch.py": FIXABLE, "rw/launch.py": FIXABLE });
    fs.chmodSync(repo, 0o755);
    fs.chmodSync(path.join(repo, "ro"), 0o555);
    fs.chmodSync(path.join(repo, "rw"), 0o777);
    // Another user's file that the running user may write: fixed in place, so it keeps its owner.
    fs.chmodSync(path.join(repo, "rw", "launch.py"), 0o666);
    const owner = fs.statSync(path.join(repo, "rw", "launch.py")).uid;
    let stdout: string;
    let code: number;
    if (isRoot) {
      // Root writes anywhere: run the built CLI as an unprivileged user, for whom the folder is read-only.
      const run = spawnSync(process.execPath, [bin, "check", "--fix", ".", "--output-format", "concise"], { cwd: repo, encoding: "utf8", uid: 65534, gid: 65534 });
      stdout = run.stdout;
      code = run.status!;
    } else {
      ({ stdout, code } = await runCli(["check", "--fix", ".", "--output-format", "concise"], { cwd: repo }));
    }
    fs.chmodSync(path.join(repo, "ro"), 0o755);
    expect(stdout).toMatch(/ro\/launch\.py: error: cannot write fixes: permission denied/);
    expect(stdout).toMatch(/ro\/launch\.py:2:\d+: HFJ201 \[\*\]/);
    expect(stdout).not.toMatch(/rw\/launch\.py:2/);
    expect(fs.readFileSync(path.join(repo, "ro", "launch.py"), "utf8")).toBe(FIXABLE);
    expect(fs.readFileSync(path.join(repo, "rw", "launch.py"), "utf8")).toContain("secrets=");
    expect(fs.statSync(path.join(repo, "rw", "launch.py")).uid).toBe(owner);
    expect(fs.readdirSync(path.join(repo, "rw"))).toEqual(["launch.py"]);
    expect(code).toBe(1);
  });

  it("removes the temporary files a killed run left behind", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const leftover = `.launch.py.${dead}.89abcdef.hfjl.tmp`;
    const repo = makeTree({ "launch.py": FIXABLE, [leftover]: "half a file" });
    await runCli(["check", "--fix", "."], { cwd: repo });
    expect(fs.readdirSync(repo)).toEqual(["launch.py"]);
  });
});
