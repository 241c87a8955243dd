/**
 * Token patterns and redaction. A token is `hf_` or `api_org_` followed by 34 letters or digits, with word
 * boundaries on both sides (scanners disagree on the alphabet, so digits are allowed); a percent escape (`%3D`)
 * on the left counts as a boundary, since URL-encoded text holds tokens that way. `hf_oauth_` tokens are
 * matched too. Nothing this project prints may contain a token whole: use `redact` / `redactText`.
 *
 * Detection and redaction use different patterns on purpose. Detection (HFJ101) wants word boundaries, or
 * `hf_hub_download`-like names and longer identifiers would be reported. Redaction assumes no boundary at all:
 * output glues characters to a token that were not next to it in the source (an escape `\nhf_…` in a string,
 * a C-quoted file name `\303\274hf_…` in a diff header, implicit concatenation `"hf_…" "flavor"`), so any
 * `hf_` followed by 34 or more letters and digits is redacted, wherever it starts and whatever follows.
 *
 * Detection and redaction differ on purpose. A token-shaped string whose body has little entropy (one
 * repeated character, `hf_xxxx…`, or under 2 bits per character, as gitleaks measures it) is a placeholder, not a
 * leak to revoke: `findTokens`, `containsToken` and `isRealLookingToken` skip it. Redaction still covers every
 * token-shaped string (`findTokenShapes`, `redactText`): nothing token-shaped is ever printed whole.
 */

const TOKEN_SOURCE = String.raw`(?:(?<![A-Za-z0-9_])|(?<=%[0-9A-Fa-f]{2}))(?:hf_oauth_[A-Za-z0-9]{34,}|hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34})(?![A-Za-z0-9_])`;

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

/** The token pattern tried at one offset (`lastIndex`); its look-behind still sees the text before it. */
const TOKEN_AT = new RegExp(TOKEN_SOURCE, "y");

/** Every token-shaped string, low-entropy fillers included: what output must redact. */
export function findTokenShapes(text: string): TokenMatch[] {
  const matches: TokenMatch[] = [];
  // Every shape starts with one of two literals, and no shape holds another's start: the pattern is tried only where
  // a substring search finds one. Run over the whole text it tries its look-behind at every offset: 2.5 times slower
  // over the four checkouts of issue 12, where nearly every file has `hf_` (`hf_hub_download`).
  let hf = text.indexOf("hf_");
  let org = text.indexOf("api_org_");
  while (hf !== -1 || org !== -1) {
    let at: number;
    if (org === -1 || (hf !== -1 && hf < org)) {
      at = hf;
      hf = text.indexOf("hf_", hf + 3);
    } else {
      at = org;
      org = text.indexOf("api_org_", org + 8);
    }
    TOKEN_AT.lastIndex = at;
    const match = TOKEN_AT.exec(text);
    if (!match) continue;
    matches.push({ token: match[0], index: at });
    // Matches do not overlap: the next one starts after this one (an `hf_oauth_` token holds no other start).
    const end = at + match[0].length;
    while (hf !== -1 && hf < end) hf = text.indexOf("hf_", hf + 3);
    while (org !== -1 && org < end) org = text.indexOf("api_org_", org + 8);
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

/**
 * Where redaction starts: a token prefix followed by 34 or more letters or digits, with no boundary on either side.
 * Only the prefix is consumed, so a token whose prefix sits inside another's letters (`hf_…Xhf_…`, two tokens
 * glued) is found too.
 */
const REDACTION_START = /(?:hf_oauth_|hf_|api_org_)(?=[A-Za-z0-9]{34})/g;

/**
 * Every span `redactText` replaces, in order (for mapping columns onto redacted text): from a token prefix to the
 * end of the letters and digits after it, overlapping spans merged into one.
 */
export function findRedactionSpans(text: string): TokenMatch[] {
  const spans: TokenMatch[] = [];
  if (!text.includes("hf_") && !text.includes("api_org_")) return spans;
  let start = -1;
  let end = -1;
  for (const match of text.matchAll(REDACTION_START)) {
    let stop = match.index + match[0].length;
    while (stop < text.length && /[A-Za-z0-9]/.test(text[stop]!)) stop++;
    if (start >= 0 && match.index < end) {
      end = Math.max(end, stop);
      continue;
    }
    if (start >= 0) spans.push({ token: text.slice(start, end), index: start });
    start = match.index;
    end = stop;
  }
  if (start >= 0) spans.push({ token: text.slice(start, end), index: start });
  return spans;
}

/**
 * Replace every token-shaped run inside `text` with its redacted form, wherever it starts (no word boundary on
 * the left) and however many letters or digits follow it. Every byte the CLI prints passes through this (see
 * `RedactingWriter`).
 */
export function redactText(text: string): string {
  const spans = findRedactionSpans(text);
  if (spans.length === 0) return text;
  let out = "";
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.index) + redact(span.token);
    last = span.index + span.token.length;
  }
  return out + text.slice(last);
}

/**
 * The start of a possible token at the end of a chunk of output: `h`, `hf`, `hf_Ab…` (any letters and digits so
 * far), `api_or`, `api_org_x…`. A writer holds it back until the next chunk shows how it ends.
 */
const PARTIAL_TOKEN_AT_END = /(?:hf_oauth_[A-Za-z0-9]*|hf_[A-Za-z0-9]*|hf_o(?:a(?:u(?:t(?:h)?)?)?)?|hf?|api_org_[A-Za-z0-9]*|a(?:p(?:i(?:_(?:o(?:r(?:g)?)?)?)?)?)?)$/;

/**
 * Redaction for a stream of output chunks: a token split over two writes is redacted as one. Text that could be
 * the beginning of a token is held back until the next write or `flush()`; everything else is passed on at once.
 */
export class RedactingWriter {
  private pending = "";

  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): void {
    const buffered = this.pending + text;
    // Only the trailing run of word characters can hold the start of an unfinished token.
    let run = buffered.length;
    while (run > 0 && /[A-Za-z0-9_]/.test(buffered[run - 1]!)) run--;
    const partial = PARTIAL_TOKEN_AT_END.exec(buffered.slice(run));
    const cut = partial ? run + partial.index : buffered.length;
    this.pending = buffered.slice(cut);
    if (cut > 0) this.sink(redactText(buffered.slice(0, cut)));
  }

  flush(): void {
    if (this.pending === "") return;
    const rest = this.pending;
    this.pending = "";
    this.sink(redactText(rest));
  }
}

/**
 * Placeholders that docs put where a token goes (`hf_...`, `hf_xxx`, `hf_***`, `hf_YOUR_TOKEN`, `<your-token>`).
 * They are not leaks (HFJ101) but still wrong as a value (HFJ102).
 */
export function looksLikeTokenPlaceholder(value: string): boolean {
  if (isRealLookingToken(value)) return false;
  return /^(?:hf|api_org)_[A-Za-z0-9_.*…<>-]*$/.test(value) || /^<[^>]*token[^>]*>$/i.test(value) || /^your[_-]?(?:hf[_-]?)?token$/i.test(value);
}
