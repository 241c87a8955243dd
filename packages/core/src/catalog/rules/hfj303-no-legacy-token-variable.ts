import { defineRule } from "../define.js";

export const noLegacyTokenVariable = defineRule({
  code: "HFJ303",
  name: "no-legacy-token-variable",
  summary: "Reads `HUGGING_FACE_HUB_TOKEN` or another non-standard variable instead of `HF_TOKEN`",
  defaultSeverity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "rename to `HF_TOKEN`",
  surfaces: ["py", "ts"],
  docs: {
    whatItDoes:
      "Checks for code that reads the Hugging Face token from `HUGGING_FACE_HUB_TOKEN` or another non-standard variable (`HUGGINGFACE_HUB_TOKEN`, `HUGGINGFACE_TOKEN`, " +
      "`HUGGING_FACE_TOKEN`, `HF_API_TOKEN`, `HF_HUB_TOKEN`, `HF_ACCESS_TOKEN`) instead of `HF_TOKEN`: `os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)`, `process.env....`. " +
      'A fallback read after `HF_TOKEN` in the same expression (`os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN")`, `process.env.HF_TOKEN ?? ...`) ' +
      "and a write of the old name for older libraries (`os.environ.setdefault(...)`, `process.env.X = ...`) are not reported.",
    whyBad:
      "`HF_TOKEN` is the name the jobs tooling passes (`--secrets HF_TOKEN`, the `hf_jobs` examples) and the one the libraries read first. " +
      "Code that reads another name finds nothing in a job launched the standard way, or quietly picks up an old token still set under the legacy name.",
    examples: [
      {
        language: "python",
        bad: `import os

if not os.environ.get("HUGGING_FACE_HUB_TOKEN"):
    raise SystemExit("No Hugging Face token in the environment")`,
        good: `import os

if not os.environ.get("HF_TOKEN"):
    raise SystemExit("No Hugging Face token in the environment")`,
      },
      {
        language: "typescript",
        bad: `const token = process.env.HUGGING_FACE_HUB_TOKEN;`,
        good: `const token = process.env.HF_TOKEN;`,
      },
    ],
    fixSafety:
      "The fix is unsafe: after the rename the code reads a different variable. Where only the old name is set (a CI secret, a `.env` file, a launch that passes the old name), " +
      "the value disappears until those are renamed too; HFJ204 renames the secret on the launch side.",
    references: ["Environment variables read by huggingface_hub: https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables"],
  },
});
