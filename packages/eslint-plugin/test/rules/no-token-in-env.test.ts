import rule from "../../src/rules/no-token-in-env.js";
import { ruleTester } from "../rule-tester.js";

const HUB = `import { runJob, createScheduledJob } from "@huggingface/hub";\n`;

ruleTester.run("no-token-in-env", rule, {
  valid: [
    HUB + `await runJob({ namespace: "me", dockerImage: "x", environment: { TOKENIZERS_PARALLELISM: "false", MAX_TOKENS: "512" } });`,
    `hf_jobs("uv", { script: "x.py", secrets: { HF_TOKEN: "$HF_TOKEN" }, env: { MAX_NEW_TOKENS: "256" } });`,
    // Other platforms: Docker, Kubernetes, SageMaker, any object with env.
    `await docker.createContainer({ Image: "x", Env: ["HF_TOKEN=" + process.env.HF_TOKEN] });`,
    `await k8s.createNamespacedPod("ns", { spec: { containers: [{ env: [{ name: "HF_TOKEN", value: t }] }] } });`,
    `new Estimator({ environment: { HF_TOKEN: process.env.HF_TOKEN } });`,
    `launch({ env: { HF_TOKEN: process.env.HF_TOKEN } });`,
    // A local runJob is not the library's.
    `const runJob = (o) => o;\nrunJob({ environment: { HF_TOKEN: "x" } });`,
  ],
  invalid: [
    {
      name: "one field per line (CRLF): the new secrets goes on its own line after the environment's, comment kept",
      code: HUB + `await runJob({\r\n  namespace: "me",\r\n  environment: { HF_TOKEN: t, MODE: "a" }, // env\r\n  flavor: "cpu-basic",\r\n});`,
      output: HUB + `await runJob({\r\n  namespace: "me",\r\n  environment: { MODE: "a" }, // env\r\n  secrets: { HF_TOKEN: t },\r\n  flavor: "cpu-basic",\r\n});`,
      errors: [{ messageId: "forwarded", line: 4 }],
    },
    {
      name: "runJob: move into a new secrets, drop the emptied environment",
      code: HUB + `await runJob({ namespace: "me", dockerImage: "x", environment: { HF_TOKEN: process.env.HF_TOKEN } });`,
      output: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { HF_TOKEN: process.env.HF_TOKEN } });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "merge into existing secrets, keep other env entries, options in a const",
      code:
        HUB +
        `const options = {\n  namespace: "me",\n  dockerImage: "x",\n  environment: { MODEL: "gpt2", WANDB_API_KEY: key },\n  secrets: { HF_TOKEN: process.env.HF_TOKEN },\n};\nawait runJob(options);`,
      output:
        HUB +
        `const options = {\n  namespace: "me",\n  dockerImage: "x",\n  environment: { MODEL: "gpt2" },\n  secrets: { HF_TOKEN: process.env.HF_TOKEN, WANDB_API_KEY: key },\n};\nawait runJob(options);`,
      errors: [{ messageId: "forwarded", line: 5 }],
    },
    {
      name: "tool call: $HF_TOKEN in env puts the real token there",
      code: `hf_jobs("uv", {\n  script: "train.py",\n  env: { HF_TOKEN: "$HF_TOKEN" },\n});`,
      output: `hf_jobs("uv", {\n  script: "train.py",\n  secrets: { HF_TOKEN: "$HF_TOKEN" },\n});`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      // Each finding carries its own fix (as in Python files); the second waits for the next pass.
      name: "two token keys: a fix each, applied in two passes",
      code: `hf_jobs("run", { image: "x", command: "y", env: { HF_TOKEN: "$HF_TOKEN", DB_PASSWORD: p, MODE: "a" }, secrets: {} });`,
      output: [
        `hf_jobs("run", { image: "x", command: "y", env: { DB_PASSWORD: p, MODE: "a" }, secrets: { HF_TOKEN: "$HF_TOKEN" } });`,
        `hf_jobs("run", { image: "x", command: "y", env: { MODE: "a" }, secrets: { HF_TOKEN: "$HF_TOKEN", DB_PASSWORD: p } });`,
      ],
      errors: [{ messageId: "forwarded" }, { messageId: "forwarded" }],
    },
    {
      name: "createScheduledJob jobSpec",
      code: HUB + `await createScheduledJob({ namespace: "me", schedule: "@daily", jobSpec: { dockerImage: "x", flavor: "cpu-basic", environment: { HF_TOKEN: t } } });`,
      output: HUB + `await createScheduledJob({ namespace: "me", schedule: "@daily", jobSpec: { dockerImage: "x", flavor: "cpu-basic", secrets: { HF_TOKEN: t } } });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "REST body through JSON.stringify of a const",
      code: `const spec = { dockerImage: "x", environment: { HF_TOKEN: token } };\nawait fetch(\`\${HF_ENDPOINT}/api/jobs/\${ns}\`, { method: "POST", headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify(spec) });`,
      output: `const spec = { dockerImage: "x", secrets: { HF_TOKEN: token } };\nawait fetch(\`\${HF_ENDPOINT}/api/jobs/\${ns}\`, { method: "POST", headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify(spec) });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "environment in a separate const: reported without a fix",
      code: HUB + `const environment = { HF_TOKEN: t };\nawait runJob({ namespace: "me", dockerImage: "x", environment });`,
      output: null,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "argv -e (core)",
      code: `spawn("hf", ["jobs", "uv", "run", "-e", "HF_TOKEN", "train.py"]);`,
      output: `spawn("hf", ["jobs", "uv", "run", "-s", "HF_TOKEN", "train.py"]);`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
