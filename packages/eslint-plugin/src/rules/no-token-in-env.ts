/**
 * HFJ201: a token-like key (`HF_TOKEN`, `*_TOKEN`, `*_API_KEY`, `*_SECRET`, `*PASSWORD*`), or the HF token under
 * any key, in the plain environment of a launch: `environment` of `runJob`/`createScheduledJob`'s `jobSpec`/REST
 * bodies, `env` of tool calls. The plain environment is stored and shown in full; `secrets` are encrypted. Decided
 * by core's launch policy (the same decision as in Python files); the safe fix moves the entry into `secrets`.
 */
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, reportCommandLineFindings, reportInlineScriptFindings, reportLaunchFindings } from "../report.js";

const meta = catalogMeta("HFJ201");

export default createRule({
  name: meta.name,
  meta: { ...meta.eslint, messages: { ...FORWARDED_MESSAGES } },
  create(context) {
    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "argv") return reportCommandLineFindings(context, meta.rule, launch);
        reportLaunchFindings(context, meta.rule, launch);
        if (launch.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
