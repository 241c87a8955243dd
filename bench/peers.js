// Benchmark against peers on the same generated Python tree, each in its own process (peak memory is its own):
//   hf-jobs-lint  `check` (threads 1), the whole pipeline: discovery, prefilter, tree-sitter, rules, report
//   ruff          Ruff's WASM build (`@astral-sh/ruff-wasm-nodejs`), default rules, every file parsed and linted
//   regex-scan    read every file and run the token regex: the floor any scanner pays
// Ruff is not a dependency: install it for a run with `npm i --no-save @astral-sh/ruff-wasm-nodejs`
// (or point RUFF_WASM at its folder); without it the row says so.
// Usage: node bench/peers.js [FILES=3000]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatePythonTree } from "./generate-tree.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const count = Number(process.argv[2] ?? 3000);
const root = path.join(os.tmpdir(), `hf-jobs-lint-bench-${count}`);
const { files, bytes } = generatePythonTree(root, count);
console.log(`tree: ${files} Python files, ${(bytes / 1e6).toFixed(2)} MB`);

function ruffLocation() {
  if (process.env.RUFF_WASM) return path.resolve(process.env.RUFF_WASM, "ruff_wasm.js");
  try {
    return createRequire(import.meta.url).resolve("@astral-sh/ruff-wasm-nodejs");
  } catch {
    return null;
  }
}

const listFiles = `
  import fs from "node:fs"; import path from "node:path";
  const files = []; const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith(".py")) files.push(p); } };
  walk(${JSON.stringify(root)});
`;
const report = `process.stderr.write("\\nBENCH " + JSON.stringify({ ms: performance.now() - started, findings, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");`;

const peers = {
  "hf-jobs-lint": `
    const { runMain } = await import(${JSON.stringify(path.join(here, "..", "packages", "cli", "dist", "index.js"))});
    let out = ""; const started = performance.now();
    await runMain(["check", ${JSON.stringify(root)}, "--output-format", "json", "--exit-zero", "--threads", "1"], { cwd: process.cwd(), stdout: (t) => (out += t), stderr: () => {}, readStdin: async () => "", stderrIsTTY: false });
    const findings = JSON.parse(out).length;
    ${report}`,
  ruff: ruffLocation()
    ? `
    ${listFiles}
    const ruff = await import(${JSON.stringify(ruffLocation())});
    const started = performance.now();
    const workspace = new ruff.Workspace(ruff.Workspace.defaultSettings(), ruff.PositionEncoding.Utf16);
    let findings = 0;
    for (const file of files) findings += workspace.check(fs.readFileSync(file, "utf8")).length;
    ${report}`
    : null,
  "regex-scan": `
    ${listFiles}
    const started = performance.now();
    const pattern = /(?<![A-Za-z0-9_])(?:hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34})(?![A-Za-z0-9_])/g;
    let findings = 0;
    for (const file of files) findings += (fs.readFileSync(file, "utf8").match(pattern) ?? []).length;
    ${report}`,
};

for (const [name, script] of Object.entries(peers)) {
  if (!script) {
    console.log(`${name.padEnd(13)} not installed (npm i --no-save @astral-sh/ruff-wasm-nodejs)`);
    continue;
  }
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const line = result.stderr.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) {
    console.log(`${name.padEnd(13)} failed: ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`);
    continue;
  }
  const { ms, findings, maxRssKb } = JSON.parse(line.slice(6));
  console.log(
    `${name.padEnd(13)} ${(ms / 1000).toFixed(2).padStart(6)} s ${String(Math.round(files / (ms / 1000))).padStart(6)} files/s ${(bytes / 1e6 / (ms / 1000)).toFixed(2).padStart(6)} MB/s  peak RSS ${String(Math.round(maxRssKb / 1024)).padStart(4)} MB  ${findings} findings`,
  );
}
