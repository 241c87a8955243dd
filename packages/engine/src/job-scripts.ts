/**
 * Which files the repository says are job scripts, before any file is analysed: a launch, CI step, shell line,
 * doc or usage text naming the file (core's `findScriptReferences`, over every discovered file), or a
 * `job-scripts` glob. The script rules run only on those files (and on files whose own PEP 723 header says so,
 * which the Python analyzer reads itself), so a library module, a test or a laptop-only tool is not judged as
 * a job script because it happens to call `push_to_hub`.
 */
import fs from "node:fs";
import path from "node:path";
import ignore from "ignore";
import { findScriptReferences, readUntilFull, toSlashes, urlFilePath, type RelatedInformation, type ScriptReference } from "@hf-jobs-lint/core";

/** Absolute path -> the first evidence found that the file is a job script. */
export type JobScriptIndex = Record<string, RelatedInformation>;

export interface IndexedFile {
  filename: string;
  path: string | null;
  /** The text, when it is not read from `path` (stdin). */
  text?: string;
}

export interface JobScriptIndexOptions {
  repoRoot: string;
  /** Folder the `job-scripts` globs are relative to. */
  configRoot: string;
  jobScriptGlobs: readonly string[];
}

/** Files above this size are not scanned for launches (generated data, not launchers). */
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;

function readText(file: IndexedFile): string | null {
  if (file.text !== undefined) return file.text;
  if (!file.path) return null;
  // The same lenient decoding as `readFileSync(path, "utf8")` (U+FFFD for bad bytes), which ScanVerdicts relies on.
  return readBytes(file.path)?.toString("utf8") ?? null;
}

/** The files that name scripts, with what they name: the reading and scanning, which no setting changes. */
export type ScannedReferences = readonly { file: IndexedFile; references: ScriptReference[] }[];

/**
 * What a persistent cache gives the scan: a file's references by its stamp (not read) or by its content (read, not
 * scanned again). The references are a function of the bytes alone.
 */
export interface ScriptReferenceCache {
  /** The references of the file at `filePath` when it is known to be unchanged without reading it; called before any read. */
  unchanged(filePath: string): ScriptReference[] | undefined;
  /** The references of the file at `filePath` whose content is `bytes` (valid during the call only), when known. */
  get(filePath: string, bytes: Buffer): ScriptReference[] | undefined;
  set(filePath: string, bytes: Buffer, references: ScriptReference[]): void;
}

/** One buffer the scan reads every file into: a warm run reads the whole tree, and allocates nothing per file. */
let scratch: Buffer | null = null;

/**
 * A file's bytes in the shared scratch buffer (valid until the next call): null when the file is too large to scan
 * or cannot be read. Read to the end without asking for the size (one byte past the limit shows a file too large):
 * `statSync` built a Stats object per file, about a quarter of the scan's reading on issue 12's checkouts (4,886
 * files, a first pass: 230 -> 175 ms median, 5 processes).
 */
function readBytes(filePath: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(filePath, "r");
  } catch {
    return null; // the analysis reports the unreadable file
  }
  try {
    scratch ??= Buffer.allocUnsafe(MAX_SCANNED_BYTES + 1);
    const length = readUntilFull(fd, scratch, 0);
    if (length > MAX_SCANNED_BYTES) return null;
    return scratch.subarray(0, length);
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Hears each text the scan decodes (`ScanVerdicts`), by the file's index. */
export type OnScannedText = (index: number, text: string) => void;

function referencesOf(file: IndexedFile, index: number, cache: ScriptReferenceCache | undefined, onText: OnScannedText | undefined): ScriptReference[] {
  if (!cache || file.text !== undefined || !file.path) {
    const text = readText(file);
    if (text === null) return [];
    onText?.(index, text);
    return findScriptReferences(text);
  }
  const unchanged = cache.unchanged(file.path);
  if (unchanged) return unchanged;
  const bytes = readBytes(file.path);
  if (bytes === null) return [];
  const known = cache.get(file.path, bytes);
  if (known) return known;
  // Decoded as readText decodes.
  const text = bytes.toString("utf8");
  onText?.(index, text);
  const references = findScriptReferences(text);
  cache.set(file.path, bytes, references);
  return references;
}

export function scanScriptReferences(files: readonly IndexedFile[], cache?: ScriptReferenceCache, onText?: OnScannedText): ScannedReferences {
  const scanned: { file: IndexedFile; references: ScriptReference[] }[] = [];
  for (let index = 0; index < files.length; index++) {
    const file = files[index]!;
    const references = referencesOf(file, index, cache, onText);
    if (references.length > 0) scanned.push({ file, references });
  }
  return scanned;
}

interface FileTable {
  /** The files it was built from, as they were (a list changed since is built again). */
  files: readonly IndexedFile[];
  paths: readonly (string | null)[];
  known: ReadonlySet<string>;
  /** The files a URL's path names, by that path: looked up by a scan of the list, once per path. */
  byUrlPath: Map<string, readonly string[]>;
}

/** The paths of a list of files, by what resolution looks them up with; built once per list (a run indexes it per settings). */
const fileTables = new WeakMap<readonly IndexedFile[], FileTable>();

function fileTable(files: readonly IndexedFile[]): FileTable {
  let table = fileTables.get(files);
  if (table && table.files.length === files.length && table.files.every((file, i) => file === files[i] && file.path === table!.paths[i])) return table;
  const known = new Set<string>();
  for (const file of files) if (file.path) known.add(file.path);
  table = { files: [...files], paths: files.map((file) => file.path), known, byUrlPath: new Map() };
  fileTables.set(files, table);
  return table;
}

/**
 * The files a URL's path names: those ending in it when it has folders, else the files of that name. A scan of the
 * list rather than tables of every file's slashed path and name (3.3 MB of the main thread's heap on ten copies of
 * issue 12's checkouts, for the few URLs a tree holds); each path is scanned for once per list, whatever the settings.
 */
function filesAtUrlPath(table: FileTable, inRepo: string): readonly string[] {
  const known = table.byUrlPath.get(inRepo);
  if (known) return known;
  const suffix = `/${inRepo}`;
  const nested = inRepo.includes("/");
  const found: string[] = [];
  for (const { path: file } of table.files) {
    if (file && (nested ? toSlashes(file).endsWith(suffix) : isNamed(file, inRepo))) found.push(file);
  }
  table.byUrlPath.set(inRepo, found);
  return found;
}

/** `path.basename(file) === name`, without a new string per file. */
function isNamed(file: string, name: string): boolean {
  if (!file.endsWith(name)) return false;
  return path.basename(file) === name;
}

/**
 * `scanned`: the files' references when the caller indexes the same files under several settings (a run with
 * per-folder configurations), so each file is read and scanned once.
 */
export function indexJobScripts(files: readonly IndexedFile[], options: JobScriptIndexOptions, scanned: ScannedReferences = scanScriptReferences(files)): JobScriptIndex {
  const index: JobScriptIndex = {};
  const table = fileTable(files);
  const { known } = table;

  if (options.jobScriptGlobs.length > 0) {
    const matcher = ignore().add([...options.jobScriptGlobs]);
    for (const file of known) {
      const relative = toSlashes(path.relative(options.configRoot, file));
      if (relative && !relative.startsWith("..") && matcher.ignores(relative)) index[file] = { message: "job script: a `job-scripts` pattern of the configuration matches it" };
    }
  }

  const resolve = (target: string, from: IndexedFile): readonly string[] => {
    const inRepo = urlFilePath(target);
    if (inRepo !== null) {
      // A URL of a file: the repository's file at that path (or, for a bare file name, the only file of that name).
      const named = filesAtUrlPath(table, inRepo);
      if (inRepo.includes("/")) return named;
      return named.length === 1 ? named : named.filter((candidate) => candidate === from.path);
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return [];
    const bases = from.path ? [path.dirname(from.path), options.repoRoot, options.configRoot] : [options.repoRoot, options.configRoot];
    for (const base of bases) {
      const candidate = path.resolve(base, target);
      if (known.has(candidate)) return [candidate];
    }
    // Usage text inside the script itself names it as the user runs it: `hf jobs uv run train.py`.
    return from.path && path.basename(target) === path.basename(from.path) ? [from.path] : [];
  };

  for (const { file, references } of scanned) {
    for (const reference of references) {
      for (const script of resolve(reference.target, file)) {
        if (index[script]) continue;
        const self = script === file.path;
        index[script] = self
          ? { message: `job script: its own usage text runs it with ${reference.via}`, filename: file.filename, row: reference.row }
          : { message: `job script: ${reference.via} runs it`, filename: file.filename, row: reference.row };
      }
    }
  }
  return index;
}
