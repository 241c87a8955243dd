import rule from "../../src/rules/no-token-in-arguments.js";
import { ruleTester } from "../rule-tester.js";

const HUB = `import { runJob } from "@huggingface/hub";\n`;

ruleTester.run("no-token-in-arguments", rule, {
  valid: [
    HUB + `await runJob({ namespace: "me", dockerImage: "python:3.12", command: ["python", "train.py"], secrets: { HF_TOKEN: process.env.HF_TOKEN } });`,
    `hf_jobs("uv", { script: "train.py", script_args: ["--epochs", "3"] });`,
    // Not a launch: an arbitrary object with `command`.
    `exec({ command: ["run", process.env.HF_TOKEN] });`,
    `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py", "--epochs", "3"]);`,
  ],
  invalid: [
    {
      code: HUB + `const token = process.env.HF_TOKEN;\nawait runJob({ namespace: "me", dockerImage: "python:3.12", command: ["python", "train.py", token] });`,
      errors: [{ messageId: "forwarded", line: 3 }],
    },
    {
      name: "tool call script_args with a token option",
      code: `hf_jobs("uv", { script: "train.py", script_args: ["--hf-token", "$HF_TOKEN"] });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "REST arguments in a const spec",
      code: `const spec = { dockerImage: "python:3.12", command: ["python"], arguments: ["x.py", \`--token=\${process.env.HF_TOKEN}\`] };\nawait axios.post(\`\${endpoint}/api/jobs/me\`, spec, { headers });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "argv after the script (core)",
      code: `spawn("hf", ["jobs", "uv", "run", "train.py", "--hf-token", process.env.HF_TOKEN]);`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
