/**
 * HFJ204: the secret carrying the Hugging Face token is named something other than `HF_TOKEN` (`TOKEN`,
 * `HF_API_TOKEN`, `HUGGINGFACE_TOKEN`, `hf_token`, ...): the libraries in the job read `HF_TOKEN` only. Decided by
 * core's launch policy: every misnamed secret is reported, the first gets the rename (two cannot both become
 * `HF_TOKEN`); safe when the job's script is known and does not read the old name, a suggestion otherwise; nothing
 * when the known script reads exactly that name. `hf jobs` argv get the same rule from core's command-line check.
 */
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, reportCommandLineFindings, reportInlineScriptFindings, reportLaunchFindings } from "../report.js";

const meta = catalogMeta("HFJ204");

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
