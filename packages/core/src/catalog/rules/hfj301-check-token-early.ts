import type { RuleMeta } from "../types.js";

export const checkTokenEarly: RuleMeta = {
  code: "HFJ301",
  name: "check-token-early",
  summary: "A job script does Hub operations that need a token without checking `HF_TOKEN` first",
  defaultSeverity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "insert a check after the imports",
  surfaces: ["py"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
