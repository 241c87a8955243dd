/**
 * Reading a file a launch names (a job script, an env-file), for the analyzers' `readFile`: in core, so the thread
 * that dispatches files can offer it without loading any parser.
 */
import fs from "node:fs";

/** Larger files are not job scripts worth parsing for every launcher that names them (and may be generated data). */
export const MAX_SCRIPT_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A launched script's text, for `readFile`: null when missing, not a file, too large, binary or not UTF-8. */
export function readScriptText(absolutePath: string): string | null {
  try {
    const stat = fs.statSync(absolutePath);
    if (!stat.isFile() || stat.size > MAX_SCRIPT_BYTES) return null;
    const bytes = fs.readFileSync(absolutePath);
    return bytes.includes(0) ? null : utf8.decode(bytes);
  } catch {
    return null; // missing, unreadable or not UTF-8: no script to analyse
  }
}
