// The job-script scan's reading: every file up to the size limit is read whole (the last byte of a file of exactly
// 2 MiB included), a larger one is not scanned, bad UTF-8 decodes as readFileSync decodes it, and an unreadable
// path (missing, a folder) is skipped quietly (the analysis reports it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanScriptReferences } from "@hf-jobs-lint/engine";

const LIMIT = 2 * 1024 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-scan-read-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A shell file of exactly `size` bytes whose last line launches `train.py`. */
function launcherOfSize(name: string, size: number): string {
  const line = "hf jobs uv run train.py\n";
  const file = path.join(dir, name);
  fs.writeFileSync(file, "#".repeat(size - line.length - 1) + "\n" + line);
  expect(fs.statSync(file).size).toBe(size);
  return file;
}

const scannedTexts = (files: string[]): Map<string, string> => {
  const texts = new Map<string, string>();
  scanScriptReferences(
    files.map((file) => ({ filename: path.basename(file), path: file })),
    undefined,
    (index, text) => texts.set(path.basename(files[index]!), text),
  );
  return texts;
};

describe("the job-script scan's reading", () => {
  it("reads a file of the limit whole, and skips one a byte larger", () => {
    const atLimit = launcherOfSize("at-limit.sh", LIMIT);
    const over = launcherOfSize("over.sh", LIMIT + 1);
    const scanned = scanScriptReferences([atLimit, over].map((file) => ({ filename: path.basename(file), path: file })));
    expect(scanned.map(({ file, references }) => [file.filename, references.map((reference) => reference.target)])).toEqual([["at-limit.sh", ["train.py"]]]);
  });

  it("decodes as readFileSync(path, 'utf8') does, and skips what it cannot read", () => {
    const bad = path.join(dir, "latin1.sh");
    fs.writeFileSync(bad, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    fs.mkdirSync(path.join(dir, "folder.sh"));
    const texts = scannedTexts([bad, path.join(dir, "folder.sh"), path.join(dir, "missing.sh")]);
    expect([...texts]).toEqual([["latin1.sh", fs.readFileSync(bad, "utf8")]]);
    expect(texts.get("latin1.sh")).toBe("caf\uFFFD\n");
  });
});
