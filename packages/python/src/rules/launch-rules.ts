/**
 * Rules on one launch (Python API or `hf_jobs` tool call). The launch is read into core's language-neutral
 * `LaunchDescription` and decided by core's `decideLaunch` (HFJ102/201/202/203/204/205, HFJ206 for tool-call
 * keys, HFJ104 in `script_args`/`command`); this file renders the decisions as Python edits. What only Python has
 * stays here: HFJ206 on the API's parameters (positional arguments to keyword-only functions).
 */
import {
  decideLaunch,
  renderLaunchFix,
  type Edit,
  type LaunchDescription,
  type LaunchEditOp,
  type LaunchEntry,
  type LaunchMap,
  type LaunchValue,
  type ScriptFacts,
  HF_TOKEN,
  HF_TOKEN_PLACEHOLDER,
} from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import type { Launch, LaunchArgument } from "../launch.js";
import { isUvLaunch } from "../launch.js";
import { appendItemEdits, importEdit, removeItemEdit, renameKeyEdit, replaceStringContent } from "../edits.js";
import { isHfTokenSource, isTokenSource } from "../env-reads.js";
import { insideError, namedChildren, pythonString, readString, readStringish, unparenthesize } from "../syntax.js";
import { tokenLookupReplacement } from "../replacement.js";
import { taintedExpression } from "./output.js";

/** What is known about the script a launch runs. */
export interface KnownScript {
  /** How the script was found, for messages: a path or "the inline script". */
  label: string;
  facts: ScriptFacts;
}

export type ScriptResolver = (launch: Launch) => KnownScript | null;

function where(launch: Launch): string {
  return launch.kind === "api" ? `\`${launch.operation}\`` : `the \`hf_jobs("${launch.operation}")\` tool call`;
}

/** Text of a new `name=value` argument (API) or `"name": value` entry (tool call). */
function newArgumentText(launch: Launch, name: string, value: string): string {
  return launch.kind === "api" ? `${name}=${value}` : `${pythonString(name, launch.keyQuote)}: ${value}`;
}

/** An argument's dict literal written directly in the launch (editable), else null. */
function directLiteral(argument: LaunchArgument | undefined): SyntaxNode | null {
  if (!argument || !argument.direct) return null;
  const value = unparenthesize(argument.value);
  return value?.type === "dictionary" ? value : null;
}

function parameterHint(fn: NonNullable<Launch["fn"]>, name: string): string {
  if (name === "args" && fn.takesScript) return ": pass the script's arguments as `script_args`";
  const hint = fn.missingParameterHints?.[name];
  return hint ? `: ${hint}` : "";
}

/** HFJ206 on the API's own parameters (the tool call's keys are core's decision). */
function checkApiParameters(context: Context, launch: Launch): void {
  if (launch.kind !== "api" || !launch.fn) return;
  const fn = launch.fn;
  const known = new Set([...fn.positional, ...fn.keywordOnly]);
  for (const argument of launch.args.values()) {
    if (known.has(argument.name)) continue;
    report(context, {
      code: "HFJ206",
      message: `\`${launch.operation}\` has no parameter \`${argument.name}\`${parameterHint(fn, argument.name)}`,
      start: argument.nameNode.startIndex,
      end: argument.nameNode.endIndex,
    });
  }
  for (const extra of launch.positional.slice(fn.positional.length)) {
    report(context, {
      code: "HFJ206",
      message:
        fn.positional.length === 0
          ? `\`${launch.operation}\` takes keyword arguments only: name this argument`
          : `\`${launch.operation}\` takes only \`${fn.positional.join("`, `")}\` positionally: name this argument`,
      start: extra.startIndex,
      end: extra.endIndex,
    });
  }
}

/** HFJ201's fix: move the entry to `secrets` (merging into a literal secrets dict, or creating one). */
function moveToSecretsFix(context: Context, launch: Launch, envArgument: LaunchArgument, entry: SyntaxNode, key: string): Edit[] | null {
  const envLiteral = directLiteral(envArgument);
  if (!envLiteral || entry.type !== "pair" || !namedChildren(envLiteral).some((child) => child.id === entry.id) || !launch.container) return null;
  if (!launch.complete) return null;
  const secretsArgument = launch.args.get("secrets");
  const secretsLiteral = directLiteral(secretsArgument);
  if (secretsArgument && !secretsLiteral) return null;
  if (secretsLiteral) {
    const existing = context.model.resolveDict(secretsLiteral);
    if (!existing?.complete || existing.entries.some((e) => e.key === key)) return null;
  }
  const pairText = entry.text;
  const envItems = namedChildren(envLiteral);
  const edits: Edit[] = [];
  if (secretsLiteral) {
    edits.push(removeEntry(context, envLiteral, entry, envItems, envArgument, launch));
    for (const edit of appendItemEdits(context, secretsLiteral, pairText)) edits.push(edit);
  } else if (envItems.length === 1) {
    // env held only this entry: `env={...}` becomes `secrets={...}`.
    edits.push({
      start: envArgument.nameNode.startIndex,
      end: envArgument.nameNode.endIndex,
      content: launch.kind === "api" ? "secrets" : pythonString("secrets", launch.keyQuote),
    });
  } else {
    edits.push(removeItemEdit(context, envLiteral, entry));
    for (const edit of appendItemEdits(context, launch.container, newArgumentText(launch, "secrets", `{${pairText}}`))) edits.push(edit);
  }
  return edits;
}

/** Remove an env entry; when it is the last one, remove the whole `env=` argument. */
function removeEntry(context: Context, envLiteral: SyntaxNode, entry: SyntaxNode, envItems: SyntaxNode[], envArgument: LaunchArgument, launch: Launch): Edit {
  if (envItems.length === 1 && launch.container) return removeItemEdit(context, launch.container, envArgument.entryNode);
  return removeItemEdit(context, envLiteral, entry);
}

/** What a value is, for the policy: the HF token (a lookup), a known string (through constants), or unknown. */
function valueOf(context: Context, written: SyntaxNode | null): { value: LaunchValue; node: SyntaxNode | null } {
  const node = unparenthesize(written);
  if (!node) return { value: { kind: "other" }, node: null };
  const model = context.model;
  if (isHfTokenSource(node, model) || isHfTokenSource(model.resolveValue(node), model)) return { value: { kind: "hf-token" }, node };
  if (isTokenSource(node, model) || taintedExpression(context, node)) return { value: { kind: "credential" }, node };
  // `token = "hf_..."; secrets={"HF_TOKEN": token}`: the literal is reported and edited where it is written.
  const resolved = node.type === "identifier" ? unparenthesize(model.resolveValue(node)) : node;
  if (!resolved || insideError(resolved)) return { value: { kind: "other" }, node };
  if (resolved.type === "integer" || resolved.type === "float") return { value: { kind: "number", text: resolved.text, editable: resolved.id === node.id }, node: resolved };
  const read = readStringish(resolved);
  if (!read || !read.literal) return { value: { kind: "other" }, node };
  const plain = resolved.type === "string" ? readString(resolved) : null;
  const editable = plain !== null && !plain.hasEscapes && resolved.parent?.type !== "concatenated_string";
  return { value: { kind: "string", text: read.value, editable }, node: resolved };
}

function mapOf(context: Context, argument: LaunchArgument | undefined, field: string): LaunchMap<SyntaxNode> | null {
  if (!argument) return null;
  const dict = context.model.resolveDict(argument.value);
  if (!dict) return { field, node: argument.nameNode, entries: [], complete: false, inPlace: false };
  const literal = directLiteral(argument);
  const own = new Set(namedChildren(literal).map((child) => child.id));
  const entries = dict.entries.map((entry): LaunchEntry<SyntaxNode> => {
    const { value, node } = valueOf(context, entry.value);
    return { key: entry.key, value, entry: entry.entryNode, keyNode: entry.keyNode, valueNode: node, inPlace: own.has(entry.entryNode.id) };
  });
  return { field, node: argument.nameNode, entries, complete: dict.complete, inPlace: literal !== null };
}

function describeLaunch(context: Context, launch: Launch, script: KnownScript | null): LaunchDescription<SyntaxNode> {
  const callee = launch.call.childForFieldName("function") ?? launch.call;
  return {
    surface: launch.kind === "api" ? "python-api" : "tool-call",
    label: where(launch),
    operation: launch.operation,
    runsScript: isUvLaunch(launch),
    envShown: launch.fn?.envShown ?? true,
    ...(launch.fn?.tokenOption ? { tokenOption: launch.fn.tokenOption } : {}),
    complete: launch.complete,
    canAddField: launch.container !== null,
    env: mapOf(context, launch.args.get("env"), "env"),
    secrets: mapOf(context, launch.args.get("secrets"), "secrets"),
    fields:
      launch.kind === "tool"
        ? [...launch.args.values()].map((argument) => {
            // Anchored where the launch writes the value (a constant's definition may be far away).
            const written = unparenthesize(argument.value);
            return { name: argument.name, node: argument.nameNode, inPlace: argument.direct, value: valueOf(context, written).value, valueNode: written };
          })
        : [],
    commandLine: ["script_args", "command"].flatMap((field) => {
      const argument = launch.args.get(field);
      if (!argument) return [];
      const value = context.model.resolveValue(argument.value);
      const elements = value && (value.type === "list" || value.type === "tuple") ? namedChildren(value) : value ? [value] : [];
      return [{ field, elements: elements.filter((element) => !insideError(element)).map((element) => ({ value: valueOf(context, element).value, node: element })) }];
    }),
    scriptValue: scriptValueOf(context, launch),
    script: script ? { facts: script.facts, label: script.label, anchor: launch.args.get("script")?.nameNode ?? callee } : null,
  };
}

/** The `script` argument's text when it is a literal string (through constants), anchored where it is written. */
function scriptValueOf(context: Context, launch: Launch): LaunchDescription<SyntaxNode>["scriptValue"] {
  const written = unparenthesize(launch.args.get("script")?.value ?? null);
  if (!written) return null;
  const { value } = valueOf(context, written);
  return value.kind === "string" ? { text: value.text, node: written } : null;
}

/** HFJ203's fix: an `HF_TOKEN` secret (the launcher's `get_token()`, or the tool call's placeholder). */
function addTokenSecretEdits(context: Context, launch: Launch): Edit[] | null {
  const secretsArgument = launch.args.get("secrets");
  const value = launch.kind === "api" ? "get_token()" : pythonString(HF_TOKEN_PLACEHOLDER, launch.keyQuote);
  const pair = `${pythonString(HF_TOKEN, launch.keyQuote)}: ${value}`;
  const secretsLiteral = directLiteral(secretsArgument);
  let edits: Edit[] | null = null;
  if (secretsLiteral) edits = appendItemEdits(context, secretsLiteral, pair);
  else if (!secretsArgument && launch.container && launch.complete) edits = appendItemEdits(context, launch.container, newArgumentText(launch, "secrets", `{${pair}}`));
  if (edits && launch.kind === "api") {
    const imp = importEdit(context, "huggingface_hub", "get_token");
    if (imp) edits.push(imp);
  }
  return edits;
}

/** One edit operation of core's decision as Python edits; null when this source cannot take it. */
function renderOp(context: Context, launch: Launch, op: LaunchEditOp<SyntaxNode>): Edit[] | null {
  switch (op.op) {
    case "move-to-secrets":
      return moveToSecretsFix(context, launch, launch.args.get("env")!, op.entry.entry, op.entry.key);
    case "rename-key": {
      const edit = renameKeyEdit(op.keyNode, op.to);
      return edit ? [edit] : null;
    }
    case "use-token-value": {
      const node = op.entry.valueNode;
      if (!node) return null;
      if (launch.kind === "tool") {
        const edit = replaceStringContent(node, HF_TOKEN_PLACEHOLDER);
        return edit ? [edit] : null;
      }
      return tokenLookupReplacement({ ...context, isLauncher: true }, node).edits;
    }
    // A Python string has no template form that keeps the rest of the text and reads the token: no fix.
    case "substitute-placeholders":
      return null;
    case "add-token-secret":
      return addTokenSecretEdits(context, launch);
    case "replace-value":
      return [{ start: op.node.startIndex, end: op.node.endIndex, content: pythonString(op.text, launch.keyQuote) }];
  }
}

export function checkLaunch(context: Context, launch: Launch, resolveScript: ScriptResolver): void {
  if (insideError(launch.call)) return;
  checkApiParameters(context, launch);
  const description = describeLaunch(context, launch, isUvLaunch(launch) ? resolveScript(launch) : null);
  for (const finding of decideLaunch(description)) {
    const edits = finding.fix ? renderLaunchFix(finding.fix.ops, (op) => renderOp(context, launch, op)) : null;
    report(context, {
      code: finding.code,
      message: finding.message,
      start: finding.anchor.startIndex,
      end: (finding.anchorEnd ?? finding.anchor).endIndex,
      fix: finding.fix && edits ? { applicability: finding.fix.applicability, message: finding.fix.message, edits } : null,
    });
  }
}
