/**
 * One launch, every surface that writes launches as fields: the Python API, `hf_jobs` tool calls in Python and in
 * TS, `@huggingface/hub`. Core's launch policy decides them all, so the same mistake gives the same code and the
 * same message everywhere (the cases below are the ones where the surfaces disagreed before the policy existed).
 */
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { Linter } from "eslint";
import parser from "@typescript-eslint/parser";
import { standaloneConfig } from "eslint-plugin-hf-jobs";
import { SourceText, getRule } from "@hf-jobs-lint/core";
import { analyzePython, initPythonParser } from "@hf-jobs-lint/python";

beforeAll(async () => {
  await initPythonParser();
});

type Found = { code: string; message: string; fixable: boolean };

const ROOT = path.resolve("/nonexistent-repo");

function python(text: string): Found[] {
  const diagnostics = analyzePython({
    filename: "launch.py",
    path: path.join(ROOT, "launch.py"),
    source: new SourceText(text),
    root: ROOT,
    readFile: () => null,
    includeCounterexamples: false,
  });
  return diagnostics.map((d) => ({ code: d.code, message: d.message, fixable: d.fix !== null }));
}

function typescript(text: string): Found[] {
  // `cwd: "/"` so that the absolute file name falls under the config's `files` pattern.
  const linter = new Linter({ configType: "flat", cwd: "/" });
  const messages = linter.verify(text, standaloneConfig(parser), { filename: path.join(ROOT, "launch.ts") });
  return messages.map((m) => ({ code: m.ruleId ? codeOf(m.ruleId) : "parse", message: m.message, fixable: Boolean(m.fix || m.suggestions?.length) }));
}

function codeOf(ruleId: string): string {
  return getRule(ruleId.replace(/^hf-jobs\//, "")).code;
}

const sorted = (found: Found[]) => [...found].sort((a, b) => a.code.localeCompare(b.code) || a.message.localeCompare(b.message));

describe("the same tool call in Python and TS", () => {
  test("the HF token placeholder in env under another key is HFJ201 on both", () => {
    const py = python(`hf_jobs("run", {"image": "python:3.12", "command": ["python", "x.py"], "env": {"CACHE": "$HF_TOKEN"}})\n`);
    const ts = typescript(`hf_jobs("run", { image: "python:3.12", command: ["python", "x.py"], env: { CACHE: "$HF_TOKEN" } });\n`);
    expect(py.map((f) => f.code)).toEqual(["HFJ201"]);
    expect(sorted(ts)).toEqual(sorted(py));
  });

  test("two misnamed secrets: both reported, one rename, on both", () => {
    const py = python(`hf_jobs("uv", {"script": "https://x/train.py", "secrets": {"HF_API_TOKEN": "$HF_TOKEN", "HUGGINGFACE_TOKEN": "$HF_TOKEN"}})\n`);
    const ts = typescript(`hf_jobs("uv", { script: "https://x/train.py", secrets: { HF_API_TOKEN: "$HF_TOKEN", HUGGINGFACE_TOKEN: "$HF_TOKEN" } });\n`);
    expect(py.map((f) => [f.code, f.fixable])).toEqual([
      ["HFJ204", true],
      ["HFJ204", false],
    ]);
    expect(sorted(ts)).toEqual(sorted(py));
  });

  test("an inline script that writes to the Hub and no secret: one HFJ203 message", () => {
    const script = `from huggingface_hub import HfApi\\nHfApi().upload_file(path_or_fileobj='a', path_in_repo='a', repo_id='me/x')\\n`;
    const py = python(`hf_jobs("uv", {"script": "${script}", "flavor": "cpu-basic"})\n`).filter((f) => f.code === "HFJ203");
    const ts = typescript(`hf_jobs("uv", { script: "${script}", flavor: "cpu-basic" });\n`).filter((f) => f.code === "HFJ203");
    expect(py).toHaveLength(1);
    expect(py[0]!.message).toMatch(
      /^The inline script needs a token with write access \(`HfApi\(\)\.upload_file.*` on script line 2\), but the `hf_jobs\("uv"\)` tool call passes no `HF_TOKEN` secret$/,
    );
    expect(ts).toEqual(py);
  });

  test("unknown keys, placeholders in script_args and literal token values read the same", () => {
    const py = python(`hf_jobs("uv", {"script": "x.py", "dependencies": ["trl"], "script_args": ["--key", "$WANDB_API_KEY"], "secrets": {"HF_TOKEN": "hf_xxx"}})\n`);
    const ts = typescript(`hf_jobs("uv", { script: "x.py", dependencies: ["trl"], script_args: ["--key", "$WANDB_API_KEY"], secrets: { HF_TOKEN: "hf_xxx" } });\n`);
    expect(py.map((f) => f.code).sort()).toEqual(["HFJ102", "HFJ205", "HFJ206"]);
    expect(sorted(ts)).toEqual(sorted(py));
  });
});

describe("the Python API and @huggingface/hub share the value rules", () => {
  test("`$HF_TOKEN` in a secret value is sent literally: HFJ202 with the same wording", () => {
    const py = python(`from huggingface_hub import run_job\nrun_job(image="python:3.12", command=["python", "x.py"], secrets={"HF_TOKEN": "$HF_TOKEN"})\n`);
    const ts = typescript(
      `import { runJob } from "@huggingface/hub";\nawait runJob({ namespace: "me", dockerImage: "python:3.12", command: ["python", "x.py"], secrets: { HF_TOKEN: "$HF_TOKEN" } });\n`,
    );
    expect(py.map((f) => f.code)).toEqual(["HFJ202"]);
    expect(ts.map((f) => f.code)).toEqual(["HFJ202"]);
    expect(py[0]!.message.replace("`run_job`", "LAUNCH")).toBe(ts[0]!.message.replace("`runJob`", "LAUNCH"));
  });

  test("a credential in the plain environment: HFJ201, same wording but for the field's name", () => {
    const py = python(`from huggingface_hub import run_job\nimport os\nrun_job(image="x", command=["y"], env={"WANDB_API_KEY": os.environ["WANDB_API_KEY"]})\n`);
    const ts = typescript(
      `import { runJob } from "@huggingface/hub";\nawait runJob({ namespace: "me", dockerImage: "x", command: ["y"], environment: { WANDB_API_KEY: process.env.WANDB_API_KEY } });\n`,
    );
    expect(py.map((f) => [f.code, f.fixable])).toEqual([["HFJ201", true]]);
    expect(ts.map((f) => [f.code, f.fixable])).toEqual([["HFJ201", true]]);
    expect(ts[0]!.message).toBe(py[0]!.message.replace("`env` of `run_job`", "`environment` of `runJob`"));
  });
});

describe("HFJ103 counts the same credentials in Python and TS", () => {
  test("printing a WANDB key read from the environment is reported on both", () => {
    const py = python(`# /// script\n# dependencies = []\n# ///\nimport os\nkey = os.environ["WANDB_API_KEY"]\nprint(f"wandb key: {key}")\n`);
    const ts = typescript(`const key = process.env.WANDB_API_KEY;\nconsole.log(\`wandb key: \${key}\`);\n`);
    expect(py.map((f) => f.code)).toEqual(["HFJ103"]);
    expect(ts.map((f) => f.code)).toEqual(["HFJ103"]);
  });

  test("names that are not credentials stay silent on both", () => {
    expect(python(`import os\nprint(os.environ["MAX_NEW_TOKENS"])\n`)).toEqual([]);
    expect(typescript(`console.log(process.env.MAX_NEW_TOKENS);\n`)).toEqual([]);
  });
});
