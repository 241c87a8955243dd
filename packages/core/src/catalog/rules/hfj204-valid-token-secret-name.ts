import { defineRule } from "../define.js";

export const validTokenSecretName = defineRule({
  code: "HFJ204",
  name: "valid-token-secret-name",
  summary: "The secret carrying the Hugging Face token is not named `HF_TOKEN`",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "safe",
  fixSummary: "rename the secret to `HF_TOKEN` (unsafe unless the script is known and does not read the old name)",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks for the secret that carries the Hugging Face token under any name other than `HF_TOKEN`: `TOKEN`, `HF_API_TOKEN`, `HUGGINGFACE_TOKEN`, `hf_token`, ... " +
      "It does not report when the launched script is known and reads that exact name.",
    whyBad:
      "huggingface_hub, transformers and datasets read the token from `HF_TOKEN` (then the legacy `HUGGING_FACE_HUB_TOKEN`, then the token file). " +
      "Under any other name the token is invisible to them: `HfApi()`, `push_to_hub` and `load_dataset` on a private repository run without it and fail. " +
      "On the command line, a bare `--secrets HF_TOKEN` takes the logged-in token, while a bare `--secrets HUGGINGFACE_TOKEN` takes whatever that variable holds in your shell.",
    examples: [
      {
        language: "python",
        bad: `from huggingface_hub import get_token, run_uv_job

run_uv_job("train.py", secrets={"HF_API_TOKEN": get_token()})`,
        good: `from huggingface_hub import get_token, run_uv_job

run_uv_job("train.py", secrets={"HF_TOKEN": get_token()})`,
      },
      {
        language: "typescript",
        bad: `await hf_jobs("uv", {
  script: "train.py",
  secrets: { TOKEN: "$HF_TOKEN" },
});`,
        good: `await hf_jobs("uv", {
  script: "train.py",
  secrets: { HF_TOKEN: "$HF_TOKEN" },
});`,
      },
      {
        language: "shell",
        bad: `hf jobs uv run --secrets HUGGINGFACE_TOKEN train.py`,
        good: `hf jobs uv run --secrets HF_TOKEN train.py`,
      },
    ],
    fixSafety:
      "The fix renames the secret to `HF_TOKEN`. It is safe when the launched script is known and does not read the old name: the script only meets the token through the libraries, " +
      "which read `HF_TOKEN`. Otherwise it is unsafe: an unknown script, or code the analysis cannot see, may read the old name and would lose its token. " +
      "On a command line, renaming a bare key also changes where its value comes from (the login instead of your shell's variable). " +
      "When a launch passes two misnamed secrets, both are reported and only the first gets the rename: two secrets cannot both be `HF_TOKEN`.",
    references: ["Environment variables read by huggingface_hub: https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables"],
  },
});
