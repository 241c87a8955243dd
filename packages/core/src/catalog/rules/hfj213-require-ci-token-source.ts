import { defineRule } from "../define.js";

export const requireCiTokenSource = defineRule({
  code: "HFJ213",
  name: "require-ci-token-source",
  summary: "A bare `-s KEY` in a CI step whose workflow sets no such variable, login or OIDC: the job gets nothing",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["sh"],
  docs: {
    whatItDoes:
      "Checks launch command lines in GitHub Actions workflow steps (files under `.github/workflows/`, and YAML files elsewhere with a workflow's `jobs:`/`steps:` " +
      "shape) for a bare `-s KEY` or `-e KEY` (no `=VALUE`) when the step, its job and the workflow define no `KEY` in `env:`, the step's own script does not set it, " +
      "and, for `HF_TOKEN`, no earlier step logs in (`hf auth login`, `huggingface-cli login`, `login(...)`, `HF_TOKEN` written to `$GITHUB_ENV`) and `HF_OIDC_RESOURCE` " +
      "is not set. It stays silent on self-hosted runners, in containers and in composite actions (the environment comes from elsewhere), and on GitLab CI, whose project " +
      "and group variables never appear in the file.",
    whyBad:
      "`hf jobs` fills a bare key from the caller's environment (and `HF_TOKEN` from the login or an OIDC exchange); a key whose value is not found is dropped " +
      "silently, so the job starts without the secret and fails at its first Hub call. GitHub secrets are not environment variables until a step maps them. " +
      "`--token X` on the line does not help: it is the launcher's own credential, not the value of `HF_TOKEN`.",
    examples: [
      {
        language: "yaml",
        bad: "jobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: hf jobs uv run --secrets HF_TOKEN train.py",
        good: "jobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: hf jobs uv run --secrets HF_TOKEN train.py\n        env:\n          HF_TOKEN: ${{ secrets.HF_TOKEN }}",
      },
    ],
    fixSafety: "No fix: which secret of the repository holds the token is the author's to say.",
    references: ["Using secrets in GitHub Actions: https://docs.github.com/actions/security-guides/using-secrets-in-github-actions"],
  },
});
