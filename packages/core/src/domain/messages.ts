/**
 * Messages one rule gives on every surface, so a finding reads the same in a Python file, a TS file, a shell line
 * and a doc. Every message that shows written text shows it redacted.
 */
import { looksLikeTokenPlaceholder, redactText } from "../tokens.js";
import { HF_TOKEN } from "./token-keys.js";

/** The placeholder the `hf_jobs` tool call replaces with the caller's token (the only surface that does). */
export const HF_TOKEN_PLACEHOLDER = "$HF_TOKEN";

/**
 * HFJ101's message. `shown` is the redacted token (`redact(token)`), or ESLint's `{{token}}` placeholder when a
 * rule builds its message template from this. `where` says where it sits on a command line (`in \`--token\``).
 */
export function hardcodedTokenMessage(shown: string, where = "", instead = "read it from the environment"): string {
  return `Hardcoded Hugging Face token \`${shown}\`${where ? ` ${where}` : ""}: revoke it at the Hub's token settings and ${instead} instead`;
}

/** A literal shown in a message: placeholders as written, any other text shortened (it may be a secret of another kind). */
export function shownLiteral(text: string): string {
  return looksLikeTokenPlaceholder(text) ? text : redactText(text.length > 12 ? `${text.slice(0, 5)}…` : text);
}

/** HFJ102: a literal where a token goes. `where`: "passed as `token=`", "passed as the `HF_TOKEN` secret of `run_uv_job`". */
export function literalTokenMessage(text: string, where: string): string {
  return `Literal value \`${shownLiteral(text)}\` ${where}; read the token from the environment or the login instead`;
}

/** HFJ202: the placeholder where nothing substitutes it. */
export function placeholderSentLiterallyMessage(text: string, where: string): string {
  const redacted = redactText(text);
  const shown = redacted.length > 40 ? `${redacted.slice(0, 40)}…` : redacted;
  return `\`${shown}\` ${where} is sent as literal text: only the \`hf_jobs\` tool call substitutes \`${HF_TOKEN_PLACEHOLDER}\``;
}

/**
 * HFJ202 on `@huggingface/hub`'s `accessToken`: `checkCredentials` rejects any value that does not start with
 * `hf_`, so the call fails before it sends anything. `where`: "in `accessToken` of `runJob`".
 */
export function placeholderCredentialRejectedMessage(text: string, where: string): string {
  const redacted = redactText(text);
  const shown = redacted.length > 40 ? `${redacted.slice(0, 40)}…` : redacted;
  return `\`${shown}\` ${where} makes \`@huggingface/hub\` throw a \`TypeError\` before any request (an access token starts with \`hf_\`): nothing substitutes \`${HF_TOKEN_PLACEHOLDER}\` outside the \`hf_jobs\` tool call`;
}

/** HFJ201 on a launch's env map (`field`: `env`, `environment`). */
export function tokenInEnvMessage(key: string, field: string, launchLabel: string, substituted: boolean): string {
  return `\`${key}\` is passed through \`${field}\` of ${launchLabel}, where it is stored and shown in full${substituted ? " (the tool call puts your real token there)" : ""}; pass it in \`secrets\``;
}

/** HFJ204 on every surface; `where` places it when the launch is not the anchor (" in the script header"). */
export function misnamedSecretMessage(key: string, where = ""): string {
  return `The Hugging Face token secret is named \`${key}\`${where}; the libraries read \`${HF_TOKEN}\``;
}

export const RENAME_SECRET_FIX = `Rename the secret to \`${HF_TOKEN}\``;

/** What HFJ203 knows about the script: how to name it, and optionally how much access it needs and why. */
export interface ScriptDescription {
  /** "`scripts/train.py`", "the inline script". */
  label: string;
  level?: "read" | "write";
  /** The first piece of evidence: the call and its line in the script. */
  evidence?: { text: string; row: number };
}

function capitalized(text: string): string {
  return /^[a-z]/.test(text) ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** HFJ203 on every surface: "`train.py` needs a token with write access (`push_to_hub` on script line 9), but ...". */
export function missingTokenSecretMessage(script: ScriptDescription, launchLabel: string): string {
  const level = script.level ? ` with ${script.level} access` : "";
  // Redacted before it is shortened, so a cut never leaves part of a token unrecognised.
  const shown = script.evidence ? redactText(script.evidence.text) : "";
  const text = shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  const evidence = script.evidence ? ` (\`${text}\` on script line ${script.evidence.row})` : "";
  return `${capitalized(script.label)} needs a token${level}${evidence}, but ${launchLabel} passes no \`${HF_TOKEN}\` secret`;
}

/** HFJ205 in a tool call. `what`: "`WANDB_API_KEY` in `env`", "in `script_args`". */
export function unsubstitutedPlaceholderMessage(what: string, placeholder: { name: string; text: string }): string {
  return placeholder.name === HF_TOKEN
    ? `${what}: the \`hf_jobs\` tool call substitutes \`${HF_TOKEN_PLACEHOLDER}\` only when it is the whole value; \`${placeholder.text}\` here arrives as literal text`
    : `${what}: \`${placeholder.text}\` is not substituted by the \`hf_jobs\` tool call and arrives as literal text; only \`${HF_TOKEN_PLACEHOLDER}\` is`;
}

/** Longest prefix of a token that may be shown (`hf_Abc1234`): HFJ103 allows a slice up to this long. */
export const MAX_SHOWN_TOKEN_PREFIX = 10;

/** HFJ103 on every surface. `where`: "`print`", "an exception message"; `prefixExample`: the language's slice. */
export function tokenOutputMessage(where: string, prefixExample: string): string {
  return `A token value reaches ${where}, where anyone with access to the logs or the file can read it; show at most a ${MAX_SHOWN_TOKEN_PREFIX}-character prefix (\`${prefixExample}\`)`;
}

/** HFJ104 on a launch's command line (`field`: `script_args`, `command`, `arguments`); `option`: `--hf-token` when that is what is passed. */
export function tokenInArgumentsMessage(field: string, launchLabel: string, option?: string): string {
  const what = option
    ? `\`${option}\` in \`${field}\` of ${launchLabel} makes the script read its token from the command line, which`
    : `A token is passed in \`${field}\` of ${launchLabel}, which`;
  return `${what} is stored and shown with the job; pass an \`${HF_TOKEN}\` secret and read it from the environment`;
}
