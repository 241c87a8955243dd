import type { RuleMeta } from "../types.js";

export const noTokenOutput: RuleMeta = {
  code: "HFJ103",
  name: "no-token-output",
  summary: "A token value reaches output: print, logging, console, an exception message or a written file",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["py", "ts"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
