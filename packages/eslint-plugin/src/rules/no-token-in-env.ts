/**
 * HFJ201: a token-like key (`HF_TOKEN`, `*_TOKEN`, `*_API_KEY`, `*_SECRET`, `*PASSWORD*`) in the plain
 * environment of a launch: `environment` of `runJob`/`createScheduledJob`'s `jobSpec`/REST bodies, `env` of
 * tool calls. The plain environment is stored and shown in full; `secrets` are encrypted. The safe fix moves
 * the entry into `secrets` (creating it, or merging into an inline one) and drops an emptied environment.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { isTokenLikeKey, isSubstitutedPlaceholder } from "@hf-jobs-lint/core";
import { listRemovalRanges, type Context } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { envFieldName, getLaunch, jobFields, substitutesPlaceholder, type Launch } from "../launch/detect.js";
import { envObject, literalString, secretsObject, type FieldObject } from "../launch/fields.js";
import { FORWARDED_MESSAGES, report, reportCommandLineFindings, reportInlineScriptFindings, type SourceEdit } from "../report.js";

const meta = catalogMeta("HFJ201");

/**
 * Edits moving every token-like entry of the environment object into `secrets` (one fix, the same for each of
 * them, so one pass moves them all); null when the objects are not written inline or a key is already a secret.
 */
function moveToSecrets(context: Context, launch: Launch, env: FieldObject, moving: readonly TSESTree.Property[]): SourceEdit[] | null {
  const fields = jobFields(launch);
  if (!fields || !env.inline || !env.object) return null;
  const secrets = secretsObject(context, launch);
  if (secrets && (!secrets.inline || !secrets.object)) return null;
  const movingNames = new Set(env.entries.filter((entry) => moving.includes(entry.property)).map((entry) => entry.name));
  if (secrets?.entries.some((other) => movingNames.has(other.name))) return null;
  const entriesText = moving.map((entry) => context.sourceCode.getText(entry)).join(", ");
  const emptied = env.object.properties.every((property) => moving.includes(property as TSESTree.Property));
  const toRanges = (ranges: [number, number][]): SourceEdit[] => ranges.map((range) => ({ range, text: "" }));

  if (!secrets) {
    if (emptied) return [{ range: env.property.range, text: `secrets: { ${entriesText} }` }];
    const indices = moving.map((entry) => env.object!.properties.indexOf(entry));
    return [...toRanges(listRemovalRanges(context, env.object.properties, indices)), secretsPropertyInsertion(context, env.property, `secrets: { ${entriesText} }`)];
  }
  const edits = emptied
    ? toRanges(listRemovalRanges(context, fields.properties, [fields.properties.indexOf(env.property)]))
    : toRanges(listRemovalRanges(context, env.object.properties, moving.map((entry) => env.object!.properties.indexOf(entry))));
  const target = secrets.object!;
  const last = target.properties[target.properties.length - 1];
  edits.push(last ? { range: [last.range[1], last.range[1]], text: `, ${entriesText}` } : { range: target.range, text: `{ ${entriesText} }` });
  return edits;
}

/**
 * Where a new `secrets` property goes: on a line of its own after the environment's line (comment included) when
 * the fields are written one per line, else right after the environment property.
 */
function secretsPropertyInsertion(context: Context, property: TSESTree.Property, text: string): SourceEdit {
  const sourceCode = context.sourceCode;
  const comma = sourceCode.getTokenAfter(property);
  const previous = sourceCode.getTokenBefore(property);
  const ownLine = comma?.value === "," && previous !== null && previous.loc.end.line < property.loc.start.line;
  if (!ownLine) return { range: [property.range[1], property.range[1]], text: `, ${text}` };
  const row = comma.loc.end.line;
  const lineText = sourceCode.lines[row - 1]!;
  const lineEnd = sourceCode.getIndexFromLoc({ line: row, column: lineText.length });
  const indent = /^\s*/.exec(lineText)![0];
  const eol = sourceCode.text.includes("\r\n") ? "\r\n" : "\n";
  return { range: [lineEnd, lineEnd], text: `${eol}${indent}${text},` };
}

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      tokenInEnv: "`{{key}}` is passed through `{{field}}`, which is stored and shown in full{{substituted}}; pass it in `secrets`",
      moveToSecrets: "Move {{keys}} to `secrets`",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "argv") return reportCommandLineFindings(context, meta.rule, launch);
        if (launch.kind === "hub" && !launch.launches) return;
        const env = envObject(context, launch);
        const tokenEntries = (env?.entries ?? []).filter((entry) => isTokenLikeKey(entry.name));
        const edits = env && tokenEntries.length > 0 ? moveToSecrets(context, launch, env, tokenEntries.map((entry) => entry.property)) : null;
        for (const entry of tokenEntries) {
          const value = literalString(context, entry.property.value as TSESTree.Node);
          const substituted = substitutesPlaceholder(launch) && value !== null && isSubstitutedPlaceholder(value.value);
          report(context, meta.rule, {
            node: entry.property.key,
            messageId: "tokenInEnv",
            data: { key: entry.name, field: envFieldName(launch), substituted: substituted ? " (the tool call puts your real token there)" : "" },
            proposal: edits ? { applicability: "safe", messageId: "moveToSecrets", data: { keys: tokenEntries.map((e) => `\`${e.name}\``).join(", ") }, edits } : null,
          });
        }
        if (launch.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
