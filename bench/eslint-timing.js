#!/usr/bin/env node
/**
 * How much lint time eslint-plugin-hf-jobs adds, TIMING=all-style: ESLint's `stats: true` per-rule times,
 * summed over a corpus of real JavaScript (the typescript-eslint packages' dist, about 300 files) plus the
 * TypeScript fixtures, linted with every plugin rule and a baseline of ESLint's recommended core rules.
 *
 *   npx tsc -b packages/eslint-plugin && node bench/eslint-timing.js [--runs N]
 *
 * Reads the built plugin (packages/eslint-plugin/dist); nothing is written.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { builtinRules } from "eslint/use-at-your-own-risk";
import tsParser from "@typescript-eslint/parser";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;

const pluginEntry = path.join(root, "packages/eslint-plugin/dist/index.js");
const { default: hfJobs } = await import(pathToFileURL(pluginEntry).href);

function collect(dir, extensions, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(full, extensions, out);
    else if (extensions.some((extension) => entry.name.endsWith(extension)) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

const tsEslintRoot = path.join(root, "node_modules/@typescript-eslint");
const files = [
  ...readdirSync(tsEslintRoot).flatMap((pkg) => {
    const dist = path.join(tsEslintRoot, pkg, "dist");
    try {
      return collect(dist, [".js"]);
    } catch {
      return [];
    }
  }),
  ...collect(path.join(root, "fixtures/typescript"), [".ts", ".mjs", ".js"]).filter((file) => !file.includes("syntax-error")),
];
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);

// Baseline: ESLint's own recommended core rules (what `@eslint/js` recommended turns on).
const baselineRules = Object.fromEntries([...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended && !rule.meta.deprecated).map(([name]) => [name, "error"]));
const pluginRules = Object.fromEntries(Object.keys(hfJobs.rules).map((name) => [`hf-jobs/${name}`, "error"]));

function makeEslint(rules) {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    ignore: false,
    stats: true,
    overrideConfig: [
      {
        files: ["**/*.{js,mjs,cjs,ts,mts,cts,tsx,jsx}"],
        languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
        linterOptions: { reportUnusedDisableDirectives: "off" },
        plugins: { "hf-jobs": hfJobs },
        rules,
      },
    ],
  });
}

/** Sum ESLint's stats over all files: parse, each rule, fix, and the total per pass. */
function sumStats(results) {
  const rules = new Map();
  let parse = 0;
  let total = 0;
  let fix = 0;
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      fix += pass.fix?.total ?? 0;
      total += pass.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) rules.set(ruleId, (rules.get(ruleId) ?? 0) + time.total);
    }
  }
  return { parse, fix, total, rules };
}

async function timed(rules) {
  const eslint = makeEslint(rules);
  const started = performance.now();
  const results = await eslint.lintFiles(files);
  return { wall: performance.now() - started, results };
}

const ms = (value) => `${value.toFixed(1)} ms`;

console.log(`corpus: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB (typescript-eslint dist + fixtures/typescript)`);
console.log(`rules: ${Object.keys(pluginRules).length} hf-jobs + ${Object.keys(baselineRules).length} ESLint recommended core rules; ${runs} runs, best run shown\n`);

// Warm-up (module loading, JIT), then the best of N runs for each configuration.
await timed({ ...baselineRules, ...pluginRules });
let best = null;
for (let i = 0; i < runs; i++) {
  const run = await timed({ ...baselineRules, ...pluginRules });
  const stats = sumStats(run.results);
  if (!best || stats.total < best.stats.total) best = { ...run, stats };
}
const wallOf = async (rules) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, (await timed(rules)).wall);
  return min;
};
const baselineWall = await wallOf(baselineRules);
const pluginOnlyWall = await wallOf(pluginRules);

const { stats } = best;
let pluginTime = 0;
let baselineTime = 0;
const pluginRows = [];
for (const [ruleId, time] of stats.rules) {
  if (ruleId.startsWith("hf-jobs/")) {
    pluginTime += time;
    pluginRows.push([ruleId, time]);
  } else baselineTime += time;
}
pluginRows.sort((a, b) => b[1] - a[1]);

const findings = best.results.reduce((sum, result) => sum + result.messages.filter((m) => m.ruleId?.startsWith("hf-jobs/")).length, 0);
console.log("TIMING (stats: true, summed over files, combined run)");
console.log(`  parse                     ${ms(stats.parse).padStart(10)}`);
console.log(`  ESLint recommended rules  ${ms(baselineTime).padStart(10)}`);
console.log(`  hf-jobs rules             ${ms(pluginTime).padStart(10)}`);
console.log(`  total lint time           ${ms(stats.total).padStart(10)}`);
console.log(`  hf-jobs share of total    ${((100 * pluginTime) / stats.total).toFixed(1).padStart(8)} %`);
console.log(`  hf-jobs vs baseline rules ${((100 * pluginTime) / baselineTime).toFixed(1).padStart(8)} %`);
console.log(`  hf-jobs findings          ${String(findings).padStart(10)}\n`);
console.log("Per hf-jobs rule");
for (const [ruleId, time] of pluginRows) console.log(`  ${ruleId.padEnd(42)} ${ms(time).padStart(10)}  ${((100 * time) / stats.total).toFixed(2).padStart(6)} %`);
console.log("\nWall clock (lintFiles, best run)");
console.log(`  baseline only             ${ms(baselineWall).padStart(10)}`);
console.log(`  hf-jobs only              ${ms(pluginOnlyWall).padStart(10)}`);
console.log(`  both                      ${ms(best.wall).padStart(10)}`);
