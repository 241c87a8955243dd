import type { RuleMeta } from "../types.js";

export const noLegacyTokenVariable: RuleMeta = {
  code: "HFJ303",
  name: "no-legacy-token-variable",
  summary: "Reads `HUGGING_FACE_HUB_TOKEN` or another non-standard variable instead of `HF_TOKEN`",
  defaultSeverity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "rename to `HF_TOKEN`",
  surfaces: ["py", "ts"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
