import rule from "../../src/rules/no-redundant-token-argument.js";
import { ruleTester } from "../rule-tester.js";

// @huggingface/hub never reads HF_TOKEN itself (checkCredentials reads only its params), so passing it is needed.
ruleTester.run("no-redundant-token-argument", rule, {
  valid: [
    `import { runJob } from "@huggingface/hub";\nawait runJob({ namespace: "me", dockerImage: "x", accessToken: process.env.HF_TOKEN });`,
    `import * as hub from "@huggingface/hub";\nawait hub.whoAmI({ credentials: { accessToken: process.env.HF_TOKEN! } });`,
  ],
  invalid: [
    {
      name: "inside an inline job script, huggingface_hub does read the environment",
      code: 'hf_jobs("uv", { script: `\nimport os\nfrom huggingface_hub import HfApi\napi = HfApi(token=os.environ["HF_TOKEN"])\napi.whoami()\n`, secrets: { HF_TOKEN: "$HF_TOKEN" } });',
      output: 'hf_jobs("uv", { script: `\nimport os\nfrom huggingface_hub import HfApi\napi = HfApi()\napi.whoami()\n`, secrets: { HF_TOKEN: "$HF_TOKEN" } });',
      errors: [{ messageId: "forwarded", line: 4 }],
    },
    {
      name: "CRLF file: offsets map through the template's CRLF normalisation",
      code: 'hf_jobs("uv", {\r\n  script: `\r\nimport os\r\nfrom huggingface_hub import HfApi\r\napi = HfApi(token=os.environ["HF_TOKEN"])\r\napi.whoami()\r\n`,\r\n});',
      output: 'hf_jobs("uv", {\r\n  script: `\r\nimport os\r\nfrom huggingface_hub import HfApi\r\napi = HfApi()\r\napi.whoami()\r\n`,\r\n});',
      errors: [{ messageId: "forwarded", line: 5, column: 13 }],
    },
  ],
});
