// Every fixture, every fix: `check --fix --unsafe-fixes --select ALL` on a copy of fixtures/ never breaks a file
// (the fix loop refuses fixes that add parse errors and says so; none may be refused), always converges, keeps
// line endings and BOMs, and a second run changes nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./helpers/run-cli.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
let copy: string;
let first: CliResult;
let afterFirst: Map<string, Buffer>;

function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const absolute = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, absolute), fs.readFileSync(absolute));
    }
  }
  return files;
}

beforeAll(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-roundtrip-"));
  fs.cpSync(fixtures, copy, { recursive: true });
  first = await runCli(["check", ".", "--fix", "--unsafe-fixes", "--select", "ALL", "--output-format", "concise", "--threads", "1", "--no-respect-gitignore"], { cwd: copy });
  afterFirst = readTree(copy);
}, 120_000);

afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

describe("fixes over every fixture", () => {
  it("applies fixes somewhere, and never refuses one for breaking a file or failing to converge", () => {
    const before = readTree(fixtures);
    const changed = [...afterFirst].filter(([name, bytes]) => !before.get(name)?.equals(bytes)).map(([name]) => name);
    expect(changed.length).toBeGreaterThan(50);
    expect(first.stdout).not.toMatch(/would introduce a syntax error/);
    expect(first.stdout).not.toMatch(/did not converge/);
  });

  it("keeps each file's line endings and BOM", () => {
    const before = readTree(fixtures);
    for (const [name, bytes] of afterFirst) {
      const original = before.get(name)!;
      const text = bytes.toString("utf8");
      const originalText = original.toString("utf8");
      expect(text.startsWith("\ufeff"), name).toBe(originalText.startsWith("\ufeff"));
      if (originalText.includes("\r\n") && !/(^|[^\r])\n/.test(originalText)) expect(/(^|[^\r])\n/.test(text), `${name} keeps CRLF`).toBe(false);
      if (!originalText.includes("\r")) expect(text.includes("\r"), `${name} keeps LF`).toBe(false);
    }
  });

  it("is idempotent: a second run changes nothing", async () => {
    await runCli(["check", ".", "--fix", "--unsafe-fixes", "--select", "ALL", "--output-format", "concise", "--threads", "1", "--no-respect-gitignore"], { cwd: copy });
    const afterSecond = readTree(copy);
    const changed = [...afterSecond].filter(([name, bytes]) => !afterFirst.get(name)?.equals(bytes)).map(([name]) => name);
    expect(changed).toEqual([]);
  }, 120_000);
});
