/**
 * The launch rules, decided once for every surface that writes a launch as fields (the Python API, `hf_jobs`
 * tool calls in Python and TS, `@huggingface/hub`, REST bodies): HFJ201 (a token in the plain environment),
 * HFJ102/HFJ202 (a literal or an unsubstituted placeholder as the token's value), HFJ104 (a token in the job's
 * command line), HFJ203 (the script needs a token and gets none), HFJ204 (the token's secret under another name),
 * HFJ205 (tool-call placeholders that arrive literally) and HFJ206 for tool-call keys the server drops. Command
 * lines have their own decision (`checkJobsCommandLine`), built from the same predicates and messages.
 */
import { containsToken, findTokens, looksLikeTokenPlaceholder } from "../tokens.js";
import { TOOL_CALL_KEY_RENAMES, TOOL_CALL_LAUNCH_KEYS } from "../domain/surfaces.js";
import { HF_TOKEN, findPlaceholders, isMisnamedHfTokenName, isSubstitutedPlaceholder, isTokenLikeKey, mentionsHfTokenPlaceholder } from "../domain/token-keys.js";
import {
  HF_TOKEN_PLACEHOLDER,
  RENAME_SECRET_FIX,
  literalTokenMessage,
  misnamedSecretMessage,
  missingTokenSecretMessage,
  placeholderSentLiterallyMessage,
  tokenInArgumentsMessage,
  tokenInEnvMessage,
  unsubstitutedPlaceholderMessage,
} from "../domain/messages.js";
import { tokenReplacement } from "../domain/replacements.js";
import type { LaunchDescription, LaunchEditOp, LaunchEntry, LaunchFinding, LaunchMap, LaunchSurface, LaunchValue } from "./description.js";

/** Only the tool call replaces a value that is exactly `$HF_TOKEN` with the caller's token. */
function substitutesPlaceholder(launch: Pick<LaunchDescription<unknown>, "surface">): boolean {
  return launch.surface === "tool-call";
}

/** The fix title for putting the HF token in a value: what each surface writes there. */
function useTokenTitle(surface: LaunchSurface, inTemplate = false): string {
  switch (surface) {
    case "tool-call":
      return `Use the \`${HF_TOKEN_PLACEHOLDER}\` placeholder`;
    case "python-api":
      return `Use \`${tokenReplacement("python-launcher").expression}\``;
    case "hub-js":
    case "rest":
      return `Use \`${tokenReplacement("typescript").expression}\`${inTemplate ? " in a template literal" : ""}`;
  }
}

/** A name that means the HF token: `HF_TOKEN`, or a misspelling of it (`HF_API_TOKEN`, `TOKEN`, `hf_token`). */
function isHfTokenName(key: string): boolean {
  return key === HF_TOKEN || isMisnamedHfTokenName(key);
}

/** Does the value evaluate to the HF token on this surface (a token lookup, or the tool call's placeholder)? */
function carriesHfToken<H>(launch: LaunchDescription<H>, value: LaunchValue): boolean {
  if (value.kind === "hf-token") return true;
  return value.kind === "string" && substitutesPlaceholder(launch) && isSubstitutedPlaceholder(value.text);
}

function checkEnv<H>(launch: LaunchDescription<H>, findings: LaunchFinding<H>[]): void {
  const env = launch.env;
  if (!env) return;
  for (const entry of env.entries) {
    // A token-like name, or the HF token itself under any name (`{"CACHE": "$HF_TOKEN"}` in a tool call).
    const carries = carriesHfToken(launch, entry.value);
    if (!isTokenLikeKey(entry.key) && !carries) continue;
    const substituted = carries && entry.value.kind === "string";
    findings.push({
      code: "HFJ201",
      message: tokenInEnvMessage(entry.key, env.field, launch.label, substituted),
      anchor: entry.keyNode,
      fix: canMoveToSecrets(launch, env, entry) ? { applicability: "safe", message: `Move \`${entry.key}\` to \`secrets\``, ops: [{ op: "move-to-secrets", entry }] } : null,
    });
  }
}

/** The entry can move from env into secrets with local edits, and nothing there has its name already. */
function canMoveToSecrets<H>(launch: LaunchDescription<H>, env: LaunchMap<H>, entry: LaunchEntry<H>): boolean {
  if (!launch.complete || !env.inPlace || !entry.inPlace) return false;
  const secrets = launch.secrets;
  if (!secrets) return launch.canAddField;
  return secrets.inPlace && secrets.complete && !secrets.entries.some((other) => other.key === entry.key);
}

/** HFJ102/HFJ202 on the value given for the HF token, HFJ205 on tool-call placeholders. */
function checkValues<H>(launch: LaunchDescription<H>, findings: LaunchFinding<H>[]): void {
  for (const map of [launch.env, launch.secrets]) {
    if (!map) continue;
    const isSecrets = map === launch.secrets;
    for (const entry of map.entries) {
      const value = entry.value;
      if (value.kind !== "string" || value.text === "") continue;
      if (substitutesPlaceholder(launch)) {
        if (!isSubstitutedPlaceholder(value.text)) {
          const placeholder = findPlaceholders(value.text)[0];
          if (placeholder) {
            findings.push({
              code: "HFJ205",
              message: unsubstitutedPlaceholderMessage(`\`${entry.key}\` in \`${map.field}\``, placeholder),
              anchor: entry.valueNode ?? entry.keyNode,
              fix: null,
            });
            continue;
          }
        }
      } else if (mentionsHfTokenPlaceholder(value.text)) {
        // Sent as written, whatever the key: the author meant the token here.
        const exact = isSubstitutedPlaceholder(value.text);
        findings.push({
          code: "HFJ202",
          message: placeholderSentLiterallyMessage(value.text, `in \`${map.field}\` of ${launch.label}`),
          anchor: entry.valueNode ?? entry.keyNode,
          fix: value.editable
            ? { applicability: "safe", message: useTokenTitle(launch.surface, !exact), ops: [exact ? { op: "use-token-value", entry } : { op: "substitute-placeholders", entry }] }
            : null,
        });
        continue;
      }
      if (!isHfTokenName(entry.key) || containsToken(value.text) || findPlaceholders(value.text).length > 0) continue;
      // In env only token-shaped placeholders (`hf_xxx`) are surely meant as the token; any secret value is.
      if (!isSecrets && !looksLikeTokenPlaceholder(value.text)) continue;
      findings.push({
        code: "HFJ102",
        message: literalTokenMessage(value.text, `passed as the \`${entry.key}\` ${isSecrets ? "secret" : "variable"} of ${launch.label}`),
        anchor: entry.valueNode ?? entry.keyNode,
        fix: value.editable ? { applicability: "unsafe", message: useTokenTitle(launch.surface), ops: [{ op: "use-token-value", entry }] } : null,
      });
    }
  }
  if (!substitutesPlaceholder(launch)) return;
  for (const argument of launch.commandLine.find((line) => line.field === "script_args")?.elements ?? []) {
    const value = argument.value;
    if (value.kind !== "string" || isSubstitutedPlaceholder(value.text)) continue;
    const placeholder = findPlaceholders(value.text)[0];
    if (placeholder) findings.push({ code: "HFJ205", message: unsubstitutedPlaceholderMessage("in `script_args`", placeholder), anchor: argument.node, fix: null });
  }
}

/** HFJ206 for tool calls: the server reads a fixed set of keys per operation and drops the rest silently. */
function checkToolCallFields<H>(launch: LaunchDescription<H>, findings: LaunchFinding<H>[]): void {
  const allowed = TOOL_CALL_LAUNCH_KEYS.get(launch.operation);
  if (launch.surface !== "tool-call" || !allowed) return;
  const present = new Set(launch.fields.map((field) => field.name));
  for (const field of launch.fields) {
    if (allowed.has(field.name)) continue;
    const rename = TOOL_CALL_KEY_RENAMES.get(field.name);
    const known = rename !== undefined && allowed.has(rename);
    findings.push({
      code: "HFJ206",
      message: `\`${field.name}\` is not read by ${launch.label} and is dropped without an error${known ? `; the key is \`${rename}\`` : ""}`,
      anchor: field.node,
      fix:
        known && field.inPlace && !present.has(rename)
          ? { applicability: "safe", message: `Rename \`${field.name}\` to \`${rename}\``, ops: [{ op: "rename-key", keyNode: field.node, to: rename }] }
          : null,
    });
  }
}

function checkSecrets<H>(launch: LaunchDescription<H>, findings: LaunchFinding<H>[]): void {
  const secrets = launch.secrets;
  const script = launch.runsScript ? launch.script : null;

  // HFJ204: the HF token travels under another name. Two misnamed secrets cannot both become `HF_TOKEN`: every one
  // is reported, the first gets the rename.
  if (secrets && !secrets.entries.some((entry) => entry.key === HF_TOKEN)) {
    // An `HF_TOKEN` that HFJ201 moves from env into these secrets would meet the renamed key in the same pass
    // (`{"HF_TOKEN": ..., "HF_TOKEN": ...}`): the rename waits, and once the move is done it is not needed.
    let renamed = launch.env?.entries.some((entry) => entry.key === HF_TOKEN && canMoveToSecrets(launch, launch.env!, entry)) ?? false;
    for (const entry of secrets.entries) {
      if (!isMisnamedHfTokenName(entry.key) && !carriesHfToken(launch, entry.value)) continue;
      if (script?.facts.readsVariable(entry.key)) continue;
      findings.push({
        code: "HFJ204",
        message: misnamedSecretMessage(entry.key),
        anchor: entry.keyNode,
        fix: renamed ? null : { applicability: script ? "safe" : "unsafe", message: RENAME_SECRET_FIX, ops: [{ op: "rename-key", keyNode: entry.keyNode, to: HF_TOKEN }] },
      });
      renamed = true;
    }
  }

  // HFJ203: the script needs a token and no secret carries it. A token in env (HFJ201) or under another name
  // (HFJ204) reaches the job: those rules say what to change, and this fix would add the secret a second time.
  if (!script?.facts.needsToken) return;
  if (secrets ? !secrets.complete : !launch.complete) return;
  if (secrets?.entries.some((entry) => isHfTokenName(entry.key) || carriesHfToken(launch, entry.value))) return;
  if (launch.env?.entries.some((entry) => isHfTokenName(entry.key))) return;
  const canAdd = secrets ? secrets.inPlace : launch.canAddField;
  const facts = script.facts;
  findings.push({
    code: "HFJ203",
    message: missingTokenSecretMessage(
      { label: script.label, ...(facts.level ? { level: facts.level } : {}), ...(facts.evidence ? { evidence: facts.evidence } : {}) },
      launch.label,
    ),
    anchor: script.anchor,
    fix: canAdd ? { applicability: "unsafe", message: `Add an \`${HF_TOKEN}\` secret`, ops: [{ op: "add-token-secret" }] } : null,
  });
}

/** `--token`, `--hf-token`, `--hf_token`, `--token=...` as an element, or as a word inside a command string. */
const TOKEN_OPTION = /(?:^|\s)(--?(?:hf[-_])?token)(?:=|\s|$)/i;

/** HFJ104: a token in the job's command line, which is stored and shown with the job. */
function checkCommandLine<H>(launch: LaunchDescription<H>, findings: LaunchFinding<H>[]): void {
  for (const { field, elements } of launch.commandLine) {
    for (let i = 0; i < elements.length; i++) {
      const { value, node } = elements[i]!;
      const text = value.kind === "string" ? value.text : null;
      const option = text !== null ? TOKEN_OPTION.exec(text) : null;
      const tokenValue =
        value.kind === "hf-token" ||
        value.kind === "credential" ||
        (text !== null && (findTokens(text).length > 0 || (substitutesPlaceholder(launch) && mentionsHfTokenPlaceholder(text))));
      if (!option && !tokenValue) continue;
      // `["--hf-token", token]`: the option and the value after it are one finding.
      const takesNext = option !== null && text === option[1] && i + 1 < elements.length;
      findings.push({
        code: "HFJ104",
        message: tokenInArgumentsMessage(field, launch.label, option?.[1]),
        anchor: node,
        ...(takesNext ? { anchorEnd: elements[i + 1]!.node } : {}),
        fix: null,
      });
      if (takesNext) i++;
    }
  }
}

/**
 * A fix's operations as the adapter renders them, joined; null when there are none or any one cannot be rendered
 * (a fix is applied whole or not at all).
 */
export function renderLaunchFix<H, E>(ops: readonly LaunchEditOp<H>[], render: (op: LaunchEditOp<H>) => E[] | null): E[] | null {
  const edits: E[] = [];
  for (const op of ops) {
    const rendered = render(op);
    if (!rendered) return null;
    edits.push(...rendered);
  }
  return edits.length > 0 ? edits : null;
}

/** Every launch-rule finding for one launch, in a stable order; select/ignore and noqa are the caller's. */
export function decideLaunch<H>(launch: LaunchDescription<H>): LaunchFinding<H>[] {
  const findings: LaunchFinding<H>[] = [];
  checkToolCallFields(launch, findings);
  checkEnv(launch, findings);
  checkValues(launch, findings);
  checkCommandLine(launch, findings);
  checkSecrets(launch, findings);
  return findings;
}
