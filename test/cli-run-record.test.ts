// Run records: the same `check` over a tree in which nothing it rests on changed prints what it printed, without
// walking the tree (no folder is listed); any change a run could see makes it a full run again.
//
// A record is kept only when every file and folder is older than the run by the racy margin; the tests set that
// margin to 50 ms (`HF_JOBS_LINT_RECORD_RACY_MS`) so that trees made moments before are recorded, except where the
// margin itself is tested. Not 0: a filesystem stamps times from a coarse clock (a scheduler tick behind), so a
// folder made during a run can look a few milliseconds older than the run's start.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyOutcome, RunRecords, type FileOutcome } from "@hf-jobs-lint/engine";
import { FAKE_TOKEN, makeTree, PUSH_SCRIPT, removeTrees, runCli, type CliResult } from "./helpers/run-cli.js";

beforeEach(() => {
  vi.stubEnv("HF_JOBS_LINT_NO_CACHE", "0");
  vi.stubEnv("HF_JOBS_LINT_RECORD_RACY_MS", "50");
});

afterAll(() => {
  vi.unstubAllEnvs();
  removeTrees();
});

/** A repository (it has `.git`) with a launcher that passes a token through `env`, and the job script it names. */
const REPOSITORY = {
  ".git/HEAD": "ref: refs/heads/main\n",
  "jobs/launch.py": `from huggingface_hub import run_uv_job\n\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`,
  "jobs/train.py": PUSH_SCRIPT,
  "docs/notes.md": `${"-".repeat(FAKE_TOKEN.length)}\n`,
};

/** A run of `check` in `cwd`, and whether it listed any folder (a replayed run lists none). */
async function check(cwd: string, args: string[]): Promise<{ result: CliResult; listed: number }> {
  const readdir = vi.spyOn(fs, "readdirSync");
  try {
    const result = await runCli(["check", ...args], { cwd });
    return { result, listed: readdir.mock.calls.length };
  } finally {
    readdir.mockRestore();
  }
}

function recordsIn(cacheDir: string): string[] {
  const versions = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => fs.existsSync(path.join(cacheDir, name, "runs"))) : [];
  return versions.flatMap((version) => fs.readdirSync(path.join(cacheDir, version, "runs")));
}

/** Longer than the racy margin the tests set: what was made before is old enough to be recorded. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 60));

/** A repository, checked once (a record is written), with the arguments that check it again. */
async function recorded(files: Record<string, string> = REPOSITORY, extra: string[] = []): Promise<{ dir: string; args: string[]; first: CliResult }> {
  const dir = makeTree(files);
  // Whole seconds, an hour ago: a modification time an edit can put back exactly.
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  for (const name of Object.keys(files)) fs.utimesSync(path.join(dir, name), hourAgo, hourAgo);
  await tick();
  const args = [".", "--output-format", "concise", "--cache-dir", path.join(makeTree({}), "cache"), ...extra];
  const { result: first, listed } = await check(dir, args);
  expect(listed).toBeGreaterThan(0);
  expect(recordsIn(args[4]!)).toHaveLength(1);
  return { dir, args, first };
}

describe("a run with nothing changed is replayed", () => {
  it("prints what the full run printed, with the same exit status, and lists no folder", async () => {
    const { dir, args, first } = await recorded();
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("HFJ201");
    const again = await check(dir, args);
    expect(again.listed).toBe(0);
    expect(again.result).toEqual(first);
    const uncached = await check(dir, [...args, "--no-cache"]);
    expect(uncached.result).toEqual(first);
  });

  it("with the cache folder in the project (the default), from the third run: the first made the folder", async () => {
    const dir = makeTree(REPOSITORY);
    await tick();
    const args = [".", "--output-format", "concise"];
    const runs = [];
    for (let run = 0; run < 3; run++) {
      runs.push(await check(dir, args));
      await tick();
    }
    expect(runs.map((run) => run.listed > 0)).toEqual([true, true, false]);
    expect(runs[2]!.result).toEqual(runs[0]!.result);
  });

  it("work inside `.git` (a new object, a moved HEAD) is no change: of `.git`, only that it is a folder is stamped", async () => {
    const { dir, args, first } = await recorded();
    fs.mkdirSync(path.join(dir, ".git", "objects", "ab"), { recursive: true });
    fs.writeFileSync(path.join(dir, ".git", "objects", "ab", "cdef"), "blob");
    fs.writeFileSync(path.join(dir, ".git", "HEAD"), "ref: refs/heads/other\n");
    const again = await check(dir, args);
    expect(again.listed).toBe(0);
    expect(again.result).toEqual(first);
  });

  it("a path given outside the working directory (`../`) is replayed to the same file", async () => {
    const files = { ...REPOSITORY, "tools/README.md": "Nothing here.\n" };
    const dir = makeTree(files);
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    for (const name of Object.keys(files)) fs.utimesSync(path.join(dir, name), hourAgo, hourAgo);
    await tick();
    const args = ["../jobs", "--output-format", "concise", "--cache-dir", path.join(makeTree({}), "cache")];
    const cwd = path.join(dir, "tools");
    const first = await check(cwd, args);
    expect(first.listed).toBeGreaterThan(0);
    // Shown by its absolute path: the stored name is not the working directory joined with a relative one.
    expect(first.result.stdout).toContain(`${path.join(dir, "jobs", "launch.py")}:`);
    const again = await check(cwd, args);
    expect(again.listed).toBe(0);
    expect(again.result).toEqual(first.result);
    // The replayed targets are the files themselves: an edit to one is seen.
    fs.appendFileSync(path.join(dir, "jobs", "launch.py"), "# edited\n");
    expect((await check(cwd, args)).listed).toBeGreaterThan(0);
  });

  it("a record names no token: it keeps digests of the command and its environment, and redacted messages", async () => {
    vi.stubEnv("SOME_TOKEN", FAKE_TOKEN);
    const { args } = await recorded();
    const cacheDir = args[4]!;
    const version = fs.readdirSync(cacheDir).find((name) => fs.existsSync(path.join(cacheDir, name, "runs")))!;
    for (const name of recordsIn(cacheDir)) expect(fs.readFileSync(path.join(cacheDir, version, "runs", name), "utf8")).not.toContain(FAKE_TOKEN);
  });
});

describe("what makes it a full run again", () => {
  it("an edit that keeps the size and puts the modification time back (the change time is in the stamp)", async () => {
    const { dir, args, first } = await recorded();
    // A file with no finding, whose text the record does not check again: only its stamp says it changed.
    const notes = path.join(dir, "docs", "notes.md");
    const before = fs.statSync(notes);
    fs.writeFileSync(notes, `${FAKE_TOKEN}\n`);
    fs.utimesSync(notes, before.atime, before.mtime);
    expect(fs.statSync(notes).mtimeMs).toBe(before.mtimeMs);
    expect(fs.statSync(notes).size).toBe(before.size);
    const again = await check(dir, args);
    expect(again.listed).toBeGreaterThan(0);
    expect(first.stdout).not.toContain("docs/notes.md");
    expect(again.result.stdout).toContain("docs/notes.md");
  });

  it("a file added in a folder", async () => {
    const { dir, args } = await recorded();
    fs.writeFileSync(path.join(dir, "docs", "leak.py"), `TOKEN = "${FAKE_TOKEN}"\n`);
    const again = await check(dir, args);
    expect(again.listed).toBeGreaterThan(0);
    expect(again.result.stdout).toContain("docs/leak.py");
  });

  it("a file removed", async () => {
    const { dir, args } = await recorded();
    fs.rmSync(path.join(dir, "jobs", "train.py"));
    const again = await check(dir, args);
    expect(again.listed).toBeGreaterThan(0);
    expect(again.result.stderr).toContain("the launched script `train.py` was not found");
  });

  it("a configuration above the repository's root, where only configurations are looked for", async () => {
    const outer = makeTree({});
    const { dir, args, first } = await recorded();
    const repository = path.join(outer, "repo");
    fs.renameSync(dir, repository);
    await tick();
    // Moved: another working directory, another record; then a configuration appears above the repository.
    const moved = await check(repository, args);
    expect(moved.listed).toBeGreaterThan(0);
    expect((await check(repository, args)).listed).toBe(0);
    fs.writeFileSync(path.join(outer, "hf-jobs-lint.toml"), 'ignore = ["HFJ201"]\n');
    const again = await check(repository, args);
    expect(again.listed).toBeGreaterThan(0);
    expect(first.stdout).toContain("HFJ201");
    expect(again.result.stdout).not.toContain("HFJ201");
  });

  it("without a repository: a .gitignore or a `.git` appearing above the working directory", async () => {
    const outer = makeTree({});
    const project = path.join(outer, "project");
    const files = Object.fromEntries(Object.entries(REPOSITORY).filter(([name]) => !name.startsWith(".git/")));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      fs.writeFileSync(path.join(project, name), text);
    }
    await tick();
    const args = [".", "--output-format", "concise", "--cache-dir", path.join(makeTree({}), "cache")];
    const first = await check(project, args);
    expect(first.listed).toBeGreaterThan(0);
    // Files made in the folder above (the temporary folder, say) change nothing the run read.
    fs.writeFileSync(path.join(outer, "unrelated.txt"), "x\n");
    await tick();
    expect((await check(project, args)).listed).toBe(0);
    fs.writeFileSync(path.join(outer, ".gitignore"), "project/jobs/\n");
    await tick();
    const ignored = await check(project, args);
    expect(ignored.listed).toBeGreaterThan(0);
    expect(ignored.result.stdout).not.toContain("launch.py");
    await tick();
    expect((await check(project, args)).listed).toBe(0);
    fs.mkdirSync(path.join(outer, ".git"));
    expect((await check(project, args)).listed).toBeGreaterThan(0);
  });

  it("a .gitignore added in a folder above the path checked, inside the repository", async () => {
    const { dir, args } = await recorded();
    const inJobs = [...args];
    inJobs[0] = "jobs";
    const first = await check(dir, inJobs);
    expect(first.listed).toBeGreaterThan(0);
    expect((await check(dir, inJobs)).listed).toBe(0);
    fs.writeFileSync(path.join(dir, ".gitignore"), "jobs/launch.py\n");
    const again = await check(dir, inJobs);
    expect(again.listed).toBeGreaterThan(0);
    expect(again.result.stdout).not.toContain("launch.py");
  });

  it("other flags, or another value of a variable, are another run", async () => {
    const { dir, args } = await recorded();
    const selected = await check(dir, [...args, "--select", "HFJ101"]);
    expect(selected.listed).toBeGreaterThan(0);
    expect(selected.result.stdout).not.toContain("HFJ201");
    vi.stubEnv("HF_JOBS_LINT_PREFILTER", "off");
    expect((await check(dir, args)).listed).toBeGreaterThan(0);
  });

  it("a `--config` file outside the tree, edited", async () => {
    const config = path.join(makeTree({}), "hf-jobs-lint.toml");
    fs.writeFileSync(config, "ignore = []\n");
    const { dir, args } = await recorded(REPOSITORY, ["--config", config]);
    expect((await check(dir, args)).listed).toBe(0);
    fs.writeFileSync(config, 'ignore = ["HFJ201"]\n');
    const again = await check(dir, args);
    expect(again.listed).toBeGreaterThan(0);
    expect(again.result.stdout).not.toContain("HFJ201");
  });
});

describe("what is never recorded", () => {
  it("a tree changed within the racy margin before the run", async () => {
    vi.stubEnv("HF_JOBS_LINT_RECORD_RACY_MS", "60000");
    const dir = makeTree(REPOSITORY);
    const cacheDir = path.join(makeTree({}), "cache");
    const args = [".", "--output-format", "concise", "--cache-dir", cacheDir];
    await check(dir, args);
    expect(recordsIn(cacheDir)).toEqual([]);
    expect((await check(dir, args)).listed).toBeGreaterThan(0);
  });

  it("a run with an outcome that is not a fact of the file (a timeout), and its older record is removed", async () => {
    const cacheDir = makeTree({});
    const dir = makeTree({ ".git/HEAD": "x\n", "a.py": "print(1)\n" });
    await tick();
    const records = new RunRecords(cacheDir, "1");
    const target = { filename: "a.py", path: path.join(dir, "a.py"), kind: "python" as const };
    const outcome = (error: string | null): FileOutcome => ({ ...emptyOutcome("a.py"), error });
    const reads = { targets: [target], errors: [], listed: [dir], roots: [{ folder: dir, repositoryRoot: dir }], configFiles: [], cwd: dir };
    const clean = records.recorder("k");
    clean.note(0, outcome(null));
    expect(clean.finish(reads)).toBeNull();
    expect(records.replay("k", dir)?.outcomes).toEqual([outcome(null)]);
    const timedOut = records.recorder("k");
    timedOut.note(0, outcome("cannot check: took longer than the per-file limit of 120 s; skipped"));
    expect(timedOut.finish(reads)).toBeNull();
    expect(records.replay("k", dir)).toBeNull();
  });
});
