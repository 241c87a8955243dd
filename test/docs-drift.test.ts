// The committed docs must be exactly what scripts/generate-docs.js writes from the catalog: this fails when the
// catalog is edited without running `npm run docs` (or a generated page is edited by hand).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES, extractRuleTableBlock, generatedDocFiles, renderRuleTable } from "@hf-jobs-lint/core";

const root = fileURLToPath(new URL("..", import.meta.url));
const files = generatedDocFiles(RULES);
const regenerate = "out of date: run `npx tsc -b && npm run docs`";

describe("generated docs are committed up to date", () => {
  it.each([...files.keys()])("%s", (relativePath) => {
    const path = join(root, relativePath);
    expect(existsSync(path), `${relativePath} is missing: ${regenerate}`).toBe(true);
    expect(readFileSync(path, "utf8"), `${relativePath} is ${regenerate}`).toBe(files.get(relativePath));
  });

  it("has no page left over from a rule that is gone", () => {
    for (const folder of ["docs/rules", "packages/eslint-plugin/docs/rules"]) {
      const pages = readdirSync(join(root, folder)).filter((entry) => entry.endsWith(".md"));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect(files.has(`${folder}/${page}`), `${folder}/${page} is stale: ${regenerate}`).toBe(true);
    }
  });

  it("README.md's rule table", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const block = extractRuleTableBlock(readme);
    expect(block, "README.md lost its <!-- begin rule table --> / <!-- end rule table --> markers").not.toBeNull();
    expect(block, `README.md's rule table is ${regenerate}`).toBe(renderRuleTable(RULES));
  });
});
