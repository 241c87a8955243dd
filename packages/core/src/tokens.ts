/**
 * Token patterns and redaction. A token is `hf_` or `api_org_` followed by 34 letters or digits, with word
 * boundaries on both sides (scanners disagree on the alphabet, so digits are allowed). `hf_oauth_` tokens are
 * matched too. Nothing this project prints may contain a token whole: use `redact` / `redactText`.
 *
 * Detection and redaction differ on purpose. A token-shaped string whose body has little entropy (one
 * repeated character, `hf_xxxx…`, or under 2 bits per character, as gitleaks measures it) is a placeholder, not a
 * leak to revoke: `findTokens`, `containsToken` and `isRealLookingToken` skip it. Redaction still covers every
 * token-shaped string (`findTokenShapes`, `redactText`): nothing token-shaped is ever printed whole.
 */

const TOKEN_SOURCE = String.raw`(?<![A-Za-z0-9_])(?:hf_oauth_[A-Za-z0-9]{34,}|hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34})(?![A-Za-z0-9_])`;

/** Shown characters of a redacted token: `hf_Ab…`. */
export const REDACTED_PREFIX_LENGTH = 5;

export interface TokenMatch {
  token: string;
  /** Offset of the token in the searched text. */
  index: number;
}

/** Bits per character below which a token body is filler (gitleaks' measure: Shannon entropy of the characters). */
export const MIN_TOKEN_ENTROPY = 2;

/** Shannon entropy of `text` in bits per character. */
export function shannonEntropy(text: string): number {
  if (text === "") return 0;
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A token-shaped string whose body (after `hf_`, `hf_oauth_`, `api_org_`) is filler such as `hf_xxxx…`. */
export function isLowEntropyToken(token: string): boolean {
  const body = token.replace(/^(?:hf_oauth_|hf_|api_org_)/, "");
  return shannonEntropy(body) < MIN_TOKEN_ENTROPY;
}

/** Every token-shaped string, low-entropy fillers included: what output must redact. */
export function findTokenShapes(text: string): TokenMatch[] {
  const matches: TokenMatch[] = [];
  for (const match of text.matchAll(new RegExp(TOKEN_SOURCE, "g"))) {
    matches.push({ token: match[0], index: match.index });
  }
  return matches;
}

/** Real-looking tokens: token-shaped and not low-entropy filler. What HFJ101 reports. */
export function findTokens(text: string): TokenMatch[] {
  return findTokenShapes(text).filter((match) => !isLowEntropyToken(match.token));
}

export function isRealLookingToken(value: string): boolean {
  return new RegExp(`^${TOKEN_SOURCE}$`).test(value) && !isLowEntropyToken(value);
}

export function containsToken(text: string): boolean {
  return findTokens(text).length > 0;
}

/** `hf_AbCd...` -> `hf_Ab…` */
export function redact(token: string): string {
  return `${token.slice(0, REDACTED_PREFIX_LENGTH)}…`;
}

/** Replace every token-shaped string (low-entropy ones too) inside `text` with its redacted form. Every output path goes through this. */
export function redactText(text: string): string {
  return text.replace(new RegExp(TOKEN_SOURCE, "g"), (token) => redact(token));
}

/**
 * Placeholders that docs put where a token goes (`hf_...`, `hf_xxx`, `hf_***`, `hf_YOUR_TOKEN`, `<your-token>`).
 * They are not leaks (HFJ101) but still wrong as a value (HFJ102).
 */
export function looksLikeTokenPlaceholder(value: string): boolean {
  if (isRealLookingToken(value)) return false;
  return /^(?:hf|api_org)_[A-Za-z0-9_.*…<>-]*$/.test(value) || /^<[^>]*token[^>]*>$/i.test(value) || /^your[_-]?(?:hf[_-]?)?token$/i.test(value);
}
