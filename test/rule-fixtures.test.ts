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
import { RULES, fileKind, isRuleCode, type RuleCode, type Surface } from "@hf-jobs-lint/core";
import { runCli, withoutNotes } from "./helpers/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const fixturesDir = path.join(repoRoot, "fixtures/rules");
const snapshotDir = path.join(here, "golden/rules");

const SURFACE_OF_EXTENSION: Record<string, Surface> = {
  ".py": "py",
  ".ts": "ts",
  ".js": "ts",
  ".mjs": "ts",
  ".sh": "sh",
  ".md": "md",
  ".yml": "sh",
  ".json": "text",
  ".txt": "text",
  ".toml": "text",
};

/** Manifests beside a rule's fixtures set the huggingface_hub version the fixtures' command lines run with. */
const MANIFEST = /^(?:requirements.*\.txt|pyproject\.toml|uv\.lock|poetry\.lock)$/;

/** A fixture's surface: dotenv files and Dockerfiles by name (`.env.example`), the rest by extension. */
function surfaceOf(name: string): Surface | undefined {
  const kind = fileKind(name);
  if (kind === "dotenv") return "env";
  // Dockerfile RUN lines and extension-less shell scripts are shell.
  if (kind === "dockerfile" || path.extname(name) === "") return "sh";
  return SURFACE_OF_EXTENSION[path.extname(name)];
}

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
      if (!entry.isFile() || MANIFEST.test(entry.name)) continue;
      const surface = surfaceOf(entry.name);
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

const reported = new Map<string, Promise<{ code: string; location: { row: number } }[]>>();

/** The JSON findings of `check FILE --select CODE`, once per file. */
function findings({ code, file }: Fixture): Promise<{ code: string; location: { row: number } }[]> {
  let result = reported.get(file);
  if (!result) {
    result = runCli(["check", file, "--select", code, "--output-format", "json", "--threads", "1"], { cwd: repoRoot }).then((run) => {
      // `note:` lines (a launched script that is not there) are information, not errors.
      expect(withoutNotes(run.stderr), `${file}: the CLI reported an error`).toBe("");
      return JSON.parse(run.stdout) as { code: string; location: { row: number } }[];
    });
    reported.set(file, result);
  }
  return result;
}

describe("rule fixtures", () => {
  describe.each(fixtures)("$file", (fixture) => {
    const { code, file, text } = fixture;
    it(`reports ${code} exactly on the lines marked \`expect: ${code}\``, async () => {
      const expected = markedRows(text, "expect", code);
      const lookAlikes = markedRows(text, "ok", code);
      expect(expected.length, "a fixture needs a case that is reported").toBeGreaterThan(0);
      expect(lookAlikes.length, "a fixture needs a look-alike that is not reported").toBeGreaterThan(0);
      const diagnostics = await findings(fixture);
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

describe("every surface a rule claims has a fixture that fires it", () => {
  it.each(RULES.map((rule) => [rule.code, rule.surfaces] as const))("%s (%j)", async (code, surfaces) => {
    const firing = new Set<Surface>();
    for (const fixture of fixtures.filter((candidate) => candidate.code === code)) {
      if ((await findings(fixture)).some((diagnostic) => diagnostic.code === code)) firing.add(fixture.surface);
    }
    // A claimed surface with no fixture, or whose fixture the rule does not fire on, is a claim nobody implements.
    expect(
      [...surfaces].filter((surface) => !firing.has(surface)),
      `${code} claims these surfaces but fires in no fixtures/rules/${code}/ file of them`,
    ).toEqual([]);
    // And no fixture may show the rule on a surface the catalog does not claim (the docs and README would not say).
    expect(
      [...firing].filter((surface) => !surfaces.includes(surface)),
      `${code} fires on surfaces the catalog does not claim`,
    ).toEqual([]);
  });
});
