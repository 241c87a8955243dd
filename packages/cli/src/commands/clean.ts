/**
 * `hf-jobs-lint clean`, as `ruff clean`: remove the results cache of the working directory (the folder `check`
 * would use there) and every `.hf-jobs-lint_cache` folder below it. A configured `cache-dir` that is not a cache
 * folder this tool made (no CACHEDIR.TAG of its own) is left alone: a mistyped setting must not delete a project.
 */
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_CACHE_DIR_NAME, isCacheDir } from "@hf-jobs-lint/engine";
import { cacheDirFor } from "../cache.js";
import { UsageError, type Io } from "../io.js";
import { SettingsResolver } from "../settings.js";

/** Folders not walked into: a repository's history and installed packages hold no cache of this tool's. */
const NOT_WALKED = new Set([".git", "node_modules"]);

function cacheFoldersUnder(root: string, found: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return; // unreadable: nothing of ours can be removed there
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || NOT_WALKED.has(entry.name)) continue;
    const folder = path.join(root, entry.name);
    if (entry.name === DEFAULT_CACHE_DIR_NAME) found.push(folder);
    else cacheFoldersUnder(folder, found);
  }
}

export function cleanCommand(options: { cacheDir?: string; config?: string[]; isolated?: boolean }, io: Io): number {
  const resolver = new SettingsResolver({ ...(options.config ? { config: options.config } : {}), ...(options.isolated ? { isolated: true } : {}) }, io.cwd);
  const configured = cacheDirFor(options, resolver, io.cwd);
  const folders: string[] = [];
  if (fs.existsSync(configured)) {
    if (!isCacheDir(configured)) throw new UsageError(`${configured} is not an hf-jobs-lint cache folder (it has no CACHEDIR.TAG of hf-jobs-lint): not removed`);
    folders.push(configured);
  }
  cacheFoldersUnder(io.cwd, folders);
  for (const folder of new Set(folders)) {
    io.stderr(`Removing cache at: ${folder}\n`);
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return 0;
}
