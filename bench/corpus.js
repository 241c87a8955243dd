// Benchmark: `hf-jobs-lint check` over the Python corpus (fixtures/corpus/python), in-process, several rounds.
// Prints files/s and MB/s per round and the median. Needs a build (`npx tsc -b`): it imports the CLI's dist.
// Usage: node bench/corpus.js [ROUNDS=5] [--threads N]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.join(repoRoot, "fixtures", "corpus", "python");
const { runMain } = await import(path.join(repoRoot, "packages", "cli", "dist", "index.js"));
const rounds = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 5);
const threadsAt = process.argv.indexOf("--threads");
const threads = threadsAt > 0 ? process.argv[threadsAt + 1] : "1";

function pythonFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? pythonFiles(full) : entry.name.endsWith(".py") ? [full] : [];
  });
}
const files = pythonFiles(corpus);
const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
console.log(`corpus: ${files.length} Python files, ${(bytes / 1e6).toFixed(3)} MB, threads=${threads}`);

// Output is captured and counted, not printed.
const io = (sink) => ({ cwd: repoRoot, stdout: (t) => sink.push(t), stderr: (t) => sink.push(t), readStdin: async () => "", stderrIsTTY: false });
const times = [];
for (let round = 0; round <= rounds; round++) {
  const sink = [];
  const started = performance.now();
  await runMain(["check", corpus, "--output-format", "json", "--exit-zero", "--threads", threads], io(sink));
  const seconds = (performance.now() - started) / 1000;
  const findings = JSON.parse(sink.join("")).length;
  if (round === 0) {
    console.log(`warm-up: ${seconds.toFixed(3)} s (parser initialisation included), ${findings} findings`);
    continue;
  }
  times.push(seconds);
  console.log(`round ${round}: ${seconds.toFixed(3)} s, ${(files.length / seconds).toFixed(0)} files/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(`median: ${(files.length / median).toFixed(0)} files/s, ${(bytes / 1e6 / median).toFixed(2)} MB/s`);
