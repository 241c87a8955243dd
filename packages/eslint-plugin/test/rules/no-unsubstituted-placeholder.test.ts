import rule from "../../src/rules/no-unsubstituted-placeholder.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-unsubstituted-placeholder", rule, {
  valid: [
    `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "$HF_TOKEN" }, env: { A: "\${HF_TOKEN}" } });`,
    `hf_jobs("uv", { script: "x.py", env: { PRICE: "5$" } });`,
    // Not a tool call: HFJ202's business.
    `import { runJob } from "@huggingface/hub";\nrunJob({ secrets: { WANDB_API_KEY: "$WANDB_API_KEY" } });`,
  ],
  invalid: [
    {
      code: `hf_jobs("uv", { script: "x.py", secrets: { WANDB_API_KEY: "$WANDB_API_KEY" } });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "args in a const, Bearer prefix",
      code: `const args = {\n  image: "python:3.12",\n  command: "python x.py",\n  env: { AUTH: "Bearer $HF_TOKEN" },\n};\nhf_jobs("run", args);`,
      errors: [
        {
          messageId: "forwarded",
          data: { message: "`AUTH` in `env`: the `hf_jobs` tool call substitutes `$HF_TOKEN` only when it is the whole value; `$HF_TOKEN` here arrives as literal text" },
          line: 4,
        },
      ],
    },
    {
      name: "the MCP server schema through callTool",
      code: `await client.callTool({ name: "hf_jobs", arguments: { operation: "scheduled uv", args: { script: "x.py", schedule: "@daily", secrets: { KEY: "\${OPENAI_API_KEY}" } } } });`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
