/**
 * HFJ204: the secret carrying the Hugging Face token is named something other than `HF_TOKEN` (`TOKEN`,
 * `HF_API_TOKEN`, `HUGGINGFACE_TOKEN`, `hf_token`, ...): the libraries in the job read `HF_TOKEN` only. The rename
 * is a safe fix when the job's script is known (inline, or a local file the tool call names) and does not read the
 * old name, a suggestion otherwise; when the known script reads exactly that name, nothing is reported. A secret
 * is the token's by its name or by its value (`process.env.HF_TOKEN`, `"$HF_TOKEN"` in a tool call), as in the
 * Python analyzer. `hf jobs` argv get the same rule from core, with the script they run resolved the same way.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { HF_TOKEN, isMisnamedHfTokenName } from "@hf-jobs-lint/core";
import { quoteOf, quoteString, type Context } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { carriesHfToken, secretsObject } from "../launch/fields.js";
import { knownScriptOf } from "../known-script.js";
import { FORWARDED_MESSAGES, report, reportCommandLineFindings, reportInlineScriptFindings, type SourceEdit } from "../report.js";

const meta = catalogMeta("HFJ204");

/** The edit renaming a property's key to `HF_TOKEN`, in the key's own style (`{ TOKEN }` becomes `HF_TOKEN: TOKEN`). */
function renameKey(context: Context, property: TSESTree.Property): SourceEdit | null {
  if (property.shorthand) return { range: property.key.range, text: `${HF_TOKEN}: ${context.sourceCode.getText(property.key)}` };
  if (property.key.type === AST_NODE_TYPES.Identifier && !property.computed) return { range: property.key.range, text: HF_TOKEN };
  if (property.key.type === AST_NODE_TYPES.Literal) return { range: property.key.range, text: quoteString(HF_TOKEN, quoteOf(context, property.key)) };
  return null;
}

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      misnamed: "The Hugging Face token secret is named `{{name}}`; the libraries in the job read `HF_TOKEN`",
      rename: "Rename the secret to `HF_TOKEN`",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "argv") return reportCommandLineFindings(context, meta.rule, launch);
        const secrets = secretsObject(context, launch);
        if (!secrets || secrets.entries.some((entry) => entry.name === HF_TOKEN)) return;
        const needs = launch.kind === "tool" ? (knownScriptOf(context, launch)?.needs ?? null) : null;
        for (const entry of secrets.entries) {
          if (!isMisnamedHfTokenName(entry.name) && !carriesHfToken(context, launch, entry)) continue;
          if (needs?.readsVariables.has(entry.name)) continue;
          const edit = renameKey(context, entry.property);
          report(context, meta.rule, {
            node: entry.property.key,
            messageId: "misnamed",
            data: { name: entry.name },
            proposal: edit ? { applicability: needs ? "safe" : "unsafe", messageId: "rename", edits: [edit] } : null,
          });
          // Two misnamed entries cannot both become `HF_TOKEN`.
          break;
        }
        if (launch.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
