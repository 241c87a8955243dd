/**
 * The plugin's adapter to core's launch policy: a launch call is read into core's `LaunchDescription` (ESTree nodes
 * as handles), `decideLaunch` decides HFJ102/201/202/203/204/205 and the tool call's HFJ206 once for every
 * surface, and the edit operations are rendered here as JS source edits. Cached per call: every rule of the plugin
 * reads the same decision and reports the findings of its own code.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import {
  HF_TOKEN,
  HF_TOKEN_PLACEHOLDER,
  decideLaunch,
  renderLaunchFix,
  findPlaceholders,
  tokenReplacement,
  type LaunchDescription,
  type LaunchEditOp,
  type LaunchEntry,
  type LaunchFinding,
  type LaunchMap,
  type LaunchValue,
} from "@hf-jobs-lint/core";
import { scriptFactsOf } from "@hf-jobs-lint/python";
import { escapeTemplateText, findProperty, hasSpread, namedProperties, propertyValue, quoteOf, quoteString, resolveValue, type Context } from "../ast.js";
import { knownScriptOf } from "../known-script.js";
import type { SourceEdit } from "../report.js";
import { pluginSettings } from "../settings.js";
import { isHfTokenExpression, isTokenExpression } from "../taint.js";
import { commandFieldNames, envFieldName, jobFields, type Launch } from "./detect.js";
import { fieldObject, literalString, type FieldObject } from "./fields.js";
import { moveToSecretsEdits, renameKeyEdit } from "./edits.js";

type Node = TSESTree.Node;
type FieldLaunch = Exclude<Launch, { kind: "argv" }>;

const ENV_LOOKUP = tokenReplacement("typescript").expression;

export interface RenderedFinding {
  finding: LaunchFinding<Node>;
  /** The fix's edits, or null when this source cannot take them. */
  edits: SourceEdit[] | null;
}

function valueOf(context: Context, node: Node): { value: LaunchValue; node: Node } {
  if (isHfTokenExpression(context, node)) return { value: { kind: "hf-token" }, node };
  if (isTokenExpression(context, node)) return { value: { kind: "credential" }, node };
  const resolved = resolveValue(context, node);
  if (resolved.type === AST_NODE_TYPES.Literal && typeof resolved.value === "number") {
    return { value: { kind: "number", text: context.sourceCode.getText(resolved), editable: resolved === node }, node: resolved };
  }
  const literal = literalString(context, node);
  return literal ? { value: { kind: "string", text: literal.value, editable: true }, node: literal.node } : { value: { kind: "other" }, node };
}

function mapOf(context: Context, field: FieldObject | null): LaunchMap<Node> | null {
  if (!field) return null;
  const entries = field.entries.map(({ name, property }): LaunchEntry<Node> => {
    const { value, node } = valueOf(context, propertyValue(property));
    return { key: name, value, entry: property, keyNode: property.key, valueNode: node, inPlace: field.inline };
  });
  return {
    field: field.property.key.type === AST_NODE_TYPES.Identifier ? field.property.key.name : String((field.property.key as TSESTree.Literal).value),
    node: field.property,
    entries,
    complete: field.object !== null && !hasSpread(field.object),
    inPlace: field.inline,
  };
}

/** How messages name the launch (the Python analyzer names its launches the same way). */
export function labelOf(launch: FieldLaunch): string {
  switch (launch.kind) {
    case "hub":
      return launch.via ? `\`${launch.via.name}\` (\`${launch.fn}\` through \`${launch.via.module}\`)` : `\`${launch.fn}\``;
    case "rest":
      return "the Jobs REST API";
    case "tool":
      return `the \`hf_jobs("${launch.operation}")\` tool call`;
  }
}

function describe(context: Context, launch: FieldLaunch): LaunchDescription<Node> | null {
  const fields = jobFields(launch);
  if (launch.kind === "tool" ? !launch.launches : launch.kind === "hub" && !launch.launches) return null;
  const script = launch.kind === "tool" ? knownScriptOf(context, launch) : null;
  const scriptProperty = launch.kind === "tool" ? findProperty(launch.args, "script") : null;
  return {
    surface: launch.kind === "tool" ? "tool-call" : launch.kind === "hub" ? "hub-js" : "rest",
    label: labelOf(launch),
    operation: launch.kind === "hub" ? launch.fn : launch.kind === "tool" ? launch.operation : "jobs",
    runsScript: launch.kind === "tool" && launch.operation.endsWith("uv"),
    envShown: true,
    credentialKeys: pluginSettings(context).tokenKeys,
    complete: fields !== null && !hasSpread(fields),
    canAddField: fields !== null,
    env: mapOf(context, fieldObject(context, launch, envFieldName(launch))),
    secrets: mapOf(context, fieldObject(context, launch, "secrets")),
    fields:
      launch.kind === "tool" && fields
        ? namedProperties(fields)
            .filter(({ name }) => !(launch.flat && name === "operation"))
            .map(({ name, property }) => {
              // Anchored where the launch writes the value (a constant's definition may be far away).
              const written = propertyValue(property);
              return { name, node: property.key, inPlace: true, value: valueOf(context, written).value, valueNode: written };
            })
        : [],
    commandLine: commandFieldNames(launch).flatMap((field) => {
      const property = findProperty(fields, field);
      if (!property) return [];
      const value = resolveValue(context, propertyValue(property));
      const elements =
        value.type === AST_NODE_TYPES.ArrayExpression
          ? value.elements.flatMap((element) => (element ? [element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element] : []))
          : [value];
      return [{ field, elements: elements.map((element) => ({ value: valueOf(context, element).value, node: element })) }];
    }),
    // `@huggingface/hub` and REST take no script; the tool call runs inline code.
    scriptValue: null,
    script: script ? { facts: scriptFactsOf(script.needs), label: script.label, anchor: scriptProperty && !scriptProperty.computed ? scriptProperty.key : launch.call } : null,
  };
}

/** `process.env.HF_TOKEN` in place of each `$HF_TOKEN` of a longer string: a template literal. */
export function substitutedTemplate(value: string): string {
  let text = "";
  let last = 0;
  for (const placeholder of findPlaceholders(value)) {
    if (placeholder.name !== HF_TOKEN) continue;
    text += escapeTemplateText(value.slice(last, placeholder.index)) + `\${${ENV_LOOKUP}}`;
    last = placeholder.index + placeholder.text.length;
  }
  return `\`${text}${escapeTemplateText(value.slice(last))}\``;
}

/** The HF token's value on this surface: the placeholder the tool call substitutes, else the environment. */
function tokenValueText(context: Context, launch: FieldLaunch, replaced: Node | null): string {
  return launch.kind === "tool" ? quoteString(HF_TOKEN_PLACEHOLDER, replaced ? quoteOf(context, replaced) : '"') : ENV_LOOKUP;
}

function addTokenSecretEdits(context: Context, launch: FieldLaunch): SourceEdit[] | null {
  const entry = `${HF_TOKEN}: ${tokenValueText(context, launch, null)}`;
  const secrets = fieldObject(context, launch, "secrets");
  if (secrets) {
    if (!secrets.object) return null;
    const last = secrets.object.properties[secrets.object.properties.length - 1];
    return [last ? { range: [last.range[1], last.range[1]], text: `, ${entry}` } : { range: secrets.object.range, text: `{ ${entry} }` }];
  }
  const fields = jobFields(launch);
  const last = fields?.properties[fields.properties.length - 1];
  return last ? [{ range: [last.range[1], last.range[1]], text: `, secrets: { ${entry} }` }] : null;
}

function renderOp(context: Context, launch: FieldLaunch, op: LaunchEditOp<Node>): SourceEdit[] | null {
  switch (op.op) {
    case "move-to-secrets": {
      const env = fieldObject(context, launch, envFieldName(launch));
      return env ? moveToSecretsEdits(context, launch, env, [op.entry.entry as TSESTree.Property]) : null;
    }
    case "rename-key": {
      const property = op.keyNode.parent;
      const edit = property?.type === AST_NODE_TYPES.Property ? renameKeyEdit(context, property, op.to) : null;
      return edit ? [edit] : null;
    }
    case "use-token-value":
      return op.entry.valueNode ? [{ range: op.entry.valueNode.range, text: tokenValueText(context, launch, op.entry.valueNode) }] : null;
    case "substitute-placeholders":
      return op.entry.valueNode && op.entry.value.kind === "string" ? [{ range: op.entry.valueNode.range, text: substitutedTemplate(op.entry.value.text) }] : null;
    case "add-token-secret":
      return addTokenSecretEdits(context, launch);
    case "replace-value":
      return [{ range: op.node.range, text: quoteString(op.text, '"') }];
  }
}

const decided = new WeakMap<TSESTree.CallExpression, RenderedFinding[]>();

/** Core's launch findings for this call, with their edits rendered; empty for calls that are not field launches. */
export function launchFindings(context: Context, launch: Launch): RenderedFinding[] {
  if (launch.kind === "argv") return [];
  let found = decided.get(launch.call);
  if (!found) {
    const description = describe(context, launch);
    found = (description ? decideLaunch(description) : []).map((finding) => ({
      finding,
      edits: finding.fix ? renderLaunchFix(finding.fix.ops, (op) => renderOp(context, launch, op)) : null,
    }));
    decided.set(launch.call, found);
  }
  return found;
}
