/**
 * Token patterns and redaction. A token is `hf_` or `api_org_` followed by 34 letters or digits, with word
 * boundaries on both sides (scanners disagree on the alphabet, so digits are allowed). `hf_oauth_` tokens are
 * matched too. Nothing this project prints may contain a token whole: use `redact` / `redactText`.
 */

const TOKEN_SOURCE = String.raw`(?<![A-Za-z0-9_])(?:hf_oauth_[A-Za-z0-9]{34,}|hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34})(?![A-Za-z0-9_])`;

/** Shown characters of a redacted token: `hf_Ab…`. */
export const REDACTED_PREFIX_LENGTH = 5;

export interface TokenMatch {
  token: string;
  /** Offset of the token in the searched text. */
  index: number;
}

export function findTokens(text: string): TokenMatch[] {
  const matches: TokenMatch[] = [];
  for (const match of text.matchAll(new RegExp(TOKEN_SOURCE, "g"))) {
    matches.push({ token: match[0], index: match.index });
  }
  return matches;
}

export function isRealLookingToken(value: string): boolean {
  return new RegExp(`^${TOKEN_SOURCE}$`).test(value);
}

export function containsToken(text: string): boolean {
  return new RegExp(TOKEN_SOURCE).test(text);
}

/** `hf_AbCd...` -> `hf_Ab…` */
export function redact(token: string): string {
  return `${token.slice(0, REDACTED_PREFIX_LENGTH)}…`;
}

/** Replace every token inside `text` with its redacted form. Every output path goes through this. */
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
