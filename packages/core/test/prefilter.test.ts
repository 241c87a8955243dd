import { describe, expect, it } from "vitest";
import { mayMatter } from "@hf-jobs-lint/core";

describe("keyword prefilter", () => {
  it.each([
    ['subprocess.run(["hf", "jobs", "uv", "run", "train.py"])'],
    ["spawn('hf', ['jobs', 'run', 'python:3.12'])"],
    ["hf jobs uv run train.py"],
    ["from huggingface_hub import run_uv_job"],
    ['token = "hf_x"'],
    ['os.environ["HF_TOKEN"]'],
    ["model.push_to_hub('x')"],
    ["await fetch(`${endpoint}/api/jobs/${ns}`)"],
  ])("keeps %s", (text) => expect(mayMatter(text)).toBe(true));

  it.each([["import math\nprint(math.pi)\n"], ["const x = jobs.map((j) => j.id);\n"], ["gcloud run jobs execute x\n"]])("drops %s", (text) => expect(mayMatter(text)).toBe(false));
});
