/**
 * HFJ202: the `$HF_TOKEN` / `${HF_TOKEN}` placeholder in `@huggingface/hub` or REST values. Only the `hf_jobs`
 * tool call substitutes it; the library and the REST API send the nine characters as written. `environment` and
 * `secrets` values are core's launch policy (as in Python files); the launcher's own credential (`accessToken`,
 * `Authorization`) is a JS-only field checked here: `checkCredentials` makes most exports throw a `TypeError` on it
 * before any request, the rest and REST send it literally. The safe fix reads
 * `process.env.HF_TOKEN` (a template literal when the placeholder is part of a longer string).
 */
import {
  HUB_JS_UNCHECKED_CREDENTIAL_FUNCTIONS,
  isSubstitutedPlaceholder,
  mentionsHfTokenPlaceholder,
  placeholderCredentialRejectedMessage,
  placeholderSentLiterallyMessage,
  tokenReplacement,
} from "@hf-jobs-lint/core";
import { createLaunchRule } from "../launch-rule.js";
import { credentialValues, literalString } from "../launch/fields.js";
import { labelOf, substitutedTemplate } from "../launch/policy.js";
import { report } from "../report.js";

const ENV_LOOKUP = tokenReplacement("typescript").expression;

/** The library's own check throws on it (most exports); REST and the few unchecked exports send it literally. */
function credentialMessage(launch: { kind: string; fn?: string }, text: string, where: string): string {
  const rejected = launch.kind === "hub" && launch.fn !== undefined && !HUB_JS_UNCHECKED_CREDENTIAL_FUNCTIONS.has(launch.fn);
  return rejected ? placeholderCredentialRejectedMessage(text, where) : placeholderSentLiterallyMessage(text, where);
}

export default createLaunchRule("HFJ202", {
  alsoCheck(context, rule, launch) {
    if (launch.kind !== "hub" && launch.kind !== "rest") return;
    for (const credential of credentialValues(context, launch)) {
      const literal = literalString(context, credential.value);
      if (!literal || !mentionsHfTokenPlaceholder(literal.value)) continue;
      const replacement = isSubstitutedPlaceholder(literal.value) ? ENV_LOOKUP : substitutedTemplate(literal.value);
      report(context, rule, {
        node: literal.node,
        messageId: "forwarded",
        data: { message: credentialMessage(launch, literal.value, `in \`${credential.label}\` of ${labelOf(launch)}`) },
        proposal: { applicability: "safe", messageId: "forwardedFix", data: { message: `Use \`${replacement}\`` }, edits: [{ range: literal.node.range, text: replacement }] },
      });
    }
  },
});
