import rule from "../../src/rules/no-unknown-launcher-option.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("no-unknown-launcher-option", rule, {
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
