/**
 * HFJ207: `hf jobs uv run SCRIPT ... --secrets HF_TOKEN` in an argv array (or an `exec` command string): flags
 * after the script (or the image's command) go to the job, not to `hf jobs`. The rule and its fix (move them
 * before the script) are core's `checkJobsCommandLine`; this rule renders the moves as JS edits.
 */
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, reportCommandLineFindings, reportInlineScriptFindings } from "../report.js";

const meta = catalogMeta("HFJ207");

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: { ...FORWARDED_MESSAGES },
  },
  create(context) {
    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (launch?.kind === "argv") reportCommandLineFindings(context, meta.rule, launch);
        else if (launch?.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
