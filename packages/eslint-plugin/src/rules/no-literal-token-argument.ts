/**
 * HFJ102: a literal other than a real-looking token (a placeholder like `hf_xxx`, `"your-token"`) where a token
 * goes: `accessToken`/`credentials.accessToken` of a `@huggingface/hub` call, `Authorization` of a REST launch,
 * the `HF_TOKEN` secret of any launch, an `HF_TOKEN` env entry holding a token placeholder. Real-looking tokens
 * are HFJ101's; `$...` placeholders are HFJ202/HFJ205's.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { HF_TOKEN, containsToken, findPlaceholders, isMisnamedHfTokenName, looksLikeTokenPlaceholder, tokenReplacement } from "@hf-jobs-lint/core";
import { quoteOf, quoteString } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { envFieldName, getLaunch, substitutesPlaceholder, type Launch } from "../launch/detect.js";
import { credentialValues, envObject, literalString, secretsObject } from "../launch/fields.js";
import { FORWARDED_MESSAGES, report, reportCommandLineFindings, reportInlineScriptFindings } from "../report.js";

const meta = catalogMeta("HFJ102");
const ENV_LOOKUP = tokenReplacement("typescript").expression;

/** A literal that stands where a token goes and is neither empty, a real token, nor a `$NAME` placeholder. */
function reportableLiteral(value: string): boolean {
  return value.trim() !== "" && !containsToken(value) && findPlaceholders(value).length === 0;
}

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      literalCredential: "Literal value passed as `{{where}}`; read the token from the environment instead",
      literalSecret: "Literal value passed as the `{{key}}` {{field}} entry of {{surface}}; pass the real token ({{replacement}})",
      useReplacement: "Replace the literal with {{replacement}}",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    function checkCredentials(launch: Launch): void {
      for (const credential of credentialValues(context, launch)) {
        const literal = literalString(context, credential.value);
        if (!literal) continue;
        const isAuthorization = credential.label.toLowerCase() === "authorization";
        const scheme = isAuthorization ? /^(Bearer|Token)\s+/i.exec(literal.value)?.[0] ?? "" : "";
        if (!reportableLiteral(literal.value.slice(scheme.length))) continue;
        const replacement = scheme ? `\`${scheme}\${${ENV_LOOKUP}}\`` : ENV_LOOKUP;
        report(context, meta.rule, {
          node: literal.node,
          messageId: "literalCredential",
          data: { where: credential.label, replacement: `\`${replacement}\`` },
          proposal: { applicability: "unsafe", messageId: "useReplacement", data: { replacement: `\`${replacement}\`` }, edits: [{ range: literal.node.range, text: replacement }] },
        });
      }
    }

    function checkTokenEntries(launch: Launch, field: "secrets" | "env"): void {
      const object = field === "secrets" ? secretsObject(context, launch) : envObject(context, launch);
      if (!object) return;
      for (const entry of object.entries) {
        if (entry.name !== HF_TOKEN && !isMisnamedHfTokenName(entry.name)) continue;
        const literal = literalString(context, entry.property.value as TSESTree.Node);
        if (!literal || !reportableLiteral(literal.value)) continue;
        // In env only token-shaped placeholders are surely meant as the token; any secret value is.
        if (field === "env" && !looksLikeTokenPlaceholder(literal.value)) continue;
        const replacement = substitutesPlaceholder(launch) ? quoteString("$HF_TOKEN", quoteOf(context, literal.node)) : ENV_LOOKUP;
        report(context, meta.rule, {
          node: literal.node,
          messageId: "literalSecret",
          data: { key: entry.name, field: field === "env" ? envFieldName(launch) : "secrets", surface: launch.kind === "tool" ? "the tool call" : "the launch", replacement: `\`${replacement}\`` },
          proposal: { applicability: "unsafe", messageId: "useReplacement", data: { replacement: `\`${replacement}\`` }, edits: [{ range: literal.node.range, text: replacement }] },
        });
      }
    }

    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "argv") return reportCommandLineFindings(context, meta.rule, launch);
        checkCredentials(launch);
        checkTokenEntries(launch, "secrets");
        checkTokenEntries(launch, "env");
        if (launch.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
