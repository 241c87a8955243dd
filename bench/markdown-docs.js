// Benchmark: the Markdown analyzer (with the Python analyzer wired for python fences) in-process on a generated
// docs folder: prose, python/bash/console/ts fences, some with mistakes and counter-examples. Fake tokens only.
// Needs a build (`npx tsc -b`). Usage: node bench/markdown-docs.js [FILES=300]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = (p) => path.join(here, "..", "packages", p);
const { SourceText } = await import(dist("core/dist/index.js"));
const { pythonAnalyzer } = await import(dist("python/dist/index.js"));
const { createMarkdownAnalyzer } = await import(dist("markdown/dist/index.js"));

const FAKE_TOKEN = "hf_" + "FAKEbenchMarkdown0123456789abcdefgh".slice(0, 34);
const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 300);

const prose = (i) =>
  `Hugging Face Jobs run your script on managed hardware. Section ${i} explains how the token reaches the job, ` +
  `why it must travel as a secret, and what happens when it does not (a 401 after hours of GPU time).\n` +
  `作业中的令牌应通过 secrets 传递，而不是 env。第 ${i} 节说明了常见的错误。\n`;
const pythonLauncher = (i, bad) => `\`\`\`python
from huggingface_hub import run_uv_job, get_token

job = run_uv_job(
    "scripts/train_${i}.py",
    flavor="a10g-small",
    ${bad ? `env={"HF_TOKEN": get_token()},` : `secrets={"HF_TOKEN": get_token()},`}
    script_args=["--epochs", "3"],
)
print(job.id)
\`\`\`
`;
const toolCall = (i, bad) => `\`\`\`python
hf_jobs("uv", {
    "script": "train_${i}.py",
    ${bad ? `"dependencies": ["datasets"],` : `"with_deps": ["datasets"],`}
    "secrets": {"HF_TOKEN": "$HF_TOKEN"}
})
\`\`\`
`;
const bash = (i, bad) => `\`\`\`bash
hf jobs uv run ${bad ? "" : "--secrets HF_TOKEN "}--flavor a10g-small scripts/train_${i}.py \\
  --epochs 3${bad ? " \\\n  --secrets HF_TOKEN" : ""}
\`\`\`
`;
const consoleBlock = (i) => `\`\`\`console
$ hf jobs uv run -s HF_TOKEN scripts/eval_${i}.py
Job started: 68a0${i.toString(16).padStart(4, "0")}
$ hf jobs logs 68a0${i.toString(16).padStart(4, "0")}
\`\`\`
`;
const ts = (i) => `\`\`\`ts
import { runJob } from "@huggingface/hub";
await runJob({ namespace: "me", dockerImage: "python:3.12", command: ["python", "x${i}.py"], secrets: { HF_TOKEN: process.env.HF_TOKEN! } });
\`\`\`
`;
const counterExample = () => `**❌ 错误：**
\`\`\`python
hf_jobs("uv", {"script": "...", "env": {"HF_TOKEN": "$HF_TOKEN"}})
\`\`\`
`;
const jobScript = (i) => `\`\`\`python
# /// script
# dependencies = ["datasets"]
# ///
import os
from datasets import load_dataset
assert "HF_TOKEN" in os.environ, "HF_TOKEN is required"
ds = load_dataset("org/private-${i}")
ds.push_to_hub("org/out-${i}")
\`\`\`
`;

function doc(i) {
  const parts = [`# Guide ${i}\n\n`];
  for (let s = 0; s < 6; s++) {
    const k = i * 6 + s;
    parts.push(`## Step ${s}\n\n${prose(k)}\n`);
    const bad = k % 7 === 0;
    const pick = k % 6;
    parts.push([pythonLauncher, toolCall, bash, consoleBlock, ts, jobScript][pick](k, bad), "\n");
    if (k % 11 === 0) parts.push(counterExample(), "\n");
    if (k % 97 === 0) parts.push(`Never paste a token like \`${FAKE_TOKEN}\` into a doc.\n\n`);
    parts.push(prose(k + 1), "\n");
  }
  return parts.join("");
}

const root = path.join(os.tmpdir(), `hf-jobs-lint-bench-md-${count}`);
fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(root, { recursive: true });
let bytes = 0;
const files = [];
for (let i = 0; i < count; i++) {
  const file = path.join(root, `guide-${i}.md`);
  const text = doc(i);
  fs.writeFileSync(file, text);
  bytes += Buffer.byteLength(text);
  files.push(file);
}

await pythonAnalyzer.init();
const analyzer = createMarkdownAnalyzer({ python: pythonAnalyzer });
const run = async () => {
  let findings = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const found = await analyzer.analyze({
      filename: path.relative(root, file),
      path: file,
      source: new SourceText(text),
      root,
      readFile: (p) => (fs.existsSync(p) ? fs.readFileSync(p, "utf8") : null),
      includeCounterexamples: false,
    });
    findings += found.length;
  }
  return findings;
};
await run(); // warm-up (JIT, grammar)
const started = performance.now();
const findings = await run();
const ms = performance.now() - started;
const mb = bytes / 1e6;
console.log(`markdown docs: ${files.length} files, ${mb.toFixed(2)} MB in ${root}`);
console.log(`${ms.toFixed(0)} ms, ${(mb / (ms / 1000)).toFixed(2)} MB/s, ${(ms / mb).toFixed(0)} ms per MB, ${findings} findings`);
