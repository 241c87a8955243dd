import type { RuleMeta } from "../types.js";

export const noTokenInEnv: RuleMeta = {
  code: "HFJ201",
  name: "no-token-in-env",
  summary: "A token-like key is passed through a job's `env`/`environment`/`-e` instead of `secrets`",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "move the entry to `secrets`/`-s`, merging with existing secrets",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
