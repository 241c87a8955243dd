import rule from "../../src/rules/no-token-output.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-token-output", rule, {
  valid: [
    `console.log("token set:", Boolean(process.env.HF_TOKEN));`,
    `const token = process.env.HF_TOKEN ?? "";\nconsole.log(token.slice(0, 8) + "…");`,
    `const token = process.env.HF_TOKEN!;\nlogger.info(\`using \${token.substring(0, 10)}\`);`,
    `console.log(process.env.MAX_TOKENS, process.env.TOKENIZERS_PARALLELISM);`,
    `const token = process.env.HF_TOKEN;\nconsole.log(token.length);`,
    `const token = process.env.HF_TOKEN;\nif (!token) throw new Error("HF_TOKEN is not set");`,
    `metrics.info(process.env.HF_TOKEN);`, // not a logger name
  ],
  invalid: [
    { code: `console.log(process.env.HF_TOKEN);`, errors: [{ messageId: "forwarded" }] },
    {
      name: "through variables and a template",
      code: `const { HF_TOKEN: hfToken } = process.env;\nconst t = hfToken;\nconsole.error(\`token=\${t}\`);`,
      errors: [{ messageId: "forwarded", line: 3 }],
    },
    { name: "a slice longer than 10 characters", code: `const token = process.env.HF_TOKEN ?? "";\nlogger.debug(token.slice(0, 20));`, errors: [{ messageId: "forwarded" }] },
    { name: "this.logger", code: `class A { run() { this.logger.warn({ token: process.env.HUGGING_FACE_HUB_TOKEN }); } }`, errors: [{ messageId: "forwarded" }] },
    { name: "an error message", code: `const token = process.env.HF_TOKEN;\nthrow new Error("bad token " + token);`, errors: [{ messageId: "forwarded" }] },
    {
      name: "any credential read from the environment, as in Python files",
      code: `const key = process.env.WANDB_API_KEY;\nconsole.log(\`wandb key: \${key}\`);`,
      errors: [
        {
          messageId: "forwarded",
          line: 2,
          data: {
            message:
              "A token value reaches `console.log()`, where anyone with access to the logs or the file can read it; show at most a 10-character prefix (`token.slice(0, 8)`)",
          },
        },
      ],
    },
    { name: "a written file", code: `fs.writeFileSync(".token", process.env.HF_TOKEN);`, errors: [{ messageId: "forwarded" }] },
    { name: "process.stdout.write", code: `process.stdout.write(process.env["HF_TOKEN"] + "\\n");`, errors: [{ messageId: "forwarded" }] },
  ],
});
