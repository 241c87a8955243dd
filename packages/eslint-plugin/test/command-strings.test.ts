// Command strings given to `exec`/`execSync` are split by core's shell tokenizer: each command of a compound
// string is read, template substitutions are non-literal words, fixes map through the literal's escapes.
import flagsAfterScript from "../src/rules/no-flags-after-script.js";
import tokenInEnv from "../src/rules/no-token-in-env.js";
import { ruleTester } from "./rule-tester.js";

ruleTester.run("no-token-in-env (command strings)", tokenInEnv, {
  valid: [
    `execSync("echo 'hf jobs run -e HF_TOKEN python:3.12 python -c pass'");`,
    `execSync("ls # hf jobs run -e HF_TOKEN python:3.12 python -c pass");`,
    `execSync("cd x && hf jobs run -s HF_TOKEN python:3.12 python -c pass");`,
  ],
  invalid: [
    {
      name: "the launch after `cd x &&`",
      code: `execSync("cd x && hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 python -c pass");`,
      output: `execSync("cd x && hf jobs run -s HF_TOKEN=$HF_TOKEN python:3.12 python -c pass");`,
      errors: [{ messageId: "forwarded", column: 31, endColumn: 52 }],
    },
    {
      name: "escapes before the launch shift offsets; the fix lands on the right word",
      code: `exec('cd \\'my dir\\' && hf jobs run -e HF_TOKEN img\\n');`,
      output: `exec('cd \\'my dir\\' && hf jobs run -s HF_TOKEN img\\n');`,
      errors: [{ messageId: "forwarded", column: 36 }],
    },
    {
      name: "template string: a substituted word is not literal, and the fix keeps the substitution",
      code: "execSync(`cd ${dir}; hf jobs run -e HF_TOKEN=${process.env.HF_TOKEN} img`);",
      output: "execSync(`cd ${dir}; hf jobs run -s HF_TOKEN=${process.env.HF_TOKEN} img`);",
      errors: [{ messageId: "forwarded" }],
    },
  ],
});

/** huggingface_hub 0.36 (argparse), where flags after the script are the script's. */
const OLD_HUB = { "hf-jobs": { hubVersion: "0.36.2" } };

ruleTester.run("no-flags-after-script (command strings)", flagsAfterScript, {
  valid: [`execSync("hf jobs uv run --flavor a10g-small train.py; echo ok");`],
  invalid: [
    {
      code: `execSync("hf jobs uv run train.py --flavor a10g-small; echo ok");`,
      output: `execSync("hf jobs uv run --flavor a10g-small train.py; echo ok");`,
      settings: OLD_HUB,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "a flag whose value is substituted is reported, its fix refused",
      code: "execSync(`hf jobs uv run train.py --flavor ${flavor}`);",
      output: null,
      settings: OLD_HUB,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
