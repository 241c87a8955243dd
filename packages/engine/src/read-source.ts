/**
 * Reading a file as source text, with a clear per-file error for what cannot be checked: binary files, invalid
 * UTF-8, files over the size limit, unreadable files. The BOM is taken off for analysis and put back on write.
 */
import fs from "node:fs";

/** Larger files are reported and skipped: generated or vendored blobs, not launchers. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface SourceFile {
  /** Text without the BOM. */
  text: string;
  bom: boolean;
  /** The bytes as read, to refuse a write when the file changed meanwhile. */
  bytes: Buffer;
  mode: number;
}

export type ReadOutcome = { ok: true; file: SourceFile } | { ok: false; message: string };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Buffer): ReadOutcome {
  // The whole file, not a first block: Python refuses a NUL anywhere, and a parser fed one stops there silently.
  if (bytes.includes(0)) return { ok: false, message: "binary file (contains NUL bytes), skipped" };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // The fatal decoder throws only on invalid UTF-8: an expected per-file error.
    return { ok: false, message: "not valid UTF-8, skipped" };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, file: { text: bom ? text.slice(1) : text, bom, bytes, mode: 0o644 } };
}

export function readSourceFile(filePath: string): ReadOutcome {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    return { ok: false, message: describeIoError(error) };
  }
  if (!stat.isFile()) return { ok: false, message: "not a regular file, skipped" };
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, message: `file too large (${(stat.size / 1048576).toFixed(1)} MiB, limit ${MAX_FILE_BYTES / 1048576} MiB), skipped` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    return { ok: false, message: describeIoError(error) };
  }
  const outcome = decodeSource(bytes);
  if (outcome.ok) outcome.file.mode = stat.mode & 0o7777;
  return outcome;
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied, cannot read";
    case "ELOOP":
      return "symlink loop";
    case "EISDIR":
      return "is a folder";
    default:
      return `cannot read (${code ?? String(error)})`;
  }
}

export function encodeSource(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\ufeff${text}` : text, "utf8");
}
