/**
 * The PEP 723 `script` block of a Python file (`# /// script` ... `# ///`): its comment lines with the `# `
 * prefix removed, parsed as TOML, with the source offset of every line kept so findings and edits point into
 * the comment itself (LF or CRLF). The `[tool.hf-jobs]` table (`env`, `secrets`) is read by newer
 * `hf jobs uv run` (docs/hf-jobs-surfaces.md, section 5).
 */
import { parse as parseToml } from "smol-toml";

export interface HeaderLine {
  /** Offset of the line's first character (the `#`). */
  lineStart: number;
  /** Offset of the first character of `content` (after `# ` or `#`). */
  contentStart: number;
  /** The TOML text of this line (prefix and line ending removed). */
  content: string;
  /** Offset just past the line ending (the next line's start, or the end of the text). */
  next: number;
  /** The line ending as written (`\n`, `\r\n` or `` at the end of the text). */
  eol: string;
}

export interface ScriptHeader {
  /** Content lines between the opening and closing markers. */
  lines: HeaderLine[];
  /** Offset of the closing `# ///` line. */
  closeStart: number;
  /** The parsed TOML. */
  data: Record<string, unknown>;
}

export interface HfJobsTable {
  /** `[tool.hf-jobs] env` (a table of strings): entries whose value is not a string are kept as null. */
  env: Map<string, string | null>;
  /** `[tool.hf-jobs] secrets` (the names, strings only). */
  secrets: string[];
}

interface RawLine {
  start: number;
  text: string;
  next: number;
  eol: string;
}

function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  // A byte order mark is not part of the first line (Python drops it too).
  let start = text.startsWith("\uFEFF") ? 1 : 0;
  while (start <= text.length) {
    const lf = text.indexOf("\n", start);
    const end = lf === -1 ? text.length : lf;
    const crlf = end > start && text[end - 1] === "\r";
    const lineEnd = crlf ? end - 1 : end;
    lines.push({ start, text: text.slice(start, lineEnd), next: lf === -1 ? text.length : lf + 1, eol: lf === -1 ? "" : crlf ? "\r\n" : "\n" });
    if (lf === -1) break;
    start = lf + 1;
  }
  return lines;
}

const OPEN = /^# \/\/\/ ([a-zA-Z0-9-]+)$/;
const CLOSE = "# ///";

/**
 * The `script` block's lines, per PEP 723: a block starts at `# /// TYPE`, holds only `#` or `# ...` lines and
 * ends at the last `# ///` before a line that is not a comment of that shape. Two `script` blocks are an error
 * (no block); so is an unclosed one.
 */
export function findScriptBlock(text: string): { lines: HeaderLine[]; closeStart: number } | null {
  if (!text.includes("# /// script")) return null;
  const raw = splitLines(text);
  let found: { lines: HeaderLine[]; closeStart: number } | null = null;
  for (let i = 0; i < raw.length; i++) {
    const type = OPEN.exec(raw[i]!.text)?.[1];
    if (!type) continue;
    let close = -1;
    let j = i + 1;
    for (; j < raw.length && (raw[j]!.text === "#" || raw[j]!.text.startsWith("# ")); j++) {
      if (raw[j]!.text === CLOSE) close = j;
    }
    if (close === -1) continue;
    if (type === "script") {
      if (found) return null;
      found = {
        lines: raw.slice(i + 1, close).map((line) => {
          const prefix = line.text === "#" ? 1 : 2;
          return { lineStart: line.start, contentStart: line.start + prefix, content: line.text.slice(prefix), next: line.next, eol: line.eol };
        }),
        closeStart: raw[close]!.start,
      };
    }
    i = close;
  }
  return found;
}

/** The parsed `script` block; null when there is none or its TOML does not parse. */
export function readScriptHeader(text: string): ScriptHeader | null {
  const block = findScriptBlock(text);
  if (!block) return null;
  try {
    const data = parseToml(block.lines.map((line) => line.content).join("\n")) as Record<string, unknown>;
    return { ...block, data };
  } catch {
    return null; // the header's TOML does not parse: read as no header
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** `[tool.hf-jobs]` of a parsed header; null when absent. */
export function hfJobsTable(header: ScriptHeader | null): HfJobsTable | null {
  const tool = header?.data["tool"];
  const table = isTable(tool) ? tool["hf-jobs"] : undefined;
  if (!isTable(table)) return null;
  const env = new Map<string, string | null>();
  if (isTable(table["env"])) for (const [key, value] of Object.entries(table["env"])) env.set(key, typeof value === "string" ? value : null);
  const secrets = Array.isArray(table["secrets"]) ? table["secrets"].filter((name): name is string => typeof name === "string") : [];
  return { env, secrets };
}

/** The secret names a script's header declares for `hf jobs uv run` (empty when none). */
export function declaredSecretsOf(text: string): Set<string> {
  return new Set(hfJobsTable(readScriptHeader(text))?.secrets ?? []);
}
