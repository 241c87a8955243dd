import rule from "../../src/rules/no-job-option-read-by-launcher.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-job-option-read-by-launcher", rule, {
  valid: [
    // TODO: look-alikes the rule must not report.
  ],
  invalid: [
    {
      name: "TODO: a launch the rule reports (this case fails until it is written)",
      code: `hf_jobs("uv", { script: "TODO.py" });`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
