import { defineRule } from "../define.js";

export const noUnsubstitutedPlaceholder = defineRule({
  code: "HFJ205",
  name: "no-unsubstituted-placeholder",
  summary: "A tool-call value holds a `$NAME` placeholder that is not substituted",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks `hf_jobs` tool-call values (typically in `env` and `secrets`) that hold a `$NAME` or `${NAME}` placeholder other than exactly `$HF_TOKEN` or `${HF_TOKEN}`: " +
      '`"$WANDB_API_KEY"`, `"${OPENAI_API_KEY}"`, `"Bearer $HF_TOKEN"`. ' +
      "On the MCP server's `hf_sandbox_exec` tool, which substitutes nothing, it checks `--env NAME=$OTHER` (a whole-value placeholder; `$HF_TOKEN` there is HFJ202's), " +
      "and in the dotenv file an `hf jobs` command line names with `--secrets-file`/`--env-file`, where `hf jobs` expands nothing: `WANDB_API_KEY=$WANDB_API_KEY` " +
      "sends those characters, a bare `WANDB_API_KEY` line takes the caller's value.",
    whyBad:
      "The MCP server substitutes a value only when it is exactly `$HF_TOKEN` or `${HF_TOKEN}`. Nothing else is expanded: no other variable, and no placeholder inside a longer string. " +
      "The job receives the text as written, so `WANDB_API_KEY` holds the 14 characters `$WANDB_API_KEY` and the service rejects it inside the job.",
    examples: [
      {
        language: "python",
        bad: `hf_jobs("uv", {
    "script": "train.py",
    "secrets": {"HF_TOKEN": "$HF_TOKEN", "WANDB_API_KEY": "$WANDB_API_KEY"},
})`,
        good: `import os

from huggingface_hub import get_token, run_uv_job

# The Python API takes real values: read the key from your environment.
run_uv_job(
    "train.py",
    secrets={"HF_TOKEN": get_token(), "WANDB_API_KEY": os.environ["WANDB_API_KEY"]},
)`,
      },
      {
        language: "typescript",
        bad: `await hf_jobs("uv", {
  script: "train.py",
  secrets: { HF_TOKEN: "$HF_TOKEN", WANDB_API_KEY: "$WANDB_API_KEY" },
});`,
        good: `await hf_jobs("uv", {
  script: "train.py",
  secrets: { HF_TOKEN: "$HF_TOKEN", WANDB_API_KEY: process.env.WANDB_API_KEY },
});`,
      },
      {
        language: "shell",
        bad: `# .env.secrets holds the line WANDB_API_KEY=$WANDB_API_KEY
hf jobs uv run --secrets-file .env.secrets train.py`,
        good: `# .env.bare holds the bare line WANDB_API_KEY (hf jobs takes it from your environment)
hf jobs uv run --secrets-file .env.bare train.py`,
      },
    ],
    fixSafety:
      "There is no automatic fix: the rule does not know the value the placeholder stands for. Pass the real value from the launcher's environment, " +
      "or launch from a command line, where `--secrets WANDB_API_KEY` without a value takes it from your shell. " +
      'For `"Bearer $HF_TOKEN"`, pass `$HF_TOKEN` alone and build the header inside the job.',
  },
});
