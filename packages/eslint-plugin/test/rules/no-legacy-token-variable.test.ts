import rule from "../../src/rules/no-legacy-token-variable.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-legacy-token-variable", rule, {
  valid: [
    `const t = process.env.HF_TOKEN;`,
    `const t = process.env.HF_TOKEN ?? process.env.HUGGING_FACE_HUB_TOKEN;`,
    `const t = process.env.HF_TOKEN || process.env.HUGGINGFACE_TOKEN || process.env.HUGGING_FACE_HUB_TOKEN;`,
    `const t = config.env.HUGGING_FACE_HUB_TOKEN;`,
    `const { MAX_TOKENS } = process.env;`,
  ],
  invalid: [
    {
      code: `const t = process.env.HUGGING_FACE_HUB_TOKEN;`,
      errors: [{ messageId: "legacy", data: { name: "HUGGING_FACE_HUB_TOKEN" }, suggestions: [{ messageId: "rename", output: `const t = process.env.HF_TOKEN;` }] }],
    },
    {
      code: `const t = process.env['HF_API_TOKEN']!;`,
      errors: [{ messageId: "legacy", suggestions: [{ messageId: "rename", output: `const t = process.env['HF_TOKEN']!;` }] }],
    },
    {
      name: "destructuring keeps the local name",
      code: `const { HUGGINGFACE_TOKEN, PORT } = process.env;`,
      errors: [{ messageId: "legacy", suggestions: [{ messageId: "rename", output: `const { HF_TOKEN: HUGGINGFACE_TOKEN, PORT } = process.env;` }] }],
    },
    {
      name: "the legacy read first, HF_TOKEN as fallback",
      code: `const t = process.env.HUGGING_FACE_HUB_TOKEN ?? process.env.HF_TOKEN;`,
      errors: [{ messageId: "legacy", suggestions: [{ messageId: "rename", output: `const t = process.env.HF_TOKEN ?? process.env.HF_TOKEN;` }] }],
    },
  ],
});
