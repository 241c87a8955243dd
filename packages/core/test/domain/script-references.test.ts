import { findScriptReferences, urlFilePath } from "../../src/index.js";

const targets = (text: string) => findScriptReferences(text).map((reference) => [reference.target, reference.row]);

describe("findScriptReferences: text that runs a file as a job", () => {
  test("hf jobs command lines: uv run, scheduled, continuations, prompts, docstrings", () => {
    expect(targets("hf jobs uv run --flavor a10g-small scripts/train.py --epochs 3\n")).toEqual([["scripts/train.py", 1]]);
    expect(targets(">>> hf jobs scheduled uv run @daily --secrets HF_TOKEN refresh.py\n")).toEqual([["refresh.py", 1]]);
    expect(targets("$ hf jobs uv run \\\n    --secrets HF_TOKEN \\\n    --with trl \\\n    sft.py\n")).toEqual([["sft.py", 1]]);
    expect(targets('"""Usage:\n\n    hf jobs uv run --secrets HF_TOKEN mine.py --model x\n"""\n')).toEqual([["mine.py", 3]]);
    expect(targets("# hf jobs uv run \\\n#   --flavor t4-small \\\n#   eval.py\n")).toEqual([["eval.py", 1]]);
  });

  test("hf jobs run IMAGE with a script in the command; hfjobs; huggingface-cli", () => {
    expect(targets("hf jobs run python:3.12 python job.py --n 3\n")).toEqual([["job.py", 1]]);
    expect(targets("hfjobs run ghcr.io/astral-sh/uv:debian-slim uv run https://huggingface.co/datasets/me/s/resolve/main/run.py\n")).toEqual([
      ["https://huggingface.co/datasets/me/s/resolve/main/run.py", 1],
    ]);
    expect(targets("huggingface-cli jobs uv run x.py\n")).toEqual([["x.py", 1]]);
  });

  test("the Python API and tool calls", () => {
    expect(targets('from huggingface_hub import run_uv_job\n\nrun_uv_job(\n    "scripts/train.py",\n    flavor="a10g-small",\n)\n')).toEqual([["scripts/train.py", 3]]);
    expect(targets('create_scheduled_uv_job(schedule="@daily", script="refresh.py")\n')).toEqual([["refresh.py", 1]]);
    expect(targets('hf_jobs("uv", {"script": "https://huggingface.co/me/s/resolve/main/t.py", "flavor": "t4-small"})\n')).toEqual([
      ["https://huggingface.co/me/s/resolve/main/t.py", 1],
    ]);
  });

  test("each pattern is tried where its literal is: a quoted `script` key alone, an API launch alone", () => {
    expect(targets("tool_input = {'script': 'train.py', 'flavor': 't4-small'}\n")).toEqual([["train.py", 1]]);
    expect(targets('args = {\n  "script": "eval.sh"\n}\n')).toEqual([["eval.sh", 2]]);
    expect(targets('x = 1\ncreate_scheduled_uv_job("@daily", "nightly.py")\n')).toEqual([]);
    expect(targets('x = 1\nrun_uv_job("nightly.py")\n')).toEqual([["nightly.py", 2]]);
    expect(targets('import typescript from "typescript";\nconst transcript = "script.py";\n')).toEqual([]);
  });

  test("no evidence: other commands, words that only mention jobs, inline code", () => {
    expect(targets("hf jobs ps\nhf jobs logs abc\nuv run train.py\npython train.py\n")).toEqual([]);
    expect(targets('kinds = ["jobs", "spaces"]\nscript = "train.py"\n')).toEqual([]);
    expect(targets('run_uv_job("import os\\nprint(1)")\nhf jobs uv run python -c "print(1)"\n')).toEqual([]);
  });

  test("urlFilePath: the path inside the repository a file URL points at", () => {
    expect(urlFilePath("https://huggingface.co/datasets/uv-scripts/ocr/resolve/main/scripts/ocr.py?download=true")).toBe("scripts/ocr.py");
    expect(urlFilePath("https://hf.co/me/s/raw/main/t.py")).toBe("t.py");
    expect(urlFilePath("https://raw.githubusercontent.com/me/repo/refs/heads/main/jobs/a.py")).toBe("jobs/a.py");
    expect(urlFilePath("https://github.com/me/repo/blob/main/jobs/a.py")).toBe("jobs/a.py");
    expect(urlFilePath("https://example.com/a.py")).toBeNull();
    expect(urlFilePath("scripts/a.py")).toBeNull();
  });
});
