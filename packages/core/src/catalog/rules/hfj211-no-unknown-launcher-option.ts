import { defineRule } from "../define.js";

export const noUnknownLauncherOption = defineRule({
  code: "HFJ211",
  name: "no-unknown-launcher-option",
  summary: "An option the launcher does not know, before the script or image: it becomes the script (`hf jobs` since 1.3) or fails the command",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "TODO: what the fix does, in a few words",
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
