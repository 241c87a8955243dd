import { defineRule } from "../define.js";

export const noFlagsAfterScript = defineRule({
  code: "HFJ207",
  name: "no-flags-after-script",
  summary: "`hf jobs` flags placed after the script are passed to the script",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "move the flags before the script",
  surfaces: ["sh", "md", "py", "ts"],
  docs: {
    whatItDoes:
      "Checks `hf jobs` command lines for flags of `hf jobs` itself (`--secrets`/`-s`, `--env`/`-e`, `--flavor`, `--timeout`, `--detach`, ...) written after the script of `hf jobs uv run` " +
      "or the image of `hf jobs run`. Command lines are read from shell scripts, CI `run:` steps, Markdown code blocks and argv lists " +
      '(`subprocess.run(["hf", "jobs", ...])` in Python, `spawn("hf", ["jobs", ...])` in TypeScript and JavaScript). ' +
      "`--name` and `-p/--python` are left alone there, since scripts commonly have options of those names.",
    whyBad:
      "Everything after the script (or the image) is passed to the job, not parsed by `hf jobs`: `hf jobs uv run train.py --secrets HF_TOKEN` gives the job no secret at all " +
      "and hands `train.py` two arguments it does not expect; `--flavor` there leaves the job on the default hardware.",
    examples: [
      {
        language: "shell",
        bad: `hf jobs uv run train.py --flavor a10g-small --secrets HF_TOKEN`,
        good: `hf jobs uv run --flavor a10g-small --secrets HF_TOKEN train.py`,
      },
      {
        language: "python",
        bad: `import subprocess

subprocess.run(["hf", "jobs", "uv", "run", "train.py", "--secrets", "HF_TOKEN"], check=True)`,
        good: `import subprocess

subprocess.run(["hf", "jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py"], check=True)`,
      },
      {
        language: "typescript",
        bad: `import { spawnSync } from "node:child_process";

spawnSync("hf", ["jobs", "uv", "run", "train.py", "--secrets", "HF_TOKEN"], { stdio: "inherit" });`,
        good: `import { spawnSync } from "node:child_process";

spawnSync("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py"], { stdio: "inherit" });`,
      },
    ],
    fixSafety:
      "The fix is safe: it moves the flags, with their values and in their order, just before the script or image (before the schedule of a scheduled launch), " +
      "which is where the command line's author meant them. The job's own arguments stay where they were.",
    references: ["Run and manage Jobs (command line): https://huggingface.co/docs/huggingface_hub/guides/jobs"],
  },
});
