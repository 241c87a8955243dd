/**
 * Writing a fixed file. What it promises:
 * - never outside the checked roots: the path is resolved to its real path first, and a symlink whose target
 *   lies outside every root is refused (`OutsideRootsError`), not followed;
 * - through symlinks: the target is written, the link stays a link;
 * - never over an edit made since the file was read: the content is compared when the temporary file is ready,
 *   right before the rename, and the replaced file is compared once more after it, so an edit that lands in that
 *   last window is put back (`FileChangedError` either way);
 * - atomically: a temporary file in the same folder, with the original's mode, owner and group, renamed over it,
 *   so a crash leaves the old or the new file; temporaries a killed run left behind are removed by the next one;
 * - keeping the file's identity where a rename cannot: a file with several hard links, or one whose owner or
 *   group the temporary file cannot take, is rewritten in place (one write and a truncate on the same inode).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export class FileChangedError extends Error {
  constructor(filePath: string) {
    super(`${filePath} changed since it was read; fixes not written`);
  }
}

/** The file is a symlink (or lies under one) that resolves outside every checked root. */
export class OutsideRootsError extends Error {
  constructor(filePath: string, real: string) {
    super(`${filePath} resolves to ${real}, outside the checked paths; fixes not written`);
  }
}

export interface Expected {
  /** The bytes the fixes were computed from. */
  bytes: Buffer;
  mode: number;
}

/** Test seams: run between the steps of a write, to race it. */
export interface WriteHooks {
  beforeRename?(temporary: string): void;
  afterRename?(): void;
}

export interface WriteOptions {
  /** Real paths of the checked roots (folders, or files named on the command line); no check when absent. */
  roots?: readonly string[];
  hooks?: WriteHooks;
}

/** `.NAME.PID.RANDOM.hfjl.tmp` next to NAME: the PID lets a later run tell a dead run's leftovers from a live run's. */
const TEMPORARY_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}(?:\.hfjl)?\.tmp$/;

function temporaryPath(real: string): string {
  return path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.hfjl.tmp`);
}

export function isInside(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

function readAll(fd: number): Buffer {
  const size = fs.fstatSync(fd).size;
  const buffer = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const read = fs.readSync(fd, buffer, offset, size - offset, offset);
    if (read === 0) break;
    offset += read;
  }
  // A file that grew while it was read: read on to the end.
  const chunks = [buffer.subarray(0, offset)];
  for (;;) {
    const more = Buffer.alloc(65536);
    const read = fs.readSync(fd, more, 0, more.length, offset);
    if (read === 0) break;
    chunks.push(more.subarray(0, read));
    offset += read;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

function unchanged(fd: number, expected: Buffer): boolean {
  return readAll(fd).equals(expected);
}

/** Can a new file be given `stat`'s owner and group? Root can; a user can for its own files (the group is tried); Windows has no owners to keep. */
function canKeepOwner(stat: fs.Stats): boolean {
  if (typeof process.geteuid !== "function") return true;
  const uid = process.geteuid();
  return uid === 0 || stat.uid === uid;
}

export function writeFileAtomic(filePath: string, content: Buffer, expected: Expected, options: WriteOptions = {}): void {
  let real: string;
  try {
    real = fs.realpathSync(filePath);
  } catch {
    // Deleted (or its link broken) since it was read: it changed.
    throw new FileChangedError(filePath);
  }
  if (options.roots && !isInside(real, options.roots)) throw new OutsideRootsError(filePath, real);

  let original: number;
  try {
    original = fs.openSync(real, "r");
  } catch {
    throw new FileChangedError(filePath);
  }
  try {
    const stat = fs.fstatSync(original);
    if (!stat.isFile() || !unchanged(original, expected.bytes)) throw new FileChangedError(filePath);
    // A rename would split hard links, and hand the file to the user running the tool when it cannot give the
    // temporary file the original's owner: write those in place.
    if (stat.nlink > 1 || !canKeepOwner(stat)) {
      writeInPlace(real, filePath, content, expected);
      return;
    }
    replaceByRename(real, filePath, content, stat, original, expected, options.hooks);
  } finally {
    fs.closeSync(original);
  }
}

function replaceByRename(real: string, filePath: string, content: Buffer, stat: fs.Stats, original: number, expected: Expected, hooks: WriteHooks | undefined): void {
  const temporary = temporaryPath(real);
  const fd = fs.openSync(temporary, "wx", stat.mode & 0o7777);
  let renamed = false;
  try {
    try {
      fs.writeFileSync(fd, content);
      // The umask may have narrowed the mode given to open; owner and group as the original had them.
      fs.fchmodSync(fd, stat.mode & 0o7777);
      const created = fs.fstatSync(fd);
      if (typeof process.geteuid === "function" && (created.uid !== stat.uid || created.gid !== stat.gid)) fs.fchownSync(fd, stat.uid, stat.gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    hooks?.beforeRename?.(temporary);
    // The last look before the rename: the path still names the inode that was read, holding what was read.
    const now = fs.statSync(real);
    if (now.ino !== stat.ino || now.dev !== stat.dev || !unchanged(original, expected.bytes)) throw new FileChangedError(filePath);
    fs.renameSync(temporary, real);
    renamed = true;
    hooks?.afterRename?.();
  } catch (error) {
    if (!renamed) fs.rmSync(temporary, { force: true });
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === "EPERM" && !renamed) {
      // The owner or group could not be given to the temporary file: keep the inode instead.
      writeInPlace(real, filePath, content, expected);
      return;
    }
    throw error;
  }
  // An edit written into the old inode between the last look and the rename would be lost: put it back.
  if (!unchanged(original, expected.bytes)) {
    const edited = readAll(original);
    const restore = temporaryPath(real);
    fs.writeFileSync(restore, edited, { mode: stat.mode & 0o7777, flag: "wx" });
    fs.renameSync(restore, real);
    throw new FileChangedError(filePath);
  }
}

/** Rewrite the same inode (hard links, foreign owner): one positioned write of the whole content, then the truncate. */
function writeInPlace(real: string, filePath: string, content: Buffer, expected: Expected): void {
  const fd = fs.openSync(real, "r+");
  try {
    if (!unchanged(fd, expected.bytes)) throw new FileChangedError(filePath);
    let offset = 0;
    while (offset < content.length) offset += fs.writeSync(fd, content, offset, content.length - offset, offset);
    fs.ftruncateSync(fd, content.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const cleanedFolders = new Set<string>();

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the temporary files a killed run left in these folders: named for a file that is there, by a process
 * that is no longer running. Each folder is looked at once per process.
 */
export function removeStaleTemporaryFiles(folders: Iterable<string>): number {
  let removed = 0;
  for (const folder of folders) {
    if (cleanedFolders.has(folder)) continue;
    cleanedFolders.add(folder);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    const present = new Set(names);
    for (const name of names) {
      const match = TEMPORARY_NAME.exec(name);
      if (!match || !present.has(match[1]!) || isRunning(Number(match[2]))) continue;
      try {
        if (fs.lstatSync(path.join(folder, name)).isFile()) {
          fs.rmSync(path.join(folder, name));
          removed++;
        }
      } catch {
        // Gone already, or not ours to remove: leave it.
      }
    }
  }
  return removed;
}
