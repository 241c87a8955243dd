/**
 * HFJ203: a `hf_jobs("uv", { script })` tool call whose job script (inline Python, or a local file resolved beside
 * the launcher or at the repository root) does Hub work that needs a token, with no `HF_TOKEN` secret: the job
 * runs for hours and ends in a 401. Decided by core's launch policy, as in Python files: a token passed under
 * another secret name is HFJ204's finding and one in `env` is HFJ201's. The suggestion adds
 * `secrets: { HF_TOKEN: "$HF_TOKEN" }`, which the tool call substitutes. `hf jobs uv run` argv get the same rule
 * from core's command-line check.
 */
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, reportCommandLineFindings, reportLaunchFindings } from "../report.js";

const meta = catalogMeta("HFJ203");

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
      },
    };
  },
});
