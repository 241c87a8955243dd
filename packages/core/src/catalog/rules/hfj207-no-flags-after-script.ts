import { defineRule } from "../define.js";

export const noFlagsAfterScript = defineRule({
  code: "HFJ207",
  name: "no-flags-after-script",
  summary: "Launcher flags placed after the script are passed to the script (huggingface_hub before 1.0, `hfjobs`)",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "move the flags before the script",
  surfaces: ["sh", "md", "py", "ts"],
  docs: {
    whatItDoes:
      "Checks launch command lines whose program passes everything after the script (or the image) to the job without reading it: `hf jobs` of huggingface_hub 0.34 to 0.36 " +
      '(argparse, `nargs="..."`), the legacy `hfjobs` tool, and `hf jobsx run` when the `hf jobs` it hands the line to is one of those versions. There, flags of the launcher itself ' +
      "(`--secrets`/`-s`, `--env`/`-e`, `--flavor`, `--env-file`, `--detach`, ...) written after the script are reported. The version is the repository's (its lock file, " +
      "`pyproject.toml`, requirements or setup files, a launcher's PEP 723 `dependencies`, or the `hub-version` setting), the newest when none says. Command lines are read " +
      "from shell scripts, CI steps, Markdown code blocks, Python argv lists and command strings, and TS/JS argv arrays and template strings. `--name`, `--timeout` and " +
      "`-p/--python` are left alone there, since scripts commonly have options of those names.",
    whyBad:
      "Those parsers stop reading options at the script: `hf jobs uv run train.py --secrets HF_TOKEN` under huggingface_hub 0.36 gives the job no secret at all and hands " +
      "`train.py` two arguments it does not expect; `--flavor` there leaves the job on the default hardware. Since huggingface_hub 1.0 `hf jobs` reads its options anywhere " +
      "before `--`, so this rule does not apply to it: there the hazard is the reverse (a script's own option taken by `hf jobs`), which HFJ210 reports. HFJ207 keeps the " +
      "meaning it shipped with, for the programs and versions it still holds for.",
    examples: [
      {
        language: "shell",
        bad: `hfjobs uv run train.py --flavor a10g-small --secret HF_TOKEN=$HF_TOKEN`,
        good: `hfjobs uv run --flavor a10g-small --secret HF_TOKEN=$HF_TOKEN train.py`,
      },
      {
        language: "python",
        bad: `# /// script
# dependencies = ["huggingface_hub==0.36.2"]
# ///
import subprocess

subprocess.run(["hf", "jobs", "uv", "run", "train.py", "--secrets", "HF_TOKEN"], check=True)`,
        good: `# /// script
# dependencies = ["huggingface_hub==0.36.2"]
# ///
import subprocess

subprocess.run(["hf", "jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py"], check=True)`,
      },
      {
        language: "typescript",
        bad: `import { spawnSync } from "node:child_process";

spawnSync("hfjobs", ["run", "python:3.12", "python", "main.py", "--flavor", "a10g-small"], { stdio: "inherit" });`,
        good: `import { spawnSync } from "node:child_process";

spawnSync("hfjobs", ["run", "--flavor", "a10g-small", "python:3.12", "python", "main.py"], { stdio: "inherit" });`,
      },
    ],
    fixSafety:
      "The fix is safe: it moves the flags, with their values and in their order, just before the script or image (before the schedule of a scheduled launch), " +
      "which is where the command line's author meant them; the job's own arguments stay where they were. The moved line is read again with the same parser and the fix " +
      "is dropped unless the launcher then takes exactly those flags and the job gets exactly the rest (`hf jobsx run` does not know every `hf jobs` flag).",
    references: ["Run and manage Jobs (command line): https://huggingface.co/docs/huggingface_hub/guides/jobs"],
  },
});
