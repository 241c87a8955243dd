/**
 * HFJ202: the `$HF_TOKEN` / `${HF_TOKEN}` placeholder in `@huggingface/hub` or REST values (`environment`,
 * `secrets`, `accessToken`, `Authorization`). Only the `hf_jobs` tool call substitutes it; the library and the
 * REST API send the ten characters as written. The safe fix reads `process.env.HF_TOKEN`.
 */
import { findPlaceholders, HF_TOKEN, mentionsHfTokenPlaceholder, tokenReplacement } from "@hf-jobs-lint/core";
import type { TSESTree } from "@typescript-eslint/utils";
import { escapeTemplateText } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { envObject, credentialValues, literalString, secretsObject, type StringValue } from "../launch/fields.js";
import { getLaunch, surfaceName, type Launch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, report, reportInlineScriptFindings } from "../report.js";

const meta = catalogMeta("HFJ202");
const ENV_LOOKUP = tokenReplacement("typescript").expression;

/** `process.env.HF_TOKEN` for a bare placeholder, a template with it in place of each placeholder otherwise. */
function replacementFor(value: string): string {
  const placeholders = findPlaceholders(value);
  if (placeholders.length === 1 && placeholders[0]!.text === value) return ENV_LOOKUP;
  let text = "";
  let last = 0;
  for (const placeholder of placeholders) {
    if (placeholder.name !== HF_TOKEN) continue;
    text += escapeTemplateText(value.slice(last, placeholder.index)) + `\${${ENV_LOOKUP}}`;
    last = placeholder.index + placeholder.text.length;
  }
  return `\`${text}${escapeTemplateText(value.slice(last))}\``;
}

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      placeholder: "`$HF_TOKEN` is sent literally by {{surface}}: only the `hf_jobs` tool call substitutes it; use `{{replacement}}`",
      useEnvironment: "Replace the placeholder with `{{replacement}}`",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    function check(launch: Launch, value: StringValue): void {
      if (!mentionsHfTokenPlaceholder(value.value)) return;
      const replacement = replacementFor(value.value);
      report(context, meta.rule, {
        node: value.node,
        messageId: "placeholder",
        data: { surface: surfaceName(launch), replacement: ENV_LOOKUP },
        proposal: { applicability: "safe", messageId: "useEnvironment", data: { replacement }, edits: [{ range: value.node.range, text: replacement }] },
      });
    }

    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "tool") return reportInlineScriptFindings(context, meta.rule, launch);
        if (launch.kind !== "hub" && launch.kind !== "rest") return;
        const values: TSESTree.Node[] = credentialValues(context, launch).map((credential) => credential.value);
        for (const field of [envObject(context, launch), secretsObject(context, launch)]) {
          for (const entry of field?.entries ?? []) values.push(entry.property.value);
        }
        const seen = new Set<TSESTree.Node>();
        for (const value of values) {
          const literal = literalString(context, value);
          if (!literal || seen.has(literal.node)) continue;
          seen.add(literal.node);
          check(launch, literal);
        }
      },
    };
  },
});
