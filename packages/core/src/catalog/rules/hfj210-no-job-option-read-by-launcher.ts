import { defineRule } from "../define.js";

export const noJobOptionReadByLauncher = defineRule({
  code: "HFJ210",
  name: "no-job-option-read-by-launcher",
  summary: "An option after the script or command is read by the launcher (`hf jobs` since huggingface_hub 1.0, `hfjs`, `hf sandbox exec`), not passed to the job",
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
