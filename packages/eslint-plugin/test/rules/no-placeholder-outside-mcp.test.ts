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
