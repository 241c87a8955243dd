import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { FileChangedError, OutsideRootsError, removeStaleTemporaryFiles, writeFileAtomic } from "../src/write-atomic.js";
import { decodeSource, encodeSource } from "../src/read-source.js";

describe("writeFileAtomic", () => {
  it("replaces the file through a rename and keeps its mode", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-write-"));
    const file = path.join(dir, "a.py");
    fs.writeFileSync(file, "old\n");
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    writeFileAtomic(file, Buffer.from("new\n"), { bytes: Buffer.from("old\n"), mode: 0o640 });
    expect(fs.readFileSync(file, "utf8")).toBe("new\n");
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.statSync(file).ino).not.toBe(inode);
    expect(fs.readdirSync(dir)).toEqual(["a.py"]);
    fs.rmSync(dir, { recursive: true });
  });

  it("refuses to write a file that changed since it was read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-write-"));
    const file = path.join(dir, "a.py");
    fs.writeFileSync(file, "edited meanwhile\n");
    expect(() => writeFileAtomic(file, Buffer.from("fixed\n"), { bytes: Buffer.from("as read\n"), mode: 0o644 })).toThrow(FileChangedError);
    expect(fs.readFileSync(file, "utf8")).toBe("edited meanwhile\n");
    expect(fs.readdirSync(dir)).toEqual(["a.py"]);
    fs.rmSync(dir, { recursive: true });
  });
});

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A folder (real path) holding `a.py` with "old\n". */
function folder(): { dir: string; file: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-write-")));
  made.push(dir);
  const file = path.join(dir, "a.py");
  fs.writeFileSync(file, "old\n");
  return { dir, file };
}

const OLD = { bytes: Buffer.from("old\n"), mode: 0o644 };
const NEW = Buffer.from("new\n");

describe("writeFileAtomic and the checked roots", () => {
  it("writes through a symlink inside the roots: the target changes, the link stays a link", () => {
    const { dir, file } = folder();
    const link = path.join(dir, "link.py");
    fs.symlinkSync("a.py", link);
    writeFileAtomic(link, NEW, OLD, { roots: [dir] });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toBe("new\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["a.py", "link.py"]);
  });

  it("refuses a symlinked file or folder that leads outside the roots, and writes nothing there", () => {
    const outside = folder();
    const { dir } = folder();
    const root = path.join(dir, "repo");
    fs.mkdirSync(root);
    fs.symlinkSync(outside.file, path.join(root, "link.py"));
    fs.symlinkSync(outside.dir, path.join(root, "vendor"));
    expect(() => writeFileAtomic(path.join(root, "link.py"), NEW, OLD, { roots: [root] })).toThrow(OutsideRootsError);
    expect(() => writeFileAtomic(path.join(root, "vendor", "a.py"), NEW, OLD, { roots: [root] })).toThrow(/outside the checked paths/);
    expect(fs.readFileSync(outside.file, "utf8")).toBe("old\n");
    expect(fs.readdirSync(outside.dir)).toEqual(["a.py"]);
    // A root that is itself a prefix of another folder's name does not contain it.
    expect(() => writeFileAtomic(outside.file, NEW, OLD, { roots: [outside.dir.slice(0, -1)] })).toThrow(OutsideRootsError);
  });

  it("keeps hard links: every name sees the fix, on the same inode", () => {
    const { dir, file } = folder();
    const other = path.join(dir, "b.py");
    fs.linkSync(file, other);
    const inode = fs.statSync(file).ino;
    writeFileAtomic(file, NEW, OLD);
    expect(fs.readFileSync(other, "utf8")).toBe("new\n");
    expect(fs.statSync(file).ino).toBe(inode);
    expect(fs.statSync(file).nlink).toBe(2);
  });

  it.runIf(process.getuid?.() === 0)("keeps the owner and group of a file the running user does not own", () => {
    const { file } = folder();
    fs.chownSync(file, 4321, 4322);
    writeFileAtomic(file, NEW, OLD);
    expect(fs.statSync(file)).toMatchObject({ uid: 4321, gid: 4322 });
    expect(fs.readFileSync(file, "utf8")).toBe("new\n");
  });
});

describe("writeFileAtomic under a race", () => {
  it("an edit in place after the temporary file is written stops the write and is kept", () => {
    const { dir, file } = folder();
    expect(() => writeFileAtomic(file, NEW, OLD, { hooks: { beforeRename: () => fs.writeFileSync(file, "edited\n") } })).toThrow(FileChangedError);
    expect(fs.readFileSync(file, "utf8")).toBe("edited\n");
    expect(fs.readdirSync(dir)).toEqual(["a.py"]);
  });

  it("a file replaced by another (an editor's own atomic save) stops the write and is kept", () => {
    const { dir, file } = folder();
    const save = () => {
      fs.writeFileSync(path.join(dir, "saved"), "old\n");
      fs.renameSync(path.join(dir, "saved"), file);
    };
    expect(() => writeFileAtomic(file, NEW, OLD, { hooks: { beforeRename: save } })).toThrow(FileChangedError);
    expect(fs.readFileSync(file, "utf8")).toBe("old\n");
    expect(fs.readdirSync(dir)).toEqual(["a.py"]);
  });

  it("an edit that lands in the old file during the rename is put back", () => {
    const { dir, file } = folder();
    const editor = fs.openSync(file, "r+");
    try {
      const edit = () => void fs.writeSync(editor, "edited\n", 0);
      expect(() => writeFileAtomic(file, NEW, OLD, { hooks: { afterRename: edit } })).toThrow(FileChangedError);
    } finally {
      fs.closeSync(editor);
    }
    expect(fs.readFileSync(file, "utf8")).toBe("edited\n");
    expect(fs.readdirSync(dir)).toEqual(["a.py"]);
  });
});

describe("removeStaleTemporaryFiles", () => {
  it("removes what a dead run left next to a file, and nothing else", () => {
    const { dir } = folder();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const names = [
      `.a.py.${dead}.0123abcd.hfjl.tmp`,
      `.a.py.${dead}.0123abcd.tmp`,
      `.a.py.${process.pid}.0123abcd.hfjl.tmp`,
      `.gone.py.${dead}.0123abcd.hfjl.tmp`,
      `.a.py.notes.tmp`,
    ];
    for (const name of names) fs.writeFileSync(path.join(dir, name), "partial");
    expect(removeStaleTemporaryFiles([dir])).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual([`.a.py.${process.pid}.0123abcd.hfjl.tmp`, `.a.py.notes.tmp`, `.gone.py.${dead}.0123abcd.hfjl.tmp`, "a.py"].sort());
  });
});

describe("decodeSource", () => {
  it("takes the BOM off and puts it back", () => {
    const decoded = decodeSource(Buffer.from("\ufeffx = 1\r\n", "utf8"));
    expect(decoded.ok && decoded.file).toMatchObject({ text: "x = 1\r\n", bom: true });
    expect(encodeSource("x = 1\r\n", true).equals(Buffer.from("\ufeffx = 1\r\n", "utf8"))).toBe(true);
  });

  it("rejects NUL bytes and invalid UTF-8", () => {
    expect(decodeSource(Buffer.from([0x61, 0, 0x62]))).toEqual({ ok: false, message: "binary file (contains NUL bytes), skipped" });
    expect(decodeSource(Buffer.from([0x61, 0xe9, 0x62]))).toEqual({ ok: false, message: "not valid UTF-8, skipped" });
  });
});

describe("decodeSource over the whole file", () => {
  it("finds a NUL byte after the first 8 KiB", () => {
    const bytes = Buffer.concat([Buffer.from("x = 1\n".repeat(4000)), Buffer.from([0]), Buffer.from("y = 2\n")]);
    expect(bytes.indexOf(0)).toBeGreaterThan(8192);
    expect(decodeSource(bytes)).toEqual({ ok: false, message: "binary file (contains NUL bytes), skipped" });
  });
});
