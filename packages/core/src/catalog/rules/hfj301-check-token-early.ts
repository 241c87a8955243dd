import { defineRule } from "../define.js";

export const checkTokenEarly = defineRule({
  code: "HFJ301",
  name: "check-token-early",
  summary: "A job script does Hub operations that need a token without checking `HF_TOKEN` first",
  defaultSeverity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "insert a check after the imports",
  surfaces: ["py"],
  docs: {
    whatItDoes:
      "Checks job scripts that perform Hub operations needing a token (`push_to_hub`, `upload_file`, `upload_folder`, `create_repo`, `create_commit`, " +
      "`Trainer(...)` with `push_to_hub=True`, ...) but never check that `HF_TOKEN` is set before the first of them.",
    whyBad:
      "Without an early check, a missing or misnamed secret shows up only at the first write, typically the `push_to_hub` after training, as a 401: " +
      "hours of GPU time end in an error and the result is lost with the job. A check at the top of the script fails within seconds of the start.",
    examples: [
      {
        language: "python",
        bad: `from datasets import load_dataset

dataset = load_dataset("my-org/raw", split="train")
dataset = dataset.filter(lambda row: len(row["text"]) > 100)
dataset.push_to_hub("my-org/clean")`,
        good: `import os

from datasets import load_dataset

if not os.environ.get("HF_TOKEN"):
    raise SystemExit("HF_TOKEN is not set: launch the job with an HF_TOKEN secret")

dataset = load_dataset("my-org/raw", split="train")
dataset = dataset.filter(lambda row: len(row["text"]) > 100)
dataset.push_to_hub("my-org/clean")`,
      },
    ],
    fixSafety:
      "The fix is unsafe: the check it inserts after the imports makes the script stop at once when `HF_TOKEN` is missing. " +
      "That changes behaviour for runs that get their token another way (a token file, a legacy variable) or that reach the Hub write only under some conditions.",
  },
});
