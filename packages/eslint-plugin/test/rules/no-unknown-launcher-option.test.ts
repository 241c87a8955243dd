import rule from "../../src/rules/no-unknown-launcher-option.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-unknown-launcher-option", rule, {
  valid: [
    `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py"]);`,
    // After the script an unknown option is the script's own.
    `spawn("hf", ["jobs", "uv", "run", "train.py", "--secret", "HF_TOKEN"]);`,
    "execSync(`hfjs jobs run --secret HF_TOKEN=${process.env.HF_TOKEN} python:3.12 -- python main.py`);",
  ],
  invalid: [
    {
      code: `spawn("hf", ["jobs", "uv", "run", "--secret", "HF_TOKEN", "train.py"]);`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py"]);` }] }],
    },
    {
      name: "hfjs spells it --secret",
      code: "execSync(`hfjs jobs run --secrets HF_TOKEN=${process.env.HF_TOKEN} python:3.12 -- python main.py`);",
      errors: [
        {
          messageId: "forwarded",
          suggestions: [{ messageId: "forwardedFix", output: "execSync(`hfjs jobs run --secret HF_TOKEN=${process.env.HF_TOKEN} python:3.12 -- python main.py`);" }],
        },
      ],
    },
    {
      name: "an option the release does not have yet, before the image",
      code: `spawn("hf", ["jobs", "run", "--expose", "8000", "python:3.12", "python", "serve.py"]);`,
      settings: { "hf-jobs": { hubVersion: "1.10.0" } },
      errors: [{ messageId: "forwarded", suggestions: [] }],
    },
  ],
});
