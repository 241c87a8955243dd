import type { RuleMeta } from "../types.js";

export const noFlagsAfterScript: RuleMeta = {
  code: "HFJ207",
  name: "no-flags-after-script",
  summary: "`hf jobs` flags placed after the script are passed to the script",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "move the flags before the script",
  surfaces: ["sh", "md", "py", "ts"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
