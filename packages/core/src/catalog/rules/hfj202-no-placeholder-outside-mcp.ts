import { defineRule } from "../define.js";

export const noPlaceholderOutsideMcp = defineRule({
  code: "HFJ202",
  name: "no-placeholder-outside-mcp",
  summary: "The `$HF_TOKEN` placeholder is used where nothing substitutes it",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "`get_token()` (adding the import) / `process.env.HF_TOKEN`",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks for the `$HF_TOKEN` / `${HF_TOKEN}` placeholder used where nothing substitutes it: the Python API (`run_job`, `run_uv_job`, the scheduled variants, " +
      "the `HfApi` methods of the same names), sandboxes (`Sandbox.create`, a pool's `create`, `sandbox.run`; `forward_hf_token=True` is their way to pass the token), " +
      "`@huggingface/hub` (`runJob`, `createScheduledJob`, and the `accessToken` of any of its calls), hand-written calls to the REST API, " +
      "and the dotenv file an `hf jobs` command line names with `--secrets-file` or `--env-file` (resolved beside the file holding the command, then at the " +
      "repository root, and read as `hf jobs` reads it): `HF_TOKEN=${HF_TOKEN}` there is sent as those characters, where a bare `HF_TOKEN` line passes the login's token.",
    whyBad:
      "Only the `hf_jobs` tool call (the MCP server) replaces a value that is exactly `$HF_TOKEN` or `${HF_TOKEN}` with the caller's token. " +
      'The Python API, `@huggingface/hub` and the REST API send the string as written: `secrets={"HF_TOKEN": "$HF_TOKEN"}` gives the job the literal string `$HF_TOKEN` (nine characters, not a token), ' +
      "and its first authenticated Hub call fails with 401, often at the `push_to_hub` that ends hours of work. " +
      "The pattern is copied from tool-call examples, which are right where they stand and wrong in a launcher. " +
      "As the `accessToken` (or `credentials.accessToken`) of a `@huggingface/hub` call it fails even earlier: the library's `checkCredentials` throws " +
      "`TypeError: Your access token must start with 'hf_'` before any request (`createBranch`, `deleteBranch` and `repoExists`, which skip that check, send it and get a 401).",
    examples: [
      {
        language: "python",
        bad: `from huggingface_hub import run_uv_job

run_uv_job(
    "train.py",
    secrets={"HF_TOKEN": "$HF_TOKEN"},
)`,
        good: `from huggingface_hub import get_token, run_uv_job

run_uv_job(
    "train.py",
    secrets={"HF_TOKEN": get_token()},
)`,
      },
      {
        language: "typescript",
        bad: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: process.env.HF_TOKEN,
  dockerImage: "python:3.12",
  command: ["python", "train.py"],
  secrets: { HF_TOKEN: "$HF_TOKEN" },
});`,
        good: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: process.env.HF_TOKEN,
  dockerImage: "python:3.12",
  command: ["python", "train.py"],
  secrets: { HF_TOKEN: process.env.HF_TOKEN },
});`,
      },
      {
        language: "shell",
        bad: `# .env.secrets holds the line HF_TOKEN=\${HF_TOKEN}
hf jobs uv run --secrets-file .env.secrets train.py`,
        good: `# .env.bare holds the bare line HF_TOKEN (hf jobs fills in your login's token)
hf jobs uv run --secrets-file .env.bare train.py`,
      },
    ],
    fixSafety:
      "The fix is safe: the placeholder can never work on these surfaces, so nothing that worked before changes. In Python it becomes `get_token()` " +
      "(the token the launcher is logged in with, or its `HF_TOKEN` variable) and `from huggingface_hub import get_token` is added when missing; " +
      "in TypeScript and JavaScript it becomes `process.env.HF_TOKEN`.",
    references: ["Run and manage Jobs (environment variables and secrets): https://huggingface.co/docs/huggingface_hub/guides/jobs"],
  },
});
