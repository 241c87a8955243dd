/**
 * Dotenv files as `hf jobs` reads `--env-file` / `--secrets-file` (huggingface_hub utils/_dotenv.py
 * `load_dotenv`): one entry a line, `KEY=VALUE`, `export KEY=VALUE`, `#` comments, blank lines; a bare `KEY`
 * without `=` takes its value from the caller's environment (and `HF_TOKEN` from the login); values are never
 * expanded (`${HF_TOKEN}` stays those eleven characters). Which lines are entries, and where their key and value
 * sit, follows that reader's line grammar (keys `[A-Za-z_][A-Za-z0-9_]*`, no multi-line values, no `KEY: value`);
 * a value's quotes and inline comment are removed by the `dotenv` package's parser. The two differ only in escapes
 * inside quotes, which no rule looks at.
 */
import dotenv from "dotenv";

export interface DotenvEntry {
  key: string;
  /** 1-based line of the entry. */
  line: number;
  /** File offsets of the key, and of the value as written (quotes included; empty span for `KEY=`). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The value as written, quotes included (`"x y"`), or null for a bare `KEY`. */
  written: string | null;
  /** The value the job gets, or null for a bare `KEY` (the caller's environment decides). */
  value: string | null;
}

// huggingface_hub's line pattern, run on each stripped line (`d` gives the groups' offsets).
const LINE = /^\s*(?:export[^\S\n]+)?([A-Za-z_][A-Za-z0-9_]*)[^\S\n]*(=)?[^\S\n]*((?:'(?:\\'|[^'])*'|"(?:\\"|[^"])*"|[^#\n\r]+?))?[^\S\n]*(?:#.*)?$/d;

/** The entries `hf jobs` reads from a dotenv file's text, in order (a later entry with the same key wins there). */
export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  let lineStart = 0;
  let lineNumber = 0;
  for (const raw of text.split("\n")) {
    lineNumber++;
    const start = lineStart;
    lineStart += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = LINE.exec(line);
    if (!match?.indices?.[1]) continue;
    const key = match[1]!;
    const [keyStart, keyEnd] = match.indices[1];
    const offset = start + lead;
    if (!match[2]) {
      entries.push({
        key,
        line: lineNumber,
        keyStart: offset + keyStart,
        keyEnd: offset + keyEnd,
        valueStart: offset + keyEnd,
        valueEnd: offset + keyEnd,
        written: null,
        value: null,
      });
      continue;
    }
    const written = match[3] ?? "";
    const span = match.indices[3] ?? [match.indices[2]![1], match.indices[2]![1]];
    const value = written === "" ? "" : (dotenv.parse(`${key}=${written}`)[key] ?? written);
    entries.push({ key, line: lineNumber, keyStart: offset + keyStart, keyEnd: offset + keyEnd, valueStart: offset + span[0], valueEnd: offset + span[1], written, value });
  }
  return entries;
}
