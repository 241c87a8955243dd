/**
 * Rules on one launch (Python API or `hf_jobs` tool call): HFJ102/202 on token values, HFJ104 (token in
 * `script_args`/`command`), HFJ201 (token-like key in `env`), HFJ203 (script needs a token, no secret), HFJ204
 * (misnamed token secret), HFJ205 (tool-call placeholders nothing substitutes), HFJ206 (unknown arguments).
 */
import {
  HF_TOKEN,
  TOOL_CALL_KEY_RENAMES,
  TOOL_CALL_LAUNCH_KEYS,
  findPlaceholders,
  findTokens,
  isMisnamedHfTokenName,
  isSubstitutedPlaceholder,
  isTokenLikeKey,
  type Applicability,
  type Edit,
} from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import type { DictModel } from "../model.js";
import type { Launch, LaunchArgument } from "../launch.js";
import { isUvLaunch } from "../launch.js";
import { appendItemEdits, importEdit, removeItemEdit, renameKeyEdit } from "../edits.js";
import { isHfTokenSource, isTokenSource } from "../env-reads.js";
import { insideError, literalString, namedChildren, pythonString, readString, readStringish, unparenthesize } from "../syntax.js";
import { checkTokenValue, reportLiteralToken } from "./literals.js";
import { taintedExpression } from "./output.js";

/** What is known about the script a launch runs. */
export interface KnownScript {
  /** How the script was found, for messages: a path or "the inline script". */
  label: string;
  needsToken: boolean;
  readsVariable(name: string): boolean;
}

export type ScriptResolver = (launch: Launch) => KnownScript | null;

function where(launch: Launch): string {
  return launch.kind === "api" ? `\`${launch.operation}\`` : `the \`hf_jobs("${launch.operation}")\` tool call`;
}

/** Text of a new `name=value` argument (API) or `"name": value` entry (tool call). */
function newArgumentText(launch: Launch, name: string, value: string): string {
  return launch.kind === "api" ? `${name}=${value}` : `${pythonString(name, launch.keyQuote)}: ${value}`;
}

function dictOf(context: Context, argument: LaunchArgument | undefined): DictModel | null {
  return argument ? context.model.resolveDict(argument.value) : null;
}

/** An argument's dict literal written directly in the launch (editable), else null. */
function directLiteral(argument: LaunchArgument | undefined): SyntaxNode | null {
  if (!argument || !argument.direct) return null;
  const value = unparenthesize(argument.value);
  return value?.type === "dictionary" ? value : null;
}

function checkUnknownArguments(context: Context, launch: Launch): void {
  if (launch.kind === "api" && launch.fn) {
    const known = new Set([...launch.fn.positional, ...launch.fn.keywordOnly]);
    for (const argument of launch.args.values()) {
      if (known.has(argument.name)) continue;
      report(context, {
        code: "HFJ206",
        message: `\`${launch.operation}\` has no parameter \`${argument.name}\`${argument.name === "args" && launch.fn.takesScript ? ": pass the script's arguments as `script_args`" : ""}`,
        start: argument.nameNode.startIndex,
        end: argument.nameNode.endIndex,
      });
    }
    launch.positional.slice(launch.fn.positional.length).forEach((extra) => {
      report(context, {
        code: "HFJ206",
        message: launch.fn!.positional.length === 0
          ? `\`${launch.operation}\` takes keyword arguments only: name this argument`
          : `\`${launch.operation}\` takes only \`${launch.fn!.positional.join("`, `")}\` positionally: name this argument`,
        start: extra.startIndex,
        end: extra.endIndex,
      });
    });
    return;
  }
  const allowed = TOOL_CALL_LAUNCH_KEYS.get(launch.operation)!;
  for (const argument of launch.args.values()) {
    if (allowed.has(argument.name)) continue;
    const rename = TOOL_CALL_KEY_RENAMES.get(argument.name);
    const canRename = rename !== undefined && allowed.has(rename) && !launch.args.has(rename) && argument.direct;
    const edit = canRename ? renameKeyEdit(argument.nameNode, rename) : null;
    report(context, {
      code: "HFJ206",
      message: rename && allowed.has(rename)
        ? `The \`${launch.operation}\` tool call ignores \`${argument.name}\`; the key is \`${rename}\``
        : `The \`${launch.operation}\` tool call ignores \`${argument.name}\`: the server drops unknown keys`,
      start: argument.nameNode.startIndex,
      end: argument.nameNode.endIndex,
      fix: edit ? { applicability: "safe", message: `Rename \`${argument.name}\` to \`${rename}\``, edits: [edit] } : null,
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
    edits.push(...appendItemEdits(context, secretsLiteral, pairText));
  } else if (envItems.length === 1) {
    // env held only this entry: `env={...}` becomes `secrets={...}`.
    edits.push({ start: envArgument.nameNode.startIndex, end: envArgument.nameNode.endIndex, content: launch.kind === "api" ? "secrets" : pythonString("secrets", launch.keyQuote) });
  } else {
    edits.push(removeItemEdit(context, envLiteral, entry));
    edits.push(...appendItemEdits(context, launch.container, newArgumentText(launch, "secrets", `{${pairText}}`)));
  }
  return edits;
}

/** Remove an env entry; when it is the last one, remove the whole `env=` argument. */
function removeEntry(context: Context, envLiteral: SyntaxNode, entry: SyntaxNode, envItems: SyntaxNode[], envArgument: LaunchArgument, launch: Launch): Edit {
  if (envItems.length === 1 && launch.container) return removeItemEdit(context, launch.container, envArgument.entryNode);
  return removeItemEdit(context, envLiteral, entry);
}

function checkEnv(context: Context, launch: Launch): void {
  const envArgument = launch.args.get("env");
  const env = dictOf(context, envArgument);
  if (!envArgument || !env) return;
  for (const entry of env.entries) {
    // A token-like name, or the HF token itself under any name (`{"CACHE": "$HF_TOKEN"}` in a tool call).
    if (!isTokenLikeKey(entry.key) && !carriesHfToken(context, launch, unparenthesize(entry.value))) continue;
    const edits = moveToSecretsFix(context, launch, envArgument, entry.entryNode, entry.key);
    report(context, {
      code: "HFJ201",
      message: `\`${entry.key}\` is passed through \`env\` of ${where(launch)}, where it is stored and shown in full; pass it in \`secrets\``,
      start: entry.keyNode.startIndex,
      end: entry.keyNode.endIndex,
      fix: edits ? { applicability: "safe", message: `Move \`${entry.key}\` to \`secrets\``, edits } : null,
    });
  }
}

/** HFJ102/HFJ202 on API secret/env values, HFJ205 on tool-call placeholders. */
function checkValues(context: Context, launch: Launch): void {
  for (const name of ["env", "secrets"]) {
    const dict = dictOf(context, launch.args.get(name));
    if (!dict) continue;
    for (const entry of dict.entries) {
      const value = unparenthesize(entry.value);
      if (!value) continue;
      if (launch.kind === "api") {
        if (entry.key.toUpperCase() === HF_TOKEN || isMisnamedHfTokenName(entry.key)) checkTokenValue(context, value, `passed as the \`${entry.key}\` ${name === "env" ? "variable" : "secret"}`);
        continue;
      }
      checkToolCallPlaceholders(context, value, `\`${entry.key}\` in \`${name}\``);
      checkToolCallTokenValue(context, entry.key, value);
    }
  }
  if (launch.kind === "tool") {
    const scriptArgs = unparenthesize(launch.args.get("script_args")?.value ?? null);
    const elements = scriptArgs?.type === "list" ? namedChildren(scriptArgs) : scriptArgs ? [scriptArgs] : [];
    for (const element of elements) checkToolCallPlaceholders(context, element, "in `script_args`");
  }
}

/** HFJ102 in a tool call: a literal (not `$HF_TOKEN`, not a real token) as the HF token's value. */
function checkToolCallTokenValue(context: Context, key: string, value: SyntaxNode): void {
  if (key.toUpperCase() !== HF_TOKEN && !isMisnamedHfTokenName(key)) return;
  const read = value.type === "string" ? readString(value) : null;
  if (!read || !read.literal || read.value === "" || read.prefix.includes("b")) return;
  if (findPlaceholders(read.value).length > 0 || findTokens(read.value).length > 0) return;
  const edit = read.hasEscapes ? null : { start: read.contentStart, end: read.contentEnd, content: "$HF_TOKEN" };
  reportLiteralToken(context, value, read.value, `passed as the \`${key}\` value of a tool call`, edit ? { applicability: "unsafe", message: "Use the `$HF_TOKEN` placeholder", edits: [edit] } : null);
}

function checkToolCallPlaceholders(context: Context, value: SyntaxNode, what: string): void {
  const read = readStringish(value);
  if (!read || !read.literal || isSubstitutedPlaceholder(read.value)) return;
  const placeholders = findPlaceholders(read.value);
  const first = placeholders[0];
  if (!first) return;
  const message = first.name === HF_TOKEN
    ? `${what}: the \`hf_jobs\` tool call substitutes \`$HF_TOKEN\` only when it is the whole value; \`${first.text}\` here arrives as literal text`
    : `${what}: \`${first.text}\` is not substituted by the \`hf_jobs\` tool call and arrives as literal text; only \`$HF_TOKEN\` is`;
  report(context, { code: "HFJ205", message, start: value.startIndex, end: value.endIndex });
}

const TOKEN_FLAG = /^--?(?:hf[-_])?token(?:=|$)/i;

/** HFJ104: a token among the job's arguments or command. */
function checkArguments(context: Context, launch: Launch): void {
  for (const name of ["script_args", "command"]) {
    const argument = launch.args.get(name);
    if (!argument) continue;
    const value = context.model.resolveValue(argument.value);
    const elements = value && (value.type === "list" || value.type === "tuple") ? namedChildren(value) : value ? [value] : [];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      if (insideError(element)) continue;
      const text = readStringish(element);
      const flag = text?.literal && TOKEN_FLAG.test(text.value);
      const tokenValue =
        isTokenSource(element, context.model) ||
        taintedExpression(context, element) ||
        (text?.literal && (findTokens(text.value).length > 0 || (launch.kind === "tool" && /\$\{?HF_TOKEN\b/.test(text.value))));
      if (!flag && !tokenValue) continue;
      const end = flag && !text!.value.includes("=") && elements[i + 1] ? elements[i + 1]!.endIndex : element.endIndex;
      report(context, {
        code: "HFJ104",
        message: `A token is passed in \`${name}\` of ${where(launch)}, where it is stored and shown with the job; pass an \`HF_TOKEN\` secret and read it from the environment`,
        start: element.startIndex,
        end,
      });
      if (flag && !text!.value.includes("=")) i++;
    }
  }
}

/** Does the value carry the HF token (`get_token()`, an HF token env read, the tool call's placeholder)? */
function carriesHfToken(context: Context, launch: Launch, value: SyntaxNode | null): boolean {
  if (!value) return false;
  if (isHfTokenSource(value, context.model) || isHfTokenSource(context.model.resolveValue(value), context.model)) return true;
  const text = literalString(value);
  return launch.kind === "tool" && text !== null && isSubstitutedPlaceholder(text);
}

function checkSecrets(context: Context, launch: Launch, script: KnownScript | null): void {
  const secretsArgument = launch.args.get("secrets");
  const secrets = secretsArgument ? dictOf(context, secretsArgument) : launch.complete ? { entries: [], complete: true, literal: null } : null;
  const env = dictOf(context, launch.args.get("env"));
  if (!secrets) return;
  const hasHfToken = secrets.entries.some((entry) => entry.key === HF_TOKEN);

  // HFJ204: the HF token travels under another name.
  for (const entry of secrets.entries) {
    if (entry.key === HF_TOKEN || hasHfToken) continue;
    if (!isMisnamedHfTokenName(entry.key) && !carriesHfToken(context, launch, unparenthesize(entry.value))) continue;
    if (script?.readsVariable(entry.key)) continue;
    const applicability: Applicability = script && !script.readsVariable(entry.key) ? "safe" : "unsafe";
    const edit = renameKeyEdit(entry.keyNode, HF_TOKEN);
    report(context, {
      code: "HFJ204",
      message: `The Hugging Face token secret is named \`${entry.key}\`; the libraries read \`${HF_TOKEN}\``,
      start: entry.keyNode.startIndex,
      end: entry.keyNode.endIndex,
      fix: edit ? { applicability, message: `Rename the secret to \`${HF_TOKEN}\``, edits: [edit] } : null,
    });
  }

  // HFJ203: the script needs a token and no HF token secret is passed.
  if (!script?.needsToken || !secrets.complete) return;
  if (secrets.entries.some((entry) => entry.key === HF_TOKEN || isMisnamedHfTokenName(entry.key) || carriesHfToken(context, launch, unparenthesize(entry.value)))) return;
  if (env?.entries.some((entry) => entry.key === HF_TOKEN || isMisnamedHfTokenName(entry.key))) return;
  const value = launch.kind === "api" ? "get_token()" : pythonString("$HF_TOKEN", launch.keyQuote);
  const pair = `${pythonString(HF_TOKEN, launch.keyQuote)}: ${value}`;
  let edits: Edit[] | null = null;
  const secretsLiteral = directLiteral(secretsArgument);
  if (secretsLiteral) edits = appendItemEdits(context, secretsLiteral, pair);
  else if (!secretsArgument && launch.container && launch.complete) edits = appendItemEdits(context, launch.container, newArgumentText(launch, "secrets", `{${pair}}`));
  if (edits && launch.kind === "api") {
    const imp = importEdit(context, "huggingface_hub", "get_token");
    if (imp) edits.push(imp);
  }
  const callee = launch.call.childForFieldName("function") ?? launch.call;
  report(context, {
    code: "HFJ203",
    message: `${script.label} does Hub operations that need a token, but ${where(launch)} passes no \`${HF_TOKEN}\` secret`,
    start: callee.startIndex,
    end: callee.endIndex,
    fix: edits ? { applicability: "unsafe", message: `Add an \`${HF_TOKEN}\` secret`, edits } : null,
  });
}

export function checkLaunch(context: Context, launch: Launch, resolveScript: ScriptResolver): void {
  if (insideError(launch.call)) return;
  checkUnknownArguments(context, launch);
  checkEnv(context, launch);
  checkValues(context, launch);
  checkArguments(context, launch);
  checkSecrets(context, launch, isUvLaunch(launch) ? resolveScript(launch) : null);
}
