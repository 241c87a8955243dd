// Golden files never regenerate in CI: `.ci/run` sets CI itself, and the golden helper then refuses to write
// (a missing golden file fails, UPDATE_GOLDEN is refused). vitest's own file snapshots (`toMatchFileSnapshot`)
// behave the same under CI: a missing snapshot fails instead of being written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compareGolden, goldenModeFromEnv, isCI } from "./helpers/golden.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-golden-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("golden files under CI", () => {
  it(".ci/run exports CI=true before running anything", () => {
    const script = fs.readFileSync(path.join(repoRoot, ".ci/run"), "utf8");
    const exportAt = script.search(/^export CI=true$/m);
    expect(exportAt, ".ci/run must `export CI=true`").toBeGreaterThan(-1);
    expect(exportAt).toBeLessThan(script.search(/^npm ci$/m));
  });

  it("reads CI the way CI services set it", () => {
    expect(isCI({ CI: "true" })).toBe(true);
    expect(isCI({ CI: "1" })).toBe(true);
    expect(isCI({ CI: "false" })).toBe(false);
    expect(isCI({ CI: "" })).toBe(false);
    expect(isCI({})).toBe(false);
    expect(goldenModeFromEnv({ CI: "true", UPDATE_GOLDEN: "1" })).toEqual({ ci: true, update: true });
  });

  it("fails on a missing golden file and writes nothing", () => {
    expect(() => compareGolden(dir, "missing.txt", "output\n", { ci: true, update: false })).toThrow(/missing golden file missing\.txt/);
    expect(fs.existsSync(path.join(dir, "missing.txt"))).toBe(false);
  });

  it("refuses UPDATE_GOLDEN and leaves the golden file as it was", () => {
    fs.writeFileSync(path.join(dir, "kept.txt"), "old\n");
    expect(() => compareGolden(dir, "kept.txt", "new\n", { ci: true, update: true })).toThrow(/refused under CI/);
    expect(fs.readFileSync(path.join(dir, "kept.txt"), "utf8")).toBe("old\n");
  });

  it("fails on a difference", () => {
    fs.writeFileSync(path.join(dir, "differs.txt"), "old\n");
    expect(() => compareGolden(dir, "differs.txt", "new\n", { ci: true, update: false })).toThrow(/differs from the golden file/);
  });

  it("outside CI, writes a missing golden file (to review and commit) and rewrites with UPDATE_GOLDEN", () => {
    compareGolden(dir, "sub/new.txt", "first\n", { ci: false, update: false });
    expect(fs.readFileSync(path.join(dir, "sub/new.txt"), "utf8")).toBe("first\n");
    compareGolden(dir, "sub/new.txt", "second\n", { ci: false, update: true });
    expect(fs.readFileSync(path.join(dir, "sub/new.txt"), "utf8")).toBe("second\n");
  });
});
