import { defineRule } from "../define.js";

export const noLiteralTokenArgument = defineRule({
  code: "HFJ102",
  name: "no-literal-token-argument",
  summary: "A string literal (a placeholder such as `hf_...`) is passed where a token goes",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "as HFJ101: an environment lookup or `get_token()`",
  surfaces: ["py", "ts", "sh", "md"],
  docs: {
    whatItDoes:
      "Checks for a non-empty string literal passed where a token goes: `token=`, `login(...)`, `HfApi(token=...)`, the `HF_TOKEN` secret value in the Python API, " +
      "`accessToken` in `@huggingface/hub`, `--token` and `-s HF_TOKEN=...` on an `hf jobs` command line. A real-looking token is reported by HFJ101 alone; " +
      "this rule covers everything else, typically placeholders copied from docs (`hf_...`, `hf_xxx`, `hf_YOUR_TOKEN`). " +
      "In Python, `token=` and `use_auth_token=` count only where the callee resolves through the file's imports to a Hugging Face library " +
      "(huggingface_hub, transformers, datasets, diffusers, peft, sentence_transformers, trl, accelerate, evaluate, timm, smolagents), " +
      "including methods of objects they made (`api = HfApi()` then `api.whoami(token=...)`); another library's `token=` (`WebClient(token=...)`) " +
      "and a callee that does not resolve are not reported. " +
      "Test files are left out (the `test-files` setting; by default files under any `tests/`, `e2e/` or `__tests__/` folder, and `test_*.py`, `*_test.py`, `conftest.py`, `*.test.ts`, `*.spec.ts` anywhere): " +
      "a fake token passed where a token goes is what a test of token handling is made of. A real-looking token there is still HFJ101.",
    whyBad:
      "A placeholder is not a credential: the call or the job fails with 401 when it first talks to the Hub, often after the job has started and spent its time. " +
      "And a literal that is a real token in a shape the token pattern does not know is a leak like any other. Either way the value belongs in the environment or the login, not in the code.",
    examples: [
      {
        language: "python",
        bad: `from huggingface_hub import HfApi

api = HfApi(token="hf_xxx")
api.run_uv_job("train.py", secrets={"HF_TOKEN": "hf_..."})`,
        good: `from huggingface_hub import HfApi, get_token

api = HfApi()  # uses the token you are logged in with
api.run_uv_job("train.py", secrets={"HF_TOKEN": get_token()})`,
      },
      {
        language: "typescript",
        bad: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: "hf_YOUR_TOKEN",
  dockerImage: "python:3.12",
  command: ["python", "-c", "print('hello')"],
});`,
        good: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: process.env.HF_TOKEN,
  dockerImage: "python:3.12",
  command: ["python", "-c", "print('hello')"],
});`,
      },
      {
        language: "shell",
        bad: `hf jobs uv run --token hf_xxx --secrets HF_TOKEN=hf_... train.py`,
        good: `hf jobs uv run --secrets HF_TOKEN train.py`,
      },
    ],
    fixSafety:
      "The fix is unsafe, as for HFJ101: it replaces the literal with `get_token()` in a Python launcher, an `os.environ` lookup in other Python files, " +
      "`process.env.HF_TOKEN` in TypeScript and JavaScript; on a command line it drops `--token` (`hf jobs` uses the logged-in token) and passes `HF_TOKEN` without a value. " +
      "The code then authenticates with a token from the environment or the login, which may differ from what the author meant.",
    references: ["User access tokens: https://huggingface.co/docs/hub/security-tokens"],
  },
});
