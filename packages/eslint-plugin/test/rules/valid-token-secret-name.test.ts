import rule from "../../src/rules/valid-token-secret-name.js";
import { ruleTester } from "../rule-tester.js";

const HUB = `import { runJob } from "@huggingface/hub";\n`;

ruleTester.run("valid-token-secret-name", rule, {
  valid: [
    `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
    `hf_jobs("uv", { script: "x.py", secrets: { WANDB_API_KEY: "$WANDB" } });`,
    // Both present: renaming would collide.
    `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "$HF_TOKEN", TOKEN: "$HF_TOKEN" } });`,
    `other({ secrets: { TOKEN: t } });`,
  ],
  invalid: [
    {
      code: `hf_jobs("uv", { script: "train.py", secrets: { HUGGINGFACE_TOKEN: "$HF_TOKEN" } });`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", { script: "train.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` }] }],
    },
    {
      name: "quoted key keeps its quotes",
      code: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { 'hf_token': process.env.HF_TOKEN } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [{ messageId: "forwardedFix", output: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { 'HF_TOKEN': process.env.HF_TOKEN } });` }],
        },
      ],
    },
    {
      name: "shorthand",
      code: HUB + `const TOKEN = process.env.HF_TOKEN;\nawait runJob({ namespace: "me", dockerImage: "x", secrets: { TOKEN } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [
            { messageId: "forwardedFix", output: HUB + `const TOKEN = process.env.HF_TOKEN;\nawait runJob({ namespace: "me", dockerImage: "x", secrets: { HF_TOKEN: TOKEN } });` },
          ],
        },
      ],
    },
    {
      name: "argv --secrets (core)",
      code: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_API_TOKEN", "train.py"]);`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py"]);` }] }],
    },
  ],
});
