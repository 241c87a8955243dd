// Benchmark: the Python analyzer alone on shapes that once were slow: one large launcher (250 kB, 1000 launch
// functions) and deeply nested brackets. Prints ms and kB/s per case (median of 5). Needs `npx tsc -b` first.
// Usage: node bench/python-analyzer.js
import { analyzePython, initPythonParser } from "../packages/python/dist/index.js";
import { SourceText } from "../packages/core/dist/index.js";

function largeLauncher() {
  const block = [
    "def launch_{i}(api, seed):",
    '    env = {"MODE": "eval", "SEED": str(seed)}',
    '    kwargs = dict(flavor="a10g-small", timeout="2h")',
    '    kwargs["secrets"] = {"HF_TOKEN": get_token()}',
    "    if seed > 3:",
    '        print(f"seed {seed} for {api}")',
    '    return api.run_uv_job("train.py", script_args=["--seed", str(seed)], env=env, **kwargs)',
    "",
  ].join("\n");
  const parts = ["from huggingface_hub import HfApi, get_token", ""];
  for (let i = 0, size = 0; size < 250_000; i++) {
    const text = block.replace("{i}", String(i));
    parts.push(text);
    size += text.length;
  }
  return parts.join("\n");
}

const cases = {
  "250 kB launcher": largeLauncher(),
  "3000 nested brackets": `x = ${"[".repeat(3000)}${"]".repeat(3000)}\ntoken = os.environ["HF_TOKEN"]\n`,
  "3000 nested calls": `from huggingface_hub import run_uv_job\nx = ${"f(".repeat(3000)}1${")".repeat(3000)}\n`,
};

await initPythonParser();
for (const [name, text] of Object.entries(cases)) {
  const times = [];
  let findings = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    findings = analyzePython({ filename: "bench.py", path: null, source: new SourceText(text), root: "/", readFile: () => null, includeCounterexamples: false }).length;
    times.push(performance.now() - started);
  }
  const median = times.sort((a, b) => a - b)[2];
  console.log(
    `${name.padEnd(22)} ${(text.length / 1000).toFixed(0).padStart(5)} kB  ${median.toFixed(0).padStart(6)} ms  ${(text.length / 1000 / (median / 1000)).toFixed(0).padStart(6)} kB/s  ${findings} findings`,
  );
}
