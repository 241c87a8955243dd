// The Python corpus (fixtures/corpus/python, written by fixtures/corpus/generate.js): `check` must report
// nothing on the clean files and exactly the expected CODE@row list on each mistakes file, print no token whole,
// and report the opt-in HFJ302 findings only under `--select HFJ302`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findTokens, findTokenShapes } from "@hf-jobs-lint/core";
import { runCli, type CliResult } from "./helpers/run-cli.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = path.join(repoRoot, "fixtures", "corpus", "python");
const OPT_IN_KEY = "HFJ302 (opt-in)";

interface JsonFinding {
  code: string;
  message: string;
  filename: string;
  location: { row: number; column: number };
}

function listPython(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listPython(full));
    else if (entry.name.endsWith(".py")) out.push(path.relative(corpusDir, full).split(path.sep).join("/"));
  }
  return out.sort();
}

const expectedFile = JSON.parse(fs.readFileSync(path.join(corpusDir, "expected.json"), "utf8")) as Record<string, unknown>;
const optInExpected = expectedFile[OPT_IN_KEY] as Record<string, string[]>;
const mistakesExpected = Object.fromEntries(Object.entries(expectedFile).filter(([key]) => key.startsWith("mistakes/"))) as Record<string, string[]>;
const files = listPython(corpusDir);
const cleanFiles = files.filter((file) => file.startsWith("clean/"));
const mistakeFiles = files.filter((file) => file.startsWith("mistakes/"));

/** Findings per corpus file (paths relative to the corpus), from one in-process `check` run. */
function byFile(result: CliResult): Map<string, JsonFinding[]> {
  if (!result.stdout.trim().startsWith("[")) throw new Error(`check printed no JSON (exit ${result.code}): ${result.stderr.slice(0, 2000)}`);
  const findings = JSON.parse(result.stdout) as JsonFinding[];
  const map = new Map<string, JsonFinding[]>();
  for (const finding of findings) {
    const rel = path.relative(corpusDir, path.resolve(repoRoot, finding.filename)).split(path.sep).join("/");
    if (!map.has(rel)) map.set(rel, []);
    map.get(rel)!.push(finding);
  }
  return map;
}

function codeAtRow(findings: readonly JsonFinding[]): string[] {
  return findings.map((finding) => `${finding.code}@${finding.location.row}`).sort((a, b) => Number(a.split("@")[1]) - Number(b.split("@")[1]) || a.localeCompare(b));
}

function describeFindings(file: string, findings: readonly JsonFinding[]): string {
  return findings.map((f) => `  ${file}:${f.location.row}:${f.location.column} ${f.code} ${f.message}`).join("\n");
}

const corpusArg = path.relative(repoRoot, corpusDir);
let defaultRun: CliResult;
let optInRun: CliResult;
let defaultFindings: Map<string, JsonFinding[]>;
let optInFindings: Map<string, JsonFinding[]>;

beforeAll(async () => {
  defaultRun = await runCli(["check", corpusArg, "--output-format", "json", "--exit-zero", "--threads", "1"], { cwd: repoRoot });
  optInRun = await runCli(["check", corpusArg, "--select", "HFJ302", "--output-format", "json", "--exit-zero", "--threads", "1"], { cwd: repoRoot });
  defaultFindings = byFile(defaultRun);
  optInFindings = byFile(optInRun);
}, 180_000);

describe("the Python corpus itself", () => {
  it("is what the generator writes (rerun fixtures/corpus/generate.js after editing a template)", () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, "fixtures", "corpus", "generate.js"), "--check"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("has a few hundred files, about four in five clean, and an expectation for every mistakes file", () => {
    expect(files.length).toBeGreaterThanOrEqual(250);
    expect(cleanFiles.length / files.length).toBeGreaterThan(0.6);
    expect(Object.keys(mistakesExpected).sort()).toEqual(mistakeFiles);
    for (const file of Object.keys(optInExpected)) expect(files).toContain(file);
  });

  it("covers every default py rule at least twice, and HFJ302 in the opt-in list", () => {
    const counts = new Map<string, number>();
    for (const list of Object.values(mistakesExpected)) for (const entry of list) counts.set(entry.split("@")[0]!, (counts.get(entry.split("@")[0]!) ?? 0) + 1);
    for (const code of ["HFJ101", "HFJ102", "HFJ103", "HFJ104", "HFJ201", "HFJ202", "HFJ203", "HFJ204", "HFJ205", "HFJ206", "HFJ207", "HFJ301", "HFJ303"]) {
      expect(counts.get(code) ?? 0, code).toBeGreaterThanOrEqual(2);
    }
    expect(counts.has("HFJ302")).toBe(false);
    expect(Object.values(optInExpected).flat().length).toBeGreaterThanOrEqual(2);
  });

  it("holds only FAKE tokens", () => {
    for (const file of files) {
      for (const match of findTokens(fs.readFileSync(path.join(corpusDir, file), "utf8"))) expect(match.token, file).toContain("FAKE");
    }
  });
});

describe("hf-jobs-lint check on the Python corpus", () => {
  it("runs without per-file errors", () => {
    expect(defaultRun.code).toBe(0);
    expect(defaultRun.stderr).toBe("");
    for (const rel of defaultFindings.keys()) expect(files, `finding outside the corpus: ${rel}`).toContain(rel);
  });

  it("reports nothing on the clean files", () => {
    const unexpected = cleanFiles.filter((file) => (defaultFindings.get(file) ?? []).length > 0);
    const report = unexpected.map((file) => describeFindings(file, defaultFindings.get(file)!)).join("\n");
    expect(unexpected, `unexpected findings on clean files:\n${report}`).toEqual([]);
  });

  it.each(mistakeFiles)("reports exactly the expected findings on %s", (file) => {
    const got = defaultFindings.get(file) ?? [];
    expect(codeAtRow(got), describeFindings(file, got)).toEqual(mistakesExpected[file]);
  });

  it("reports the opt-in HFJ302 findings under --select HFJ302, and nothing else", () => {
    const got = Object.fromEntries([...optInFindings].map(([file, findings]) => [file, codeAtRow(findings)]));
    expect(got).toEqual(optInExpected);
    expect([...defaultFindings.values()].flat().some((finding) => finding.code === "HFJ302")).toBe(false);
  });

  it("never prints a token whole", () => {
    const tokens = new Set<string>();
    for (const file of files) for (const match of findTokens(fs.readFileSync(path.join(corpusDir, file), "utf8"))) tokens.add(match.token);
    expect(tokens.size).toBeGreaterThan(0);
    for (const output of [defaultRun.stdout, defaultRun.stderr, optInRun.stdout, optInRun.stderr]) {
      for (const token of tokens) expect(output.includes(token), `token ${token.slice(0, 5)}… printed whole`).toBe(false);
      expect(findTokenShapes(output)).toEqual([]);
    }
  });
});
