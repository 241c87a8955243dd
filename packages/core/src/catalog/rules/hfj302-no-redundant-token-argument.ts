import { defineRule } from "../define.js";

export const noRedundantTokenArgument = defineRule({
  code: "HFJ302",
  name: "no-redundant-token-argument",
  summary: "A token argument repeats what the library reads from the environment itself",
  defaultSeverity: "warning",
  enabledByDefault: false,
  fix: "safe",
  fixSummary: "drop the argument",
  surfaces: ["py", "ts"],
  docs: {
    whatItDoes:
      'Checks for `token=os.environ["HF_TOKEN"]`-style arguments (also `os.environ.get("HF_TOKEN")` and `os.getenv("HF_TOKEN")`) given to calls that read `HF_TOKEN` ' +
      "from the environment themselves: `HfApi()`, `push_to_hub`, `upload_folder`, `from_pretrained`, `load_dataset`, ... In TypeScript and JavaScript files it checks " +
      "the Python job scripts written inline in `hf_jobs` tool calls. The rule is off by default: enable it with `--select HFJ302` or `--extend-select HFJ302`.",
    whyBad:
      "It is not a bug, which is why the rule is opt-in. The argument repeats what the library does on its own, adds one more place where the token's value is handled in code " +
      '(and can be logged or copied), and `os.environ["HF_TOKEN"]` raises `KeyError` where the library would have fallen back to the token file. ' +
      "Letting the library find the token is the simpler form the guide recommends (`HfApi()`).",
    examples: [
      {
        language: "python",
        bad: `import os

from huggingface_hub import HfApi

api = HfApi(token=os.environ["HF_TOKEN"])
api.upload_folder(folder_path="out", repo_id="my-org/my-model")`,
        good: `from huggingface_hub import HfApi

api = HfApi()  # reads HF_TOKEN from the environment
api.upload_folder(folder_path="out", repo_id="my-org/my-model")`,
      },
      {
        language: "typescript",
        bad: `await hf_jobs("uv", {
  script: \`import os
from huggingface_hub import HfApi
api = HfApi(token=os.environ["HF_TOKEN"])
api.upload_folder(folder_path="out", repo_id="my-org/my-model")\`,
  secrets: { HF_TOKEN: "$HF_TOKEN" },
});`,
        good: `await hf_jobs("uv", {
  script: \`from huggingface_hub import HfApi
api = HfApi()
api.upload_folder(folder_path="out", repo_id="my-org/my-model")\`,
  secrets: { HF_TOKEN: "$HF_TOKEN" },
});`,
      },
    ],
    fixSafety:
      "The fix is safe: it drops the argument, and the library reads the same `HF_TOKEN` variable by itself. " +
      "The only difference is when `HF_TOKEN` is unset: where the original raised `KeyError` or passed `None`, the library falls back to `HUGGING_FACE_HUB_TOKEN` and the token file.",
    references: ["Environment variables read by huggingface_hub: https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables"],
  },
});
