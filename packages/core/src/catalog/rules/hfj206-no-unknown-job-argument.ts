import { defineRule } from "../define.js";

export const noUnknownJobArgument = defineRule({
  code: "HFJ206",
  name: "no-unknown-job-argument",
  summary: "A launch passes an argument the surface ignores or rejects",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "rename known keys (`dependencies` -> `with_deps`), an integer `timeout` as a string",
  surfaces: ["py", "ts", "md"],
  docs: {
    whatItDoes:
      "Checks job launches for arguments the surface ignores or rejects: `dependencies` or `image` in an `hf_jobs` `uv` tool call (the dependencies key is `with_deps`, and `uv` takes no image), " +
      "`args=` on `run_uv_job` (the parameter is `script_args`), and positional arguments to the keyword-only parameters of `run_job`, `run_uv_job` " +
      "and the scheduled variants (only the `uv` functions take one positional argument, the script). " +
      "On `hf_jobs` tool calls it also checks the values the MCP server's schema rejects or misreads: a `timeout` that is not a string (`3600`), " +
      'a `timeout` string outside the server\'s forms (`"90min"` is read as 90 seconds), and a `flavor` outside its list (hf-mcp-server v0.4.12 accepts `cpu-basic` ... `a100x8`, ' +
      'not `h200`). The server lower-cases the operation, so `hf_jobs("UV", ...)` is checked as `uv`; its flat legacy form (`{"operation": "uv", "script": ...}` ' +
      "without `args`) is read as `args`, but another server's flat `hf_jobs` tool (ml-intern's `run` with `script`, `dependencies`, `hardware_flavor`) " +
      "is not judged by this schema. " +
      "It also reports inline code passed as the `script` of `run_uv_job` or `create_scheduled_uv_job` (more than one line, or a first line that starts " +
      "with `import`, `from ... import` or a `# /// script` header): the Python API uploads a local file or passes a URL, and runs anything else as `uv run <script>`. " +
      "On the MCP server's sandbox tools it checks `args` as the server parses them: `hf_sandbox create` has no `--env`/`--secrets` option (a sandbox gets the token " +
      "with `--forward-hf-token`), any other unknown option, an option without its value, a `cmd` outside the tool's commands, and `hf_sandbox_exec --env` without `NAME=VALUE`.",
    whyBad:
      "The tool call drops unknown keys without an error: with `dependencies` (used in published docs) the job starts without its packages and fails at the first import; " +
      "with `image` it runs in the default image. In Python, an unknown keyword or an extra positional argument raises `TypeError` only when the launcher runs, " +
      "not when it is written or reviewed. A tool-call `timeout` or `flavor` of the wrong type or value fails the whole call with a validation error, " +
      "and a misread timeout kills a training job after seconds instead of hours. " +
      "Inline code given to `run_uv_job` becomes the name of the command `uv run` is asked to run: the job starts, fails at once, and the code never runs " +
      "(only the tool call's `uv` operation runs a multi-line `script` as code).",
    examples: [
      {
        language: "python",
        bad: `hf_jobs("uv", {
    "script": "train.py",
    "dependencies": ["transformers", "trl"],
    "secrets": {"HF_TOKEN": "$HF_TOKEN"},
})`,
        good: `hf_jobs("uv", {
    "script": "train.py",
    "with_deps": ["transformers", "trl"],
    "secrets": {"HF_TOKEN": "$HF_TOKEN"},
})`,
      },
      {
        language: "python",
        bad: `from huggingface_hub import run_uv_job

run_uv_job("train.py", args=["--epochs", "3"])`,
        good: `from huggingface_hub import run_uv_job

run_uv_job("train.py", script_args=["--epochs", "3"])`,
      },
      {
        language: "python",
        bad: `hf_jobs("uv", {"script": "train.py", "flavor": "a10g", "timeout": 7200})`,
        good: `hf_jobs("uv", {"script": "train.py", "flavor": "a10g-small", "timeout": "2h"})`,
      },
      {
        language: "typescript",
        bad: `await hf_jobs("uv", {
  script: "train.py",
  dependencies: ["transformers", "trl"],
});`,
        good: `await hf_jobs("uv", {
  script: "train.py",
  with_deps: ["transformers", "trl"],
});`,
      },
    ],
    fixSafety:
      "The fix is safe for known renames of tool-call keys (`dependencies` and `deps` become `with_deps`): the value keeps its meaning under the key the server reads. " +
      "An integer `timeout` becomes the same digits as a string, which the server reads as that many seconds (safe: the number was rejected, the string means what it said); " +
      "a fraction or a constant defined elsewhere is left to the author. " +
      "Inline code has no fix (it needs a file of its own). Other findings have no automatic fix: `uv` has no image key (use a `run` operation with an image instead), and `args=` or a positional argument needs the author " +
      "to say which parameter was meant.",
    references: [
      "Run and manage Jobs (UV scripts): https://huggingface.co/docs/huggingface_hub/guides/jobs",
      "The `hf_jobs` tool's schema: hf-mcp-server packages/mcp/src/jobs/types.ts (`flavor` enum, `timeout` string) and commands/utils.ts (`parseTimeout`)",
    ],
  },
});
