// `check --repos`: an organisation-wide audit that changes nothing, with each repository's findings written as SARIF
// or JSON beside its record and a summary of the repositories holding tokens to revoke; `--shard I/N` splitting the
// list so shards cover it exactly once; `report merge` joining them into the unsharded run's report; the progress
// bar on a terminal only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateOrganisation, LIST_NAMES, REPOSITORIES } from "./helpers/bulk-repos.js";
import { FAKE_TOKEN, runCli } from "./helpers/run-cli.js";

interface RecordLine {
  repository: string;
  status: string;
  reason: string | null;
  output: string | null;
  findings_left: { code: string }[];
  tokens_to_revoke: { file: string; line: number; token: string }[];
}

function readRecords(reportDir: string): RecordLine[] {
  return fs
    .readFileSync(path.join(reportDir, "repositories.jsonl"), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as RecordLine);
}

function readFolder(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((name) => fs.statSync(path.join(dir, name)).isFile())
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name), "utf8")]),
  );
}

let org = "";

beforeAll(() => {
  org = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-bulk-check-"));
  generateOrganisation(org, LIST_NAMES, { commit: false });
});

afterAll(() => fs.rmSync(org, { recursive: true, force: true }));

describe("check --repos", () => {
  it("writes SARIF per repository of a folder of checkouts and says which repositories hold tokens to revoke", async () => {
    const result = await runCli(["check", "--repos", "repos", "--output-format", "sarif", "--report", "audit"], { cwd: org });
    expect(result.code).toBe(1);
    const records = readRecords(path.join(org, "audit"));
    // The folder's checkouts, in name order; `not-a-checkout` has no .git and is no repository of the folder.
    expect(records.map((record) => record.repository)).toEqual(Object.keys(REPOSITORIES).sort());
    for (const record of records) {
      if (record.repository === "bad-config") {
        expect(record).toMatchObject({ status: "failed", reason: "configuration: hf-jobs-lint.toml: `select`: unknown rule `HFJ999`", output: null });
        continue;
      }
      expect(record.status, record.repository).toBe("checked");
      expect(record.output, record.repository).toBe(`results/${record.repository}.sarif`);
      const sarif = JSON.parse(fs.readFileSync(path.join(org, "audit", record.output!), "utf8")) as { version: string; runs: { results: unknown[] }[] };
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0]!.results, record.repository).toHaveLength(record.findings_left.length + record.tokens_to_revoke.length);
    }
    // Each repository's own configuration: the same launcher is a finding in env-token and ignored in config-ignores.
    const findings = Object.fromEntries(records.map((record) => [record.repository, record.findings_left.map((finding) => finding.code)]));
    expect(findings["env-token"]).toEqual(["HFJ201"]);
    expect(findings["config-ignores"]).toEqual([]);
    expect(findings["config-extends"]).toEqual(["HFJ302"]);
    expect(records.find((record) => record.repository === "hardcoded-token")!.tokens_to_revoke).toEqual([{ file: "launch.py", line: 3, token: "hf_FA…" }]);

    expect(result.stdout).toMatch(/^hardcoded-token +checked +2 +0 +1 +0 +0 +results\/hardcoded-token\.sarif$/m);
    expect(result.stdout).toMatch(/^Tokens to revoke: 1 in 1 repository \(hardcoded-token\)\.$/m);
    const summary = fs.readFileSync(path.join(org, "audit", "summary.md"), "utf8");
    const count = Object.keys(REPOSITORIES).length;
    expect(summary).toMatch(`# hf-jobs-lint check --repos\n\n${count} repositories: ${count - 1} checked, 1 failed.\nTokens to revoke: 1 in 1 repository (hardcoded-token).\n`);
    expect(summary).toContain(
      "## Tokens to revoke\n\nThese tokens reached a file, and the history keeps them whatever the migration changed: revoke each at the Hub's token settings.\n\n### hardcoded-token\n\n- `launch.py:3` `hf_FA…`\n",
    );
    expect(JSON.stringify(readFolder(path.join(org, "audit"))) + result.stdout + result.stderr).not.toContain(FAKE_TOKEN);
    // An audit changes nothing: no repository has a file it did not have.
    expect(fs.readdirSync(path.join(org, "repos", "env-token")).sort()).toEqual([".git", "launch.py", "train.py"]);
  });

  it("writes the JSON `check` gives in that repository with that configuration", async () => {
    const result = await runCli(["check", "--repos", "repos.txt", "--report", "audit-json"], { cwd: org });
    expect(result.code).toBe(1);
    const records = readRecords(path.join(org, "audit-json"));
    expect(records.map((record) => record.repository)).toEqual(LIST_NAMES);
    expect(records.find((record) => record.repository === "repos/missing")).toMatchObject({ status: "failed", reason: "no such folder" });
    const results = (name: string): string => fs.readFileSync(path.join(org, "audit-json", "results", `repos-${name}.json`), "utf8");
    // config-ignores has a configuration of its own: `check` run inside it finds the same.
    const inside = await runCli(["check", "--output-format", "json"], { cwd: path.join(org, "repos", "config-ignores") });
    expect(results("config-ignores")).toBe(inside.stdout);
    expect(results("token-output")).toBe((await runCli(["check", "--output-format", "json", "--isolated"], { cwd: path.join(org, "repos", "token-output") })).stdout);
    // env-token has none: `check` inside it would take the organisation folder's (select HFJ303 only); --repos does not.
    expect(JSON.parse(results("env-token"))).toHaveLength(1);
    expect(JSON.parse((await runCli(["check", "--output-format", "json"], { cwd: path.join(org, "repos", "env-token") })).stdout)).toEqual([]);
  });
});

describe("--shard and report merge", () => {
  it("shards cover the list exactly once, and their merged report is the unsharded one", async () => {
    const whole = await runCli(["check", "--repos", "repos.txt", "--report", "whole"], { cwd: org });
    const shards: string[][] = [];
    for (let i = 1; i <= 3; i++) {
      const result = await runCli(["check", "--repos", "repos.txt", "--shard", `${i}/3`, "--report", `shard-${i}`], { cwd: org });
      expect(result.code).toBe(1);
      shards.push(readRecords(path.join(org, `shard-${i}`)).map((record) => record.repository));
    }
    // Every third repository of the list, from the I-th: disjoint, together the whole list, within one of the same size.
    expect(shards).toEqual([0, 1, 2].map((k) => LIST_NAMES.filter((_, index) => index % 3 === k)));
    expect(shards.flat().sort()).toEqual([...LIST_NAMES].sort());

    const merged = await runCli(["report", "merge", "--output", "merged", "shard-3", "shard-1", "shard-2"], { cwd: org });
    expect(merged.code).toBe(0);
    expect(merged.stderr).toBe("Merged 3 reports into merged\n");
    expect(merged.stdout).toBe(whole.stdout);
    const wholeFiles = readFolder(path.join(org, "whole"));
    const mergedFiles = readFolder(path.join(org, "merged"));
    // The same files, the same summary and results; the records sorted by repository instead of in list order.
    expect(Object.keys(mergedFiles)).toEqual(Object.keys(wholeFiles));
    for (const name of Object.keys(wholeFiles)) if (name !== "repositories.jsonl") expect(mergedFiles[name], name).toBe(wholeFiles[name]);
    const sortedLines = (text: string): string[] => text.trimEnd().split("\n").sort();
    expect(mergedFiles["repositories.jsonl"]!.trimEnd().split("\n")).toEqual(sortedLines(wholeFiles["repositories.jsonl"]!));
  });

  it("refuses to merge reports of different runs", async () => {
    await runCli(["check", "--repos", "repos.txt", "--shard", "1/2", "--output-format", "sarif", "--report", "sarif-shard"], { cwd: org });
    await runCli(["check", "--repos", "repos.txt", "--shard", "2/2", "--report", "json-shard"], { cwd: org });
    const result = await runCli(["report", "merge", "--output", "mixed", "sarif-shard", "json-shard"], { cwd: org });
    expect(result.stderr).toMatch(/json-shard is the report of another run; merge only the shards of one run/);
    expect(result.code).toBe(2);
  });
});

describe("progress", () => {
  function captureStderrWrites(isTTY: boolean): { writes: string[]; restore: () => void } {
    const writes: string[] = [];
    const descriptor = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
    Object.defineProperty(process.stderr, "isTTY", { value: isTTY, configurable: true });
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    return {
      writes,
      restore: () => {
        spy.mockRestore();
        if (descriptor) Object.defineProperty(process.stderr, "isTTY", descriptor);
        else delete (process.stderr as { isTTY?: boolean }).isTTY;
      },
    };
  }

  it("shows repositories done and findings so far on a terminal, and nothing when piped", async () => {
    const terminal = captureStderrWrites(true);
    try {
      await runCli(["check", "--repos", "repos.txt", "--shard", "1/4", "--report", "progress-tty"], { cwd: org, stderrIsTTY: true });
    } finally {
      terminal.restore();
    }
    const shard = LIST_NAMES.filter((_, index) => index % 4 === 0).length;
    expect(terminal.writes.join("")).toMatch(new RegExp(`\\d+/${shard} repositories \\| \\d+ findings`));

    const piped = captureStderrWrites(false);
    try {
      await runCli(["check", "--repos", "repos.txt", "--shard", "2/4", "--report", "progress-piped"], { cwd: org });
    } finally {
      piped.restore();
    }
    expect(piped.writes).toEqual([]);
  });
});
