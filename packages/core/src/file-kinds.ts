/**
 * Which analyzer a file goes to, decided from its path (`fileKind`), and for the files no language analyzer reads,
 * from their first bytes at discovery (`kindOnDisk`): binary files are skipped, an extension-less script with a
 * shell shebang is shell, any other text file gets the token pass (`text`).
 */
import fs from "node:fs";
import path from "node:path";
import { toSlashes } from "./slashes.js";

export type FileKind = "python" | "typescript" | "shell" | "yaml-ci" | "markdown" | "dotenv" | "notebook" | "dockerfile" | "text";

const BY_EXTENSION: Record<string, FileKind> = {
  ".py": "python",
  ".pyi": "python",
  ".ts": "typescript",
  ".tsx": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".js": "typescript",
  ".jsx": "typescript",
  ".mjs": "typescript",
  ".cjs": "typescript",
  ".sh": "shell",
  ".bash": "shell",
  ".zsh": "shell",
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdx": "markdown",
  ".ipynb": "notebook",
};

/**
 * Files that cannot hold a readable token, or whose bytes are not text: images, fonts, archives, compiled code,
 * model weights and data sets (binary or huge). Skipped by name, without being opened (gitleaks' default allowlist
 * skips images, fonts and archives the same way).
 */
const BINARY_EXTENSIONS = new Set(
  (
    ".png .jpg .jpeg .gif .bmp .ico .icns .webp .avif .tif .tiff .psd .svg .eps .pdf " +
    ".woff .woff2 .ttf .otf .eot " +
    ".zip .gz .tgz .bz2 .xz .zst .lz4 .7z .rar .tar .jar .war .whl .egg .deb .rpm .dmg .iso .apk " +
    ".so .dylib .dll .exe .o .a .lib .obj .class .pyc .pyo .pyd .wasm .node " +
    ".safetensors .bin .pt .pth .ckpt .onnx .h5 .hdf5 .pb .tflite .gguf .ggml .msgpack .npy .npz .pkl .pickle .joblib " +
    ".parquet .arrow .feather .avro .orc .db .sqlite .sqlite3 .lmdb " +
    ".mp3 .mp4 .wav .flac .ogg .opus .m4a .mov .avi .mkv .webm " +
    ".map"
  ).split(" "),
);

/**
 * Lock files are generated from the manifests (which are checked): hundreds of hash and URL lines where no one
 * writes a token by hand. gitleaks' default allowlist skips them for the same reason.
 */
const LOCK_FILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "Cargo.lock",
  "go.sum",
  "composer.lock",
  "Gemfile.lock",
  "flake.lock",
]);

/** Extensions that make a `.env.*` name something else (`.env.d.ts`, `.env.schema.json`). */
const NOT_DOTENV_EXTENSIONS = new Set([...Object.keys(BY_EXTENSION), ".json", ".yml", ".yaml", ".toml", ".lock"]);

/** `.env`, `.env.local`, `.env.example`, `.envrc`, `secrets.env`: where tokens are kept, and sometimes committed. */
function isDotenvName(base: string): boolean {
  if (base === ".env" || base === ".envrc") return true;
  if (base.startsWith(".env.")) return !NOT_DOTENV_EXTENSIONS.has(path.posix.extname(base).toLowerCase());
  return base.endsWith(".env") && base.length > 4;
}

/** `Dockerfile`, `Dockerfile.dev`, `gpu.Dockerfile`, `Containerfile`. */
function isDockerfileName(base: string): boolean {
  const lower = base.toLowerCase();
  return lower === "dockerfile" || lower === "containerfile" || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile") || lower.endsWith(".containerfile");
}

/**
 * The kind of a file, or null when no analyzer reads it. Every YAML file goes to the CI analyzer (GitHub Actions
 * and GitLab CI by their paths, others by their shape). A
 * dotenv file in a repository is checked for tokens; a `.gitignore`d one is skipped like any ignored file. Any
 * other file not binary by its name nor a lock file is `text` (the token pass): a token in a `.json`, `.toml` or
 * `.txt` is as leaked as one in Python.
 */
export function fileKind(filePath: string): FileKind | null {
  const normalized = toSlashes(filePath);
  const base = path.posix.basename(normalized);
  if (base === "Makefile" || base === "makefile" || base === "GNUmakefile" || base.endsWith(".mk")) return "shell";
  if (isDotenvName(base)) return "dotenv";
  const extension = path.posix.extname(base).toLowerCase();
  // Every YAML file: GitHub Actions and GitLab CI files by their paths, any other by its shape (command steps
  // holding launch lines), which the CI analyzer decides.
  if (extension === ".yml" || extension === ".yaml") return "yaml-ci";
  if (base.endsWith(".d.ts")) return null;
  const known = BY_EXTENSION[extension];
  if (known) return known;
  // After the extensions: `dockerfile.ts` is a module about Dockerfiles.
  if (isDockerfileName(base)) return "dockerfile";
  if (LOCK_FILES.has(base) || BINARY_EXTENSIONS.has(extension)) return null;
  return "text";
}

/** Bytes tested for binary content: git's and gitleaks' first 8000-odd bytes. */
export const SNIFF_BYTES = 8192;

/**
 * Text files above this size are skipped by the token pass: generated data (a JSON dump, a vocabulary), and the
 * engine refuses files this large anyway (its read limit).
 */
export const TEXT_SCAN_MAX_BYTES = 10 * 1024 * 1024;

/** `#!/bin/bash`, `#!/usr/bin/env bash`, `#!/bin/sh -e`, `#!/usr/bin/env -S zsh`, `#!/bin/dash`. */
const SHELL_SHEBANG = /^#![ \t]*\/\S*\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|z|da|k)?sh(?=[ \t\r\n]|$)/;

/**
 * Binary by its first bytes: a NUL (the engine's read refuses the same files for the same reason) or bytes that are
 * not UTF-8 (the engine would refuse them too, with an error that means nothing for a data file).
 */
export function looksBinary(head: Uint8Array): boolean {
  if (head.includes(0)) return true;
  try {
    // `stream`: a character cut at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return false;
  } catch {
    return true;
  }
}

const TOKEN_PREFIXES = [Buffer.from("hf_"), Buffer.from("api_org_")];

/**
 * The kind of a discovered file once its bytes are known, for the `text` kind only (every other kind is decided
 * by name and never opened here). Null, and the file is skipped quietly as gitleaks skips it: binary, too large,
 * unreadable, or holding no token prefix at all, so that the token pass has nothing to report (most files of a
 * repository: they never reach the engine, whose per-file cost is far above this byte search). `shell` for an
 * extension-less script with a shell shebang.
 */
export function kindOnDisk(filePath: string, kind: FileKind): FileKind | null {
  if (kind !== "text") return kind;
  const bytes = readTextSample(filePath);
  return bytes ? kindOfBytes(filePath, bytes) : null;
}

/** `kindOnDisk` of a `text`-kind file whose bytes are `bytes` (what `readTextSample` gave). */
export function kindOfBytes(filePath: string, bytes: Buffer): FileKind | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (bytes[0] === 0x23 && bytes[1] === 0x21 && path.extname(filePath) === "" && isShellShebang(head.toString("utf8", 0, 200))) {
    return looksBinary(head) ? null : "shell";
  }
  if (!TOKEN_PREFIXES.some((prefix) => bytes.includes(prefix))) return null;
  return looksBinary(head) ? null : "text";
}

/** One buffer for every read (discovery is synchronous): thousands of small files, no allocation each. */
let readBuffer = Buffer.alloc(64 * 1024);

/**
 * The bytes `kindOnDisk` judges a `text`-kind file by (a view of a shared buffer, valid until the next call); null
 * when unreadable or too large. Read to the end of the file as `readFileSync` reads; its size is asked for only when
 * the shared buffer fills: a `Stats` object per file was a third of the time over issue 12's checkouts (4,761 such
 * files, 4,193 of them typescript-eslint's `.shot` snapshots: 126 -> 85 ms for a first pass, 6 processes).
 */
export function readTextSample(filePath: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(filePath, "r");
  } catch {
    return null;
  }
  try {
    let buffer = readBuffer;
    let read = readUntilFull(fd, buffer, 0);
    if (read === buffer.length) {
      const size = fs.fstatSync(fd).size;
      if (size > TEXT_SCAN_MAX_BYTES) return null;
      // A large file gets a buffer of its own, which is not kept; a byte more than the size shows the end.
      const larger = size < 1024 * 1024 ? (readBuffer = Buffer.alloc(1024 * 1024)) : Buffer.alloc(size + 1);
      buffer.copy(larger, 0, 0, read);
      buffer = larger;
      read = readUntilFull(fd, buffer, read);
      if (read > TEXT_SCAN_MAX_BYTES) return null;
    }
    return buffer.subarray(0, read);
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Read a file opened at `fd` into `buffer` from byte `offset` (of both) until the end of the file or of the buffer,
 * as `readFileSync` reads; the number of bytes in the buffer.
 */
export function readUntilFull(fd: number, buffer: Buffer, offset: number): number {
  let read = offset;
  for (let got = -1; got !== 0 && read < buffer.length; read += got) got = fs.readSync(fd, buffer, read, buffer.length - read, read);
  return read;
}

/** The first line of `text` is a shell shebang. */
export function isShellShebang(text: string): boolean {
  return SHELL_SHEBANG.test(text);
}
