import fs from "node:fs";
import path from "node:path";
import { FIXTURES, fixUntilStable, hasSyntaxError, inputFor, setup } from "./helpers.js";
import { analyzePython } from "../src/index.js";

beforeAll(setup);

/** Every Python fixture except the expected outputs. */
function fixtureFiles(dir = FIXTURES): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...fixtureFiles(full));
    else if (entry.name.endsWith(".py") && !entry.name.includes("_fixed_expected")) files.push(full);
  }
  return files.sort();
}

const files = fixtureFiles().map((file) => path.relative(FIXTURES, file));

describe("all fixes (safe and unsafe) on every fixture: parse, converge, idempotent", () => {
  test.each(files)("%s", (relative) => {
    const filePath = path.join(FIXTURES, relative);
    const root = relative.startsWith("repo-launcher/") ? path.join(FIXTURES, "repo-launcher") : FIXTURES;
    const original = fs.readFileSync(filePath, "utf8");
    const run = fixUntilStable(original, { unsafe: true, filePath, root });
    expect(hasSyntaxError(run.text)).toBe(hasSyntaxError(original));
    // Idempotent: the fixed text offers no further fix.
    const again = analyzePython(inputFor(run.text, filePath, root));
    expect(again.filter((d) => d.fix && d.fix.edits.length > 0)).toEqual([]);
    // Line endings are kept: a CRLF file has no bare LF afterwards.
    if (original.includes("\r\n")) expect(run.text.replace(/\r\n/g, "")).not.toContain("\n");
  });
});
