import { defineRule } from "../define.js";

export const noTokenInEnv = defineRule({
  code: "HFJ201",
  name: "no-token-in-env",
  summary: "A token-like key is passed through a job's `env`/`environment`/`-e` instead of `secrets`",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "move the entry to `secrets`/`-s`, merging with existing secrets",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks for a token-like key (`HF_TOKEN`, `HUGGING_FACE_HUB_TOKEN`, `*_TOKEN`, `*_API_KEY`, `*_SECRET`, `*PASSWORD*`) passed through a job launch's " +
      "`env` (Python API, `hf_jobs` tool call), `environment` (`@huggingface/hub`, REST) or `-e/--env` (`hf jobs` CLI) instead of `secrets`. " +
      "Names such as `MAX_NEW_TOKENS` or `TOKENIZERS_PARALLELISM` are not token-like. " +
      "A dedicated sandbox is a job too: `Sandbox.create(env=...)` is checked like `run_job` (`forward_hf_token=True` sends the token as a secret). " +
      "A pooled sandbox's `env` (`SandboxPool(...).create(env=...)`) and a command's `env` (`sandbox.run(cmd, env=...)`) are not: no job stores them, " +
      "and a pool has no secrets channel (huggingface_hub's sandbox guide says to pass would-be secrets there). " +
      "The dotenv file an `hf jobs --env-file` names is read too (beside the file holding the command, then at the repository root): a token-like key in it, " +
      "or a bare `HF_TOKEN` line (which takes the login's token), is plain env; the safe fix passes the file with `--secrets-file`.",
    whyBad:
      "`env` and `secrets` both become environment variables inside the job, so the job cannot tell them apart. The difference is outside the job: " +
      "`env` values are stored and shown in full by `hf jobs inspect` and the API, while `secrets` are encrypted server side and only their names come back. " +
      'Two traps make this easy to get wrong: in the `hf_jobs` tool call, `"env": {"HF_TOKEN": "$HF_TOKEN"}` is substituted like a secret and puts the real token in plain `env`; ' +
      "on the command line, `-e HF_TOKEN` without a value takes the logged-in token and does the same.",
    examples: [
      {
        language: "python",
        bad: `from huggingface_hub import get_token, run_uv_job

run_uv_job(
    "train.py",
    env={"HF_TOKEN": get_token(), "EPOCHS": "3"},
)`,
        good: `from huggingface_hub import get_token, run_uv_job

run_uv_job(
    "train.py",
    env={"EPOCHS": "3"},
    secrets={"HF_TOKEN": get_token()},
)`,
      },
      {
        language: "python",
        bad: `hf_jobs("uv", {
    "script": "train.py",
    "env": {"HF_TOKEN": "$HF_TOKEN"},
})`,
        good: `hf_jobs("uv", {
    "script": "train.py",
    "secrets": {"HF_TOKEN": "$HF_TOKEN"},
})`,
      },
      {
        language: "typescript",
        bad: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: process.env.HF_TOKEN,
  dockerImage: "python:3.12",
  command: ["python", "train.py"],
  environment: { HF_TOKEN: process.env.HF_TOKEN, EPOCHS: "3" },
});`,
        good: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: process.env.HF_TOKEN,
  dockerImage: "python:3.12",
  command: ["python", "train.py"],
  environment: { EPOCHS: "3" },
  secrets: { HF_TOKEN: process.env.HF_TOKEN },
});`,
      },
      {
        language: "shell",
        bad: `hf jobs uv run -e HF_TOKEN -e EPOCHS=3 train.py`,
        good: `hf jobs uv run -s HF_TOKEN -e EPOCHS=3 train.py`,
      },
    ],
    fixSafety:
      "The fix is safe: it moves the entry from `env`/`environment` to `secrets` (merging it into an existing secrets dict or object) and turns `-e`/`--env` into `-s`/`--secrets`. " +
      "Both end up as the same environment variable with the same value inside the job, so the script behaves the same; only the value is no longer shown in full. " +
      "`--env-file F` becomes `--secrets-file F` for the same reason; not when the command has a `--secrets-file` already (it takes one file) or sets one of the file's keys with `-e`/`-s`.",
    references: ["Run and manage Jobs (environment variables and secrets): https://huggingface.co/docs/huggingface_hub/guides/jobs"],
  },
});
