import rule from "../../src/rules/no-job-option-read-by-launcher.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-job-option-read-by-launcher", rule, {
  valid: [
    // The hub's own help writes `hf jobs uv run ml_training.py --flavor a10g-small`: a launcher-only name.
    `spawn("hf", ["jobs", "uv", "run", "train.py", "--flavor", "a10g-small", "--secrets", "HF_TOKEN"]);`,
    `spawn("hf", ["jobs", "uv", "run", "train.py", "--", "--timeout", "30"]);`,
    `execSync("hfjs jobs run python:3.12 -- python -c 'print(1)'");`,
    // huggingface_hub 0.36 passes everything after the script to it (HFJ207's case, not this one).
    { code: `spawn("hf", ["jobs", "uv", "run", "train.py", "--timeout", "30"]);`, settings: { "hf-jobs": { hubVersion: "0.36.2" } } },
  ],
  invalid: [
    {
      code: `spawn("hf", ["jobs", "uv", "run", "train.py", "--timeout", "30"]);`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `spawn("hf", ["jobs", "uv", "run", "train.py", "--", "--timeout", "30"]);` }] }],
    },
    {
      name: "a command string for hfjs, which rejects unknown options",
      code: "execSync(`hfjs jobs run python:3.12 python -c 'print(1)'`);",
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: "execSync(`hfjs jobs run python:3.12 python -- -c 'print(1)'`);" }] }],
    },
    {
      name: "an option meant for the launcher follows: no suggestion",
      code: `const args = [\n  "jobs", "uv", "run", "train.py",\n  "--name", "run1",\n  "--flavor", "a10g-small",\n];\nspawnSync("hf", args);`,
      errors: [{ messageId: "forwarded", line: 3, suggestions: [] }],
    },
  ],
});
