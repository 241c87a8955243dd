/**
 * HFJ203: a `hf_jobs("uv", { script })` tool call whose job script (inline Python, or a local file resolved beside
 * the launcher or at the repository root) does Hub work that needs a token (the Python analyzer's
 * `analyzeScriptNeeds`), with no `HF_TOKEN` secret. Without it the job runs for hours and ends in a 401. The
 * suggestion adds `secrets: { HF_TOKEN: "$HF_TOKEN" }`, which the tool call substitutes. As in the Python
 * analyzer, a token passed under another secret name is HFJ204's finding and one in `env` is HFJ201's (its fix
 * moves it into `secrets`): neither is reported here. `hf jobs uv run` argv get the same rule from core.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { HF_TOKEN, isMisnamedHfTokenName } from "@hf-jobs-lint/core";
import { findProperty, hasSpread } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { carriesHfToken, envObject, secretsObject } from "../launch/fields.js";
import { knownScriptOf } from "../known-script.js";
import { FORWARDED_MESSAGES, report, reportCommandLineFindings, type SourceEdit } from "../report.js";

const meta = catalogMeta("HFJ203");
const SECRET_ENTRY = `${HF_TOKEN}: "$HF_TOKEN"`;

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      missingSecret: "{{script}} needs a token with {{level}} access ({{evidence}}), but the launch passes no `HF_TOKEN` secret",
      addSecret: "Add `secrets: { HF_TOKEN: \"$HF_TOKEN\" }`",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "argv") return reportCommandLineFindings(context, meta.rule, launch);
        if (launch.kind !== "tool" || !launch.args || hasSpread(launch.args)) return;
        const script = knownScriptOf(context, launch);
        if (!script || script.needs.level === "none") return;
        const needs = script.needs;

        const secrets = secretsObject(context, launch);
        // A secrets value we cannot see (a parameter, a function call) may well hold the token.
        if (secrets && !secrets.object) return;
        if (secrets?.entries.some((entry) => entry.name === HF_TOKEN || isMisnamedHfTokenName(entry.name) || carriesHfToken(context, launch, entry))) return;
        if (secrets && hasSpread(secrets.object!)) return;
        // A token in `env` is HFJ201's finding; its fix moves it into secrets.
        if (envObject(context, launch)?.entries.some((entry) => entry.name === HF_TOKEN || isMisnamedHfTokenName(entry.name))) return;

        let edit: SourceEdit | null = null;
        if (secrets) {
          const last = secrets.object!.properties[secrets.object!.properties.length - 1];
          edit = last ? { range: [last.range[1], last.range[1]], text: `, ${SECRET_ENTRY}` } : { range: secrets.object!.range, text: `{ ${SECRET_ENTRY} }` };
        } else {
          const last = launch.args.properties[launch.args.properties.length - 1];
          if (last) edit = { range: [last.range[1], last.range[1]], text: `, secrets: { ${SECRET_ENTRY} }` };
        }
        const scriptProperty = findProperty(launch.args, "script");
        const evidence = (needs as { evidence?: unknown }).evidence;
        report(context, meta.rule, {
          node: scriptProperty?.key.type === AST_NODE_TYPES.Identifier || scriptProperty?.key.type === AST_NODE_TYPES.Literal ? scriptProperty.key : node,
          messageId: "missingSecret",
          data: { script: script.description, level: needs.level, evidence: describeEvidence(evidence) },
          proposal: edit ? { applicability: "unsafe", messageId: "addSecret", edits: [edit] } : null,
        });
      },
    };
  },
});

/** The first piece of evidence the analyzer gives, as short text (its shape belongs to the Python package). */
function describeEvidence(evidence: unknown): string {
  const first = Array.isArray(evidence) ? evidence[0] : evidence;
  if (typeof first === "string") return `\`${first}\``;
  if (first && typeof first === "object") {
    const record = first as Record<string, unknown>;
    const text = record.text ?? record.operation ?? record.call ?? record.name;
    const line = record.line ?? record.row;
    if (typeof text === "string") return typeof line === "number" ? `\`${text}\` on script line ${line}` : `\`${text}\``;
  }
  return "Hub operations";
}
