/**
 * Job scripts a TS/JS launcher names by path: `hf_jobs("uv", { script: "scripts/train.py" })` and the script of
 * an `hf jobs uv run scripts/train.py` argv. Resolution (beside the launcher, then at the repository root) and
 * analysis are the Python package's `resolveLocalScript`; this file gives it the plugin's own file access:
 * - the launcher is `context.filename`, only when absolute (ESLint linting a file on disk);
 * - the repository root is the nearest folder upwards holding `.git`, else the launcher's folder;
 * - analysis is cached per absolute path, modification time and size for the whole process: ESLint lints many
 *   files, the same script is named by many launchers, and an editor session sees scripts change.
 * A URL, a value with a substitution, or a file that does not exist resolves to nothing (no finding).
 */
import fs from "node:fs";
import path from "node:path";
import { findRepositoryRoot, namedFileCandidates, type NamedFile, type ScriptFacts } from "@hf-jobs-lint/core";
import { MAX_SCRIPT_BYTES, readScriptText, resolveLocalScript, type ScriptNeeds, type ScriptNeedsCache } from "@hf-jobs-lint/python";
import type { Context } from "./ast.js";
import { scriptNeedsOf } from "./python-bridge.js";

export interface LocalScript {
  /** Absolute path of the analysed file. */
  path: string;
  /** The path as the launcher wrote it, in backticks. */
  label: string;
  needs: ScriptNeeds;
  /** What core's command-line rules need to know. */
  facts: ScriptFacts;
}

const roots = new Map<string, string>();

/** The nearest folder at or above `folder` holding `.git` (a folder, or a file in a worktree); else `folder`. */
export function repositoryRoot(folder: string): string {
  let root = roots.get(folder);
  if (root === undefined) roots.set(folder, (root = findRepositoryRoot(folder, folder)));
  return root;
}

function statFile(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null; // no such file: nothing to analyse
  }
}

interface CachedAnalysis {
  mtimeMs: number;
  size: number;
  needs: ScriptNeeds | null;
}

const analysed = new Map<string, CachedAnalysis>();
// The stat taken before a file is read, so a change while it is analysed is seen on the next lookup.
const statsBeforeRead = new Map<string, fs.Stats>();

/** Per-process cache keyed by absolute path, valid while the file's mtime and size are unchanged. */
const processCache: ScriptNeedsCache<ScriptNeeds> = {
  get(file) {
    const stat = statFile(file);
    // Missing: nothing to analyse (not remembered, the file may appear later).
    if (!stat) return null;
    if (stat.size > MAX_SCRIPT_BYTES) return null;
    const entry = analysed.get(file);
    if (entry && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size) return entry.needs;
    statsBeforeRead.set(file, stat);
    return undefined;
  },
  set(file, needs) {
    const stat = statsBeforeRead.get(file);
    statsBeforeRead.delete(file);
    if (stat) analysed.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, needs });
  },
};

/**
 * The engine's file access while it lints one file (`withFileAccess`): scripts are read through it, so the engine
 * learns which files a launcher's findings depend on (its re-checks after `--fix`, its results cache), with a
 * cache for that file only. Null under ESLint itself: the process cache above.
 */
let fileAccess: { readFile(absolutePath: string): string | null; cache: Map<string, ScriptNeeds | null> } | null = null;

/** Run `lint` (synchronous: ESLint's `verify`) with scripts and named files read through `readFile`. */
export function withFileAccess<T>(readFile: (absolutePath: string) => string | null, lint: () => T): T {
  const previous = fileAccess;
  fileAccess = { readFile, cache: new Map() };
  try {
    return lint();
  } finally {
    fileAccess = previous;
  }
}

/** The launcher's absolute path, or null when ESLint lints text that is not a file on disk. */
function launcherPath(context: Context): string | null {
  const filename = context.filename;
  return filename && path.isAbsolute(filename) ? filename : null;
}

/** Resolve and analyse the local script `scriptPath` named from the file being linted; null when it does not resolve. */
export function resolveLocalScriptFrom(context: Context, scriptPath: string): LocalScript | null {
  const launcher = launcherPath(context);
  if (!launcher) return null;
  const resolved = resolveLocalScript(scriptPath, {
    launcherPath: launcher,
    root: repositoryRoot(path.dirname(launcher)),
    readFile: fileAccess?.readFile ?? readScriptText,
    analyze: scriptNeedsOf,
    cache: fileAccess?.cache ?? processCache,
  });
  return resolved ? { path: resolved.path, label: resolved.label, needs: resolved.needs, facts: resolved.facts } : null;
}

/** A file an `hf jobs` argv names (`--secrets-file .env.secrets`), found as a script is; null off disk or when missing. */
export function namedFileFrom(context: Context, written: string): NamedFile | null {
  const launcher = launcherPath(context);
  if (!launcher) return null;
  for (const candidate of namedFileCandidates(written, launcher, repositoryRoot(path.dirname(launcher)))) {
    const text = (fileAccess?.readFile ?? readScriptText)(candidate);
    if (text !== null) return { label: `\`${written}\``, text };
  }
  return null;
}

/** Forget every cached analysis and root (tests that rewrite files within the same mtime tick). */
export function clearLocalScriptCache(): void {
  analysed.clear();
  statsBeforeRead.clear();
  roots.clear();
}
