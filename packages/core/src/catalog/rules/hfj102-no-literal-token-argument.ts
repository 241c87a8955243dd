import type { RuleMeta } from "../types.js";

export const noLiteralTokenArgument: RuleMeta = {
  code: "HFJ102",
  name: "no-literal-token-argument",
  summary: "A string literal (a placeholder such as `hf_...`) is passed where a token goes",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "as HFJ101: an environment lookup or `get_token()`",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
