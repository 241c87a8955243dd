import type { RuleMeta } from "../types.js";

export const noHardcodedToken: RuleMeta = {
  code: "HFJ101",
  name: "no-hardcoded-token",
  summary: "A real-looking Hugging Face token appears in code, a string, a command line or a doc",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "replace with an environment lookup (`os.environ[\"HF_TOKEN\"]`, `process.env.HF_TOKEN`), `get_token()` in a launcher, `--secrets HF_TOKEN` on a command line",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes: "",
    whyBad: "",
    examples: [],
    fixSafety: "",
  },
};
