import rule from "../../src/rules/no-placeholder-outside-mcp.js";
import { ruleTester } from "../rule-tester.js";

const HUB = `import { runJob } from "@huggingface/hub";\n`;

ruleTester.run("no-placeholder-outside-mcp", rule, {
  valid: [
    `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
    HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { HF_TOKEN: process.env.HF_TOKEN } });`,
    // In a command the job's own shell expands it: not a value sent as the token.
    HUB + `await runJob({ namespace: "me", dockerImage: "x", command: ["sh", "-c", "echo $HF_TOKEN | wc -c"] });`,
    `someClient.run({ secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
  ],
  invalid: [
    {
      code: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
      output: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { HF_TOKEN: process.env.HF_TOKEN } });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "aliased import, ${HF_TOKEN} in accessToken",
      code: `import { runJob as launch } from "@huggingface/hub";\nlaunch({ namespace: "me", accessToken: "\${HF_TOKEN}" });`,
      output: `import { runJob as launch } from "@huggingface/hub";\nlaunch({ namespace: "me", accessToken: process.env.HF_TOKEN });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "any export that checks credentials throws on the placeholder before a request",
      code: `import { whoAmI } from "@huggingface/hub";\nawait whoAmI({ credentials: { accessToken: "$HF_TOKEN" } });`,
      output: `import { whoAmI } from "@huggingface/hub";\nawait whoAmI({ credentials: { accessToken: process.env.HF_TOKEN } });`,
      errors: [
        {
          messageId: "forwarded",
          data: {
            message:
              "`$HF_TOKEN` in `credentials.accessToken` of `whoAmI` makes `@huggingface/hub` throw a `TypeError` before any request (an access token starts with `hf_`): nothing substitutes `$HF_TOKEN` outside the `hf_jobs` tool call",
          },
        },
      ],
    },
    {
      name: "createBranch does not check the token: the placeholder is sent as written",
      code: `import { createBranch } from "@huggingface/hub";\nawait createBranch({ repo: "me/x", branch: "b", accessToken: "$HF_TOKEN" });`,
      output: `import { createBranch } from "@huggingface/hub";\nawait createBranch({ repo: "me/x", branch: "b", accessToken: process.env.HF_TOKEN });`,
      errors: [
        {
          messageId: "forwarded",
          data: { message: "`$HF_TOKEN` in `accessToken` of `createBranch` is sent as literal text: only the `hf_jobs` tool call substitutes `$HF_TOKEN`" },
        },
      ],
    },
    {
      name: "REST Authorization with the placeholder inside",
      code: `axios.post("https://huggingface.co/api/jobs/me", spec, { headers: { Authorization: "Bearer $HF_TOKEN" } });`,
      output: 'axios.post("https://huggingface.co/api/jobs/me", spec, { headers: { Authorization: `Bearer ${process.env.HF_TOKEN}` } });',
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "scheduled REST launch, jobSpec in the body",
      code: `const URL = \`\${endpoint}/api/scheduled-jobs/\${ns}\`;\nawait fetch(URL, { method: "post", body: JSON.stringify({ schedule: "@daily", jobSpec: { secrets: { HF_TOKEN: '$HF_TOKEN' } } }) });`,
      output: `const URL = \`\${endpoint}/api/scheduled-jobs/\${ns}\`;\nawait fetch(URL, { method: "post", body: JSON.stringify({ schedule: "@daily", jobSpec: { secrets: { HF_TOKEN: process.env.HF_TOKEN } } }) });`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
