// Benchmark: `hf-jobs-lint migrate` on a generated repository of a few thousand files (Python launchers and job
// scripts, shell scripts, Markdown docs, TS launchers; a tenth with mistakes to fix). Prints the time of the
// migration, the files it changed, and a second run's time (nothing left to change).
// Usage: node bench/migrate.js [FILES=3000]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatePythonTree } from "./generate-tree.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const { runMain } = await import(path.join(here, "..", "packages", "cli", "dist", "index.js"));
const count = Number(process.argv[2] ?? 3000);
const root = path.join(os.tmpdir(), `hf-jobs-lint-bench-migrate-${count}`);

// Python makes up most of a real repository of launchers; the other surfaces get a share each.
const python = generatePythonTree(root, Math.round(count * 0.7));
let bytes = python.bytes;
const others = count - python.files;
for (let i = 0; i < others; i++) {
  const dir = path.join(root, `extra_${Math.floor(i / 100)}`);
  fs.mkdirSync(dir, { recursive: true });
  const bad = i % 10 === 0;
  let name;
  let text;
  switch (i % 3) {
    case 0:
      name = `run_${i}.sh`;
      text = bad ? `#!/bin/sh\nhf jobs uv run job.py --flavor a10g-small -e HF_TOKEN\n` : `#!/bin/sh\nhf jobs uv run --secrets HF_TOKEN job.py --epochs ${i}\n`;
      break;
    case 1:
      name = `guide_${i}.md`;
      text = `# Guide ${i}\n\nLaunch it:\n\n\`\`\`python\nhf_jobs("uv", {"script": "job.py", ${bad ? '"dependencies"' : '"with_deps"'}: ["torch"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n\`\`\`\n`;
      break;
    default:
      name = `launch_${i}.ts`;
      text = `import { runJob } from "@huggingface/hub";\n\nawait runJob({\n  namespace: "org",\n  dockerImage: "python:3.12",\n  command: ["python", "job.py"],\n  ${bad ? "environment" : "secrets"}: { HF_TOKEN: process.env.HF_TOKEN! },\n  accessToken: process.env.HF_TOKEN,\n});\n`;
  }
  fs.writeFileSync(path.join(dir, name), text);
  bytes += Buffer.byteLength(text);
}
console.log(`repository: ${count} files, ${(bytes / 1e6).toFixed(2)} MB in ${root}`);

const io = { cwd: root, stdout: () => {}, stderr: (t) => (summary += t), readStdin: async () => "", stderrIsTTY: false };
let summary = "";
for (const label of ["migrate", "migrate again"]) {
  summary = "";
  const started = performance.now();
  await runMain(["migrate", "."], io);
  const ms = performance.now() - started;
  const changed = /: (\d+) changed\./.exec(summary)?.[1] ?? "?";
  console.log(`${label.padEnd(14)} ${(ms / 1000).toFixed(2)} s, ${Math.round(count / (ms / 1000))} files/s, ${changed} files changed`);
}
