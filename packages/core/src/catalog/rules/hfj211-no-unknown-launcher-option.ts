import { defineRule } from "../define.js";

export const noUnknownLauncherOption = defineRule({
  code: "HFJ211",
  name: "no-unknown-launcher-option",
  summary: "An option the launcher does not know, before the script or image: it becomes the script (`hf jobs` since 1.3) or fails the command",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "use the option that was meant (`--secret` -> `--secrets`)",
  surfaces: ["sh", "md", "py", "ts"],
  docs: {
    whatItDoes:
      "Checks launch command lines for an option their program, in the repository's huggingface_hub version, does not have, written before the script or image: " +
      "`--secret` (singular) for `hf jobs`, `--secrets` for `hfjs` and `hfjobs`, `--expose` before huggingface_hub 1.19, `--name` before 1.24, and so on. An ambiguous " +
      "abbreviation is reported too: argparse (`hf jobs` before 1.0) reads `--secret` as a prefix of both `--secrets` and `--secrets-file` and stops.",
    whyBad:
      "Since huggingface_hub 1.3 `hf jobs` passes unknown options through as positional arguments (Click `ignore_unknown_options`): before the script one becomes the " +
      "script, so `hf jobs uv run --secret HF_TOKEN train.py` runs a file named `--secret` with the arguments `HF_TOKEN train.py` (huggingface_hub issue #4927). " +
      "Earlier versions, `hfjs`, `hf jobsx run`, `hfjobs` and `hf sandbox create` reject the command.",
    examples: [
      {
        language: "shell",
        bad: `hf jobs uv run --secret HF_TOKEN train.py`,
        good: `hf jobs uv run --secrets HF_TOKEN train.py`,
      },
      {
        language: "python",
        bad: `import subprocess

subprocess.run(["hf", "jobs", "uv", "run", "--secret", "HF_TOKEN", "--flavor", "a10g-small", "train.py"], check=True)`,
        good: `import subprocess

subprocess.run(["hf", "jobs", "uv", "run", "--secrets", "HF_TOKEN", "--flavor", "a10g-small", "train.py"], check=True)`,
      },
      {
        language: "typescript",
        bad: `import { execSync } from "node:child_process";

execSync(\`hfjs jobs run --secrets HF_TOKEN=\${process.env.HF_TOKEN} python:3.12 -- python main.py\`);`,
        good: `import { execSync } from "node:child_process";

execSync(\`hfjs jobs run --secret HF_TOKEN=\${process.env.HF_TOKEN} python:3.12 -- python main.py\`);`,
      },
    ],
    fixSafety:
      "The fix is unsafe: for the known misspellings (`--secret` and `--secret-env-file` for `hf jobs`, `--secrets` for `hfjs` and `hfjobs`) it writes the option " +
      "that was meant, which makes a command that failed, or ran the wrong script, launch a job with the secret. It is offered only when the line, read again, then has " +
      "that option and a real script or image.",
    references: ["huggingface_hub issue #4927: an unknown option before the script becomes the script"],
  },
});
