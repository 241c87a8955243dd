/**
 * The runtime value of a string literal's source text, with a map back to the source. HFJ101 asks whether the
 * value a program holds contains a token: `"\nhf_…"` holds a newline and a bare token, although in the source the
 * token is glued to the `n` of the escape and no word boundary precedes it. The analyzers pass the text between
 * the quotes; interpolations (`{…}`, `${…}`) are left as they are, which cannot create or hide a token.
 */
import { findTokens } from "./tokens.js";

/** Python `str` literals, Python `bytes` literals (no `\u`, `\U`, `\N`), and JS/TS strings and template text. */
export type EscapeDialect = "python" | "python-bytes" | "js";

export interface DecodedText {
  value: string;
  /** For each UTF-16 unit of `value`, the source offset where the text that produced it starts... */
  starts: number[];
  /** ...and where it ends. */
  ends: number[];
}

const SIMPLE: Record<EscapeDialect, Record<string, string>> = {
  python: { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"' },
  "python-bytes": { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"' },
  js: { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" },
};

const HEX = /^[0-9A-Fa-f]+$/;

/** One escape at `raw[i] === "\\"`: its decoded text and length, or null when it stands for itself. */
function decodeOne(raw: string, i: number, dialect: EscapeDialect): { text: string; length: number } | null {
  const next = raw[i + 1];
  if (next === undefined) return null;
  // A backslash before a line break continues the line: it and the break produce nothing.
  if (next === "\n") return { text: "", length: 2 };
  if (next === "\r") return { text: "", length: raw[i + 2] === "\n" ? 3 : 2 };
  if (dialect === "js" && next === "0" && /[0-9]/.test(raw[i + 2] ?? "")) {
    // Legacy octal in sloppy-mode JS (`\012`).
    const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1))![0];
    return { text: String.fromCharCode(parseInt(digits, 8) & 0xff), length: 1 + digits.length };
  }
  const simple = SIMPLE[dialect][next];
  if (simple !== undefined) return { text: simple, length: 2 };
  const hex = (start: number, count: number): number | null => {
    const digits = raw.slice(start, start + count);
    return digits.length === count && HEX.test(digits) ? parseInt(digits, 16) : null;
  };
  if (next === "x") {
    const code = hex(i + 2, 2);
    return code === null ? null : { text: String.fromCharCode(code), length: 4 };
  }
  if (dialect !== "python-bytes" && next === "u") {
    if (dialect === "js" && raw[i + 2] === "{") {
      const close = raw.indexOf("}", i + 3);
      const digits = close > 0 ? raw.slice(i + 3, close) : "";
      if (!HEX.test(digits) || digits.length > 6) return null;
      const code = parseInt(digits, 16);
      return code > 0x10ffff ? null : { text: String.fromCodePoint(code), length: close - i + 1 };
    }
    const code = hex(i + 2, 4);
    return code === null ? null : { text: String.fromCharCode(code), length: 6 };
  }
  if (dialect === "python" && next === "U") {
    const code = hex(i + 2, 8);
    return code === null || code > 0x10ffff ? null : { text: String.fromCodePoint(code), length: 10 };
  }
  if (dialect === "python" && next === "N" && raw[i + 2] === "{") {
    // A named character: not a letter or digit of any token spelling that matters here; a boundary.
    const close = raw.indexOf("}", i + 3);
    return close > 0 ? { text: "\ufffd", length: close - i + 1 } : null;
  }
  if (dialect !== "js" && /[0-7]/.test(next)) {
    const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1))![0];
    return { text: String.fromCharCode(parseInt(digits, 8) & (dialect === "python-bytes" ? 0xff : 0x1ff)), length: 1 + digits.length };
  }
  if (dialect === "js" && /[1-7]/.test(next)) {
    const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1))![0];
    return { text: String.fromCharCode(parseInt(digits, 8) & 0xff), length: 1 + digits.length };
  }
  // JS drops the backslash of an unknown escape (`\q` is `q`); Python keeps it (`\q` is `\q`).
  if (dialect === "js") return { text: next, length: 2 };
  return null;
}

/** Decode the escapes of a literal's source text (the text between its quotes). */
export function decodeEscapes(raw: string, dialect: EscapeDialect): DecodedText {
  return decode(raw, dialect, true);
}

/** `withOffsets: false`: the value alone (its `starts` and `ends` empty), for literals that may hold no token. */
function decode(raw: string, dialect: EscapeDialect, withOffsets: boolean): DecodedText {
  let value = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const backslash = raw.indexOf("\\", i);
    const plainEnd = backslash < 0 ? raw.length : backslash;
    if (withOffsets) {
      for (let k = i; k < plainEnd; k++) {
        starts.push(k);
        ends.push(k + 1);
      }
    }
    value += raw.slice(i, plainEnd);
    if (backslash < 0) break;
    const decoded = decodeOne(raw, backslash, dialect);
    const length = decoded ? decoded.length : Math.min(2, raw.length - backslash);
    const text = decoded ? decoded.text : raw.slice(backslash, backslash + length);
    for (let k = 0; withOffsets && k < text.length; k++) {
      // An escape that stands for itself maps character by character; a decoded one maps to all of its source.
      starts.push(decoded ? backslash : backslash + k);
      ends.push(decoded ? backslash + length : backslash + k + 1);
    }
    value += text;
    i = backslash + length;
  }
  return { value, starts, ends };
}

/** A token in a literal: its runtime text, and the source range that spells it (escapes included). */
export interface LiteralToken {
  token: string;
  start: number;
  end: number;
}

/**
 * The real-looking tokens of a literal, found in its runtime value, with source offsets. A token the source
 * spells with no escape nearby is found as before; one that only a decoded escape separates from its neighbours
 * is found too; a token-shaped source run that an escape glues to more letters at runtime (`"hf_…\x41"`) is still
 * reported, as the source shows it.
 */
export function findTokensInLiteral(raw: string, dialect: EscapeDialect): LiteralToken[] {
  const direct = findTokens(raw).map((match) => ({ token: match.token, start: match.index, end: match.index + match.token.length }));
  if (!raw.includes("\\")) return direct;
  // The offsets are two numbers per character: built only for a literal whose value holds a token.
  const inValue = findTokens(decode(raw, dialect, false).value);
  if (inValue.length === 0) return direct;
  const decoded = decodeEscapes(raw, dialect);
  const found: LiteralToken[] = [];
  for (const match of inValue) {
    found.push({ token: match.token, start: decoded.starts[match.index]!, end: decoded.ends[match.index + match.token.length - 1]! });
  }
  for (const match of direct) if (!found.some((other) => match.start < other.end && other.start < match.end)) found.push(match);
  return found.sort((a, b) => a.start - b.start);
}
