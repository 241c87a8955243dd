// Benchmark: `hf-jobs-lint check` on a generated tree of Python files. Prints files/s, MB/s and peak memory
// (max RSS of the checking process). Usage: node bench/check-python.js [FILES=3000] [--threads N]
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatePythonTree } from "./generate-tree.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "..", "packages", "cli", "dist", "index.js");
const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 3000);
const threadsFlag = process.argv.indexOf("--threads");
const threadCounts = threadsFlag > 0 ? [Number(process.argv[threadsFlag + 1])] : [1, os.availableParallelism()];

const root = path.join(os.tmpdir(), `hf-jobs-lint-bench-${count}`);
const { files, bytes } = generatePythonTree(root, count);
console.log(`tree: ${files} Python files, ${(bytes / 1e6).toFixed(2)} MB in ${root}`);

// The check runs in a child process so its peak memory is its own.
const runner = `
  const { main } = await import(${JSON.stringify(cli)});
  const started = performance.now();
  const code = await main(process.argv.slice(1));
  const ms = performance.now() - started;
  process.stderr.write("\\nBENCH " + JSON.stringify({ ms, code, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");
`;
for (const threads of threadCounts) {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", runner, "check", root, "--output-format", "json", "--exit-zero", "--threads", String(threads)], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const line = result.stderr.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) {
    console.error(result.stderr);
    process.exit(1);
  }
  const { ms, maxRssKb } = JSON.parse(line.slice(6));
  const findings = JSON.parse(result.stdout).length;
  console.log(
    `threads=${threads}: ${(ms / 1000).toFixed(2)} s, ${(files / (ms / 1000)).toFixed(0)} files/s, ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB, ${findings} findings`,
  );
}
