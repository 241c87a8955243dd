import type { RuleMeta } from "../types.js";

export const noUnsubstitutedPlaceholder: RuleMeta = {
  code: "HFJ205",
  name: "no-unsubstituted-placeholder",
  summary: "A tool-call value holds a `$NAME` placeholder that is not substituted",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "none",
  fixSummary: "",
  surfaces: ["py", "ts", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
