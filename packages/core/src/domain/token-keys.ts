/** What counts as a token-bearing name: env keys (HFJ201), the HF token's secret name (HFJ204), legacy variables (HFJ303). */

/** The one name the libraries and the jobs tooling read the Hugging Face token from. */
export const HF_TOKEN = "HF_TOKEN";

/** Environment variables the libraries read after `HF_TOKEN`, or that people use instead of it. */
export const LEGACY_TOKEN_VARIABLES: ReadonlySet<string> = new Set([
  "HUGGING_FACE_HUB_TOKEN",
  "HUGGINGFACE_HUB_TOKEN",
  "HUGGINGFACE_TOKEN",
  "HUGGING_FACE_TOKEN",
  "HF_API_TOKEN",
  "HF_HUB_TOKEN",
  "HF_ACCESS_TOKEN",
]);

/** A variable the Hugging Face token is read from: `HF_TOKEN`, or one of the legacy names. */
export function isHfTokenVariable(name: string): boolean {
  return name === HF_TOKEN || LEGACY_TOKEN_VARIABLES.has(name);
}

/**
 * A key whose value is a credential: `HF_TOKEN`, `HUGGING_FACE_HUB_TOKEN`, `*_TOKEN`, `*_API_KEY`, `*_SECRET`,
 * `*PASSWORD*`. `MAX_NEW_TOKENS` and `TOKENIZERS_PARALLELISM` are not: the match is on whole name parts.
 */
export function isTokenLikeKey(key: string): boolean {
  const upper = key.toUpperCase();
  if (upper === "TOKEN" || upper === "HF_TOKEN") return true;
  if (/(?:^|_)TOKEN$/.test(upper)) return true;
  if (/(?:^|_)API_?KEY$/.test(upper)) return true;
  if (/(?:^|_)(?:SECRET|SECRET_KEY|ACCESS_KEY)$/.test(upper)) return true;
  return upper.includes("PASSWORD") || upper.includes("PASSWD");
}

/**
 * A secret name that evidently means the Hugging Face token but is not `HF_TOKEN`: `TOKEN`, `HF_API_TOKEN`,
 * `HUGGINGFACE_TOKEN`, `hf_token`, `HUGGING_FACE_HUB_TOKEN`, ...
 */
export function isMisnamedHfTokenName(name: string): boolean {
  if (name === HF_TOKEN) return false;
  const upper = name.toUpperCase();
  if (upper === "TOKEN" || upper === "HF_TOKEN" || upper === "ACCESS_TOKEN" || upper === "API_TOKEN") return true;
  return /^(?:HF|HUGGING_?FACE(?:_HUB)?|HUB)_(?:HUB_|API_|ACCESS_|USER_|WRITE_|READ_|AUTH_)?TOKEN$/.test(upper);
}

/** Is `value` exactly the placeholder the `hf_jobs` tool call replaces with the caller's token? */
export function isSubstitutedPlaceholder(value: string): boolean {
  return value === "$HF_TOKEN" || value === "${HF_TOKEN}";
}

/** `$NAME` / `${NAME}` references inside a string value (HFJ202, HFJ205). */
export function findPlaceholders(value: string): { name: string; text: string; index: number }[] {
  const found: { name: string; text: string; index: number }[] = [];
  for (const match of value.matchAll(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    found.push({ name: (match[1] ?? match[2])!, text: match[0], index: match.index });
  }
  return found;
}

/** Does the string hold the `$HF_TOKEN` placeholder anywhere (a literal where nothing substitutes it)? */
export function mentionsHfTokenPlaceholder(value: string): boolean {
  return findPlaceholders(value).some((placeholder) => placeholder.name === HF_TOKEN);
}
