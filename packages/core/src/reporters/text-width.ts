/** Terminal display width, so a code frame's `^^^` lines up under wide (CJK) and zero-width characters. */
import { eastAsianWidth } from "get-east-asian-width";

/** Tabs are shown as this many spaces in code frames (a fixed width keeps the underline aligned). */
export const TAB_WIDTH = 4;

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;

function codePointWidth(char: string): number {
  if (char === "\t") return TAB_WIDTH;
  if (ZERO_WIDTH.test(char)) return 0;
  return eastAsianWidth(char.codePointAt(0)!, { ambiguousAsWide: false });
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char);
  return width;
}

/** The text as a code frame shows it: tabs expanded, invisible format and control characters dropped. */
export function displayText(text: string): string {
  let shown = "";
  for (const char of text) {
    if (char === "\t") shown += " ".repeat(TAB_WIDTH);
    else if (!/^[\p{Cf}\p{Cc}]$/u.test(char)) shown += char;
  }
  return shown;
}
