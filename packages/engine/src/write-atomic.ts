/**
 * Writing a fixed file: never when it changed since it was read, and atomically (a temporary file in the same
 * folder, with the original's mode, renamed over it), so a crash leaves either the old or the new file.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export class FileChangedError extends Error {
  constructor(filePath: string) {
    super(`${filePath} changed since it was read; fixes not written`);
  }
}

export function writeFileAtomic(filePath: string, content: Buffer, expected: { bytes: Buffer; mode: number }): void {
  let current: Buffer;
  try {
    current = fs.readFileSync(filePath);
  } catch {
    // Deleted or made unreadable since it was read: it changed.
    throw new FileChangedError(filePath);
  }
  if (!current.equals(expected.bytes)) throw new FileChangedError(filePath);

  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  const fd = fs.openSync(temporary, "wx", expected.mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    // The umask may have narrowed the mode given to open.
    fs.chmodSync(temporary, expected.mode);
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
