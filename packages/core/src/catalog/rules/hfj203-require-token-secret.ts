import { defineRule } from "../define.js";

export const requireTokenSecret = defineRule({
  code: "HFJ203",
  name: "require-token-secret",
  summary: "A launch whose script needs a token passes no `HF_TOKEN` secret",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "add an `HF_TOKEN` secret",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks launches whose script is known (a local file resolved relative to the launcher, an inline `hf_jobs` script, a path in the same repository) " +
      "when that script performs Hub operations that need a token (`push_to_hub`, `upload_file`, `upload_folder`, `create_repo`, `Trainer(..., push_to_hub=True)`, reads of private repositories) " +
      "and the launch passes no `HF_TOKEN` secret.",
    whyBad:
      "A job does not inherit the launcher's login: inside the job, `HF_TOKEN` is set only when the launch passes it. Without it the script's first authenticated Hub call fails with 401, " +
      "and when that call is the `push_to_hub` at the end of a training run, the GPU time and the result are lost together.",
    examples: [
      {
        language: "python",
        bad: `from huggingface_hub import run_uv_job

# train.py ends with trainer.push_to_hub()
run_uv_job("train.py")`,
        good: `from huggingface_hub import get_token, run_uv_job

# train.py ends with trainer.push_to_hub()
run_uv_job("train.py", secrets={"HF_TOKEN": get_token()})`,
      },
      {
        language: "typescript",
        bad: `await hf_jobs("uv", {
  script: \`from datasets import load_dataset
ds = load_dataset("my-org/raw", split="train")
ds.push_to_hub("my-org/clean")\`,
});`,
        good: `await hf_jobs("uv", {
  script: \`from datasets import load_dataset
ds = load_dataset("my-org/raw", split="train")
ds.push_to_hub("my-org/clean")\`,
  secrets: { HF_TOKEN: "$HF_TOKEN" },
});`,
      },
      {
        language: "shell",
        bad: `# train.py ends with trainer.push_to_hub()
hf jobs uv run train.py`,
        good: `# train.py ends with trainer.push_to_hub()
hf jobs uv run --secrets HF_TOKEN train.py`,
      },
    ],
    fixSafety:
      'The fix is unsafe: it gives the job a credential it did not have, `secrets={"HF_TOKEN": get_token()}` in the Python API, `"$HF_TOKEN"` in a tool call, ' +
      "`--secrets HF_TOKEN` on a command line. That is the launcher's own token, which may grant more than the job needs: " +
      "`hf-jobs-lint scope SCRIPT.py` tells whether a read token is enough.",
    references: ["Run and manage Jobs (environment variables and secrets): https://huggingface.co/docs/huggingface_hub/guides/jobs"],
  },
});
