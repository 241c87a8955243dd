// Ruff's flags that CI scripts copy (issue 13, items 2 and 3), each run as a user would: the CLI in-process on
// a throwaway tree, its exit status, its streams and what it wrote.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, type Io } from "hf-jobs-lint";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const LEAK = `token = "${FAKE_TOKEN}"\n`;
const ENV_LAUNCH = `import os\n\nfrom huggingface_hub import run_uv_job\n\nrun_uv_job("x.py", env={"HF_TOKEN": os.environ["HF_TOKEN"]})\n`;

const codesIn = (stdout: string): string[] => (JSON.parse(stdout) as { filename: string; code: string | null }[]).map((d) => `${d.filename} ${d.code}`).sort();

describe("nothing to check", () => {
  it("an empty folder is not 'All checks passed!': a warning, exit 0 as Ruff", async () => {
    const dir = makeTree({ "notes.csv": "a,b\n" });
    const result = await runCli(["check", "."], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("All checks passed!");
    expect(result.stderr).toContain("warning: No files found under the given path(s)");
  });

  it("a folder with a clean file still passes", async () => {
    const dir = makeTree({ "clean.py": "print('hi')\n" });
    const result = await runCli(["check", "."], { cwd: dir });
    expect(result.stdout).toBe("All checks passed!\n");
    expect(result.stderr).toBe("");
  });
});

describe("file selection flags", () => {
  const tree = () => makeTree({ "hf-jobs-lint.toml": `exclude = ["gen"]\n`, "gen/g.py": LEAK, "vendor/v.py": LEAK, "src/a.py": LEAK, "tests/t.py": LEAK });

  it("--exclude replaces the configuration's exclude, --extend-exclude adds to it", async () => {
    const dir = tree();
    expect(codesIn((await runCli(["check", ".", "--output-format", "json"], { cwd: dir })).stdout)).toEqual(["src/a.py HFJ101", "tests/t.py HFJ101", "vendor/v.py HFJ101"]);
    expect(codesIn((await runCli(["check", ".", "--output-format", "json", "--exclude", "vendor"], { cwd: dir })).stdout)).toEqual([
      "gen/g.py HFJ101",
      "src/a.py HFJ101",
      "tests/t.py HFJ101",
    ]);
    expect(codesIn((await runCli(["check", ".", "--output-format", "json", "--extend-exclude", "vendor,tests"], { cwd: dir })).stdout)).toEqual(["src/a.py HFJ101"]);
  });

  it("respect-gitignore from the configuration, and either flag over it", async () => {
    const dir = makeTree({ ".git/HEAD": "", ".gitignore": "ignored/\n", "ignored/a.py": LEAK });
    const json = async (args: string[]) => codesIn((await runCli(["check", ".", "--output-format", "json", ...args], { cwd: dir })).stdout);
    expect(await json([])).toEqual([]);
    expect(await json(["--no-respect-gitignore"])).toEqual(["ignored/a.py HFJ101"]);
    fs.writeFileSync(path.join(dir, "hf-jobs-lint.toml"), "respect-gitignore = false\n");
    expect(await json([])).toEqual(["ignored/a.py HFJ101"]);
    expect(await json(["--respect-gitignore"])).toEqual([]);
  });

  it("--show-files lists the files that would be checked, absolute and sorted", async () => {
    const dir = tree();
    const result = await runCli(["check", ".", "--show-files"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([path.join(dir, "src/a.py"), path.join(dir, "tests/t.py"), path.join(dir, "vendor/v.py")]);
  });

  it("--per-file-ignores pairs, negated patterns, and --extend-ignore", async () => {
    const dir = tree();
    const ignored = await runCli(["check", ".", "--output-format", "json", "--per-file-ignores", "tests/*:HFJ101,vendor/*:HFJ101"], { cwd: dir });
    expect(codesIn(ignored.stdout)).toEqual(["src/a.py HFJ101"]);
    // `!src/*`: HFJ101 is ignored everywhere except in src/.
    const negated = await runCli(["check", ".", "--output-format", "json", "--per-file-ignores", "!src/*:HFJ101"], { cwd: dir });
    expect(codesIn(negated.stdout)).toEqual(["src/a.py HFJ101"]);
    const extendIgnore = await runCli(["check", ".", "--output-format", "json", "--extend-ignore", "HFJ101"], { cwd: dir });
    expect(codesIn(extendIgnore.stdout)).toEqual([]);
    const bad = await runCli(["check", ".", "--per-file-ignores", "HFJ101"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected `pattern:CODE`/);
  });

  it("negated per-file-ignores in a configuration file work too", async () => {
    const dir = makeTree({ "hf-jobs-lint.toml": `[per-file-ignores]\n"!launchers/**" = ["HFJ201"]\n`, "launchers/l.py": ENV_LAUNCH, "scripts/s.py": ENV_LAUNCH });
    const result = await runCli(["check", ".", "--output-format", "json"], { cwd: dir });
    expect(codesIn(result.stdout)).toEqual(["launchers/l.py HFJ201"]);
  });
});

describe("fix flags", () => {
  it("--fix-only reports what it fixed and exits 0; --exit-non-zero-on-fix makes a fix exit 1", async () => {
    const dir = makeTree({ "launch.py": ENV_LAUNCH, "leak.py": LEAK });
    const result = await runCli(["check", ".", "--fix-only"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Fixed 1 error.\n");
    expect(fs.readFileSync(path.join(dir, "launch.py"), "utf8")).toContain('secrets={"HF_TOKEN": os.environ["HF_TOKEN"]}');
    fs.writeFileSync(path.join(dir, "launch.py"), ENV_LAUNCH);
    const strict = await runCli(["check", "launch.py", "--fix", "--exit-non-zero-on-fix"], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("1 fixed, 0 remaining");
    const nothing = await runCli(["check", "launch.py", "--fix", "--exit-non-zero-on-fix"], { cwd: dir });
    expect(nothing.code).toBe(0);
  });

  it("--add-noqa adds directives Ruff's way, after which the check passes; never inside a multi-line string", async () => {
    const text = `import os\n\ntoken = "${FAKE_TOKEN}"\nother = "${FAKE_TOKEN}"  # noqa: E501\ndoc = """\n${FAKE_TOKEN}\n"""\n`;
    // huggingface_hub 0.36 passes everything after the script to the job: `--flavor` there is HFJ207.
    const dir = makeTree({ "a.py": text.replace(/\n/g, "\r\n"), "run.sh": `hf jobs uv run train.py --flavor a10g-small\n`, "requirements.txt": "huggingface_hub==0.36.2\n" });
    const result = await runCli(["check", ".", "--add-noqa"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Added 3 noqa directives.");
    expect(result.stderr).toMatch(/note: 1 finding got no directive/);
    const fixed = fs.readFileSync(path.join(dir, "a.py"), "utf8");
    expect(fixed).toContain(`token = "${FAKE_TOKEN}"  # noqa: HFJ101\r\n`);
    expect(fixed).toContain(`other = "${FAKE_TOKEN}"  # noqa: E501, HFJ101\r\n`);
    expect(fixed).toContain(`\r\n${FAKE_TOKEN}\r\n"""`);
    expect(fs.readFileSync(path.join(dir, "run.sh"), "utf8")).toBe(`hf jobs uv run train.py --flavor a10g-small  # noqa: HFJ207\n`);
    const again = await runCli(["check", ".", "--output-format", "concise"], { cwd: dir });
    expect(again.stdout.split("\n").filter((line) => line.includes(": HFJ"))).toEqual([expect.stringMatching(/^a\.py:6:1: HFJ101/)]);
  });
});

describe("noqa hygiene", () => {
  it("warns about unknown HFJ codes, leaves other linters' codes alone", async () => {
    const dir = makeTree({ "a.py": `x = 1  # noqa: HFJ999, E501\n` });
    const result = await runCli(["check", "."], { cwd: dir });
    expect(result.stderr).toContain("warning: a.py: line 1: `# noqa` names an unknown rule `HFJ999`");
    expect(result.stderr).not.toContain("E501");
  });

  it("a file-level `# hf-jobs-lint: noqa` turns rules off for the file", async () => {
    const dir = makeTree({ "all.py": `# hf-jobs-lint: noqa\n${LEAK}`, "some.py": `# hf-jobs-lint: noqa: HFJ201\n${LEAK}`, "doc.md": `<!-- hf-jobs-lint: noqa -->\n\n${LEAK}` });
    const result = await runCli(["check", ".", "--output-format", "json"], { cwd: dir });
    expect(codesIn(result.stdout)).toEqual(["some.py HFJ101"]);
  });
});

describe("output flags", () => {
  it("--output-file writes the report there and nothing to stdout", async () => {
    const dir = makeTree({ "leak.py": LEAK });
    const result = await runCli(["check", ".", "--output-format", "json", "--output-file", "out/report.json"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(codesIn(fs.readFileSync(path.join(dir, "out/report.json"), "utf8"))).toEqual(["leak.py HFJ101"]);
  });

  it("--silent prints nothing and still exits 1; -q prints findings only; -v says which configuration", async () => {
    const dir = makeTree({ "hf-jobs-lint.toml": "", "leak.py": LEAK });
    const silent = await runCli(["check", ".", "--silent"], { cwd: dir });
    expect(silent).toEqual({ code: 1, stdout: "", stderr: "" });
    const quiet = await runCli(["check", ".", "-q", "--output-format", "concise"], { cwd: dir });
    expect(quiet.stdout).toMatch(/^leak\.py:1:\d+: HFJ101 [^\n]*\n$/);
    const verbose = await runCli(["check", ".", "-v"], { cwd: dir });
    expect(verbose.stderr).toContain(`[hf-jobs-lint] 1 file checked with ${path.join(dir, "hf-jobs-lint.toml")}`);
    expect(verbose.stderr).toMatch(/\[hf-jobs-lint\] Checked 1 file in \d+ ms/);
  });

  it("--statistics marks codes whose findings are partly fixable with [-]", async () => {
    // HFJ101 in Python has an (unsafe) fix, in Markdown prose none.
    const dir = makeTree({ "a.py": LEAK, "b.md": `Use ${FAKE_TOKEN} here.\n`, "c.py": ENV_LAUNCH });
    const result = await runCli(["check", ".", "--statistics", "--unsafe-fixes"], { cwd: dir });
    expect(result.stdout).toMatch(/^2\tHFJ101\t\[-\] no-hardcoded-token$/m);
    expect(result.stdout).toMatch(/^1\tHFJ201\t\[\*\] no-token-in-env$/m);
    const hidden = await runCli(["check", "b.md", "c.py", "--statistics"], { cwd: dir });
    expect(hidden.stdout).toMatch(/^1\tHFJ101\t\[ \] no-hardcoded-token$/m);
  });
});

describe("colours", () => {
  async function run(args: string[], env: Record<string, string | undefined>, tty: boolean): Promise<string> {
    const dir = makeTree({ "leak.py": LEAK });
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    let stdout = "";
    const io: Io = { cwd: dir, stdout: (text) => void (stdout += text), stderr: () => {}, readStdin: async () => "", stderrIsTTY: tty, stdoutIsTTY: tty };
    await runMain(["check", ".", ...args], io);
    return stdout;
  }
  const ESC = "\u001b[";

  it("colours a terminal, never a pipe, and follows NO_COLOR, FORCE_COLOR and --color", async () => {
    expect(await run([], { NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: "xterm" }, true)).toContain(ESC);
    expect(await run([], { NO_COLOR: undefined, FORCE_COLOR: undefined }, false)).not.toContain(ESC);
    expect(await run([], { NO_COLOR: "1", FORCE_COLOR: undefined, TERM: "xterm" }, true)).not.toContain(ESC);
    expect(await run([], { NO_COLOR: undefined, FORCE_COLOR: "1" }, false)).toContain(ESC);
    expect(await run(["--color", "never"], { FORCE_COLOR: "1" }, true)).not.toContain(ESC);
    expect(await run(["--color", "always"], { NO_COLOR: "1" }, false)).toContain(ESC);
    // Machine-read formats stay plain.
    expect(await run(["--output-format", "json", "--color", "always"], {}, true)).not.toContain(ESC);
    // The token stays redacted in colour too.
    expect(await run(["--color", "always"], {}, true)).not.toContain(FAKE_TOKEN);
  });
});

describe("--watch", () => {
  it("checks, then checks again when a file changes, until stopped", async () => {
    const dir = makeTree({ "a.py": "print('clean')\n" });
    const controller = new AbortController();
    let stdout = "";
    let stderr = "";
    const io: Io = {
      cwd: dir,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readStdin: async () => "",
      stderrIsTTY: false,
      signal: controller.signal,
    };
    const done = runMain(["check", ".", "--watch", "--output-format", "concise"], io);
    const waitFor = async (predicate: () => boolean, what: string) => {
      for (let i = 0; i < 200 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(predicate(), what).toBe(true);
    };
    await waitFor(() => /Found 0 errors\. Watching for file changes\./.test(stderr), "the first run");
    fs.writeFileSync(path.join(dir, "a.py"), LEAK);
    await waitFor(() => /Found 1 error\. Watching for file changes\./.test(stderr), "a run after the change");
    expect(stdout).toMatch(/a\.py:1:\d+: HFJ101/);
    expect(stderr).toContain("File change detected...");
    controller.abort();
    expect(await done).toBe(0);
  }, 30_000);

  it("refuses stdin", async () => {
    const result = await runCli(["check", "-", "--watch"], { cwd: makeTree({}) });
    expect(result.code).toBe(2);
  });
});
