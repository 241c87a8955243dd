import rule from "../../src/rules/no-unknown-job-argument.js";
import { ruleTester } from "../rule-tester.js";

const HUB = `import * as hub from "@huggingface/hub";\n`;

ruleTester.run("no-unknown-job-argument", rule, {
  valid: [
    `hf_jobs("uv", { script: "x.py", with_deps: ["trl"], flavor: "a10g-small", timeout: "2h", secrets: {} });`,
    `hf_jobs("run", { image: "python:3.12", command: ["python", "-c", "print(1)"], detach: true });`,
    `hf_jobs("ps", { all: true });`, // not a launch
    HUB + `await hub.runJob({ namespace: "me", dockerImage: "x", flavor: "cpu-basic", arch: "amd64", attempts: 2, volumes: [] });`,
    `otherLib.runJob({ env: {}, image: "x" });`,
    // Another server's flat hf_jobs (ml-intern): `run` with `script`, `dependencies`, `hardware_flavor`, a number timeout.
    `client.callTool({ name: "hf_jobs", arguments: { operation: "run", script: "x.py", dependencies: ["trl"], hardware_flavor: "a10g", timeout: 3600 } });`,
    // The server does not trim: " uv" is no operation of the tool.
    `hf_jobs(" uv", { script: "x.py", dependencies: ["trl"] });`,
    `hf_jobs("uv", { script: "x.py", timeout: "1.5h", flavor: "l40sx1" });`,
    `hf_sandbox("create", ["--forward-hf-token", "--name", "box"]);`,
    `const extra = ["--env", "X=1"];\nhf_sandbox("create", [...extra]);`, // a spread hides the elements: nothing decided
    `sandbox.create({ env: { HF_TOKEN: t } });`, // not the MCP tool
  ],
  invalid: [
    {
      name: "hf_sandbox create rejects options it does not have, through a const and callTool",
      code: `const ARGS = ["--secrets", "HF_TOKEN"];\nawait client.callTool({ name: "hf_sandbox", arguments: { cmd: "create", args: ARGS } });`,
      output: null,
      errors: [
        {
          messageId: "forwarded",
          data: { message: "`--secrets` is not an option of `hf_sandbox create`: the server rejects the call (EINVAL); `--forward-hf-token` is how a sandbox gets your token" },
        },
      ],
    },
    {
      name: "the operation is lower-cased by the server; an integer timeout becomes its string",
      code: `hf_jobs("UV", { script: "x.py", timeout: 600, flavor: "A10G" });`,
      output: `hf_jobs("UV", { script: "x.py", timeout: "600", flavor: "A10G" });`,
      errors: [{ messageId: "forwarded" }, { messageId: "forwarded" }],
    },
    {
      name: "the MCP server's flat legacy form: `operation` is not a field, `dependencies` is dropped",
      code: `client.callTool({ name: "hf_jobs", arguments: { operation: "uv", script: "x.py", dependencies: ["trl"], timeout: "2 hours" } });`,
      output: `client.callTool({ name: "hf_jobs", arguments: { operation: "uv", script: "x.py", with_deps: ["trl"], timeout: "2 hours" } });`,
      errors: [{ messageId: "forwarded" }, { messageId: "forwarded" }],
    },
    {
      code: `hf_jobs("uv", { script: "x.py", dependencies: ["trl"] });`,
      output: `hf_jobs("uv", { script: "x.py", with_deps: ["trl"] });`,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "image on uv has no fix; quoted dependencies key keeps its quotes",
      code: `hf_jobs("uv", { "script": "x.py", "image": "pytorch", 'dependencies': [] });`,
      output: `hf_jobs("uv", { "script": "x.py", "image": "pytorch", 'with_deps': [] });`,
      errors: [{ messageId: "forwarded" }, { messageId: "forwarded" }],
    },
    {
      name: "both dependencies and with_deps: no rename",
      code: `hf_jobs("uv", { script: "x.py", with_deps: ["a"], dependencies: ["b"] });`,
      output: null,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "runJob env: suggestion to environment",
      code: HUB + `await hub.runJob({ namespace: "me", dockerImage: "x", env: { MODE: "fast" } });`,
      output: null,
      errors: [
        {
          messageId: "notJobField",
          suggestions: [{ messageId: "rename", output: HUB + `await hub.runJob({ namespace: "me", dockerImage: "x", environment: { MODE: "fast" } });` }],
        },
      ],
    },
    {
      name: "runJob env holding a token: no rename",
      code: HUB + `await hub.runJob({ namespace: "me", dockerImage: "x", env: { HF_TOKEN: t }, timeout: "1h" });`,
      output: null,
      errors: [
        { messageId: "notJobField", suggestions: [] },
        { messageId: "notJobField", data: { key: "timeout", surface: "`runJob`", hint: "" } },
      ],
    },
    {
      name: "createScheduledJob: fields next to jobSpec, arguments in jobSpec",
      code: HUB + `await hub.createScheduledJob({ namespace: "me", schedule: "@daily", dockerImage: "x", jobSpec: { dockerImage: "x", arguments: ["a"] } });`,
      output: null,
      errors: [{ messageId: "outsideJobSpec", data: { key: "dockerImage" } }, { messageId: "argumentsInSchedule" }],
    },
  ],
});
