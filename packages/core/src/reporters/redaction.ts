/**
 * Structural redaction for reporters. Every string a reporter emits passes through `redactText` at the field
 * level, before any escaping, and the CLI redacts every byte it writes once more (the redaction pattern needs no
 * word boundary, so escaping cannot hide a token from it). Field-level redaction keeps code-frame columns right.
 */
import { findRedactionSpans, redact, redactText } from "../tokens.js";

/** A copy of a JSON-like value with every string (keys excluded) redacted. */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redactText(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item);
    return copy as T;
  }
  return value;
}

export interface RedactedLine {
  text: string;
  /** Maps a 0-based UTF-16 index in the original line to the index of the same place in `text`. */
  mapIndex(index: number): number;
}

/**
 * Redact one source line and keep a way to move columns onto the redacted text, so a code frame's underline
 * still sits under the right characters (an underline on a token covers its redacted form).
 */
export function redactLine(line: string): RedactedLine {
  const tokens = findRedactionSpans(line);
  if (tokens.length === 0) return { text: line, mapIndex: (index) => index };
  const spans: { start: number; end: number; newStart: number; newEnd: number }[] = [];
  let text = "";
  let last = 0;
  for (const { token, index } of tokens) {
    text += line.slice(last, index);
    const replacement = redact(token);
    spans.push({ start: index, end: index + token.length, newStart: text.length, newEnd: text.length + replacement.length });
    text += replacement;
    last = index + token.length;
  }
  text += line.slice(last);
  return {
    text,
    mapIndex(index) {
      let shift = 0;
      for (const span of spans) {
        if (index < span.start) break;
        if (index < span.end) return Math.min(span.newStart + (index - span.start), span.newEnd);
        shift = span.newEnd - span.end;
      }
      return index + shift;
    },
  };
}
