import { defineRule } from "../define.js";

export const noRejectedOptionValue = defineRule({
  code: "HFJ212",
  name: "no-rejected-option-value",
  summary: "A launcher option's value is rejected or unusable (`--expose` not an integer, `hfjs` `-s KEY` without `=`, a bare `hfjobs -s KEY`)",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["sh", "md", "py", "ts"],
  docs: {
    whatItDoes:
      "Checks the values of launcher options as the program's parser reads them: `--expose` takes an integer (`hf jobs` since huggingface_hub 1.19), `hf sandbox exec " +
      "--timeout` a number, a flag such as `--ssh` no value, a value-taking option at the end of the line a value; `hfjs jobs run` needs `KEY=VALUE` for `-e` and " +
      "`-s/--secret`; the legacy `hfjobs` reads `-s KEY` as a dotenv line without a value.",
    whyBad:
      "The launch fails, or sends nothing: `hf jobs run --expose -s HF_TOKEN 8000 ...` stops with `'-s' is not a valid integer`; `hfjs jobs run -s HF_TOKEN ...` throws " +
      "`Invalid secret format` before any request, since unlike `hf jobs` it does not read a bare key from the environment; `hfjobs run -s HF_TOKEN ...` sends the " +
      "secret without a value.",
    examples: [
      {
        language: "shell",
        bad: `hfjs jobs run -s HF_TOKEN python:3.12 -- python main.py`,
        good: `hfjs jobs run -s HF_TOKEN=$HF_TOKEN python:3.12 -- python main.py`,
      },
      {
        language: "python",
        bad: `import subprocess

subprocess.run(["hf", "jobs", "run", "--expose", "port", "python:3.12", "--", "python", "-m", "http.server", "8000"], check=True)`,
        good: `import subprocess

subprocess.run(["hf", "jobs", "run", "--expose", "8000", "python:3.12", "--", "python", "-m", "http.server", "8000"], check=True)`,
      },
      {
        language: "typescript",
        bad: `import { spawnSync } from "node:child_process";

spawnSync("hfjobs", ["run", "--secret", "HF_TOKEN", "python:3.12", "python", "main.py"], { stdio: "inherit" });`,
        good: `import { spawnSync } from "node:child_process";

spawnSync("hfjobs", ["run", "--secret", \`HF_TOKEN=\${process.env.HF_TOKEN}\`, "python:3.12", "python", "main.py"], { stdio: "inherit" });`,
      },
    ],
    fixSafety: "No fix: the right value (which port, which variable to read) is the author's to choose, and `$HF_TOKEN` is only expanded by a shell.",
  },
});
