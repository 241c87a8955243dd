// The CLI on bad input: a clear per-file error, and the run goes on.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, fakeTokens, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const leaky = `token = "${FAKE_TOKEN}"\n`;
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");

describe("hf-jobs-lint check on bad input", () => {
  it("reports binary, invalid UTF-8 and huge files per file and still checks the rest", async () => {
    const dir = makeTree({
      "binary.py": Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]),
      "latin1.py": Buffer.from("x = 'caf\xe9'\n", "latin1"),
      "huge.py": Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
      "empty.py": "",
      "leak.py": leaky,
    });
    const result = await runCli(["check", ".", "--output-format", "concise"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("binary.py");
    expect(result.stdout).toMatch(/binary\.py.*binary file/);
    expect(result.stdout).toMatch(/latin1\.py.*not valid UTF-8/);
    expect(result.stdout).toMatch(/huge\.py.*file too large/);
    expect(result.stdout).not.toMatch(/empty\.py/);
    expect(result.stdout).toMatch(/leak\.py:1:\d+: HFJ101/);
    expect(result.stdout).not.toContain(FAKE_TOKEN);
  });

  it("reports a symlink loop and goes on", async () => {
    const dir = makeTree({ "pkg/leak.py": leaky });
    fs.symlinkSync(dir, path.join(dir, "pkg", "loop"));
    const result = await runCli(["check", ".", "--output-format", "concise"], { cwd: dir });
    expect(result.stdout).toMatch(/pkg\/loop.*symlink loop/);
    expect(result.stdout).toMatch(/pkg\/leak\.py:1:\d+: HFJ101/);
  });

  it("survives syntax errors and deep nesting", async () => {
    const deep = `x = ${"[".repeat(3000)}${"]".repeat(3000)}\n${leaky}`;
    const dir = makeTree({ "broken.py": `def f(:\n    pass\n${leaky}`, "deep.py": deep });
    const result = await runCli(["check", ".", "--output-format", "json"], { cwd: dir });
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { filename: string; code: string }[];
    expect(findings.map((f) => `${f.filename}:${f.code}`).sort()).toEqual(["broken.py:HFJ101", "deep.py:HFJ101"]);
  });

  it("a NUL byte anywhere, invalid YAML and over-deep nesting are per-file errors; tokens in them are still reported", async () => {
    const dir = makeTree({
      "late-nul.py": Buffer.concat([Buffer.from(`x = 1\n`.repeat(2000)), Buffer.from([0]), Buffer.from(leaky)]),
      ".github/workflows/broken.yml": `on: push\njobs:\n  launch: [\n    steps: { run: hf jobs uv run -e HF_TOKEN train.py\n# ${FAKE_TOKEN}\n`,
      "deep.ts": `const token = "${FAKE_TOKEN}";\nconst x = ${"[".repeat(10000)}${"]".repeat(10000)};\n`,
      "broken.ts": `const x = {; "${FAKE_TOKEN}"\n`,
      "leak.py": leaky,
    });
    const result = await runCli(["check", ".", "--output-format", "concise"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/late-nul\.py: error: binary file \(contains NUL bytes\), skipped/);
    expect(result.stdout).toMatch(/\.github\/workflows\/broken\.yml: error: cannot parse: invalid YAML at \d+:\d+: /);
    expect(result.stdout).toMatch(/\.github\/workflows\/broken\.yml:5:3: HFJ101/);
    expect(result.stdout).toMatch(/deep\.ts: error: cannot parse: nested too deeply: Maximum call stack size exceeded/);
    expect(result.stdout).toMatch(/deep\.ts:1:\d+: HFJ101/);
    expect(result.stdout).toMatch(/broken\.ts: error: cannot parse: syntax error at 1:11/);
    expect(result.stdout).toMatch(/broken\.ts:1:\d+: HFJ101/);
    expect(result.stdout).toMatch(/leak\.py:1:\d+: HFJ101/);
    expect(result.stdout).not.toMatch(/undefined|NaN/);
  });

  it("exits 2 with a clear message on usage and configuration errors", async () => {
    const dir = makeTree({ "a.py": "", "bad/hf-jobs-lint.toml": "selct = []\n" });
    const unknownFlag = await runCli(["check", "--frobnicate"], { cwd: dir });
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/unknown option '--frobnicate'/);
    const unknownRule = await runCli(["check", "--select", "HFJ999"], { cwd: dir });
    expect(unknownRule).toMatchObject({ code: 2 });
    expect(unknownRule.stderr).toMatch(/unknown rule `HFJ999`/);
    const badConfig = await runCli(["check", "."], { cwd: path.join(dir, "bad") });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/unknown option `selct`/);
    const badFormat = await runCli(["check", "--output-format", "xml"], { cwd: dir });
    expect(badFormat.code).toBe(2);
    expect((await runCli([], { cwd: dir })).code).toBe(2);
  });

  it("exits 0 on a clean tree and with --exit-zero", async () => {
    const dir = makeTree({ "ok.py": "print('hello')\n", "leak.py": leaky });
    expect((await runCli(["check", "ok.py"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["check", "--exit-zero", "."], { cwd: dir })).code).toBe(0);
  });

  it("stops quietly with status 0 when the reader of its output goes away (`check | head`)", async () => {
    // 20,000 findings: far more than a pipe holds, so the CLI is still writing when the reader has left.
    const dir = makeTree({
      "many.sh": fakeTokens(20_000)
        .map((token) => `echo ${token}\n`)
        .join(""),
    });
    const child = spawn(process.execPath, [bin, "check", ".", "--output-format", "concise"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});
