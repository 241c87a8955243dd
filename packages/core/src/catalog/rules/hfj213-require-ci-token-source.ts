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
