import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FileChangedError, writeFileAtomic } from "../src/write-atomic.js";
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
