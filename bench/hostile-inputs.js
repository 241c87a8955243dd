// Benchmark: what hostile or odd input costs `check` (run `npm run build` first). Prints, each in a fresh process:
// - Markdown prose with N tokens on one line (1,000 to 16,000): time per token should stay flat (linear scanning);
// - N files with findings (250 to 2,000, about 60 KB each): peak RSS should stay flat (results are streamed);
// - one file with 130,000 findings, and one Python file over the parse limit.
// Usage: node bench/hostile-inputs.js [--quick]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "..", "packages", "cli", "dist", "index.js");
const quick = process.argv.includes("--quick");
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
let state = 7;
const token = () => {
  let body = "";
  for (let i = 0; i < 34; i++) body += ALPHABET[(state = (state * 1103515245 + 12345) % 2147483648) % 62];
  return `hf_${body}`;
};

const runner = `
  const { main } = await import(${JSON.stringify(cli)});
  const started = performance.now();
  const code = await main(process.argv.slice(1));
  process.stderr.write("\\nBENCH " + JSON.stringify({ ms: performance.now() - started, code, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");
`;

/** `check` over `dir` in a child process; its report is discarded (the format's cost is measured, not a pipe's). */
function check(dir, format = "full") {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", runner, "check", dir, "--output-format", format, "--exit-zero"], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = result.stderr.split("\n").find((text) => text.startsWith("BENCH "));
  if (!line) throw new Error(`no figures: ${result.stderr.slice(-500)}`);
  return JSON.parse(line.slice(6));
}

function tree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-hostile-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

console.log("Markdown prose, N tokens on one line marked 'Do not' (full format):");
for (const n of quick ? [1000, 4000] : [1000, 4000, 16000]) {
  const dir = tree({ "guide.md": `Do not share these, they are bad: ${Array.from({ length: n }, token).join(" ")}\n` });
  const { ms, maxRssKb } = check(dir);
  console.log(`  ${String(n).padStart(6)} tokens: ${(ms / 1000).toFixed(2)} s, ${((ms * 1000) / n).toFixed(0)} µs per token, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log("N files with findings, about 60 KB each (full format):");
const padding = "x = 1\n".repeat(10000);
for (const n of quick ? [250, 1000] : [250, 1000, 2000]) {
  const files = {};
  for (let i = 0; i < n; i++)
    files[`pkg${i % 50}/launch_${i}.py`] = `from huggingface_hub import run_uv_job\n${padding}run_uv_job("t.py", env={"HF_TOKEN": "$HF_TOKEN"}, token="${token()}")\n`;
  const dir = tree(files);
  const { ms, maxRssKb } = check(dir);
  console.log(`  ${String(n).padStart(6)} files: ${(ms / 1000).toFixed(2)} s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log("Single hostile files (concise format):");
for (const [label, files] of [
  ["130,000 findings in one shell file", { "many.sh": Array.from({ length: 130000 }, () => `echo ${token()}\n`).join("") }],
  ["Python over the parse limit (4.2 M characters)", { "big.py": `t = "${token()}"\n${"a = b\n".repeat(700000)}` }],
]) {
  const dir = tree(files);
  const { ms, maxRssKb } = check(dir, "concise");
  console.log(`  ${label}: ${(ms / 1000).toFixed(2)} s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);
  fs.rmSync(dir, { recursive: true, force: true });
}
