import type { RuleMeta } from "../types.js";

export const noRedundantTokenArgument: RuleMeta = {
  code: "HFJ302",
  name: "no-redundant-token-argument",
  summary: "A token argument repeats what the library reads from the environment itself",
  defaultSeverity: "warning",
  enabledByDefault: false,
  fix: "safe",
  fixSummary: "drop the argument",
  surfaces: ["py", "ts"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
