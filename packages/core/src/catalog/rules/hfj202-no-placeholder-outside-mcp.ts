import type { RuleMeta } from "../types.js";

export const noPlaceholderOutsideMcp: RuleMeta = {
  code: "HFJ202",
  name: "no-placeholder-outside-mcp",
  summary: "The `$HF_TOKEN` placeholder is used where nothing substitutes it",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "`get_token()` (adding the import) / `process.env.HF_TOKEN`",
  surfaces: ["py", "ts", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
