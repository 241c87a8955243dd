import rule from "../../src/rules/no-hardcoded-token.js";
import { FAKE_TOKEN, ruleTester } from "../rule-tester.js";

const T = FAKE_TOKEN;

ruleTester.run("no-hardcoded-token", rule, {
  valid: [
    `const token = process.env.HF_TOKEN;`,
    `runJob({ accessToken: "hf_xxx" });`, // a placeholder is HFJ102's
    `const s = "hf_short";`,
    `const id = "hf_${T.slice(3)}X";`, // 35 characters: not a token
    `// see https://huggingface.co/settings/tokens`,
  ],
  invalid: [
    {
      code: `const token = "${T}";`,
      errors: [
        {
          messageId: "hardcoded",
          data: { token: "hf_Fa…" },
          suggestions: [{ messageId: "useEnvironment", data: { replacement: "process.env.HF_TOKEN" }, output: `const token = process.env.HF_TOKEN;` }],
        },
      ],
    },
    {
      name: "inside a larger string: a template keeps the rest",
      code: `const header = 'Bearer ${T}';`,
      errors: [
        {
          messageId: "hardcoded",
          suggestions: [{ messageId: "useEnvironment", data: { replacement: "process.env.HF_TOKEN" }, output: "const header = `Bearer ${process.env.HF_TOKEN}`;" }],
        },
      ],
    },
    {
      name: "template literal with substitutions",
      code: "const url = `${base}?token=" + T + "&x=${x}`;",
      errors: [
        {
          messageId: "hardcoded",
          suggestions: [{ messageId: "useEnvironment", data: { replacement: "process.env.HF_TOKEN" }, output: "const url = `${base}?token=${process.env.HF_TOKEN}&x=${x}`;" }],
        },
      ],
    },
    {
      name: "comments are reported without a suggestion",
      code: `// old token: ${T}\nconst x = 1;`,
      errors: [{ messageId: "hardcoded", line: 1, column: 15, suggestions: [] }],
    },
    {
      name: "an object key cannot become an expression",
      code: `const table = { "${T}": 1 };`,
      errors: [{ messageId: "hardcoded", suggestions: [] }],
    },
    {
      name: "tool call secret holding a real token",
      code: `hf_jobs("uv", {\n  script: "train.py",\n  secrets: { HF_TOKEN: "${T}" },\n});`,
      errors: [
        {
          messageId: "hardcoded",
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: "useEnvironment",
              data: { replacement: "process.env.HF_TOKEN" },
              output: `hf_jobs("uv", {\n  script: "train.py",\n  secrets: { HF_TOKEN: process.env.HF_TOKEN },\n});`,
            },
          ],
        },
      ],
    },
    {
      name: "argv: core's command-line finding and fix (pass the secret by name)",
      code: `spawn("hf", ["jobs", "uv", "run", "-s", "HF_TOKEN=${T}", "train.py"]);`,
      errors: [{ messageId: "forwarded", suggestions: [{ messageId: "forwardedFix", output: `spawn("hf", ["jobs", "uv", "run", "-s", "HF_TOKEN", "train.py"]);` }] }],
    },
    {
      name: "two tokens in one string",
      code: `const pair = "${T} ${T.replace("F", "G")}";`,
      errors: [
        {
          messageId: "hardcoded",
          column: 15,
          suggestions: [{ messageId: "useEnvironment", data: { replacement: "process.env.HF_TOKEN" }, output: "const pair = `${process.env.HF_TOKEN} ${process.env.HF_TOKEN}`;" }],
        },
        {
          messageId: "hardcoded",
          column: 53,
          suggestions: [{ messageId: "useEnvironment", data: { replacement: "process.env.HF_TOKEN" }, output: "const pair = `${process.env.HF_TOKEN} ${process.env.HF_TOKEN}`;" }],
        },
      ],
    },
    {
      name: "inline job script: the Python analyzer's finding and its Python fix, mapped into the template",
      code: 'hf_jobs("uv", { script: `\nfrom huggingface_hub import HfApi\nHfApi(token="' + T + '").whoami()\n`, secrets: { HF_TOKEN: "$HF_TOKEN" } });',
      errors: [
        {
          messageId: "forwarded",
          line: 3,
          column: 14,
          endColumn: 51,
          suggestions: [
            {
              messageId: "forwardedFix",
              output:
                'hf_jobs("uv", { script: `\nfrom huggingface_hub import HfApi\nimport os\nHfApi(token=os.environ["HF_TOKEN"]).whoami()\n`, secrets: { HF_TOKEN: "$HF_TOKEN" } });',
            },
          ],
        },
      ],
    },
  ],
});
