/** JS edits on a launch's fields: renaming a key in its own style, moving an environment entry into `secrets`. */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { listRemovalRanges, quoteOf, quoteString, significantCharacter, type Context } from "../ast.js";
import type { SourceEdit } from "../report.js";
import { jobFields, type Launch } from "./detect.js";
import { fieldObject, type FieldObject } from "./fields.js";

/** The edit renaming a property's key, in the key's own style (`{ TOKEN }` becomes `HF_TOKEN: TOKEN`). */
export function renameKeyEdit(context: Context, property: TSESTree.Property, to: string): SourceEdit | null {
  if (property.shorthand) return { range: property.key.range, text: `${to}: ${context.sourceCode.getText(property.key)}` };
  if (property.key.type === AST_NODE_TYPES.Identifier && !property.computed) return { range: property.key.range, text: to };
  if (property.key.type === AST_NODE_TYPES.Literal) return { range: property.key.range, text: quoteString(to, quoteOf(context, property.key)) };
  return null;
}

/**
 * Edits moving entries of the environment object into `secrets` (creating it, or merging into an inline one) and
 * dropping an emptied environment; null when the objects are not written inline or a key is already a secret.
 */
export function moveToSecretsEdits(context: Context, launch: Launch, env: FieldObject, moving: readonly TSESTree.Property[]): SourceEdit[] | null {
  const fields = jobFields(launch);
  if (!fields || !env.inline || !env.object) return null;
  const secrets = fieldObject(context, launch, "secrets");
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
    : toRanges(
        listRemovalRanges(
          context,
          env.object.properties,
          moving.map((entry) => env.object!.properties.indexOf(entry)),
        ),
      );
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
  const comma = significantCharacter(context, property.range[1], "forward");
  const previous = significantCharacter(context, property.range[0], "backward");
  const ownLine = comma?.char === "," && previous !== null && sourceCode.getLocFromIndex(previous.offset).line < property.loc.start.line;
  if (!ownLine) return { range: [property.range[1], property.range[1]], text: `, ${text}` };
  const row = sourceCode.getLocFromIndex(comma.offset).line;
  const lineText = sourceCode.lines[row - 1]!;
  const lineEnd = sourceCode.getIndexFromLoc({ line: row, column: lineText.length });
  const indent = /^\s*/.exec(lineText)![0];
  const eol = sourceCode.text.includes("\r\n") ? "\r\n" : "\n";
  return { range: [lineEnd, lineEnd], text: `${eol}${indent}${text},` };
}
