import { defineRule } from "../define.js";

export const noHardcodedToken = defineRule({
  code: "HFJ101",
  name: "no-hardcoded-token",
  summary: "A real-looking Hugging Face token appears in code, a string, a command line or a doc",
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: 'replace with an environment lookup (`os.environ["HF_TOKEN"]`, `process.env.HF_TOKEN`), `get_token()` in a launcher, `--secrets HF_TOKEN` on a command line',
  surfaces: ["py", "ts", "sh", "md", "env", "text"],
  docs: {
    whatItDoes:
      "Checks for Hugging Face access tokens written into a file: `hf_` or `api_org_` followed by 34 letters or digits (and `hf_oauth_` tokens), in code, string literals, `hf jobs` command lines and Markdown code blocks, " +
      "and in the dotenv files a repository holds (`.env`, `.env.*`, `.envrc`, `*.env`; one listed in `.gitignore` is not visited, as no ignored file is). " +
      "Every other text file gets the same token pass (`.json`, `.toml`, `.cfg`, `.txt`, extension-less files, Dockerfile `ENV` and `ARG` lines, notebook cell outputs); " +
      "binary files (a NUL byte or invalid UTF-8 in their first 8 KiB, or an image, archive or model-weights extension) and lock files, which are generated from the manifests, are not read. " +
      "A token in the file an `hf jobs --secrets-file` names is where a secret belongs, and is reported only when the repository holds that file.",
    whyBad:
      "A token in a file can be read by everyone who can read the file, its Git history, its forks and every log, package or screenshot that includes it. " +
      "A token that reached a file or a commit is compromised: removing it from the code does not un-leak it. Revoke it in the Hub's token settings, create a new one, " +
      "and let the code read the token from the environment (`HF_TOKEN`) or the logged-in session instead. Every message this tool prints shows a token redacted (`hf_Ab…`).",
    examples: [
      {
        language: "python",
        bad: `from huggingface_hub import run_uv_job

run_uv_job(
    "train.py",
    secrets={"HF_TOKEN": "hf_FAKEexampleTOKEN0123456789abcdefgh"},
)`,
        good: `from huggingface_hub import get_token, run_uv_job

run_uv_job(
    "train.py",
    secrets={"HF_TOKEN": get_token()},
)`,
      },
      {
        language: "typescript",
        bad: `import { runJob } from "@huggingface/hub";

await runJob({
  namespace: "my-org",
  accessToken: "hf_FAKEexampleTOKEN0123456789abcdefgh",
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
        bad: `hf jobs uv run --secrets HF_TOKEN=hf_FAKEexampleTOKEN0123456789abcdefgh train.py`,
        good: `# A bare HF_TOKEN takes the token you are logged in with.
hf jobs uv run --secrets HF_TOKEN train.py`,
      },
    ],
    fixSafety:
      "The fix is unsafe. It replaces the literal with `get_token()` in a Python launcher (adding the import), " +
      '`os.environ["HF_TOKEN"]` in other Python files, `process.env.HF_TOKEN` in TypeScript and JavaScript, and a bare `HF_TOKEN` (or no `--token` at all) on a command line. ' +
      "The code then uses whatever token the environment or the login provides, which may belong to another account or be missing. " +
      "The fix also does not revoke the leaked token: that step is yours, and `hf-jobs-lint migrate` lists every token it found, redacted, with its file and line.",
    references: ["User access tokens: https://huggingface.co/docs/hub/security-tokens", "Token settings (revoke a token): https://huggingface.co/settings/tokens"],
  },
});
