/**
 * HFJ302 (off by default): a token argument that repeats what the library reads from the environment itself.
 *
 * In TS/JS there is no such case for `accessToken: process.env.HF_TOKEN`: `@huggingface/hub` never reads
 * `HF_TOKEN` on its own. Its jobs functions (`runJob`, `createScheduledJob`, `duplicateJob`, ...) take the token
 * only through `checkCredentials(params)`, which returns `params.accessToken ?? params.credentials.accessToken`
 * and nothing else, and send an `Authorization` header only when that returned a token (huggingface.js
 * packages/hub/src/utils/checkCredentials.ts and src/lib/jobs/run-job.ts). Dropping the argument would make the
 * call anonymous, so this rule reports nothing for it.
 *
 * The rule still reports the Python analyzer's HFJ302 findings inside inline job scripts
 * (`HfApi(token=os.environ["HF_TOKEN"])` in `hf_jobs("uv", { script })`), where `huggingface_hub` does read the
 * environment itself.
 */
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, reportInlineScriptFindings } from "../report.js";

const meta = catalogMeta("HFJ302");

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
        if (launch?.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
