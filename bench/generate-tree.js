// Generates a tree of real-world-shaped Python files (job scripts, launchers, unrelated modules) for benchmarks.
// Fake tokens only. Deterministic: the same count gives the same tree.
import fs from "node:fs";
import path from "node:path";

const FAKE_TOKEN = "hf_" + "FAKEbenchTOKEN0123456789abcdefghij".slice(0, 34);

const jobScript = (i) => `# /// script
# dependencies = ["datasets", "huggingface-hub"]
# ///
"""Job script ${i}: builds a dataset and pushes it."""
import os
from datasets import Dataset
from huggingface_hub import HfApi

assert "HF_TOKEN" in os.environ, "HF_TOKEN is required"

def build(n: int) -> Dataset:
    rows = {"text": [f"row {k}" for k in range(n)], "label": [k % 2 for k in range(n)]}
    return Dataset.from_dict(rows)

if __name__ == "__main__":
    ds = build(${100 + i})
    api = HfApi()
    ds.push_to_hub("org/dataset-${i}")
    print("pushed", len(ds))
`;

const launcher = (i) => `from huggingface_hub import run_uv_job, get_token

job = run_uv_job(
    "scripts/job_${i}.py",
    flavor="a10g-small",
    timeout="2h",
    env={"TOKENIZERS_PARALLELISM": "false"},
    secrets={"HF_TOKEN": get_token()},
)
print(job.id)
`;

const badLauncher = (i) => `import huggingface_hub as hh

cfg = dict(flavor="cpu-basic", env={"HF_TOKEN": "${FAKE_TOKEN}"})
hh.run_uv_job("scripts/job_${i}.py", **cfg)
`;

const unrelated = (i) => {
  const body = [];
  for (let k = 0; k < 40; k++) body.push(`def f${k}(x):\n    """Compute ${k}."""\n    return [v * ${k} for v in range(x) if v % 3]\n`);
  return `import math\n\n${body.join("\n")}\nRESULT_${i} = sum(math.sqrt(v) for v in range(${i}))\n`;
};

export function generatePythonTree(root, count) {
  fs.rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `project_${Math.floor(i / 100)}`, i % 4 === 0 ? "scripts" : "src");
    fs.mkdirSync(dir, { recursive: true });
    const kind = i % 10;
    const text = kind < 3 ? jobScript(i) : kind < 5 ? launcher(i) : kind === 5 ? badLauncher(i) : unrelated(i);
    const file = path.join(dir, `${kind < 3 ? "job" : kind < 6 ? "launch" : "module"}_${i}.py`);
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}
