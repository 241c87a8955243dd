import rule from "../../src/rules/require-token-secret.js";
import { ruleTester } from "../rule-tester.js";

const PUSHES = '`\nfrom huggingface_hub import HfApi\nHfApi().upload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\n`';
const PRINTS = '`\nprint("hello")\n`';

ruleTester.run("require-token-secret", rule, {
  valid: [
    `hf_jobs("uv", { script: ${PUSHES}, secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
    `hf_jobs("uv", { script: ${PRINTS} });`,
    // A script path: unknown content.
    `hf_jobs("uv", { script: "train.py" });`,
    // Secrets from elsewhere may hold the token.
    `hf_jobs("uv", { script: ${PUSHES}, secrets: buildSecrets() });`,
    // A token in env is HFJ201's finding.
    `hf_jobs("uv", { script: ${PUSHES}, env: { HF_TOKEN: "$HF_TOKEN" } });`,
    `hf_jobs("run", { image: "x", command: "y" });`,
  ],
  invalid: [
    {
      code: `hf_jobs("uv", {\n  script: ${PUSHES},\n  flavor: "cpu-basic",\n});`,
      errors: [
        {
          messageId: "forwarded",
          line: 2,
          suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", {\n  script: ${PUSHES},\n  flavor: "cpu-basic", secrets: { HF_TOKEN: "$HF_TOKEN" },\n});` }],
        },
      ],
    },
    {
      name: "merge into an existing secrets object; script in a const",
      code: `const script = ${PUSHES};\nhf_jobs("scheduled uv", { script, schedule: "@daily", secrets: { WANDB_API_KEY: "$WANDB_API_KEY" } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [
            {
              messageId: "forwardedFix",
              output: `const script = ${PUSHES};\nhf_jobs("scheduled uv", { script, schedule: "@daily", secrets: { WANDB_API_KEY: "$WANDB_API_KEY", HF_TOKEN: "$HF_TOKEN" } });`,
            },
          ],
        },
      ],
    },
  ],
});
