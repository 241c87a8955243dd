import type { RuleMeta } from "../types.js";

export const noTokenInArguments: RuleMeta = {
  code: "HFJ104",
  name: "no-token-in-arguments",
  summary: "A token is passed as a job argument or command, or a job script reads its token from argv",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
