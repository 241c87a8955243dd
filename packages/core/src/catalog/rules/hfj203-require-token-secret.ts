import type { RuleMeta } from "../types.js";

export const requireTokenSecret: RuleMeta = {
  code: "HFJ203",
  name: "require-token-secret",
  summary: "A launch whose script needs a token passes no `HF_TOKEN` secret",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "add an `HF_TOKEN` secret",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
