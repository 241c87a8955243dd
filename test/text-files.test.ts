/**
 * The token pass over every other text file: which files discovery sends to it (text, not binary, not a lock file,
 * holding a token prefix), extension-less shell scripts to the shell analyzer, and what `check` reports.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverFiles, fileKind, kindOnDisk, mayFire, readTextSample, TEXT_SCAN_MAX_BYTES } from "@hf-jobs-lint/core";
import { makeTree, runCli } from "./helpers/run-cli.js";

// Made up: mixed case, obviously fake.
const TOKEN = "hf_FakeTextPassTokenForTestsAbCdEfGhI";

function kinds(dir: string): Record<string, string> {
  const found = discoverFiles([dir], { root: dir, exclude: [], respectGitignore: true });
  return Object.fromEntries(found.files.map((file) => [path.relative(dir, file.path).split(path.sep).join("/"), file.kind]));
}

describe("fileKind by name", () => {
  it("gives every file no language analyzer reads the text kind, except binary extensions and lock files", () => {
    expect(fileKind("conf/app.json")).toBe("text");
    expect(fileKind("setup.cfg")).toBe("text");
    expect(fileKind("tox.ini")).toBe("text");
    expect(fileKind("LICENSE")).toBe("text");
    expect(fileKind("model.safetensors")).toBeNull();
    expect(fileKind("weights/pytorch_model.bin")).toBeNull();
    expect(fileKind("logo.PNG")).toBeNull();
    expect(fileKind("dist.tar.gz")).toBeNull();
    expect(fileKind("package-lock.json")).toBeNull();
    expect(fileKind("uv.lock")).toBeNull();
    // Language kinds are unchanged.
    expect(fileKind("a.py")).toBe("python");
    expect(fileKind("types.d.ts")).toBeNull();
  });
});

describe("discovery of text files", () => {
  it("keeps text files holding a token prefix, and leaves out binary, non-UTF-8, lock and token-free files", () => {
    const dir = makeTree({
      "config.json": `{"token": "${TOKEN}"}\n`,
      "notes.txt": "nothing to see here\n",
      "data.dat": Buffer.concat([Buffer.from(`x${TOKEN}`), Buffer.from([0, 1, 2, 0])]),
      "latin1.txt": Buffer.concat([Buffer.from(`caf`), Buffer.from([0xe9]), Buffer.from(` ${TOKEN}\n`)]),
      "weights.safetensors": `${TOKEN}`,
      "package-lock.json": `{"resolved": "${TOKEN}"}\n`,
      "scripts/launch": `#!/usr/bin/env bash\nset -e\necho hi\n`,
      "scripts/run-sh": `#!/bin/sh -e\necho hi\n`,
      "scripts/tool": `#!/usr/bin/env python3\nprint("${TOKEN}")\n`,
      "scripts/plain": `no shebang, ${TOKEN}\n`,
      "scripts/launch.old": `#!/bin/bash\necho ${TOKEN}\n`,
    });
    expect(kinds(dir)).toEqual({
      "config.json": "text",
      "scripts/launch": "shell",
      "scripts/run-sh": "shell",
      // Not a shell shebang: the token pass only.
      "scripts/tool": "text",
      "scripts/plain": "text",
      // A shebang with an extension is the extension's kind (here the token pass).
      "scripts/launch.old": "text",
    });
  });

  it("reads a file only for the text kind", () => {
    expect(kindOnDisk("/no/such/file.py", "python")).toBe("python");
    expect(kindOnDisk("/no/such/file.json", "text")).toBeNull();
  });
});

describe("readTextSample", () => {
  it("gives every byte of a file, whatever its size against the shared buffers (64 KiB, 1 MiB), and null above the limit", () => {
    const sizes = [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024 + 7];
    const files = Object.fromEntries(sizes.map((size) => [`f${size}.txt`, Buffer.from(Array.from({ length: size }, (_, i) => 97 + ((i * 7) % 26)))]));
    const dir = makeTree({ ...files, "big.txt": Buffer.alloc(TEXT_SCAN_MAX_BYTES + 1, 97), "limit.txt": Buffer.alloc(TEXT_SCAN_MAX_BYTES, 98) });
    // Each size twice, in an order that grows and shrinks the shared buffer between reads.
    for (const size of [...sizes, ...sizes.reverse()]) {
      const sample = readTextSample(path.join(dir, `f${size}.txt`));
      expect(sample && Buffer.compare(sample, files[`f${size}.txt`]!)).toBe(0);
    }
    expect(readTextSample(path.join(dir, "big.txt"))).toBeNull();
    expect(readTextSample(path.join(dir, "limit.txt"))?.length).toBe(TEXT_SCAN_MAX_BYTES);
    expect(readTextSample(path.join(dir, "missing.txt"))).toBeNull();
  });
});

describe("the text kind's prefilter", () => {
  it("needs a real-looking token and HFJ101 selected", () => {
    expect(mayFire({ kind: "text", text: `a ${TOKEN}`, selected: null, jobScript: false })).toBe(true);
    expect(mayFire({ kind: "text", text: `a ${TOKEN}`, selected: new Set(["HFJ201"]), jobScript: false })).toBe(false);
    expect(mayFire({ kind: "text", text: "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx and hf_hub_download", selected: null, jobScript: false })).toBe(false);
    expect(mayFire({ kind: "text", text: "token = 1", selected: null, jobScript: false })).toBe(false);
  });
});

describe("check on text files", () => {
  it("reports HFJ101 in a JSON file and an extension-less script, with no error for the binary ones", async () => {
    const dir = makeTree({
      "app.json": `{\r\n  "hub": {"token": "${TOKEN}"}\r\n}\r\n`,
      "bin/deploy": `#!/bin/bash\nexport HF_TOKEN=${TOKEN}\n`,
      "blob.bin": Buffer.concat([Buffer.from(TOKEN), Buffer.from([0])]),
      "blob.unknown": Buffer.concat([Buffer.from(TOKEN), Buffer.from([0])]),
    });
    const result = await runCli(["check", ".", "--output-format", "json", "--select", "HFJ101"], { cwd: dir });
    expect(result.stderr).toBe("");
    const found = (JSON.parse(result.stdout) as { filename: string; location: { row: number; column: number } }[]).map(
      (d) => `${d.filename}:${d.location.row}:${d.location.column}`,
    );
    expect(found).toEqual(["app.json:2:21", "bin/deploy:2:17"]);
    expect(result.stdout).not.toContain(TOKEN);
    // The binary files were not rewritten or touched.
    expect(fs.readFileSync(path.join(dir, "blob.bin")).includes(0)).toBe(true);
  });
});

describe("include and extend-include", () => {
  const tree = (config: string) =>
    makeTree({
      "hf-jobs-lint.toml": config,
      "launch.py": `TOKEN = "${TOKEN}"\n`,
      "notes.txt": `${TOKEN}\n`,
      "yarn.lock": `resolved "${TOKEN}"\n`,
      "sub/icon.svg": `<svg><!-- ${TOKEN} --></svg>\n`,
    });
  const files = async (dir: string, args: string[] = ["."]) => {
    const result = await runCli(["check", ...args, "--output-format", "json", "--select", "HFJ101", "--exit-zero"], { cwd: dir });
    expect(result.stderr).toBe("");
    return [...new Set((JSON.parse(result.stdout) as { filename: string }[]).map((d) => d.filename))].sort();
  };

  it("checks the default set without them (lock files left out)", async () => {
    expect(await files(tree(""))).toEqual(["launch.py", "notes.txt"]);
  });

  it("`include` replaces the default set", async () => {
    expect(await files(tree('include = ["*.py"]\n'))).toEqual(["launch.py"]);
  });

  it("`extend-include` adds to it, a file no analyzer reads by name getting the token pass", async () => {
    expect(await files(tree('extend-include = ["yarn.lock", "*.svg"]\n'))).toEqual(["launch.py", "notes.txt", "sub/icon.svg", "yarn.lock"]);
    expect(await files(tree('include = ["sub/**"]\nextend-include = ["yarn.lock"]\n'))).toEqual(["sub/icon.svg", "yarn.lock"]);
  });

  it("a file named on the command line is checked whatever `include` says", async () => {
    expect(await files(tree('include = ["*.py"]\n'), ["notes.txt"])).toEqual(["notes.txt"]);
  });

  it("rejects a value that is not a list of strings", async () => {
    const result = await runCli(["check", "."], { cwd: tree("include = 3\n") });
    expect(result.stderr).toMatch(/`include` must be a list of strings/);
  });
});
