// Ruff-style rule fixtures: fixtures/rules/<CODE>/ holds one file per surface the rule claims (launcher.py,
// launcher.ts, launch.sh, guide.md) with cases that must be reported (`expect: CODE` in a comment on the line)
// and look-alikes that must not (`ok: CODE`). Each file is checked in-process by the CLI with only its rule
// selected: the reported rows must be exactly the expected ones, and the `full` output must match the committed
// snapshot under test/golden/rules (vitest never writes a missing snapshot under CI: `.ci/run` sets CI).
// Regenerate after an intended change with `npx vitest run -u test/rule-fixtures.test.ts` and review the diff.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES, isRuleCode, type RuleCode, type Surface } from "@hf-jobs-lint/core";
import { runCli } from "./helpers/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const fixturesDir = path.join(repoRoot, "fixtures/rules");
const snapshotDir = path.join(here, "golden/rules");

const SURFACE_OF_EXTENSION: Record<string, Surface> = { ".py": "py", ".ts": "ts", ".js": "ts", ".mjs": "ts", ".sh": "sh", ".md": "md" };

interface Fixture {
  code: RuleCode;
  /** `fixtures/rules/HFJ201/launcher.py`, relative to the repository root, `/`-separated. */
  file: string;
  name: string;
  surface: Surface;
  text: string;
}

/** The top-level files of each rule folder (subfolders hold the job scripts the launchers name). */
function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const folder of fs.readdirSync(fixturesDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const code = folder.name;
    if (!isRuleCode(code)) throw new Error(`fixtures/rules/${code}: not a rule code of the catalog`);
    for (const entry of fs.readdirSync(path.join(fixturesDir, code), { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const surface = SURFACE_OF_EXTENSION[path.extname(entry.name)];
      if (!surface) throw new Error(`fixtures/rules/${code}/${entry.name}: no surface for this extension`);
      const file = `fixtures/rules/${code}/${entry.name}`;
      fixtures.push({ code, file, name: entry.name, surface, text: fs.readFileSync(path.join(repoRoot, file), "utf8") });
    }
  }
  return fixtures.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** 1-based rows holding `marker: CODE` (in a comment of the file's language). */
function markedRows(text: string, marker: "expect" | "ok", code: string): number[] {
  const pattern = new RegExp(`\\b${marker}: ${code}\\b`);
  return text.split("\n").flatMap((line, index) => (pattern.test(line) ? [index + 1] : []));
}

const fixtures = loadFixtures();

describe("rule fixtures", () => {
  describe.each(fixtures)("$file", ({ code, file, text }) => {
    it(`reports ${code} exactly on the lines marked \`expect: ${code}\``, async () => {
      const expected = markedRows(text, "expect", code);
      const lookAlikes = markedRows(text, "ok", code);
      expect(expected.length, "a fixture needs a case that is reported").toBeGreaterThan(0);
      expect(lookAlikes.length, "a fixture needs a look-alike that is not reported").toBeGreaterThan(0);
      const result = await runCli(["check", file, "--select", code, "--output-format", "json", "--threads", "1"], { cwd: repoRoot });
      expect(result.stderr).toBe("");
      const diagnostics = JSON.parse(result.stdout) as { code: string; location: { row: number } }[];
      expect(diagnostics.every((diagnostic) => diagnostic.code === code)).toBe(true);
      expect([...new Set(diagnostics.map((diagnostic) => diagnostic.location.row))].sort((a, b) => a - b)).toEqual(expected);
    });

    it("matches the snapshot of the full output", async () => {
      const result = await runCli(["check", file, "--select", code, "--output-format", "full", "--threads", "1"], { cwd: repoRoot });
      expect(result.code).toBe(1);
      await expect(result.stdout).toMatchFileSnapshot(path.join(snapshotDir, code, `${path.basename(file)}.txt`));
    });
  });
});

describe("every surface a rule claims has a fixture", () => {
  it.each(RULES.map((rule) => [rule.code, rule.surfaces] as const))("%s (%j)", (code, surfaces) => {
    const covered = new Set(fixtures.filter((fixture) => fixture.code === code && markedRows(fixture.text, "expect", code).length > 0).map((fixture) => fixture.surface));
    // A fixture that fires is checked above; here every claimed surface needs one, and no fixture may test a
    // surface the catalog does not claim (the docs and the README table would not mention it).
    expect([...surfaces].filter((surface) => !covered.has(surface)), `${code} claims these surfaces but fixtures/rules/${code}/ has no fixture of them`).toEqual([]);
    expect([...covered].filter((surface) => !surfaces.includes(surface)), `fixtures/rules/${code}/ tests surfaces the catalog does not claim`).toEqual([]);
  });
});
