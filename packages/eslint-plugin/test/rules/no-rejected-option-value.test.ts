import rule from "../../src/rules/no-rejected-option-value.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-rejected-option-value", rule, {
  valid: [
    `spawn("hf", ["jobs", "run", "--expose", "8000", "python:3.12", "--", "python", "serve.py"]);`,
    `spawn("hf", ["jobs", "run", "--expose", port, "python:3.12", "--", "python", "serve.py"]);`,
    "execSync(`hfjs jobs run -s HF_TOKEN=${process.env.HF_TOKEN} python:3.12 -- python main.py`);",
  ],
  invalid: [
    {
      code: `spawn("hf", ["jobs", "run", "--expose", "port", "python:3.12", "--", "python", "serve.py"]);`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "hfjs needs KEY=VALUE",
      code: `execSync("hfjs jobs run -s HF_TOKEN python:3.12 -- python main.py");`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
