#!/usr/bin/env node
// Writes every documentation surface from the rule catalog (run after `tsc -b`, it imports the built core):
// docs/rules/<name>.md, packages/eslint-plugin/docs/rules/<name>.md, and the rule table inside README.md.
// `--check` writes nothing and exits 1 when a file is out of date (the drift test checks the same thing).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { RULES, generatedDocFiles, readmeSkeleton, replaceRuleTableBlock } from "../packages/core/dist/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const checkOnly = process.argv.includes("--check");
/** Folders that hold nothing but generated pages: a page whose rule is gone is removed. */
const generatedFolders = ["docs/rules", "packages/eslint-plugin/docs/rules"];

const stale = [];

function readOrNull(path) {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

function writeIfChanged(relativePath, content) {
  const path = join(root, relativePath);
  if (readOrNull(path) === content) return;
  stale.push(relativePath);
  if (checkOnly) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

const files = generatedDocFiles(RULES);
for (const [relativePath, content] of files) writeIfChanged(relativePath, content);

for (const folder of generatedFolders) {
  const dir = join(root, folder);
  if (!existsSync(dir)) continue;
  for (const entry of readdirSync(dir)) {
    const relativePath = relative(root, join(dir, entry)).split("\\").join("/");
    if (!entry.endsWith(".md") || files.has(relativePath)) continue;
    stale.push(`${relativePath} (removed)`);
    if (!checkOnly) rmSync(join(dir, entry));
  }
}

const readme = readOrNull(join(root, "README.md"));
writeIfChanged("README.md", readme === null ? readmeSkeleton(RULES) : replaceRuleTableBlock(readme, RULES));

if (checkOnly) {
  if (stale.length > 0) {
    console.error(`Out of date (run \`npm run docs\`):\n${stale.map((path) => `  ${path}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`Docs are up to date (${files.size} pages and the README table).`);
} else {
  console.log(stale.length > 0 ? `Updated:\n${stale.map((path) => `  ${path}`).join("\n")}` : "Docs were already up to date.");
}
