import { defineRule } from "../define.js";

export const noRejectedOptionValue = defineRule({
  code: "HFJ212",
  name: "no-rejected-option-value",
  summary: "A launcher option's value is rejected or unusable (`--expose` not an integer, `hfjs` `-s KEY` without `=`, a bare `hfjobs -s KEY`)",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["sh", "md", "py", "ts"],
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
