// `migrate --repos` over a generated organisation (test/helpers/bulk-repos.ts): what each repository's run must
// show (the table below says it in words; the golden files pin the report byte for byte), the branches and commits
// it makes, the repositories it must not touch, a second run on the same report that has nothing left to do, and a
// run killed midway (for real, by the built CLI: `npm test` builds first) that resumes to the same result.
// Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 npx vitest run test/bulk-migrate.test.ts`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRANCH, GIT_ENV, copyOrganisation, generateOrganisation, git, LIST_NAMES, refsState } from "./helpers/bulk-repos.js";
import { compareGolden } from "./helpers/golden.js";
import { FAKE_TOKEN, runCli } from "./helpers/run-cli.js";

const goldenDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden", "bulk");
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");
const BRANCH_RUN = ["migrate", "--repos", "repos.txt", "--branch", BRANCH, "--report", "report"];

interface Expected {
  status: string;
  reason?: string;
  rules?: Record<string, string[]>;
  tokens?: string[];
  left?: string[];
  unresolved?: string[];
  errors?: string[];
}

/** What `migrate --repos --branch` must do to each repository of the organisation, and why. */
const EXPECTED: Record<string, Expected> = {
  "repos/bad-config": { status: "failed", reason: "configuration: hf-jobs-lint.toml: `select`: unknown rule `HFJ999`" },
  "repos/branch-exists": { status: "skipped", reason: `branch ${BRANCH} exists already` },
  "repos/check-token-early": { status: "changed", rules: { HFJ301: ["clean.py"] } },
  "repos/clean-docs": { status: "unchanged" },
  "repos/clean-launcher": { status: "unchanged" },
  // Its pyproject.toml turns on HFJ302, which is off by default.
  "repos/config-extends": { status: "changed", rules: { HFJ302: ["whoami.py"] } },
  // Its hf-jobs-lint.toml ignores HFJ201: the same launcher as env-token is left as it is.
  "repos/config-ignores": { status: "unchanged" },
  "repos/dirty": { status: "skipped", reason: "uncommitted changes (1 path)" },
  "repos/env-token": { status: "changed", rules: { HFJ201: ["launch.py"] } },
  "repos/hardcoded-token": { status: "changed", rules: { HFJ101: ["launch.py"] }, tokens: ["launch.py:3 hf_FA…"] },
  "repos/legacy-variable": { status: "changed", rules: { HFJ303: ["job.py"] } },
  "repos/literal-token": { status: "changed", rules: { HFJ102: ["login.py"] } },
  "repos/missing": { status: "failed", reason: "no such folder" },
  "repos/missing-secret": { status: "changed", rules: { HFJ203: ["launch.py"] } },
  "repos/not-a-checkout": { status: "failed", reason: "not the top folder of a git checkout" },
  "repos/placeholder": { status: "changed", rules: { HFJ202: ["launch.py"] } },
  // A stale lock on the branch's ref: git refuses to create it, the repository is reported and the run goes on.
  "repos/ref-locked": {
    status: "failed",
    reason: expect.stringMatching(/^git branch failed: fatal: cannot lock ref 'refs\/heads\/hf-jobs-lint\/token-handling'/) as unknown as string,
  },
  "repos/secret-name": { status: "changed", rules: { HFJ204: ["launch.py"] } },
  "repos/several-surfaces": { status: "changed", rules: { HFJ201: ["launch.py", "run.sh"], HFJ206: ["docs/jobs.md"], HFJ207: ["run.sh"] } },
  "repos/token-in-arguments": { status: "unchanged", left: ["launch.py:3 HFJ104"] },
  "repos/token-output": { status: "unchanged", left: ["job.py:7 HFJ103"] },
  "repos/unreadable": { status: "changed", rules: { HFJ201: ["launch.py"] }, errors: ["loop.py: symlink loop", "latin1.py: not valid UTF-8, skipped"] },
  "repos/unresolved-script": { status: "unchanged", unresolved: ["launch.py: jobs/missing.py"] },
  "repos/unsubstituted": { status: "unchanged", left: ["docs/jobs.md:4 HFJ205"] },
};

interface RecordLine {
  repository: string;
  status: string;
  reason: string | null;
  branch: string | null;
  commit: string | null;
  output: string | null;
  files_changed_per_rule: Record<string, string[]>;
  tokens_to_revoke: { file: string; line: number; token: string }[];
  findings_left: { file: string; line: number; code: string }[];
  unresolved_scripts: { file: string; script: string }[];
  errors: { file: string; message: string }[];
}

function readRecords(reportDir: string): RecordLine[] {
  return fs
    .readFileSync(path.join(reportDir, "repositories.jsonl"), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as RecordLine);
}

/** A record in the words of EXPECTED. */
function described(record: RecordLine): Expected {
  const shown: Expected = { status: record.status };
  if (record.reason !== null) shown.reason = record.reason;
  if (Object.keys(record.files_changed_per_rule).length > 0) shown.rules = record.files_changed_per_rule;
  if (record.tokens_to_revoke.length > 0) shown.tokens = record.tokens_to_revoke.map((token) => `${token.file}:${token.line} ${token.token}`);
  if (record.findings_left.length > 0) shown.left = record.findings_left.map((finding) => `${finding.file}:${finding.line} ${finding.code}`);
  if (record.unresolved_scripts.length > 0) shown.unresolved = record.unresolved_scripts.map(({ file, script }) => `${file}: ${script}`);
  if (record.errors.length > 0) shown.errors = record.errors.map((error) => `${error.file}: ${error.message}`);
  return shown;
}

/** Every file of a folder (symlinks as their target), to show a run wrote nothing. */
function treeContents(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const name = path.relative(dir, full);
    if (entry.isSymbolicLink()) files[name] = `-> ${fs.readlinkSync(full)}`;
    else if (entry.isFile() && !name.split(path.sep).includes(".git")) files[name] = fs.readFileSync(full, "latin1");
  }
  return files;
}

function reportFiles(reportDir: string): string {
  return fs
    .readdirSync(reportDir, { recursive: true })
    .map(String)
    .sort()
    .map((name) => (fs.statSync(path.join(reportDir, name)).isFile() ? `${name}\n${fs.readFileSync(path.join(reportDir, name), "utf8")}` : name))
    .join("\n");
}

let temp = "";
let template = "";
/** Each repository of the untouched organisation: its git state and its files. */
const untouched = new Map<string, [Record<string, string>, Record<string, string>]>();

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-bulk-migrate-"));
  template = path.join(temp, "template");
  generateOrganisation(template);
  for (const name of LIST_NAMES) untouched.set(name, snapshot(path.join(template, name)));
}, 60_000);

function snapshot(dir: string): [Record<string, string>, Record<string, string>] {
  return [refsState(dir), fs.existsSync(dir) ? treeContents(dir) : {}];
}

afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

interface BuiltRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI in a process of its own, as a CI job runs it: git's identity and dates from the environment, and
 * killed by itself at `killAt` (`STEP:N`) when given. (Built code also runs the analysis several times faster
 * than the TypeScript sources the in-process tests load.)
 */
function runBuilt(argv: string[], cwd: string, killAt?: string): BuiltRun {
  const env = { ...process.env, ...GIT_ENV, ...(killAt ? { HF_JOBS_LINT_KILL_AT: killAt } : {}) };
  const result = spawnSync(process.execPath, [bin, ...argv], { cwd, env, encoding: "utf8" });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe("migrate --repos --dry-run", () => {
  it("writes one patch per repository that would change, reports every repository, and changes nothing", () => {
    const result = runBuilt(["migrate", "--repos", "repos.txt", "--dry-run", "--branch", BRANCH, "--report", "../dry-report"], template);
    expect(result.code).toBe(1);
    for (const name of LIST_NAMES) expect(snapshot(path.join(template, name)), name).toEqual(untouched.get(name));

    const reportDir = path.join(temp, "dry-report");
    const records = readRecords(reportDir);
    expect(records.map((record) => record.repository)).toEqual(LIST_NAMES);
    // The dry run predicts the real run: the same outcome, "would-change" for "changed", and the ref lock (which only
    // stops the branch's creation) does not show yet.
    const predicted = Object.fromEntries(
      Object.entries(EXPECTED).map(([name, expected]) =>
        name === "repos/ref-locked"
          ? [name, { status: "would-change", rules: { HFJ201: ["launch.py"] } }]
          : [name, { ...expected, status: expected.status === "changed" ? "would-change" : expected.status }],
      ),
    );
    expect(Object.fromEntries(records.map((record) => [record.repository, described(record)]))).toEqual(predicted);
    const patched = records.filter((record) => record.status === "would-change");
    expect(patched.map((record) => record.output)).toEqual(patched.map((record) => `patches/${record.repository.replace("/", "-")}.patch`));
    expect(fs.readdirSync(path.join(reportDir, "patches")).sort()).toEqual(patched.map((record) => path.basename(record.output!)).sort());
    expect(fs.readFileSync(path.join(reportDir, "patches", "repos-env-token.patch"), "utf8")).toMatch(
      /^\+\+\+ b\/launch\.py\n[^]*^\+run_uv_job\("train\.py", env=\{"EPOCHS": "3"\}, secrets=\{"HF_TOKEN": get_token\(\)\}\)$/m,
    );
    // A patch shows a token redacted, like every output.
    expect(fs.readFileSync(path.join(reportDir, "patches", "repos-hardcoded-token.patch"), "utf8")).toMatch(/^-run_uv_job\("train\.py", secrets=\{"HF_TOKEN": "hf_FA…"\}\)$/m);
    expect(reportFiles(reportDir)).not.toContain(FAKE_TOKEN);
    expect(fs.existsSync(path.join(reportDir, ".work"))).toBe(false);
  });
});

describe("migrate --repos --branch", () => {
  let run: BuiltRun;
  let org = "";

  beforeAll(() => {
    org = path.join(temp, "branch-run");
    copyOrganisation(template, org);
    run = runBuilt(BRANCH_RUN, org);
  }, 60_000);

  it("reports what happened to each repository, in list order, as the table says", () => {
    expect(run.code).toBe(1);
    const records = readRecords(path.join(org, "report"));
    expect(records.map((record) => record.repository)).toEqual(LIST_NAMES);
    expect(Object.fromEntries(records.map((record) => [record.repository, described(record)]))).toEqual(EXPECTED);
    for (const record of records) {
      expect(record.branch, record.repository).toBe(record.status === "changed" ? BRANCH : null);
      expect(record.commit !== null, record.repository).toBe(record.status === "changed");
    }
  });

  it("writes the report byte for byte as the golden files hold it: JSON lines, Markdown summary, terminal table", () => {
    const reportDir = path.join(org, "report");
    compareGolden(goldenDir, "repositories.jsonl", fs.readFileSync(path.join(reportDir, "repositories.jsonl"), "utf8"));
    compareGolden(goldenDir, "summary.md", fs.readFileSync(path.join(reportDir, "summary.md"), "utf8"));
    compareGolden(goldenDir, "table.txt", run.stdout);
    expect(run.stderr).toBe("Report: report/repositories.jsonl and report/summary.md\n");
    expect(fs.readdirSync(reportDir).sort()).toEqual(["repositories.jsonl", "run.json", "summary.md"]);
    expect(reportFiles(reportDir) + run.stdout + run.stderr).not.toContain(FAKE_TOKEN);
  });

  it("creates the branch with one commit on HEAD in each changed repository, and leaves every checkout as it was", () => {
    for (const record of readRecords(path.join(org, "report"))) {
      const dir = path.join(org, record.repository);
      if (record.status !== "changed") {
        // Not one byte of it differs from the organisation before the run, git included.
        expect(snapshot(dir), record.repository).toEqual(untouched.get(record.repository));
        continue;
      }
      // The checkout is as it was; the branch is the one thing added, one commit on main.
      const [refs, files] = snapshot(dir);
      const [refsBefore, filesBefore] = untouched.get(record.repository)!;
      expect(refs, record.repository).toEqual({ ...refsBefore, [`refs/heads/${BRANCH}`]: `${record.commit}\n` });
      expect(files, record.repository).toEqual(filesBefore);
      const [parent, ...changed] = git(dir, ["show", "--name-only", "--format=%P", BRANCH]).trim().split("\n").filter(Boolean);
      expect(parent, record.repository).toBe(refsBefore["refs/heads/main"]!.trim());
      expect(changed.sort(), record.repository).toEqual([...new Set(Object.values(record.files_changed_per_rule).flat())].sort());
    }
  });

  it("commits with a message saying what changed and which tokens to revoke, redacted", () => {
    const dir = path.join(org, "repos/hardcoded-token");
    expect(git(dir, ["log", "-1", "--format=%an <%ae>%n%B", BRANCH])).toBe(
      [
        "Bulk Test <bulk-test@example.com>",
        "Fix Hugging Face token handling (hf-jobs-lint migrate)",
        "",
        "hf-jobs-lint migrate changed 1 file:",
        "",
        "- HFJ101 no-hardcoded-token: launch.py",
        "",
        "Tokens to revoke: these reached a file and the history keeps them, so removing them from the code does not",
        "un-leak them. Revoke each at the Hub's token settings:",
        "",
        "- launch.py:3 hf_FA…",
        "",
        "",
      ].join("\n"),
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["show", `${BRANCH}:launch.py`])).toBe('from huggingface_hub import run_uv_job, get_token\n\nrun_uv_job("train.py", secrets={"HF_TOKEN": get_token()})\n');
    const unreadable = git(path.join(org, "repos/unreadable"), ["log", "-1", "--format=%B", BRANCH]);
    expect(unreadable).toContain("Files that could not be checked:\n\n- loop.py: symlink loop\n- latin1.py: not valid UTF-8, skipped\n");
  });

  it("makes the commit the dry run's patch showed", () => {
    const dir = path.join(org, "repos/several-surfaces");
    const changedLines = (patch: string): string[] => patch.split("\n").filter((line) => /^[-+](?![-+]{2} )/.test(line));
    const patch = fs.readFileSync(path.join(temp, "dry-report", "patches", "repos-several-surfaces.patch"), "utf8");
    expect(changedLines(git(dir, ["diff", "main", BRANCH]))).toEqual(changedLines(patch));
  });

  it("a second run on the same report has nothing left to do and reports the same", () => {
    const report = reportFiles(path.join(org, "report"));
    const again = runBuilt(BRANCH_RUN, org);
    expect(again.code).toBe(run.code);
    expect(again.stdout).toBe(run.stdout);
    expect(again.stderr).toBe(`Report: report/repositories.jsonl and report/summary.md (${LIST_NAMES.length} repositories were finished by an earlier run)\n`);
    expect(reportFiles(path.join(org, "report"))).toBe(report);
  });

  describe("killed midway and resumed", () => {
    /**
     * The repositories a resume can get wrong, in list order: ones that get a branch (enough for two runs to die at
     * one each), and unchanged, skipped and failed ones between them (ref-locked fails after its commit). A
     * repository's record and branch do not depend on the others in the list, so each must come out as in the
     * uninterrupted run of the whole organisation.
     */
    const RESUMED = LIST_NAMES.filter((name) =>
      [
        "clean-launcher",
        "hardcoded-token",
        "literal-token",
        "dirty",
        "placeholder",
        "missing-secret",
        "branch-exists",
        "secret-name",
        "several-surfaces",
        "unreadable",
        "ref-locked",
        "missing",
      ].includes(name.slice("repos/".length)),
    );
    const RESUMED_RUN = ["migrate", "--repos", "resume.txt", "--branch", BRANCH, "--report", "report"];

    it("ends with the same records, branches and commits as the uninterrupted run", () => {
      const resumed = path.join(temp, "resumed-run");
      copyOrganisation(template, resumed);
      fs.writeFileSync(path.join(resumed, "resume.txt"), `${RESUMED.join("\n")}\n`);
      const records = (): number => (fs.existsSync(path.join(resumed, "report", "repositories.jsonl")) ? readRecords(path.join(resumed, "report")).length : 0);
      let finished = 0;
      // Each run dies at another step of a repository, its worktree still there: once after the branch (not recorded
      // yet: adopted), once after the commit (the branch is not there yet: done again); each resumes what the one
      // before left.
      for (const killAt of ["branched:3", "committed:2"]) {
        const killed = runBuilt(RESUMED_RUN, resumed, killAt);
        expect(killed.signal, `${killAt}: ${killed.stderr}`).toBe("SIGKILL");
        expect(records(), killAt).toBeGreaterThanOrEqual(finished);
        expect(records(), killAt).toBeLessThan(RESUMED.length);
        finished = records();
        expect(fs.existsSync(path.join(resumed, "report", ".work")), killAt).toBe(true);
      }
      // A kill in the middle of writing a record leaves half a line: the resumed run drops it and does that repository again.
      fs.appendFileSync(path.join(resumed, "report", "repositories.jsonl"), JSON.stringify({ repository: RESUMED[finished], status: "changed" }).slice(0, 30));

      const last = runBuilt(RESUMED_RUN, resumed);
      expect(last.signal).toBeNull();
      expect(last.code).toBe(1);
      expect(last.stderr).toBe(`Report: report/repositories.jsonl and report/summary.md (${finished} repositories were finished by an earlier run)\n`);
      // Commit ids are in the records: the same record means the same commit (tree, parent, message, author, dates).
      const uninterrupted = new Map(
        fs
          .readFileSync(path.join(org, "report", "repositories.jsonl"), "utf8")
          .trimEnd()
          .split("\n")
          .map((line) => [JSON.parse(line).repository as string, line]),
      );
      expect(fs.readFileSync(path.join(resumed, "report", "repositories.jsonl"), "utf8")).toBe(RESUMED.map((name) => `${uninterrupted.get(name)}\n`).join(""));
      const rows = (table: string): string[] =>
        table
          .split("\n")
          .filter((line) => RESUMED.some((name) => line.startsWith(`${name} `)))
          .map((line) => line.replace(/ +/g, " "));
      expect(rows(last.stdout)).toEqual(rows(run.stdout));
      expect(rows(last.stdout)).toHaveLength(RESUMED.length);
      expect(fs.existsSync(path.join(resumed, "report", ".work"))).toBe(false);
      for (const name of RESUMED) expect(snapshot(path.join(resumed, name)), name).toEqual(snapshot(path.join(org, name)));
    }, 120_000);
  });
});

describe("migrate --repos: usage", () => {
  it.each([
    [["migrate", "--repos", "repos.txt"], /migrate --repos needs --branch NAME .* or --dry-run/],
    [["migrate", "--repos", "repos.txt", "--dry-run", "."], /--repos takes the repositories from its list: give no paths/],
    [["migrate", "--repos", "repos.txt", "--dry-run", "--config", "hf-jobs-lint.toml"], /--config cannot be used with --repos/],
    [["migrate", "--branch", BRANCH, "."], /--branch needs --repos/],
    [["migrate", "--repos", "repos.txt", "--branch", "bad..name"], /--branch: `bad\.\.name` is not a valid branch name/],
    [["migrate", "--repos", "repos.txt", "--dry-run", "--shard", "4/3"], /--shard: expected I\/N with 1 <= I <= N/],
    [["migrate", "--repos", "nowhere.txt", "--dry-run"], /--repos: no such file or folder: nowhere\.txt/],
    [["check", "--repos", "repos.txt", "--fix"], /--fix cannot be used with --repos/],
  ])("%j is refused with exit status 2", async (argv, message) => {
    const result = await runCli(argv, { cwd: template });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });

  it("refuses to resume a report of another run", async () => {
    const reportDir = path.join(temp, "other-run");
    fs.mkdirSync(reportDir);
    fs.writeFileSync(path.join(reportDir, "run.json"), JSON.stringify({ command: "migrate", branch: "other", dry_run: true, only: [], output_format: null, shard: null }));
    const result = await runCli(["migrate", "--repos", "repos.txt", "--dry-run", "--report", reportDir], { cwd: template });
    expect(result.stderr).toMatch(/holds the report of another run \(migrate --dry-run --branch other\)/);
    expect(result.code).toBe(2);
  });
});
