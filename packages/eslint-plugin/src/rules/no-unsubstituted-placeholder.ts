/**
 * HFJ205: a tool-call `env`/`secrets` value holding a `$NAME` placeholder that is not exactly `$HF_TOKEN` or
 * `${HF_TOKEN}` (`"$WANDB_API_KEY"`, `"Bearer $HF_TOKEN"`): the tool call substitutes only that exact value,
 * everything else arrives in the job literally.
 */
import { findPlaceholders, isSubstitutedPlaceholder } from "@hf-jobs-lint/core";
import { catalogMeta, createRule } from "../create-rule.js";
import { envFieldName, getLaunch } from "../launch/detect.js";
import { envObject, literalString, secretsObject } from "../launch/fields.js";
import { FORWARDED_MESSAGES, report, reportInlineScriptFindings } from "../report.js";

const meta = catalogMeta("HFJ205");

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      unsubstituted: "`{{placeholder}}` in `{{field}}.{{key}}` is not substituted (only a value that is exactly `$HF_TOKEN` is): the job receives it literally",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (launch?.kind !== "tool" || !launch.launches) return;
        const fields = [
          { name: envFieldName(launch), object: envObject(context, launch) },
          { name: "secrets", object: secretsObject(context, launch) },
        ];
        for (const field of fields) {
          for (const entry of field.object?.entries ?? []) {
            const literal = literalString(context, entry.property.value);
            if (!literal || isSubstitutedPlaceholder(literal.value)) continue;
            const placeholder = findPlaceholders(literal.value)[0];
            if (!placeholder) continue;
            report(context, meta.rule, {
              node: literal.node,
              messageId: "unsubstituted",
              data: { placeholder: placeholder.text, field: field.name, key: entry.name },
            });
          }
        }
        reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
