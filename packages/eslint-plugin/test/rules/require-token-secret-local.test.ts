/** HFJ203 with job scripts named by path: resolved beside the launcher, then at the repository root. */
import { afterAll } from "vitest";
import rule from "../../src/rules/require-token-secret.js";
import { ruleTester } from "../rule-tester.js";
import { createScriptRepo } from "../../../../test/helpers/script-repo.js";

const repo = createScriptRepo();
afterAll(() => repo.remove());
const filename = repo.launcher;

ruleTester.run("require-token-secret (local scripts)", rule, {
  valid: [
    { filename, code: `hf_jobs("uv", { script: "scripts/push.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` },
    { name: "the script only prints", filename, code: `hf_jobs("uv", { script: "scripts/hello.py" });` },
    { name: "beside the launcher wins over the root", filename, code: `hf_jobs("uv", { script: "shadowed.py" });` },
    { name: "a URL is not resolved", filename, code: `hf_jobs("uv", { script: "https://example.com/scripts/push.py" });` },
    { name: "a missing file is not resolved", filename, code: `hf_jobs("uv", { script: "scripts/missing.py" });` },
    { name: "a substitution is not resolved", filename, code: "const dir = 'scripts';\nhf_jobs(\"uv\", { script: `${dir}/push.py` });" },
    { name: "a shell variable is not resolved", filename, code: `hf_jobs("uv", { script: "$SCRIPTS/push.py" });` },
    { name: "binary content and folders are not scripts", filename, code: `hf_jobs("uv", { script: "scripts/binary.py" }); hf_jobs("uv", { script: "scripts/folder.py" });` },
    { name: "no .git above: the launcher's folder is the root", filename: repo.outsideLauncher, code: `hf_jobs("uv", { script: "scripts/push.py" });` },
    { name: "a token in env is HFJ201's", filename, code: `hf_jobs("uv", { script: "scripts/push.py", env: { HF_TOKEN: "$HF_TOKEN" } });` },
    { name: "a misnamed secret is HFJ204's", filename, code: `hf_jobs("uv", { script: "scripts/push.py", secrets: { TOKEN: "$HF_TOKEN" } });` },
    { name: "a secret carrying the token by value is HFJ204's", filename, code: `hf_jobs("uv", { script: "scripts/push.py", secrets: { MY_KEY: "$HF_TOKEN" } });` },
    { name: "secrets we cannot see", filename, code: `hf_jobs("uv", { script: "scripts/push.py", secrets: buildSecrets() });` },
    { name: "argv with --secrets", filename, code: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "scripts/push.py"]);` },
    { name: "argv of a script that only prints", filename, code: `execa("hf", ["jobs", "uv", "run", "scripts/hello.py"]);` },
    { name: "argv script in a template with a substitution", filename, code: 'spawn("hf", ["jobs", "uv", "run", `${dir}/push.py`]);' },
    { name: "command string naming a URL", filename, code: `exec("hf jobs uv run https://example.com/push.py");` },
    { name: "run (not uv) takes no script", filename, code: `spawn("hf", ["jobs", "run", "python:3.12", "python", "scripts/push.py"]);` },
  ],
  invalid: [
    {
      name: "script beside the launcher",
      filename,
      code: `hf_jobs("uv", { script: "beside.py" });`,
      errors: [
        {
          messageId: "forwarded",
          line: 1,
          column: 17,
          suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", { script: "beside.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` }],
        },
      ],
    },
    {
      name: "script at the repository root, multi-line call",
      filename,
      code: `hf_jobs("uv", {\n  script: "scripts/push.py",\n  flavor: "a10g-small",\n});`,
      errors: [
        {
          messageId: "forwarded",
          line: 2,
          suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", {\n  script: "scripts/push.py",\n  flavor: "a10g-small", secrets: { HF_TOKEN: "$HF_TOKEN" },\n});` }],
        },
      ],
    },
    {
      name: "the shadowed name at the root from a launcher at the root",
      filename: repo.write("launch-at-root.ts", "// launcher\n"),
      code: `hf_jobs("uv", { script: "shadowed.py" });`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", { script: "shadowed.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` }] }],
    },
    {
      name: "script path in a const, scheduled, merged into secrets",
      filename,
      code: `const SCRIPT = "scripts/legacy.py";\nhf_jobs("scheduled uv", { script: SCRIPT, schedule: "@hourly", secrets: { WANDB_API_KEY: "$WANDB_API_KEY" } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [
            {
              messageId: "forwardedFix",
              output: `const SCRIPT = "scripts/legacy.py";\nhf_jobs("scheduled uv", { script: SCRIPT, schedule: "@hourly", secrets: { WANDB_API_KEY: "$WANDB_API_KEY", HF_TOKEN: "$HF_TOKEN" } });`,
            },
          ],
        },
      ],
    },
    {
      name: "MCP callTool shape",
      filename,
      code: `await client.callTool({ name: "hf_jobs", arguments: { operation: "uv", args: { script: "scripts/push.py", with_deps: ["huggingface_hub"] } } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [
            {
              messageId: "forwardedFix",
              output: `await client.callTool({ name: "hf_jobs", arguments: { operation: "uv", args: { script: "scripts/push.py", with_deps: ["huggingface_hub"], secrets: { HF_TOKEN: "$HF_TOKEN" } } } });`,
            },
          ],
        },
      ],
    },
    {
      name: "no .git above: found beside the launcher",
      filename: repo.outsideLauncher,
      code: `hf_jobs("uv", { script: "push.py" });`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", { script: "push.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` }] }],
    },
    {
      name: "argv array (core's HFJ203)",
      filename,
      code: `spawn("hf", ["jobs", "uv", "run", "--flavor", "a10g-small", "scripts/push.py", "--epochs", "3"]);`,
      errors: [
        {
          messageId: "forwarded",
          column: 61,
          suggestions: [
            { messageId: "forwardedFix", output: `spawn("hf", ["jobs", "uv", "run", "--flavor", "a10g-small", "--secrets", "HF_TOKEN", "scripts/push.py", "--epochs", "3"]);` },
          ],
        },
      ],
    },
    {
      name: "argv in a const, execa",
      filename,
      code: `const args = ["jobs", "uv", "run", "beside.py"];\nawait execa("hf", args);`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [{ messageId: "forwardedFix", output: `const args = ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "beside.py"];\nawait execa("hf", args);` }],
        },
      ],
    },
    {
      name: "command string",
      filename,
      code: `execSync("hf jobs uv run scripts/push.py");`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `execSync("hf jobs uv run --secrets HF_TOKEN scripts/push.py");` }] }],
    },
  ],
});
