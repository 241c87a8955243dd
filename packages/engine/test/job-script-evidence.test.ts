// What files sent ahead rest on: only a Python file's outcome depends on the job-script index (core's
// `judgesJobScripts`), so only a Python file checked ahead is compared with the finished index (and checked again). Every other fixture is checked with and without evidence naming it a job script, and must
// come out the same; a Python job script must not (or this test could not see a difference at all).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fileKind, judgesJobScripts } from "@hf-jobs-lint/core";
import { AnalyzerRegistry, checkFile, createLintContext, type CheckTarget, type FileOutcome } from "@hf-jobs-lint/engine";
import { checkSettings } from "../../../test/helpers/analyzer-harness.js";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "fixtures");
const registry = new AnalyzerRegistry();

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** The fixture checked with the job-script evidence given (or none), every rule on. */
async function checkWith(target: CheckTarget, named: boolean): Promise<FileOutcome> {
  const jobScripts = named ? { [target.path!]: { message: "job script: a launch runs it", filename: "run.sh", row: 0 } } : {};
  const settings = { ...checkSettings({ repoRoot: FIXTURES, configRoot: FIXTURES }), jobScripts };
  return checkFile(target, settings, createLintContext(settings, registry));
}

const targets: CheckTarget[] = listFiles(FIXTURES).flatMap((file) => {
  const kind = fileKind(file);
  return kind ? [{ filename: path.relative(FIXTURES, file), path: file, kind }] : [];
});

describe("job-script evidence", () => {
  it("changes nothing of a file whose kind does not judge job scripts", async () => {
    const others = targets.filter((target) => !judgesJobScripts(target.kind));
    expect(new Set(others.map((target) => target.kind))).toEqual(new Set(["typescript", "markdown", "shell", "yaml-ci", "notebook", "dockerfile", "dotenv", "text"]));
    for (const target of others) expect(await checkWith(target, true), target.filename).toEqual(await checkWith(target, false));
  }, 60_000);

  it("changes what a Python job script reports", async () => {
    const script = targets.find((target) => target.filename === path.join("python", "hfj301", "bad.py"));
    expect(script).toBeDefined();
    const named = await checkWith(script!, true);
    expect(named.diagnostics.map((diagnostic) => diagnostic.code)).toContain("HFJ301");
    expect(named).not.toEqual(await checkWith(script!, false));
  });
});
