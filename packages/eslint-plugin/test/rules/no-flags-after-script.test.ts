import rule from "../../src/rules/no-flags-after-script.js";
import { ruleTester } from "../rule-tester.js";

/** huggingface_hub 0.36 (argparse): everything after the script is the script's. The analyzer sets this from the repository. */
const settings = { "hf-jobs": { hubVersion: "0.36.2" } };

ruleTester.run("no-flags-after-script", rule, {
  valid: [
    `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py", "--epochs", "3"]);`,
    `spawn("git", ["commit", "--secrets", "HF_TOKEN"]);`,
    `spawn("hf", ["jobs", "ps"]);`,
    // A spread makes positions unknown.
    `spawn("hf", ["jobs", "uv", "run", ...flags, "train.py", "--secrets", "HF_TOKEN"]);`,
    // Since huggingface_hub 1.0 (the default: the newest) `hf jobs` reads `--secrets` after the script itself.
    `spawn("hf", ["jobs", "uv", "run", "train.py", "--secrets", "HF_TOKEN"]);`,
    { code: `spawn("hf", ["jobs", "uv", "run", "train.py", "--", "--secrets", "HF_TOKEN"]);`, settings },
  ],
  invalid: [
    {
      code: `spawn("hf", ["jobs", "uv", "run", "train.py", "--secrets", "HF_TOKEN"]);`,
      output: `spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "train.py"]);`,
      settings,
      errors: [
        {
          messageId: "forwarded",
          data: {
            message:
              "`--secrets` after the script is passed to the job, not to `hf jobs uv run`: `hf jobs uv run` (huggingface_hub 0.36.2) passes everything after the script to the job",
          },
        },
      ],
    },
    {
      name: "multi-line argv in a const, execa, single quotes",
      code: `const args = [\n  'jobs', 'uv', 'run',\n  'train.py',\n  '--flavor', 'a10g-small',\n];\nawait execa('hf', args);`,
      output: `const args = [\n  'jobs', 'uv', 'run',\n  '--flavor', 'a10g-small', 'train.py',\n];\nawait execa('hf', args);`,
      settings,
      errors: [{ messageId: "forwarded", line: 4 }],
    },
    {
      name: "exec command string",
      code: `execSync("hf jobs uv run train.py -s HF_TOKEN --flavor a10g-small");`,
      output: `execSync("hf jobs uv run -s HF_TOKEN --flavor a10g-small train.py");`,
      settings,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "Bun.spawn with one argv array",
      code: 'Bun.spawn(["hf", "jobs", "run", "python:3.12", "python", "x.py", `--env=MODE=fast`]);',
      output: 'Bun.spawn(["hf", "jobs", "run", `--env=MODE=fast`, "python:3.12", "python", "x.py"]);',
      settings,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "the legacy hfjobs passes flags after the image to the job whatever the hub version",
      code: `spawnSync("hfjobs", ["run", "python:3.12", "python", "main.py", "--flavor", "a10g-small"]);`,
      output: `spawnSync("hfjobs", ["run", "--flavor", "a10g-small", "python:3.12", "python", "main.py"]);`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
