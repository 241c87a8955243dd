import { applyEdits } from "@hf-jobs-lint/core";
import { analyzeText, codes, only, setup } from "./helpers.js";

beforeAll(setup);

const py = (command: string) => `import os\nos.system(${command})\n`;

describe("shell command strings are split by core's shell tokenizer", () => {
  test("every command of a compound string is checked", () => {
    expect(codes(analyzeText(py(`"hf jobs uv run --secrets HF_TOKEN train.py; echo ok"`)))).toEqual([]);
    expect(codes(analyzeText(py(`"hf jobs uv run train.py --timeout 30; echo ok"`)))).toEqual(["HFJ210"]);
    expect(codes(analyzeText(py(`"cd x && hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 python -c pass"`)))).toEqual(["HFJ201"]);
    expect(codes(analyzeText(py(`"echo start; hf jobs uv run train.py --name run1"`)))).toEqual(["HFJ210"]);
    const two = analyzeText(py(`"hf jobs run -e HF_TOKEN img && hf jobs run -e HF_TOKEN img2"`));
    expect(codes(two)).toEqual(["HFJ201", "HFJ201"]);
  });

  test("an echoed command or a comment is not a launch", () => {
    expect(codes(analyzeText(py(`"echo 'hf jobs run -e HF_TOKEN img'"`)))).toEqual([]);
    expect(codes(analyzeText(py(`"ls # hf jobs run -e HF_TOKEN img"`)))).toEqual([]);
  });

  test("findings and fixes map through the literal's escapes", () => {
    const text = py(`"cd \\"my dir\\" && hf jobs run -e HF_TOKEN img\\n"`);
    const [finding] = only(analyzeText(text), "HFJ201");
    expect(finding!.location.column).toBe(text.split("\n")[1]!.indexOf("-e") + 1);
    expect(applyEdits(text, finding!.fix!.edits)).toBe(py(`"cd \\"my dir\\" && hf jobs run -s HF_TOKEN img\\n"`));
  });

  test("f-string interpolations are non-literal words; a fix that would copy one is refused", () => {
    // Pinned to huggingface_hub 0.36, where flags after the script are the script's (HFJ207 moves them).
    const text = `# /// script\n# dependencies = ["huggingface_hub==0.36.2"]\n# ///\nimport os\nos.system(f"hf jobs uv run {script} --flavor {flavor}")\n`;
    const [finding] = only(analyzeText(text), "HFJ207");
    expect(finding).toBeDefined();
    expect(finding!.fix).toBeNull();
  });

  test("shlex.split and .split() read a string only when it is one command", () => {
    expect(codes(analyzeText(`import shlex, subprocess\nsubprocess.run(shlex.split("hf jobs run -e HF_TOKEN img"))\n`))).toEqual(["HFJ201"]);
    expect(codes(analyzeText(`import subprocess\nsubprocess.run("a; hf jobs run -e HF_TOKEN img".split())\n`))).toEqual([]);
  });
});
