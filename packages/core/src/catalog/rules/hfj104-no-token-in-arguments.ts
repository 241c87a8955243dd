import { defineRule } from "../define.js";
import { JOB_SCRIPT_DEFINITION } from "../job-scripts.js";

export const noTokenInArguments = defineRule({
  code: "HFJ104",
  name: "no-token-in-arguments",
  summary: "A token is passed as a job argument or command, or a job script reads its token from argv",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks for a token passed as a job's arguments or command: `script_args` or `command` in the Python API and the `hf_jobs` tool call, `command` or `arguments` " +
      'in `@huggingface/hub` and the REST API, anything after the script on an `hf jobs` command line (`--hf-token "$HF_TOKEN"`). ' +
      "It also checks job scripts that can only get their token from the command line (a required `--hf-token` option, `sys.argv[1]`).",
    whyBad:
      "A job's command and arguments are part of the job: they are stored with it and shown in full by `hf jobs inspect` and the API. " +
      "`secrets` are encrypted server side and only their names come back, and they reach the script as environment variables, " +
      "where huggingface_hub, transformers and datasets read `HF_TOKEN` by themselves. A script that takes `--hf-token` invites every launcher to put the token on the command line.",
    whenItApplies:
      "Launches are always judged. The script side applies to job scripts only, and only where argv is the only way in: a required token option or a " +
      "`sys.argv` read. An optional `--hf-token` falls back on `HF_TOKEN` (the secret) or the login, since `token=None` makes every Hugging Face library " +
      "read them, so it leaks nothing unless a launch puts the token on the command line, which that launch's own finding reports. A launcher CLI's own " +
      `\`--token\` (its API credential) is not a job's argument. ${JOB_SCRIPT_DEFINITION}`,
    examples: [
      {
        language: "python",
        bad: `from huggingface_hub import get_token, run_uv_job

run_uv_job(
    "train.py",
    script_args=["--hf-token", get_token()],
)`,
        good: `from huggingface_hub import get_token, run_uv_job

run_uv_job(
    "train.py",
    secrets={"HF_TOKEN": get_token()},
)`,
      },
      {
        language: "python",
        bad: `# /// script
# dependencies = ["huggingface_hub"]
# ///
import argparse

from huggingface_hub import HfApi

parser = argparse.ArgumentParser()
parser.add_argument("--hf-token", required=True)
args = parser.parse_args()
HfApi(token=args.hf_token).upload_folder(folder_path="out", repo_id="my-org/my-model")`,
        good: `# /// script
# dependencies = ["huggingface_hub"]
# ///
from huggingface_hub import HfApi

# HfApi() reads HF_TOKEN, which the launch passes as a secret.
HfApi().upload_folder(folder_path="out", repo_id="my-org/my-model")`,
      },
      {
        language: "typescript",
        bad: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: process.env.HF_TOKEN,
  dockerImage: "python:3.12",
  command: ["python", "train.py"],
  arguments: ["--hf-token", process.env.HF_TOKEN],
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
        bad: `hf jobs uv run train.py --hf-token "$HF_TOKEN"`,
        good: `hf jobs uv run --secrets HF_TOKEN train.py`,
      },
    ],
    fixSafety:
      "There is no automatic fix: moving the token to `secrets` also needs the job script to read it from the environment instead of its arguments, " +
      "a change in another file that the rule cannot make for you.",
    references: ["Run and manage Jobs (environment variables and secrets): https://huggingface.co/docs/huggingface_hub/guides/jobs"],
  },
});
