#!/usr/bin/env node
/**
 * A longer fuzz run than `npm test` makes (run `npm run build` first):
 *
 *   node scripts/fuzz.js [--seed 1] [--inputs 20000] [--batch 200] [--out DIR]
 *
 * Seeded mutations of the rule fixtures, each with a planted fake token, checked in batches through the built
 * CLI (worker threads included) for: no internal error, fixed files that parse, a second --fix that changes
 * nothing, and no planted token in any output. Prints the figures (inputs, batches, failures) and each failure
 * with how its input was made; with --out, every failing input is written there to reproduce it.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { redactText } from "../packages/core/dist/index.js";
import { countSyntaxErrors, initPythonParser } from "../packages/python/dist/index.js";
import { typescriptAnalyzer } from "../packages/eslint-plugin/dist/analyzer.js";
import { runMain } from "../packages/cli/dist/index.js";
import { checkBatch, describeFailure, makeInput, random, seedFiles } from "./fuzz-lib.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const seed = Number(option("seed", 1));
const total = Number(option("inputs", 20000));
const batchSize = Number(option("batch", 200));
const out = option("out", null);

await initPythonParser();
const syntaxErrors = (kind, text) => (kind === "py" ? countSyntaxErrors(text) : typescriptAnalyzer.countSyntaxErrors(text, "fuzz.ts"));

async function runCli(argv, { cwd }) {
  let stdout = "";
  let stderr = "";
  const code = await runMain(argv, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => "", stderrIsTTY: false });
  return { code, stdout, stderr };
}

const seeds = seedFiles(repoRoot);
const rng = random(seed);
const started = Date.now();
let made = 0;
let batches = 0;
let slowest = 0;
const failures = [];
while (made < total) {
  const inputs = [];
  for (let k = 0; k < batchSize && made < total; k++) inputs.push(makeInput(seeds, rng, made++));
  const batchStarted = Date.now();
  const found = await checkBatch(inputs, { runCli, syntaxErrors });
  slowest = Math.max(slowest, Date.now() - batchStarted);
  batches++;
  for (const failure of found) {
    failures.push(failure);
    console.log(`FAIL ${redactText(describeFailure(failure))}`);
    if (out) {
      const file = path.join(out, `${failures.length}-${path.basename(failure.input.name).replace(failure.input.token, "TOKEN")}`);
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(file, failure.input.text);
    }
  }
  if (batches % 10 === 0) console.log(`... ${made} inputs, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const seconds = (Date.now() - started) / 1000;
console.log(
  `fuzz: seed ${seed}, ${made} inputs from ${seeds.length} fixtures in ${batches} batches of ${batchSize}: ${failures.length} failures; ${seconds.toFixed(1)} s (slowest batch ${(slowest / 1000).toFixed(1)} s)`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
