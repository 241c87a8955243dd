/**
 * The launch rules, decided once for every surface that writes a launch as fields (the Python API, `hf_jobs`
 * tool calls in Python and TS, `@huggingface/hub`, REST bodies): HFJ201 (a token in the plain environment),
 * HFJ102/HFJ202 (a literal or an unsubstituted placeholder as the token's value), HFJ104 (a token in the job's
 * command line), HFJ203 (the script needs a token and gets none), HFJ204 (the token's secret under another name),
 * HFJ205 (tool-call placeholders that arrive literally) and HFJ206 for tool-call keys the server drops. Command
 * lines have their own decision (`checkJobsCommandLine`), built from the same predicates and messages.
 */
import { containsToken, findTokens, looksLikeTokenPlaceholder } from "../tokens.js";
import { TOOL_CALL_FLAVORS, TOOL_CALL_KEY_RENAMES, TOOL_CALL_LAUNCH_KEYS, readToolCallTimeout } from "../domain/surfaces.js";
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

/** For the HF token on a launch that can forward it itself: "; pass `forward_hf_token=True`" (`lead`: "; pass"). */
function tokenOptionHint<H>(launch: LaunchDescription<H>, key: string, lead: string): string {
  return launch.tokenOption && isHfTokenName(key) ? `${lead} \`${launch.tokenOption}\`` : "";
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
  // Not a job's env (a pooled sandbox, a sandbox command): nothing stores or shows it.
  if (!env || !launch.envShown) return;
  for (const entry of env.entries) {
    // A token-like name, or a value built from a credential under any name: the HF token itself
    // (`{"CACHE": "$HF_TOKEN"}` in a tool call), a URL with a token in it under `REPO_URL` (value provenance).
    const carries = carriesHfToken(launch, entry.value);
    const credentialKey = isTokenLikeKey(entry.key) || launch.credentialKeys?.has(entry.key.toUpperCase()) === true;
    if (!credentialKey && !carries && entry.value.kind !== "credential") continue;
    const substituted = carries && entry.value.kind === "string";
    findings.push({
      code: "HFJ201",
      message: tokenInEnvMessage(entry.key, env.field, launch.label, substituted) + tokenOptionHint(launch, entry.key, ", or pass"),
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
          message: placeholderSentLiterallyMessage(value.text, `in \`${map.field}\` of ${launch.label}`) + tokenOptionHint(launch, entry.key, "; pass"),
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
  for (const field of launch.fields) {
    if (field.name === "timeout") checkToolCallTimeout(launch, field, findings);
    else if (field.name === "flavor") checkToolCallFlavor(launch, field, findings);
  }
}

type LaunchField<H> = LaunchDescription<H>["fields"][number];

/**
 * HFJ206 on `timeout`: the schema wants a string (a number is rejected, unlike an unknown key), and the server
 * reads a string it does not understand as the seconds its leading digits say (`"90min"` is 90 seconds).
 */
function checkToolCallTimeout<H>(launch: LaunchDescription<H>, field: LaunchField<H>, findings: LaunchFinding<H>[]): void {
  const value = field.value;
  const anchor = field.valueNode ?? field.node;
  if (value.kind === "number") {
    // Plain seconds as a string mean the same: `3600` becomes `"3600"`. A fraction would be cut to whole seconds.
    const integer = /^\d+$/.test(value.text);
    findings.push({
      code: "HFJ206",
      message: `\`timeout\` is the number \`${value.text}\` in ${launch.label}: the server takes a string ("30m", "2h", or seconds as "${value.text}") and rejects the call`,
      anchor,
      fix:
        integer && value.editable && field.inPlace && field.valueNode
          ? { applicability: "safe", message: `Write the timeout as the string \`"${value.text}"\``, ops: [{ op: "replace-value", node: field.valueNode, text: value.text }] }
          : null,
    });
    return;
  }
  if (value.kind !== "string") return;
  const reading = readToolCallTimeout(value.text);
  if (reading.kind === "ok") return;
  findings.push({
    code: "HFJ206",
    message:
      reading.kind === "rejected"
        ? `\`timeout\` \`${value.text}\` in ${launch.label} is not a duration the server reads ("30m", "2h", "90s", or plain seconds): the launch is rejected`
        : `\`timeout\` \`${value.text}\` in ${launch.label} is read as ${reading.seconds} second${reading.seconds === 1 ? "" : "s"}: the server knows only the units \`s\`, \`m\`, \`h\`, \`d\` ("30m", "2h")`,
    anchor,
    fix: null,
  });
}

/** HFJ206 on `flavor`: an enum in the server's schema; any other value is rejected with a validation error. */
function checkToolCallFlavor<H>(launch: LaunchDescription<H>, field: LaunchField<H>, findings: LaunchFinding<H>[]): void {
  const value = field.value;
  if (value.kind !== "string" || TOOL_CALL_FLAVORS.has(value.text)) return;
  const near = [...TOOL_CALL_FLAVORS].filter((flavor) => flavor.startsWith(value.text.split("-")[0]!.toLowerCase())).slice(0, 4);
  findings.push({
    code: "HFJ206",
    message: `\`flavor\` \`${value.text}\` is not one the server accepts in ${launch.label}: the launch is rejected${near.length > 0 ? ` (did you mean ${near.map((flavor) => `\`${flavor}\``).join(", ")}?)` : ""}`,
    anchor: field.valueNode ?? field.node,
    fix: null,
  });
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
    for (const edit of rendered) edits.push(edit);
  }
  return edits.length > 0 ? edits : null;
}

/** Python source rather than a path or URL: more than one line, or a first line that only code starts with. */
function looksLikeInlineCode(text: string): boolean {
  return /[\r\n]/.test(text.trim()) || /^\s*(?:import\s+[\w.]+|from\s+[\w.]+\s+import\s|#\s*\/\/\/\s*script\b)/.test(text);
}

/**
 * HFJ206 on the Python API's `script`: `run_uv_job` uploads a local file or passes a URL, and anything else goes to
 * `uv run` as written (huggingface_hub hf_api.py `_create_uv_command_env_and_secrets`), so inline code is run as a
 * command and the job fails. Only the tool call's `uv` operation runs inline code.
 */
function checkScriptValue<H>(launch: LaunchDescription<H>, findings: LaunchFinding<H>[]): void {
  const script = launch.scriptValue;
  if (launch.surface !== "python-api" || !launch.runsScript || !script || !looksLikeInlineCode(script.text)) return;
  findings.push({
    code: "HFJ206",
    message: `${launch.label} takes a file path or URL as \`script\`: this inline code is passed to \`uv run\` as a command and the job fails; save it to a file and pass its path (it is uploaded), or use the \`hf_jobs("uv")\` tool call, which runs inline code`,
    anchor: script.node,
    fix: null,
  });
}

/** Every launch-rule finding for one launch, in a stable order; select/ignore and noqa are the caller's. */
export function decideLaunch<H>(launch: LaunchDescription<H>): LaunchFinding<H>[] {
  const findings: LaunchFinding<H>[] = [];
  checkToolCallFields(launch, findings);
  checkScriptValue(launch, findings);
  checkEnv(launch, findings);
  checkValues(launch, findings);
  checkCommandLine(launch, findings);
  checkSecrets(launch, findings);
  return findings;
}
