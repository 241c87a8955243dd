import { defineRule } from "../define.js";

export const noJobOptionReadByLauncher = defineRule({
  code: "HFJ210",
  name: "no-job-option-read-by-launcher",
  summary: "An option after the script or command is read by the launcher (`hf jobs` since huggingface_hub 1.0, `hfjs`, `hf sandbox exec`), not passed to the job",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "insert `--` before the job's own options",
  surfaces: ["sh", "md", "py", "ts"],
  docs: {
    whatItDoes:
      "Checks launch command lines whose program reads its options anywhere before `--`, even after the script or the image's command: `hf jobs` since huggingface_hub 1.0 " +
      "(Click with interspersed arguments; `ignore_unknown_options` since 1.3), `hf jobsx run` (it hands the script's arguments to `hf jobs uv run` without a `--`), " +
      "`hfjs jobs run` (Node's `parseArgs`) and `hf sandbox exec|spawn`. It reports options written after the target that read as the job's own: names scripts commonly " +
      "have (`--timeout`, `--name`, `-p`, `-d`, `-v`, `-l`, `-h`), short letters glued together (`-lr` is read as `-l r`), a value the launcher rejects, an option that " +
      "repeats one given before the target, and (for `hfjs` and `hf jobs` 1.0 to 1.2) unknown options, which those reject. Options whose names only make sense for the " +
      "launcher (`--flavor`, `--secrets`, `--env-file`, `--with`, `--image`, `--namespace`, `-s HF_TOKEN`, ...) are left alone after the script: the hub's own help shows " +
      "`hf jobs uv run ml_training.py --flavor a10g-small`. The huggingface_hub version is the repository's, as for HFJ207.",
    whyBad:
      '`hf jobs uv run --secrets HF_TOKEN train.py --timeout 30 --name run1 -p 8080 -d` gives the job a 30-second timeout, a name, Python "8080" and detach, and ' +
      "`train.py` gets none of them; `hfjs jobs run python:3.12 python -c '...'` stops with `Unknown option: -c`. This is the reverse of HFJ207's hazard (options the " +
      "launcher never sees), so it has its own code; HFJ207 keeps the meaning it shipped with for the versions and programs it still holds for.",
    examples: [
      {
        language: "shell",
        bad: `hf jobs uv run --flavor a10g-small --secrets HF_TOKEN train.py --timeout 30 --name run1`,
        good: `hf jobs uv run --flavor a10g-small --secrets HF_TOKEN train.py -- --timeout 30 --name run1`,
      },
      {
        language: "python",
        bad: `import subprocess

subprocess.run(["hf", "jobs", "run", "python:3.12", "python", "serve.py", "--timeout", "30"], check=True)`,
        good: `import subprocess

subprocess.run(["hf", "jobs", "run", "python:3.12", "--", "python", "serve.py", "--timeout", "30"], check=True)`,
      },
      {
        language: "typescript",
        bad: `import { execSync } from "node:child_process";

execSync("hfjs jobs run python:3.12 python -c 'print(1)'");`,
        good: `import { execSync } from "node:child_process";

execSync("hfjs jobs run python:3.12 -- python -c 'print(1)'");`,
      },
    ],
    fixSafety:
      "The fix is unsafe: it inserts `--` before the first reported option, so that it and everything after it go to the job, which changes what the launcher does " +
      "(a timeout, a name or a Python version it took is no longer set). It is offered only when no option meant for the launcher follows, and only when the line, read " +
      "again with the same parser, gives the job exactly those arguments and the launcher exactly the rest.",
    references: ["Run and manage Jobs (command line): https://huggingface.co/docs/huggingface_hub/guides/jobs", "huggingface_hub PR #3614 (unknown options in the jobs CLI)"],
  },
});
