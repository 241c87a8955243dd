/**
 * HFJ205: a tool-call `env`/`secrets` value or `script_args` element holding a `$NAME` placeholder that is not
 * exactly `$HF_TOKEN` or `${HF_TOKEN}` (`"$WANDB_API_KEY"`, `"Bearer $HF_TOKEN"`): the tool call substitutes only
 * that exact value, everything else arrives in the job literally. Decided by core's launch policy.
 */
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, reportInlineScriptFindings, reportLaunchFindings } from "../report.js";

const meta = catalogMeta("HFJ205");

export default createRule({
  name: meta.name,
  meta: { ...meta.eslint, messages: { ...FORWARDED_MESSAGES } },
  create(context) {
    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (launch?.kind !== "tool") return;
        reportLaunchFindings(context, meta.rule, launch);
        reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
