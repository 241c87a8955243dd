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
import { findScriptReferences, urlFilePath, type RelatedInformation, type ScriptReference } from "@hf-jobs-lint/core";

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
  try {
    if (fs.statSync(file.path).size > MAX_SCANNED_BYTES) return null;
    return fs.readFileSync(file.path, "utf8");
  } catch {
    return null; // the analysis reports the unreadable file
  }
}

const toSlashes = (value: string): string => value.split(path.sep).join("/");

/** The files that name scripts, with what they name: the reading and scanning, which no setting changes. */
export type ScannedReferences = readonly { file: IndexedFile; references: ScriptReference[] }[];

export function scanScriptReferences(files: readonly IndexedFile[]): ScannedReferences {
  const scanned: { file: IndexedFile; references: ScriptReference[] }[] = [];
  for (const file of files) {
    const text = readText(file);
    const references = text === null ? [] : findScriptReferences(text);
    if (references.length > 0) scanned.push({ file, references });
  }
  return scanned;
}

/**
 * `scanned`: the files' references when the caller indexes the same files under several settings (a run with
 * per-folder configurations), so each file is read and scanned once.
 */
export function indexJobScripts(files: readonly IndexedFile[], options: JobScriptIndexOptions, scanned: ScannedReferences = scanScriptReferences(files)): JobScriptIndex {
  const index: JobScriptIndex = {};
  const known = new Set<string>();
  const slashed: { path: string; slashed: string }[] = [];
  const byBasename = new Map<string, string[]>();
  for (const file of files) {
    if (!file.path) continue;
    known.add(file.path);
    slashed.push({ path: file.path, slashed: toSlashes(file.path) });
    const base = path.basename(file.path);
    byBasename.set(base, [...(byBasename.get(base) ?? []), file.path]);
  }

  if (options.jobScriptGlobs.length > 0) {
    const matcher = ignore().add([...options.jobScriptGlobs]);
    for (const file of known) {
      const relative = toSlashes(path.relative(options.configRoot, file));
      if (relative && !relative.startsWith("..") && matcher.ignores(relative)) index[file] = { message: "job script: a `job-scripts` pattern of the configuration matches it" };
    }
  }

  const resolve = (target: string, from: IndexedFile): string[] => {
    const inRepo = urlFilePath(target);
    if (inRepo !== null) {
      // A URL of a file: the repository's file at that path (or, for a bare file name, the only file of that name).
      const suffix = `/${inRepo}`;
      if (inRepo.includes("/")) return slashed.filter((candidate) => candidate.slashed.endsWith(suffix)).map((candidate) => candidate.path);
      const named = byBasename.get(inRepo) ?? [];
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
