import type { RuleMeta } from "../types.js";

export const noUnknownJobArgument: RuleMeta = {
  code: "HFJ206",
  name: "no-unknown-job-argument",
  summary: "A launch passes an argument the surface ignores or rejects",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "rename known keys (`dependencies` -> `with_deps`)",
  surfaces: ["py", "ts", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
