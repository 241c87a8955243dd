/** The plugin's shared settings (`settings["hf-jobs"]`): extra credential names and a team's own launcher modules. */
import { describe, expect, it } from "vitest";
import noTokenInEnv from "../src/rules/no-token-in-env.js";
import noTokenOutput from "../src/rules/no-token-output.js";
import { parsePluginSettings } from "../src/settings.js";
import { ruleTester } from "./rule-tester.js";

const tokenKeys = { "hf-jobs": { tokenKeys: ["acme_cred"] } };
const launchers = { "hf-jobs": { launchers: { "@acme/jobs": { launchTraining: "runJob", schedule: "createScheduledJob" } } } };
const HUB = `import { runJob } from "@huggingface/hub";\n`;

ruleTester.run("no-token-in-env with settings", noTokenInEnv, {
  valid: [
    // Without the setting, ACME_CRED is not a credential name.
    HUB + `await runJob({ namespace: "me", dockerImage: "x", environment: { ACME_CRED: process.env.ACME_CRED } });`,
    // Without the setting, a team's launcher is an unknown function.
    `import { launchTraining } from "@acme/jobs";\nlaunchTraining({ environment: { HF_TOKEN: process.env.HF_TOKEN } });`,
    // With it, only through an import of that module: a local function of the same name is not the launcher.
    { code: `const launchTraining = (o) => o;\nlaunchTraining({ environment: { HF_TOKEN: process.env.HF_TOKEN } });`, settings: launchers },
    { code: `import { launchTraining } from "./acme-jobs";\nlaunchTraining({ environment: { HF_TOKEN: process.env.HF_TOKEN } });`, settings: launchers },
    // An export the setting does not name is not a launcher.
    { code: `import { cancel } from "@acme/jobs";\ncancel({ environment: { HF_TOKEN: process.env.HF_TOKEN } });`, settings: launchers },
  ],
  invalid: [
    {
      name: "tokenKeys: a name the settings add is a credential under any case",
      code: HUB + `await runJob({ namespace: "me", dockerImage: "x", environment: { ACME_CRED: "x" } });`,
      output: HUB + `await runJob({ namespace: "me", dockerImage: "x", secrets: { ACME_CRED: "x" } });`,
      settings: tokenKeys,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "tokenKeys: a value read from such a variable is a credential under any key",
      code: HUB + `const cred = process.env.ACME_CRED;\nawait runJob({ namespace: "me", dockerImage: "x", environment: { CONFIG: cred } });`,
      output: HUB + `const cred = process.env.ACME_CRED;\nawait runJob({ namespace: "me", dockerImage: "x", secrets: { CONFIG: cred } });`,
      settings: tokenKeys,
      errors: [{ messageId: "forwarded" }],
    },
    {
      name: "launchers: a named import, aliased, multi-line",
      code: `import { launchTraining as go } from "@acme/jobs";\nawait go({\n  environment: { HF_TOKEN: process.env.HF_TOKEN },\n});`,
      output: `import { launchTraining as go } from "@acme/jobs";\nawait go({\n  secrets: { HF_TOKEN: process.env.HF_TOKEN },\n});`,
      settings: launchers,
      errors: [{ messageId: "forwarded", line: 3 }],
    },
    {
      name: "launchers: a namespace import, and the message names the launcher",
      code: `import * as acme from "@acme/jobs";\nconst options = { environment: { HF_TOKEN: process.env.HF_TOKEN } };\nawait acme.launchTraining(options);`,
      output: `import * as acme from "@acme/jobs";\nconst options = { secrets: { HF_TOKEN: process.env.HF_TOKEN } };\nawait acme.launchTraining(options);`,
      settings: launchers,
      errors: [
        {
          messageId: "forwarded",
          data: {
            message: "`HF_TOKEN` is passed through `environment` of `launchTraining` (`runJob` through `@acme/jobs`), where it is stored and shown in full; pass it in `secrets`",
          },
        },
      ],
    },
    {
      name: "launchers: require, destructured",
      code: `const { schedule } = require("@acme/jobs");\nschedule({ jobSpec: { environment: { HF_TOKEN: process.env.HF_TOKEN } } });`,
      output: `const { schedule } = require("@acme/jobs");\nschedule({ jobSpec: { secrets: { HF_TOKEN: process.env.HF_TOKEN } } });`,
      settings: launchers,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});

ruleTester.run("no-token-output with settings", noTokenOutput, {
  valid: [`console.log(process.env.ACME_CRED);`],
  invalid: [{ code: `const cred = process.env.ACME_CRED;\nconsole.log(\`cred=\${cred}\`);`, settings: tokenKeys, errors: [{ messageId: "forwarded" }] }],
});

describe("parsePluginSettings", () => {
  it("reads nothing as no settings", () => {
    expect(parsePluginSettings(undefined).tokenKeys.size).toBe(0);
    expect(parsePluginSettings({}).launchers.size).toBe(0);
  });

  it.each([
    [[], 'settings["hf-jobs"]. must be an object'],
    [{ tokenKey: ["X"] }, 'settings["hf-jobs"].tokenKey is not a setting (tokenKeys, launchers, hubVersion)'],
    [{ tokenKeys: "X" }, 'settings["hf-jobs"].tokenKeys must be an array of names'],
    [{ hubVersion: 1 }, 'settings["hf-jobs"].hubVersion must be a version string'],
    [{ tokenKeys: [""] }, 'settings["hf-jobs"].tokenKeys must be an array of names'],
    [{ launchers: ["@acme/jobs"] }, 'settings["hf-jobs"].launchers must map module specifiers'],
    [{ launchers: { "@acme/jobs": "runJob" } }, 'settings["hf-jobs"].launchers["@acme/jobs"] must map export names'],
    [{ launchers: { "@acme/jobs": { go: "listJobs" } } }, 'settings["hf-jobs"].launchers["@acme/jobs"].go must name a `@huggingface/hub` launch function (runJob,'],
  ])("refuses %j", (raw, message) => {
    expect(() => parsePluginSettings(raw)).toThrow(message);
  });
});
