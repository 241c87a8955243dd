import rule from "../../src/rules/no-literal-token-argument.js";
import { FAKE_TOKEN, ruleTester } from "../rule-tester.js";

const HUB = `import { runJob, uploadFile } from "@huggingface/hub";\n`;

ruleTester.run("no-literal-token-argument", rule, {
  valid: [
    HUB + `await runJob({ namespace: "me", accessToken: process.env.HF_TOKEN });`,
    HUB + `await runJob({ namespace: "me", accessToken: "${FAKE_TOKEN}" });`, // HFJ101's
    HUB + `await runJob({ namespace: "me", accessToken: "$HF_TOKEN" });`, // HFJ202's
    HUB + `await runJob({ namespace: "me", accessToken: "" });`,
    // Not @huggingface/hub: a local function with the same name.
    `function runJob(o) {}\nrunJob({ accessToken: "hf_xxx" });`,
    `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
    `hf_jobs("uv", { script: "x.py", env: { HF_TOKEN: "not-a-placeholder-shape" } });`,
    // Other platforms take `env`/`Environment` too: never a launch.
    `docker.createContainer({ Env: ["HF_TOKEN=hf_xxx"] });`,
    `new sagemaker.Estimator({ Environment: { HF_TOKEN: "hf_xxx" } });`,
  ],
  invalid: [
    {
      code: HUB + `await uploadFile({ repo: "me/x", file, accessToken: "hf_xxx" });`,
      errors: [
        { messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: HUB + `await uploadFile({ repo: "me/x", file, accessToken: process.env.HF_TOKEN });` }] },
      ],
    },
    {
      name: "credentials.accessToken through a const, namespace import",
      code: `import * as hub from "@huggingface/hub";\nconst credentials = { accessToken: "hf_YOUR_TOKEN" };\nawait hub.runJob({ namespace: "me", credentials });`,
      errors: [
        {
          messageId: "forwarded",
          line: 2,
          suggestions: [
            {
              messageId: "forwardedFix",
              output: `import * as hub from "@huggingface/hub";\nconst credentials = { accessToken: process.env.HF_TOKEN };\nawait hub.runJob({ namespace: "me", credentials });`,
            },
          ],
        },
      ],
    },
    {
      name: "require() binding",
      code: `const { runJob: go } = require("@huggingface/hub");\ngo({ accessToken: 'hf_...' });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [{ messageId: "forwardedFix", output: `const { runJob: go } = require("@huggingface/hub");\ngo({ accessToken: process.env.HF_TOKEN });` }],
        },
      ],
    },
    {
      name: "REST Authorization header",
      code: `await fetch("https://huggingface.co/api/jobs/me", {\n  method: "POST",\n  headers: { Authorization: "Bearer hf_xxx" },\n  body: JSON.stringify(spec),\n});`,
      errors: [
        {
          messageId: "forwarded",
          line: 3,
          suggestions: [
            {
              messageId: "forwardedFix",
              output:
                'await fetch("https://huggingface.co/api/jobs/me", {\n  method: "POST",\n  headers: { Authorization: `Bearer ${process.env.HF_TOKEN}` },\n  body: JSON.stringify(spec),\n});',
            },
          ],
        },
      ],
    },
    {
      name: "tool-call secret with a placeholder value: the substituted form",
      code: `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "hf_abc123..." } });`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "$HF_TOKEN" } });` }] }],
    },
    {
      name: "runJob secret with a literal",
      code: HUB + `await runJob({ namespace: "me", dockerImage: "python:3.12", secrets: { HF_TOKEN: "my-token" } });`,
      errors: [
        {
          messageId: "forwarded",
          suggestions: [{ messageId: "forwardedFix", output: HUB + `await runJob({ namespace: "me", dockerImage: "python:3.12", secrets: { HF_TOKEN: process.env.HF_TOKEN } });` }],
        },
      ],
    },
    {
      name: "argv --token with a placeholder (core finding, flag removed)",
      code: `execFileSync("hf", ["jobs", "run", "--token", "hf_xxx", "python:3.12", "python", "-c", "print(1)"]);`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `execFileSync("hf", ["jobs", "run", "python:3.12", "python", "-c", "print(1)"]);` }] }],
    },
  ],
});
