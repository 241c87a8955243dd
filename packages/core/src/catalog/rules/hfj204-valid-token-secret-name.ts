import type { RuleMeta } from "../types.js";

export const validTokenSecretName: RuleMeta = {
  code: "HFJ204",
  name: "valid-token-secret-name",
  summary: "The secret carrying the Hugging Face token is not named `HF_TOKEN`",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "rename the secret to `HF_TOKEN` (unsafe unless the script is known and does not read the old name)",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
