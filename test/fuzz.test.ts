// A bounded fuzz run (scripts/fuzz.js runs longer ones): seeded mutations of the rule fixtures, each with a planted
// fake token, checked in batches through the CLI. No internal error, fixed files that parse, a second --fix that
// changes nothing, no planted token in any output. The same seed gives the same inputs on every machine.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countSyntaxErrors, initPythonParser } from "@hf-jobs-lint/python";
import { AnalyzerRegistry } from "@hf-jobs-lint/engine";
import { checkBatch, describeFailure, makeInput, random, seedFiles } from "../scripts/fuzz-lib.js";
import { runCli } from "./helpers/run-cli.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Inputs per run: a few batches, so the run stays well under a minute on a loaded 2-core machine. */
const INPUTS = 2000;
const BATCH = 200;
const SEED = 20260;

describe("fuzzed inputs", () => {
  it(`${INPUTS} mutations of the fixtures (seed ${SEED}) keep every promise`, async () => {
    await initPythonParser();
    // The CLI's TS analyzer (the oxc parser), the one `checkBatch` runs through the CLI.
    const typescriptAnalyzer = await new AnalyzerRegistry().get("typescript");
    const syntaxErrors = (kind: "py" | "ts", text: string): number | null =>
      kind === "py" ? countSyntaxErrors(text) : (typescriptAnalyzer.countSyntaxErrors?.(text, "fuzz.ts") ?? null);
    const seeds = seedFiles(repoRoot);
    expect(seeds.length).toBeGreaterThan(40);
    const rng = random(SEED);
    const failures: string[] = [];
    for (let made = 0; made < INPUTS;) {
      const inputs = Array.from({ length: Math.min(BATCH, INPUTS - made) }, () => makeInput(seeds, rng, made++));
      for (const failure of await checkBatch(inputs, { runCli, syntaxErrors })) failures.push(describeFailure(failure));
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
