import { defineRule } from "../define.js";
import { JOB_SCRIPT_DEFINITION } from "../job-scripts.js";

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
      "`CommitScheduler`, ...) but never check that `HF_TOKEN` is set before the first of them.",
    whyBad:
      "Without an early check, a missing or misnamed secret shows up only at the first write, typically the `push_to_hub` after training, as a 401: " +
      "hours of GPU time end in an error and the result is lost with the job. A check at the top of the script fails within seconds of the start.",
    whenItApplies:
      `${JOB_SCRIPT_DEFINITION} ` +
      "A Hub write is recognised by provenance: the call resolves to huggingface_hub, transformers, datasets, peft, sentence-transformers, trl, unsloth or " +
      "another Hugging Face library (or a method of an object one of them made); an unresolved `push_to_hub*` method counts, a local `push_to_hub()` helper or a " +
      "sandbox client's `upload_file` does not. A check is code that stops the job when the token is missing: `assert` on the token, an `if` on it whose " +
      'branch raises or calls `sys.exit()`/`parser.error()`, `os.environ["HF_TOKEN"]` (a `KeyError`), an unconditional `login(...)`/`whoami()` of ' +
      "huggingface_hub; not when a `try` around it swallows the error, and not `if token: login(token=token)` or a warning that lets the job go on. " +
      "Failing fast counts too: a trainer built with `push_to_hub=True` in its `TrainingArguments`/`SFTConfig`/... creates its repository in its " +
      "constructor, before training, so `trainer.push_to_hub()` after it (or under `if args.push_to_hub:`) is not reported; with settings that ask for " +
      "no push it is. When the settings come from the command line and the push is not guarded, the rule cannot tell and stays silent.",
    examples: [
      {
        language: "python",
        bad: `# /// script
# dependencies = ["datasets"]
# ///
from datasets import load_dataset

dataset = load_dataset("my-org/raw", split="train")
dataset = dataset.filter(lambda row: len(row["text"]) > 100)
dataset.push_to_hub("my-org/clean")`,
        good: `# /// script
# dependencies = ["datasets"]
# ///
import os

from datasets import load_dataset

if not os.environ.get("HF_TOKEN"):
    raise SystemExit("HF_TOKEN is not set: launch the job with an HF_TOKEN secret")

dataset = load_dataset("my-org/raw", split="train")
dataset = dataset.filter(lambda row: len(row["text"]) > 100)
dataset.push_to_hub("my-org/clean")`,
      },
      {
        language: "python",
        bad: `# /// script
# dependencies = ["trl"]
# ///
from trl import SFTConfig, SFTTrainer

trainer = SFTTrainer(model="Qwen/Qwen2.5-0.5B", args=SFTConfig(output_dir="out"), train_dataset=dataset)
trainer.train()
trainer.push_to_hub()`,
        good: `# /// script
# dependencies = ["trl"]
# ///
from trl import SFTConfig, SFTTrainer

# The trainer creates the repository when it is built, before training: a missing token fails at once.
config = SFTConfig(output_dir="out", push_to_hub=True, hub_model_id="my-org/qwen-sft")
trainer = SFTTrainer(model="Qwen/Qwen2.5-0.5B", args=config, train_dataset=dataset)
trainer.train()
trainer.push_to_hub()`,
      },
    ],
    fixSafety:
      "The fix is unsafe: the check it inserts after the imports makes the script stop at once when `HF_TOKEN` is missing. " +
      "That changes behaviour for runs that get their token another way (a token file, a legacy variable) or that reach the Hub write only under some conditions.",
  },
});
