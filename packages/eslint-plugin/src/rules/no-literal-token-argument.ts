/**
 * HFJ102: a literal other than a real-looking token (a placeholder like `hf_xxx`, `"your-token"`) where a token
 * goes. The `HF_TOKEN` secret (and an `HF_TOKEN` env entry holding a token placeholder) of any launch is core's
 * launch policy, as in Python files; the launcher's own credential (`accessToken`/`credentials.accessToken` of a
 * `@huggingface/hub` call, `Authorization` of a REST launch) is a JS-only field checked here with the same
 * message. Real-looking tokens are HFJ101's; `$...` placeholders are HFJ202/HFJ205's.
 */
import { containsToken, findPlaceholders, literalTokenMessage, tokenReplacement } from "@hf-jobs-lint/core";
import { createLaunchRule } from "../launch-rule.js";
import { credentialValues, literalString } from "../launch/fields.js";
import { labelOf } from "../launch/policy.js";
import { report } from "../report.js";

const ENV_LOOKUP = tokenReplacement("typescript").expression;

/** A literal that stands where a token goes and is neither empty, a real token, nor a `$NAME` placeholder. */
function reportableLiteral(value: string): boolean {
  return value.trim() !== "" && !containsToken(value) && findPlaceholders(value).length === 0;
}

export default createLaunchRule("HFJ102", {
  alsoCheck(context, rule, launch) {
    if (launch.kind === "tool") return;
    for (const credential of credentialValues(context, launch)) {
      const literal = literalString(context, credential.value);
      if (!literal) continue;
      const isAuthorization = credential.label.toLowerCase() === "authorization";
      const scheme = isAuthorization ? (/^(Bearer|Token)\s+/i.exec(literal.value)?.[0] ?? "") : "";
      const text = literal.value.slice(scheme.length);
      if (!reportableLiteral(text)) continue;
      const replacement = scheme ? `\`${scheme}\${${ENV_LOOKUP}}\`` : ENV_LOOKUP;
      report(context, rule, {
        node: literal.node,
        messageId: "forwarded",
        data: { message: literalTokenMessage(text, `passed as \`${credential.label}\` of ${labelOf(launch)}`) },
        proposal: { applicability: "unsafe", messageId: "forwardedFix", data: { message: `Use \`${replacement}\`` }, edits: [{ range: literal.node.range, text: replacement }] },
      });
    }
  },
});
