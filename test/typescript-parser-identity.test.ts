/**
 * The CLI parses TS/JS with oxc (packages/engine/src/typescript-parser.ts); editors with typescript-eslint's parser.
 * Every finding, fix and parse error on the shipped fixtures (TS files, Markdown fences, notebooks; all rules) is
 * the same with either.
 */
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "./helpers/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "..");

async function report(parser: "oxc" | "typescript-eslint"): Promise<unknown[]> {
  vi.stubEnv("HF_JOBS_LINT_TS_PARSER", parser);
  const result = await runCli(["check", "fixtures", "--select", "ALL", "--unsafe-fixes", "--output-format", "json", "--exit-zero"], { cwd: ROOT });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as unknown[];
}

describe("oxc and typescript-eslint's parser on the fixtures", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("give the same report", { timeout: 120_000 }, async () => {
    const withOxc = await report("oxc");
    const withTypescriptEslint = await report("typescript-eslint");
    // The fixtures hold TS findings, fixes and a file that does not parse: the comparison is not vacuous.
    const entries = withOxc as Array<{ code: string | null; filename: string; fix: unknown }>;
    const fromTypeScript = entries.filter((entry) => /\.(?:[cm]?[jt]sx?|md)$/.test(entry.filename));
    expect(fromTypeScript.filter((entry) => entry.code !== null).length).toBeGreaterThan(30);
    expect(fromTypeScript.some((entry) => entry.fix !== null)).toBe(true);
    expect(withOxc).toEqual(withTypescriptEslint);
  });
});
