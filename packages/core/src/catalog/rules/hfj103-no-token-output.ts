import { defineRule } from "../define.js";
import { JOB_SCRIPT_DEFINITION } from "../job-scripts.js";

export const noTokenOutput = defineRule({
  code: "HFJ103",
  name: "no-token-output",
  summary: "A token value reaches output: print, logging, console, an exception message or a written file",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks for a token value that reaches output: `print`, `logging` calls, `console.*`, the message of a raised or thrown exception, or a file the program writes. " +
      "A prefix slice of at most 10 characters (`token[:5]`, `token.slice(0, 5)`) is allowed, so a script can still show which token it uses.",
    whyBad:
      "Output is kept: job logs are stored with the job and shown by `hf jobs logs`, CI keeps its logs, and notebooks, terminals and log collectors keep copies. " +
      "A token printed once has to be treated as leaked and revoked.",
    whenItApplies:
      "In Python, output is judged where it is kept and shown: in job scripts (the job's logs) and in launchers (CI logs). " +
      `${JOB_SCRIPT_DEFINITION} ` +
      "A command whose purpose is printing the token (`hf auth token`) or a library's own code is not judged. In TS/JS, every file the plugin lints is judged. " +
      "On `hf jobs` command lines (shell, CI, Markdown, argv in code), the job's own `python -c \"...\"` or `bash -c '...'` is read: printing a secret the " +
      "command passes with `-s`/`--secrets` (or any credential variable), or the whole environment (`env`, `printenv`), puts the value in the job's logs.",
    examples: [
      {
        language: "python",
        bad: `# /// script
# dependencies = []
# ///
import os

token = os.environ["HF_TOKEN"]
print(f"Using token {token}")`,
        good: `# /// script
# dependencies = []
# ///
import os

token = os.environ["HF_TOKEN"]
print(f"Using token {token[:5]}…")`,
      },
      {
        language: "shell",
        bad: `hf jobs run --secrets HF_TOKEN python:3.12 python -c "import os; print(os.environ['HF_TOKEN'])"`,
        good: `hf jobs run --secrets HF_TOKEN python:3.12 python -c "import os; print('HF_TOKEN' in os.environ)"`,
      },
      {
        language: "typescript",
        bad: `const token = process.env.HF_TOKEN ?? "";
console.log(\`Launching with token \${token}\`);`,
        good: `const token = process.env.HF_TOKEN ?? "";
console.log(\`Launching with token \${token.slice(0, 5)}…\`);`,
      },
    ],
    fixSafety:
      "There is no automatic fix: whether to drop the output, log a short prefix or log that a token is set is the author's decision. " +
      "If the token was already printed somewhere that is kept, revoke it.",
    references: ["Token settings (revoke a token): https://huggingface.co/settings/tokens"],
  },
});
