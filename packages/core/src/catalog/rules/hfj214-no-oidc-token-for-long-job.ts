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
    whatItDoes: "TODO: Ruff's 'What it does', one or two sentences.",
    whyBad: "TODO: Ruff's 'Why is this bad?': what goes wrong in the job, and when.",
    examples: [
      {
        language: "python",
        bad: "TODO: code this rule reports (fake tokens only)",
        good: "TODO: the same code written the right way",
      },
    ],
    fixSafety: "TODO: why the fix is safe or unsafe, or why there is none.",
  },
});
