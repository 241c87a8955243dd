// `npm run new-rule` on a copy of the two files it edits: what it writes, where it registers the rule, and what
// it refuses (a code or name in use: codes are never reused).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const script = path.join(repoRoot, "scripts/new-rule.js");
const EDITED = ["packages/core/src/catalog/index.ts", "packages/eslint-plugin/src/index.ts"];
const temps: string[] = [];

function copyRepo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-new-rule-"));
  temps.push(root);
  for (const file of EDITED) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), path.join(root, file));
  }
  return root;
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run new-rule", () => {
  it("writes the catalog entry, a fixture per surface, the ESLint rule and its test, and registers them in code order", () => {
    const root = copyRepo();
    execFileSync(process.execPath, [script, "HFJ208", "no-example-thing", "--surfaces", "py,ts,md", "--root", root], { encoding: "utf8" });
    const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
    expect(read("packages/core/src/catalog/rules/hfj208-no-example-thing.ts")).toContain('code: "HFJ208"');
    expect(read("packages/core/src/catalog/rules/hfj208-no-example-thing.ts")).toContain('surfaces: ["py","ts","md"]');
    expect(fs.readdirSync(path.join(root, "fixtures/rules/HFJ208")).sort()).toEqual(["guide.md", "launcher.py", "launcher.ts"]);
    expect(read("fixtures/rules/HFJ208/launcher.py")).toContain("expect: HFJ208");
    expect(read("packages/eslint-plugin/src/rules/no-example-thing.ts")).toContain(`createLaunchRule("HFJ208")`);
    expect(read("packages/eslint-plugin/test/rules/no-example-thing.test.ts")).toContain('messageId: "forwarded"');

    const catalog = read("packages/core/src/catalog/index.ts");
    // After HFJ207, before HFJ301: the catalog stays in code order.
    expect(catalog.indexOf("noExampleThing,")).toBeGreaterThan(catalog.indexOf("noFlagsAfterScript,"));
    expect(catalog.indexOf("noExampleThing,")).toBeLessThan(catalog.indexOf("checkTokenEarly,"));
    expect(catalog).toContain('import { noExampleThing } from "./rules/hfj208-no-example-thing.js";');
    expect(read("packages/eslint-plugin/src/index.ts")).toMatch(/import noExampleThing from "\.\/rules\/no-example-thing\.js";[\s\S]*\n {4}noExampleThing,\n/);
  });

  it("writes no ESLint rule for a rule without a ts surface", () => {
    const root = copyRepo();
    execFileSync(process.execPath, [script, "HFJ304", "check-something-else", "--surfaces", "py", "--root", root], { encoding: "utf8" });
    expect(fs.existsSync(path.join(root, "packages/eslint-plugin/src/rules/check-something-else.ts"))).toBe(false);
    expect(fs.readFileSync(path.join(root, "packages/eslint-plugin/src/index.ts"), "utf8")).toBe(fs.readFileSync(path.join(repoRoot, EDITED[1]!), "utf8"));
  });

  it.each([
    [["HFJ201", "no-other-thing"], "is in the catalog already"],
    [["HFJ209", "no-token-in-env"], "exists already"],
    [["HFJ2O9", "no-other-thing"], "usage"],
    [["HFJ209", "single"], "kebab-case"],
    [["HFJ209", "no-other-thing", "--surfaces", "py,rust"], "unknown surface"],
  ])("refuses %j", (args, message) => {
    const root = copyRepo();
    const result = spawnSync(process.execPath, [script, ...args, "--root", root], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(fs.existsSync(path.join(root, "fixtures"))).toBe(false);
  });
});
