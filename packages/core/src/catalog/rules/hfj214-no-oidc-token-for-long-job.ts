import { defineRule } from "../define.js";

export const noOidcTokenForLongJob = defineRule({
  code: "HFJ214",
  name: "no-oidc-token-for-long-job",
  summary: "With OIDC (`HF_OIDC_RESOURCE`) the forwarded token lives 60 minutes, less than the job's `--timeout`",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["sh"],
  docs: {
    whatItDoes:
      "Checks launch command lines in GitHub Actions workflow steps that forward the caller's token (`-s HF_TOKEN` or `-e HF_TOKEN` without a value) while the step, its " +
      "job or the workflow sets `HF_OIDC_RESOURCE` (and no `HF_TOKEN`), and the line's `--timeout` is longer than an hour. OIDC token exchange arrived in huggingface_hub 1.19.",
    whyBad:
      "With `HF_OIDC_RESOURCE` set, `get_token()` exchanges the CI's OIDC id token for a short-lived Hub token (`hf_jwt_...`, `expires_in: 3600`), and that is the value " +
      "`-s HF_TOKEN` forwards. A job that runs longer than an hour then fails at its first Hub call after that: a push at the end of a three-hour training run gets a 401.",
    examples: [
      {
        language: "yaml",
        bad:
          "jobs:\n  train:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    env:\n      HF_OIDC_RESOURCE: my-org/my-model\n    steps:\n" +
          "      - run: hf jobs uv run --timeout 3h --secrets HF_TOKEN train.py",
        good:
          "jobs:\n  train:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    env:\n      HF_OIDC_RESOURCE: my-org/my-model\n    steps:\n" +
          "      - run: hf jobs uv run --timeout 45m --secrets HF_TOKEN train.py",
      },
    ],
    fixSafety: "No fix: keep the job under an hour, or pass a fine-grained token stored as a repository secret for long jobs.",
    references: ["Trusted Publishers (OIDC): https://huggingface.co/docs/hub/trusted-publishers"],
  },
});
