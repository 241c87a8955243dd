/** HFJ204 with job scripts named by path: the rename is a safe fix once the script is known not to read the old name. */
import { afterAll } from "vitest";
import rule from "../../src/rules/valid-token-secret-name.js";
import { ruleTester } from "../rule-tester.js";
import { createScriptRepo } from "../../../../test/helpers/script-repo.js";

const repo = createScriptRepo();
afterAll(() => repo.remove());
const filename = repo.launcher;
const HUB = `import { runJob } from "@huggingface/hub";\n`;

ruleTester.run("valid-token-secret-name (local scripts)", rule, {
  valid: [
    { name: "the script reads exactly that name", filename, code: `hf_jobs("uv", { script: "scripts/legacy.py", secrets: { HUGGINGFACE_TOKEN: "$HF_TOKEN" } });` },
    { name: "argv: the script reads exactly that name (core)", filename, code: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HUGGINGFACE_TOKEN", "scripts/legacy.py"]);` },
    {
      name: "another secret next to HF_TOKEN",
      filename,
      code: `hf_jobs("uv", { script: "scripts/push.py", secrets: { HF_TOKEN: "$HF_TOKEN", WANDB_API_KEY: "$WANDB_API_KEY" } });`,
    },
    { name: "a value that is not the HF token", filename, code: `hf_jobs("uv", { script: "scripts/push.py", secrets: { WANDB_API_KEY: "$WANDB_API_KEY" } });` },
  ],
  invalid: [
    {
      name: "known script that does not read the old name: safe fix",
      filename,
      code: `hf_jobs("uv", { script: "scripts/push.py", secrets: { TOKEN: "$HF_TOKEN" } });`,
      output: `hf_jobs("uv", { script: "scripts/push.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "script at the root, a legacy name it does not read",
      filename,
      code: `hf_jobs("uv", { script: "scripts/legacy.py", secrets: { HF_API_TOKEN: "$HF_TOKEN" } });`,
      output: `hf_jobs("uv", { script: "scripts/legacy.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "a secret carrying the token by value, any name",
      filename,
      code: `hf_jobs("uv", { script: "beside.py", secrets: { MY_KEY: "$HF_TOKEN" } });`,
      output: `hf_jobs("uv", { script: "beside.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "a missing script: only a suggestion",
      filename,
      code: `hf_jobs("uv", { script: "scripts/missing.py", secrets: { TOKEN: "$HF_TOKEN" } });`,
      errors: [
        { messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", { script: "scripts/missing.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` }] },
      ],
    },
    {
      name: "a URL script: only a suggestion",
      filename,
      code: `hf_jobs("uv", { script: "https://example.com/push.py", secrets: { TOKEN: "$HF_TOKEN" } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", { script: "https://example.com/push.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` }],
        },
      ],
    },
    {
      name: "@huggingface/hub: the token by value under another name (no script to know)",
      filename,
      code: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { HUB_SECRET: process.env.HF_TOKEN! } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [{ messageId: "forwardedFix", output: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { HF_TOKEN: process.env.HF_TOKEN! } });` }],
        },
      ],
    },
    {
      name: "argv: known script, safe fix (core)",
      filename,
      code: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_API_TOKEN", "scripts/push.py"]);`,
      output: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "scripts/push.py"]);`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "command string: a script reading HUGGINGFACE_TOKEN does not read TOKEN",
      filename,
      code: `exec("hf jobs uv run -s TOKEN scripts/legacy.py");`,
      output: `exec("hf jobs uv run -s HF_TOKEN scripts/legacy.py");`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
