// The results cache of plain `check` (as Ruff's .ruff_cache): a warm run prints what a cold one prints; an outcome
// is reused only while the file, its settings and every file its analysis read are unchanged; the commands that
// write, read stdin or audit many repositories never touch a cache; `clean` removes it.
//
// vitest.config.ts turns the cache off for every test (HF_JOBS_LINT_NO_CACHE); these turn it on again. To see
// which files a warm run took from the cache, `markCached` rewrites the stored messages: a file checked afresh
// shows its real message, a file taken from the cache the marked one.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { RULES } from "@hf-jobs-lint/core";
import { checkFilesCached, ResultCache, scanScriptReferences, type CheckSettings, type CheckTarget, type FileOutcome } from "@hf-jobs-lint/engine";
import type { FileKind } from "@hf-jobs-lint/core";
import { generateOrganisation, LIST_NAMES } from "./helpers/bulk-repos.js";
import { FAKE_TOKEN, makeTree, PUSH_SCRIPT, removeTrees, runCli } from "./helpers/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const MARK = " [from the cache]";
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string }).version;

const QUIET_SCRIPT = ["# /// script", "# dependencies = []", "# ///", "print(sum(range(10)))", ""].join("\n");

/** Launchers of `scripts/train.py` on three surfaces, none passing a token: HFJ203 when the script needs one. */
const LAUNCHERS = {
  "launch.py": 'from huggingface_hub import run_uv_job as launch\n\nlaunch(\r\n    "scripts/train.py",\r\n    flavor="cpu-upgrade",\r\n)\n',
  "launch.ts":
    'await hf_jobs("uv", {\n  script: "scripts/train.py",\n  flavor: "cpu-upgrade",\n});\n\ndeclare function hf_jobs(kind: string, args: Record<string, unknown>): Promise<unknown>;\n',
  "launch.sh": "#!/usr/bin/env bash\nset -euo pipefail\nhf jobs uv run --flavor cpu-upgrade scripts/train.py\n",
};

const TOKEN_FILE = `import os\n\nos.environ["HF_TOKEN"] = "${FAKE_TOKEN}"\n`;

interface JsonFinding {
  code: string | null;
  filename: string;
  message: string;
}

/** A cache folder that does not exist yet, in a temporary folder of its own. */
function tempCacheDir(): string {
  return path.join(makeTree({}), "cache");
}

beforeEach(() => {
  vi.stubEnv("HF_JOBS_LINT_NO_CACHE", "0");
  // These tests are of the per-file cache: no run is replayed whole from a run record (test/cli-run-record.test.ts).
  vi.stubEnv("HF_JOBS_LINT_RECORD_RACY_MS", "Infinity");
});

afterAll(() => {
  vi.unstubAllEnvs();
  removeTrees();
});

function resultsFile(cacheDir: string): string {
  return path.join(cacheDir, VERSION, "results.json");
}

/** Every stored message marked, so the next run shows which files it took from the cache. */
function markCached(cacheDir: string): void {
  const file = resultsFile(cacheDir);
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as { files: Record<string, { o?: { g?: { message: string }[] } }> };
  let marked = 0;
  for (const entry of Object.values(stored.files)) {
    for (const diagnostic of entry.o?.g ?? []) {
      diagnostic.message += MARK;
      marked++;
    }
  }
  expect(marked).toBeGreaterThan(0);
  fs.writeFileSync(file, JSON.stringify(stored));
}

async function checkJson(cwd: string, args: string[] = []): Promise<JsonFinding[]> {
  const result = await runCli(["check", ".", "--output-format", "json", "--exit-zero", ...args], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as JsonFinding[];
}

/** Per file, its codes and whether they came from the cache. */
function byFile(findings: readonly JsonFinding[]): Record<string, string[]> {
  const files: Record<string, string[]> = {};
  for (const finding of findings) (files[finding.filename] ??= []).push(`${finding.code}${finding.message.endsWith(MARK) ? " cached" : ""}`);
  return files;
}

function foldersNamed(root: string, name: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name === name)
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("a warm run prints what a cold run prints", () => {
  it.each(["json", "full", "concise", "sarif"])("on the fixtures, --output-format %s, stdout and stderr", async (format) => {
    const cacheDir = tempCacheDir();
    const args = ["check", "fixtures", "--output-format", format, "--exit-zero", "--cache-dir", cacheDir];
    const cold = await runCli(args, { cwd: ROOT });
    expect(fs.existsSync(resultsFile(cacheDir))).toBe(true);
    const warm = await runCli(args, { cwd: ROOT });
    expect(warm).toEqual(cold);
    const uncached = await runCli([...args, "--no-cache"], { cwd: ROOT });
    expect(uncached).toEqual(cold);
  });

  it("the warm run takes every file from the cache", async () => {
    const cacheDir = tempCacheDir();
    const cold = await checkJson(path.join(ROOT, "fixtures", "rules"), ["--cache-dir", cacheDir]);
    markCached(cacheDir);
    const warm = await checkJson(path.join(ROOT, "fixtures", "rules"), ["--cache-dir", cacheDir]);
    expect(warm.map((finding) => finding.message)).toEqual(cold.map((finding) => finding.message + (finding.code === null ? "" : MARK)));
  });
});

describe("what invalidates a stored outcome", () => {
  it("editing a file re-checks that file only", async () => {
    const dir = makeTree({ ".git/HEAD": "", "a.py": TOKEN_FILE, "b.py": TOKEN_FILE, "c.sh": `export HF_TOKEN=${FAKE_TOKEN}\n` });
    const cacheDir = tempCacheDir();
    await checkJson(dir, ["--cache-dir", cacheDir]);
    markCached(cacheDir);
    fs.writeFileSync(path.join(dir, "b.py"), `# edited\r\n${TOKEN_FILE}`);
    expect(byFile(await checkJson(dir, ["--cache-dir", cacheDir]))).toEqual({ "a.py": ["HFJ101 cached"], "b.py": ["HFJ101"], "c.sh": ["HFJ101 cached"] });
  });

  it.each(Object.keys(LAUNCHERS))("editing the script %s launches re-checks it: HFJ203 appears and goes", async (launcher) => {
    const dir = makeTree({ ".git/HEAD": "", [launcher]: LAUNCHERS[launcher as keyof typeof LAUNCHERS], "scripts/train.py": QUIET_SCRIPT });
    const cacheDir = tempCacheDir();
    const codes = async () => (await checkJson(dir, ["--cache-dir", cacheDir, "--select", "HFJ203"])).map((finding) => `${finding.filename} ${finding.code}`);
    expect(await codes()).toEqual([]);
    expect(await codes()).toEqual([]);
    fs.writeFileSync(path.join(dir, "scripts/train.py"), PUSH_SCRIPT);
    expect(await codes()).toEqual([`${launcher} HFJ203`]);
    expect(await codes()).toEqual([`${launcher} HFJ203`]);
    fs.writeFileSync(path.join(dir, "scripts/train.py"), QUIET_SCRIPT);
    expect(await codes()).toEqual([]);
  });

  it("creating a script that was not found re-checks its launcher", async () => {
    const dir = makeTree({ ".git/HEAD": "", "launch.py": LAUNCHERS["launch.py"] });
    const cacheDir = tempCacheDir();
    const run = () => runCli(["check", ".", "--output-format", "concise", "--exit-zero", "--cache-dir", cacheDir], { cwd: dir });
    const cold = await run();
    expect(cold.stderr).toContain("the launched script `scripts/train.py` was not found");
    expect(await run()).toEqual(cold);
    fs.mkdirSync(path.join(dir, "scripts"));
    fs.writeFileSync(path.join(dir, "scripts/train.py"), PUSH_SCRIPT);
    const after = await run();
    expect(after.stderr).not.toContain("was not found");
    expect(after.stdout).toMatch(/^launch\.py:\d+:\d+: HFJ203 /m);
  });

  it("changing the configuration or the flags re-checks", async () => {
    const dir = makeTree({
      ".git/HEAD": "",
      "hf-jobs-lint.toml": 'ignore = ["HFJ101"]\n',
      "a.py": TOKEN_FILE,
      "launch.py": LAUNCHERS["launch.py"],
      "scripts/train.py": PUSH_SCRIPT,
    });
    const cacheDir = tempCacheDir();
    const codes = async (args: string[] = []) => (await checkJson(dir, ["--cache-dir", cacheDir, ...args])).map((finding) => `${finding.filename} ${finding.code}`);
    expect(await codes()).toEqual(["launch.py HFJ203"]);
    fs.writeFileSync(path.join(dir, "hf-jobs-lint.toml"), 'ignore = ["HFJ203"]\n');
    expect(await codes()).toEqual(["a.py HFJ101"]);
    expect(await codes(["--select", "HFJ203"])).toEqual(["launch.py HFJ203"]);
    fs.writeFileSync(path.join(dir, "hf-jobs-lint.toml"), 'per-file-ignores = { "a.py" = ["HFJ101"] }\n');
    expect(await codes()).toEqual(["launch.py HFJ203"]);
  });

  it("a file shown under another name (another working directory) is checked again", async () => {
    const dir = makeTree({ ".git/HEAD": "", "pkg/a.py": TOKEN_FILE });
    const cacheDir = tempCacheDir();
    await checkJson(dir, ["--cache-dir", cacheDir]);
    markCached(cacheDir);
    expect(byFile(await checkJson(path.join(dir, "pkg"), ["--cache-dir", cacheDir]))).toEqual({ "a.py": ["HFJ101"] });
  });
});

describe("the cache file", () => {
  it("a corrupt cache is ignored and rewritten", async () => {
    const dir = makeTree({ ".git/HEAD": "", "a.py": TOKEN_FILE });
    const cacheDir = tempCacheDir();
    const cold = await checkJson(dir, ["--cache-dir", cacheDir]);
    fs.writeFileSync(resultsFile(cacheDir), '{"format": 1, "build": "trunc');
    expect(await checkJson(dir, ["--cache-dir", cacheDir])).toEqual(cold);
    expect(() => JSON.parse(fs.readFileSync(resultsFile(cacheDir), "utf8"))).not.toThrow();
    // An entry of the wrong shape is a miss, not a crash.
    fs.writeFileSync(
      resultsFile(cacheDir),
      JSON.stringify({ ...JSON.parse(fs.readFileSync(resultsFile(cacheDir), "utf8")), files: { [path.join(dir, "a.py")]: { d: 5, o: "x" } } }),
    );
    expect(await checkJson(dir, ["--cache-dir", cacheDir])).toEqual(cold);
  });

  it("entries of files that are gone are dropped; files outside this run's paths are kept", async () => {
    const dir = makeTree({ ".git/HEAD": "", "a.py": TOKEN_FILE, "b.py": TOKEN_FILE, "sub/c.py": TOKEN_FILE });
    const cacheDir = tempCacheDir();
    const stored = () => Object.keys((JSON.parse(fs.readFileSync(resultsFile(cacheDir), "utf8")) as { files: object }).files).map((file) => path.relative(dir, file));
    await checkJson(dir, ["--cache-dir", cacheDir]);
    expect(stored().sort()).toEqual(["a.py", "b.py", path.join("sub", "c.py")]);
    fs.rmSync(path.join(dir, "b.py"));
    await runCli(["check", "sub", "--output-format", "json", "--exit-zero", "--cache-dir", cacheDir], { cwd: dir });
    expect(stored().sort()).toEqual(["a.py", path.join("sub", "c.py")]);
  });

  it("lives at the project root by default, with a .gitignore and a CACHEDIR.TAG; `cache-dir` and the environment move it", async () => {
    const dir = makeTree({ ".git/HEAD": "", "pyproject.toml": '[tool.hf-jobs-lint]\nselect = ["HFJ101"]\n', "src/a.py": TOKEN_FILE });
    await checkJson(path.join(dir, "src"));
    const cache = path.join(dir, ".hf-jobs-lint_cache");
    expect(fs.readFileSync(path.join(cache, ".gitignore"), "utf8")).toMatch(/^\*$/m);
    expect(fs.readFileSync(path.join(cache, "CACHEDIR.TAG"), "utf8")).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n/);
    expect(fs.existsSync(resultsFile(cache))).toBe(true);
    expect(fs.existsSync(path.join(dir, "src", ".hf-jobs-lint_cache"))).toBe(false);

    fs.writeFileSync(path.join(dir, "pyproject.toml"), '[tool.hf-jobs-lint]\nselect = ["HFJ101"]\ncache-dir = "build/lint-cache"\n');
    await checkJson(path.join(dir, "src"));
    expect(fs.existsSync(resultsFile(path.join(dir, "build", "lint-cache")))).toBe(true);

    const fromEnv = tempCacheDir();
    vi.stubEnv("HF_JOBS_LINT_CACHE_DIR", fromEnv);
    await checkJson(path.join(dir, "src"));
    expect(fs.existsSync(resultsFile(fromEnv))).toBe(true);
    const fromFlag = tempCacheDir();
    await checkJson(path.join(dir, "src"), ["--cache-dir", fromFlag]);
    expect(fs.existsSync(resultsFile(fromFlag))).toBe(true);
  });

  it("a `cache-dir` that is not a path is a configuration error", async () => {
    const dir = makeTree({ "hf-jobs-lint.toml": "cache-dir = 3\n", "a.py": TOKEN_FILE });
    const result = await runCli(["check", "."], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`cache-dir` must be a path");
  });

  it("a cache folder that cannot be written is a warning, and the report is the same", async () => {
    const dir = makeTree({ ".git/HEAD": "", "a.py": TOKEN_FILE, blocker: "a file where the cache folder would go\n" });
    const result = await runCli(["check", ".", "--output-format", "json", "--exit-zero", "--cache-dir", "blocker/cache"], { cwd: dir });
    const uncached = await runCli(["check", ".", "--output-format", "json", "--exit-zero", "--no-cache"], { cwd: dir });
    expect(result.stdout).toBe(uncached.stdout);
    expect(result.stderr).toMatch(/^warning: cannot write the results cache in .*blocker.cache: (ENOTDIR|EEXIST)$/m);
  });
});

describe("where no cache is read or written", () => {
  it.each([
    ["--no-cache", ["check", ".", "--no-cache"], {}],
    ["-n", ["check", ".", "-n"], {}],
    ["HF_JOBS_LINT_NO_CACHE=1", ["check", "."], { HF_JOBS_LINT_NO_CACHE: "1" }],
    ["HF_JOBS_LINT_NO_CACHE=true", ["check", "."], { HF_JOBS_LINT_NO_CACHE: "true" }],
    ["--fix", ["check", ".", "--fix"], {}],
    ["--fix-only", ["check", ".", "--fix-only"], {}],
    ["--diff", ["check", ".", "--diff"], {}],
    ["--add-noqa", ["check", ".", "--add-noqa"], {}],
    ["--statistics with --no-cache", ["check", ".", "--statistics", "--no-cache"], {}],
    ["stdin", ["check", "--stdin-filename", "a.py", "-"], {}],
    ["migrate", ["migrate", "."], {}],
    ["migrate --dry-run", ["migrate", "--dry-run", "."], {}],
  ] as const)("%s", async (_name, argv, env) => {
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    const dir = makeTree({ ".git/HEAD": "", "hf-jobs-lint.toml": "", "a.py": TOKEN_FILE, "launch.sh": "hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 python x.py\n" });
    const result = await runCli([...argv], { cwd: dir, stdin: TOKEN_FILE });
    expect(result.code, result.stderr).not.toBe(2);
    expect(foldersNamed(dir, ".hf-jobs-lint_cache")).toEqual([]);
  });

  it("the control: plain check writes one", async () => {
    const dir = makeTree({ ".git/HEAD": "", "hf-jobs-lint.toml": "", "a.py": TOKEN_FILE });
    await runCli(["check", "."], { cwd: dir });
    expect(foldersNamed(dir, ".hf-jobs-lint_cache")).toEqual([path.join(dir, ".hf-jobs-lint_cache")]);
  });

  it("check --repos and migrate --repos write nothing into the audited repositories", async () => {
    const org = makeTree({});
    generateOrganisation(org, LIST_NAMES, { commit: false });
    const check = await runCli(["check", "--repos", "repos", "--report", "audit"], { cwd: org });
    expect(check.code, check.stderr).toBe(1);
    const migrate = await runCli(["migrate", "--repos", "repos", "--dry-run", "--report", "migrate-report"], { cwd: org });
    expect(migrate.code, migrate.stderr).not.toBe(2);
    expect(foldersNamed(org, ".hf-jobs-lint_cache")).toEqual([]);
  });
});

describe("clean", () => {
  it("removes the project's cache and every cache folder below the working directory", async () => {
    const dir = makeTree({ ".git/HEAD": "", "hf-jobs-lint.toml": "", "a.py": TOKEN_FILE, "nested/hf-jobs-lint.toml": "", "nested/b.py": TOKEN_FILE });
    await runCli(["check", "."], { cwd: dir });
    await runCli(["check", "."], { cwd: path.join(dir, "nested") });
    expect(foldersNamed(dir, ".hf-jobs-lint_cache").sort()).toEqual([path.join(dir, ".hf-jobs-lint_cache"), path.join(dir, "nested", ".hf-jobs-lint_cache")]);
    const result = await runCli(["clean"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Removing cache at: ${path.join(dir, ".hf-jobs-lint_cache")}\n`);
    expect(foldersNamed(dir, ".hf-jobs-lint_cache")).toEqual([]);
    expect(fs.existsSync(path.join(dir, "a.py"))).toBe(true);
    // Nothing to remove: still fine.
    expect((await runCli(["clean"], { cwd: dir })).code).toBe(0);
  });

  it("removes a configured cache-dir, and refuses one that is not a cache folder", async () => {
    const dir = makeTree({ ".git/HEAD": "", "hf-jobs-lint.toml": 'cache-dir = "out"\n', "a.py": TOKEN_FILE });
    await runCli(["check", "."], { cwd: dir });
    expect(fs.existsSync(path.join(dir, "out", "CACHEDIR.TAG"))).toBe(true);
    expect((await runCli(["clean"], { cwd: dir })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);

    fs.writeFileSync(path.join(dir, "hf-jobs-lint.toml"), 'cache-dir = "."\n');
    const refused = await runCli(["clean"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not an hf-jobs-lint cache folder");
    expect(fs.existsSync(path.join(dir, "a.py"))).toBe(true);
  });
});

/** Every file of `dir` last modified an hour ago: old enough for its stamp to be trusted (result-cache.ts RACY_MS). */
function ageFiles(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), past, past);
  }
}

/** The files under `dir` this callback opened or read whole (the cache's reads go through these two). */
function filesReadDuring(dir: string, callback: () => unknown): string[] {
  const openSync = vi.spyOn(fs, "openSync");
  const readFileSync = vi.spyOn(fs, "readFileSync");
  try {
    callback();
    return [...openSync.mock.calls, ...readFileSync.mock.calls]
      .map((call) => String(call[0]))
      .filter((file) => file.startsWith(dir + path.sep))
      .map((file) => path.relative(dir, file))
      .sort();
  } finally {
    openSync.mockRestore();
    readFileSync.mockRestore();
  }
}

/** Every rule on, as the engine gets settings for files under `root`; `hubVersion`: the setting (null: manifests). */
function engineSettings(root: string, hubVersion: string | null): CheckSettings {
  return {
    enabled: RULES.map((rule) => rule.code),
    perFileIgnores: {},
    testFiles: [],
    jobScriptGlobs: [],
    jobScripts: {},
    configRoot: root,
    repoRoot: root,
    includeCounterexamples: false,
    hubVersion,
    fix: false,
    unsafeFixes: false,
    diff: false,
  };
}

describe("a file whose stamp is unchanged is not read", () => {
  const settings = (root: string): CheckSettings => engineSettings(root, "1.0.0");
  const files = { "a.py": "import os\n\nprint(os.environ['HF_TOKEN'])\n", "launch.sh": "hf jobs uv run a.py\n", "notes.txt": "nothing secret\n" };

  /** One warm pass as `check` makes it: discovery's kinds, the job-script scan, the probes. */
  function pass(dir: string, cache: ResultCache): { kind: FileKind | null; hits: number } {
    const kind = cache.kindOnDisk(path.join(dir, "notes.txt"), "text");
    const targets: CheckTarget[] = [
      { filename: "a.py", path: path.join(dir, "a.py"), kind: "python" },
      { filename: "launch.sh", path: path.join(dir, "launch.sh"), kind: "shell" },
    ];
    scanScriptReferences(targets, cache.references);
    return { kind, hits: targets.filter((target) => cache.probe(target, settings(dir)) !== null).length };
  }

  async function filled(dir: string, cacheDir: string): Promise<void> {
    const cache = ResultCache.open({ dir: cacheDir, version: "1", build: "b" });
    pass(dir, cache);
    const targets: CheckTarget[] = ["a.py", "launch.sh"].map((name) => ({ filename: name, path: path.join(dir, name), kind: name.endsWith(".sh") ? "shell" : "python" }));
    await checkFilesCached(targets, () => ({ key: "", settings: settings(dir) }), { threads: 1, onOutcome: () => {} }, cache);
    expect(cache.save()).toBeNull();
  }

  /** The next run's pass over the same cache, with the files it read. */
  function warmPass(dir: string, cacheDir: string): { reads: string[]; result: ReturnType<typeof pass> | null } {
    let result: ReturnType<typeof pass> | null = null;
    const reads = filesReadDuring(dir, () => (result = pass(dir, ResultCache.open({ dir: cacheDir, version: "1", build: "b" }))));
    return { reads, result };
  }

  it("an old, unchanged file is answered from its stamp: discovery, scan and probe read nothing", async () => {
    const dir = makeTree(files);
    ageFiles(dir);
    const cacheDir = tempCacheDir();
    await filled(dir, cacheDir);
    const { reads, result } = warmPass(dir, cacheDir);
    expect(reads).toEqual([]);
    expect(result).toEqual({ kind: null, hits: 2 });
  });

  it("the control: without the stored stamps (a file changed moments ago), every file is read again", async () => {
    const dir = makeTree(files);
    const cacheDir = tempCacheDir();
    await filled(dir, cacheDir);
    const { reads, result } = warmPass(dir, cacheDir);
    expect(reads).toEqual(["a.py", "launch.sh", "notes.txt"]);
    expect(result).toEqual({ kind: null, hits: 2 });
  });

  it("an edit that keeps the size and puts the modification time back is still seen (the change time is in the stamp)", async () => {
    const dir = makeTree(files);
    ageFiles(dir);
    const cacheDir = tempCacheDir();
    await filled(dir, cacheDir);
    const script = path.join(dir, "a.py");
    const before = fs.statSync(script);
    fs.writeFileSync(script, "import os\n\nprint(os.environ['HF_TOKEM'])\n");
    fs.writeFileSync(path.join(dir, "notes.txt"), "hf_secret here\n");
    for (const name of ["a.py", "notes.txt"]) fs.utimesSync(path.join(dir, name), before.atime, before.mtime);
    expect(fs.statSync(script).mtimeMs).toBe(before.mtimeMs);
    const { reads, result } = warmPass(dir, cacheDir);
    expect(reads).toEqual(["a.py", "notes.txt"]);
    // Both are misses: a.py changed, and launch.sh's outcome rests on the script it launches.
    expect(result).toEqual({ kind: "text", hits: 0 });
  });
});

describe("the engine's cache", () => {
  const settingsFor = (root: string): CheckSettings => engineSettings(root, null);

  async function run(targets: CheckTarget[], settings: CheckSettings, cache: ResultCache): Promise<{ outcomes: FileOutcome[]; hits: number }> {
    const hits = targets.filter((target) => cache.probe(target, settings) !== null).length;
    const outcomes: FileOutcome[] = [];
    const order: number[] = [];
    await checkFilesCached(targets, () => ({ key: "", settings }), { threads: 1, onOutcome: (index, outcome) => (order.push(index), (outcomes[index] = outcome)) }, cache);
    expect(order).toEqual(targets.map((_, index) => index));
    return { outcomes, hits };
  }

  it("hands every outcome on in order, hits and misses mixed, and another version or build misses", async () => {
    const dir = makeTree({ "a.py": TOKEN_FILE, "b.py": "print(1)\n", "c.sh": `export HF_TOKEN=${FAKE_TOKEN}\n`, "d.py": TOKEN_FILE });
    const targets: CheckTarget[] = ["a.py", "b.py", "c.sh", "d.py"].map((name) => ({
      filename: name,
      path: path.join(dir, name),
      kind: name.endsWith(".sh") ? "shell" : "python",
    }));
    const settings = settingsFor(dir);
    const cacheDir = tempCacheDir();
    const open = (version = "1", build = "b") => ResultCache.open({ dir: cacheDir, version, build });

    const first = open();
    const cold = await run(targets, settings, first);
    expect(cold.hits).toBe(0);
    expect(first.save()).toBeNull();
    expect((await run(targets, settings, open())).hits).toBe(4);

    fs.writeFileSync(path.join(dir, "b.py"), `# now a token\n${TOKEN_FILE}`);
    fs.writeFileSync(path.join(dir, "d.py"), `${TOKEN_FILE}# edited\n`);
    const mixed = open();
    const warm = await run(targets, settings, mixed);
    expect(warm.hits).toBe(2);
    expect(warm.outcomes.map((outcome) => outcome.diagnostics.map((diagnostic) => diagnostic.code))).toEqual([["HFJ101"], ["HFJ101"], ["HFJ101"], ["HFJ101"]]);
    expect(warm.outcomes[0]).toEqual(cold.outcomes[0]);
    expect(mixed.save()).toBeNull();

    expect((await run(targets, settings, open("2"))).hits).toBe(0);
    expect((await run(targets, settings, open("1", "rebuilt"))).hits).toBe(0);
    expect((await run(targets, { ...settings, enabled: ["HFJ101"] }, open())).hits).toBe(0);
    expect((await run(targets, settings, open())).hits).toBe(4);
  });

  it("a fix or a diff is never taken from the cache nor stored", async () => {
    const dir = makeTree({ "a.py": TOKEN_FILE });
    const targets: CheckTarget[] = [{ filename: "a.py", path: path.join(dir, "a.py"), kind: "python" }];
    const cacheDir = tempCacheDir();
    const cache = ResultCache.open({ dir: cacheDir, version: "1", build: "b" });
    await run(targets, settingsFor(dir), cache);
    expect(cache.probe(targets[0]!, settingsFor(dir))).not.toBeNull();
    expect(cache.probe(targets[0]!, { ...settingsFor(dir), diff: true })).toBeNull();
    expect(cache.probe(targets[0]!, { ...settingsFor(dir), fix: true })).toBeNull();
    expect(cache.probe({ ...targets[0]!, text: TOKEN_FILE }, settingsFor(dir))).toBeNull();
  });

  it("the job-script scan gives the same references from the cache, without scanning again", () => {
    const dir = makeTree({ "launch.sh": "hf jobs uv run scripts/train.py\n", "doc.md": "Run `hf jobs uv run other.py`.\n", "plain.py": "print(1)\n" });
    const files = ["launch.sh", "doc.md", "plain.py"].map((name) => ({ filename: name, path: path.join(dir, name) }));
    const uncached = scanScriptReferences(files);
    const cache = ResultCache.open({ dir: tempCacheDir(), version: "1", build: "b" });
    expect(scanScriptReferences(files, cache.references)).toEqual(uncached);
    expect(cache.save()).toBeNull();
    const warm = ResultCache.open({ dir: cache.dir, version: "1", build: "b" });
    const set = vi.spyOn(warm.references, "set");
    expect(scanScriptReferences(files, warm.references)).toEqual(uncached);
    expect(set).not.toHaveBeenCalled();
    expect(warm.save()).toBeNull();
    fs.appendFileSync(path.join(dir, "plain.py"), "# hf jobs uv run plain.py\n");
    // The next run (a file is stamped once per run).
    const next = ResultCache.open({ dir: cache.dir, version: "1", build: "b" });
    const nextSet = vi.spyOn(next.references, "set");
    expect(scanScriptReferences(files, next.references).map((scanned) => scanned.file.filename)).toEqual(["launch.sh", "doc.md", "plain.py"]);
    expect(nextSet).toHaveBeenCalledTimes(1);
  });
});
