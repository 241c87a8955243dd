/**
 * File discovery: every supported file under the given paths, honouring `.gitignore` files (each applies to its
 * own folder and below, as in git), `.git/info/exclude`, the default excludes, `exclude` and `extend-exclude`.
 * Paths named explicitly are always checked, as in Ruff, unless `forceExclude` is set (a pre-commit hook names
 * every staged file, excluded or not); a file named explicitly that no analyzer reads (binary, a lock file) is
 * skipped quietly, as Ruff skips it (a hook passes whatever changed). Every other text file gets at least the token
 * pass (file-kinds.ts). Symlinked folders are followed once: a loop is reported as
 * an error for that path and the walk goes on.
 */
import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { fileKind, kindOnDisk, type FileKind } from "./file-kinds.js";
import { FolderListings } from "./folder-listings.js";
import { toSlashes } from "./slashes.js";

/** Ruff's default excludes, plus the build output folders of JS projects. */
export const DEFAULT_EXCLUDE: readonly string[] = [
  ".bzr",
  ".direnv",
  ".eggs",
  ".git",
  ".git-rewrite",
  ".hg",
  ".mypy_cache",
  ".nox",
  ".pants.d",
  ".pytype",
  ".ruff_cache",
  ".svn",
  ".tox",
  ".venv",
  "__pypackages__",
  "_build",
  "buck-out",
  "dist",
  "node_modules",
  "site-packages",
  "venv",
];

export interface DiscoveryOptions {
  /** Folder that `exclude` patterns are relative to (the config's folder). */
  root: string;
  exclude: readonly string[];
  respectGitignore: boolean;
  /** `--force-exclude`: `exclude` and the default excludes apply to paths named explicitly too. */
  forceExclude?: boolean;
  /**
   * Exclusion decided per path by the caller (each folder's own configuration), on top of `exclude`. `folder`: the
   * folder a walk found it in (`path.dirname(absolute)`, as the walk's own string, which tables keyed by folder can
   * keep instead of a slice of the first path met there).
   */
  isExcluded?: (absolute: string, isDir: boolean, folder?: string) => boolean;
  /**
   * `include`/`extend-include`, decided per file by the caller: whether a file met in a folder walk is checked,
   * `byDefault` saying whether some analyzer reads it by name. Absent: the default set. A file the default set
   * leaves out but this includes gets the token pass.
   */
  isIncluded?: (absolute: string, byDefault: boolean, folder?: string) => boolean;
  /**
   * The kind of a file from its bytes (default: `kindOnDisk`, which reads the token pass's files); a results cache
   * answers it for an unchanged file without reading it.
   */
  kindOnDisk?: (absolute: string, kind: FileKind) => FileKind | null;
  /** Filled with the entry names of every folder walked, as it is walked (the caller's configuration lookups read it). */
  listings?: FolderListings;
  /** Hears of each file found, as it is found (the CLI has its worker load the file's analyzer meanwhile). */
  onFile?: (file: DiscoveredFile) => void;
}

export interface DiscoveredFile {
  path: string;
  kind: FileKind;
}

export interface DiscoveryError {
  path: string;
  message: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  errors: DiscoveryError[];
}

interface ScopedIgnore {
  dir: string;
  matcher: Ignore;
}

function readIgnoreFile(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null; // no such ignore file (or unreadable): no patterns from it
  }
}

/** `absolute` relative to `dir`, `/`-separated, or null when it is not below it (`path.relative` without its resolving: both are absolute). */
function below(dir: string, absolute: string): string | null {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  if (!absolute.startsWith(prefix) || absolute.length === prefix.length) return null;
  const relative = absolute.slice(prefix.length);
  return toSlashes(relative);
}

/** Is `absolute` ignored by the scoped matchers? The deepest matcher with an opinion wins, as in git. */
function isIgnored(absolute: string, isDir: boolean, scopes: readonly ScopedIgnore[]): boolean {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    const relative = below(scope.dir, absolute);
    if (relative === null) continue;
    const result = scope.matcher.test(isDir ? `${relative}/` : relative);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

export function discoverFiles(paths: readonly string[], options: DiscoveryOptions): DiscoveryResult {
  const files: DiscoveredFile[] = [];
  const errors: DiscoveryError[] = [];
  const seenFiles = new Set<string>();
  const listings = options.listings ?? new FolderListings();
  const excludeScope: ScopedIgnore = { dir: options.root, matcher: ignore().add([...options.exclude]) };
  // No `exclude` patterns (the CLI passes each folder's through `isExcluded`): nothing to test them against.
  const excludeScopes: ScopedIgnore[] = options.exclude.length > 0 ? [excludeScope] : [];

  const addFile = (file: string, named: boolean, folder?: string): void => {
    if (seenFiles.has(file)) return;
    let byName = fileKind(file);
    // A path named explicitly is checked whatever `include` says, as in Ruff.
    if (options.isIncluded && !named) {
      if (!options.isIncluded(file, byName !== null, folder)) return;
      byName ??= "text";
    }
    // The token pass's files are opened here to leave binary ones out (and send shell scripts to the shell analyzer).
    const kind = byName && (options.kindOnDisk ?? kindOnDisk)(file, byName);
    if (!kind) return;
    seenFiles.add(file);
    const found = { path: file, kind };
    files.push(found);
    options.onFile?.(found);
  };

  const gitignoreScopesFor = (dir: string): ScopedIgnore[] => {
    // The .gitignore files of the folders above a starting path apply to it too.
    const scopes: ScopedIgnore[] = [];
    const chain: string[] = [];
    for (let current = dir; ; current = path.dirname(current)) {
      chain.unshift(current);
      if (fs.existsSync(path.join(current, ".git")) || path.dirname(current) === current) break;
    }
    for (const folder of chain) {
      const exclude = readIgnoreFile(path.join(folder, ".git", "info", "exclude"));
      if (exclude) scopes.push({ dir: folder, matcher: ignore().add(exclude) });
      const text = readIgnoreFile(path.join(folder, ".gitignore"));
      if (text) scopes.push({ dir: folder, matcher: ignore().add(text) });
    }
    return scopes;
  };

  /** `real`: the folder's real path (a symlink's target is resolved once, where the link is, not for every folder). */
  const walk = (dir: string, real: string, scopes: ScopedIgnore[], ancestors: Set<string>, applyExclude: boolean): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ path: dir, message: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    listings.set(
      dir,
      entries.map((entry) => entry.name),
    );
    let here = scopes;
    if (options.respectGitignore && entries.some((entry) => entry.name === ".gitignore")) {
      const text = readIgnoreFile(path.join(dir, ".gitignore"));
      if (text) here = [...scopes, { dir, matcher: ignore().add(text) }];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `dir` is absolute and normalised (path.resolve'd, then joined with entry names): no join needed.
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      const absolute = prefix + entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const link = entry.isSymbolicLink();
      if (link) {
        try {
          const stat = fs.statSync(absolute);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // A dangling link is not an error in a repository; a link loop is worth saying.
          if (code === "ELOOP") errors.push({ path: absolute, message: "symlink loop" });
          continue;
        }
      }
      if (!isDir && !isFile) continue;
      if (isDir && DEFAULT_EXCLUDE.includes(entry.name)) continue;
      // A file nothing reads (a binary or lock file, unless `include` may bring it in) is dropped before any ignore
      // pattern is tried on it.
      if (isFile && !options.isIncluded && fileKind(absolute) === null) continue;
      if (applyExclude && (isIgnored(absolute, isDir, excludeScopes) || options.isExcluded?.(absolute, isDir, dir))) continue;
      if (options.respectGitignore && isIgnored(absolute, isDir, here)) continue;
      if (isDir) {
        let realChild = path.join(real, entry.name);
        if (link) {
          try {
            realChild = fs.realpathSync(absolute);
          } catch (error) {
            errors.push({ path: absolute, message: `cannot resolve: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
            continue;
          }
        }
        if (ancestors.has(realChild)) {
          errors.push({ path: absolute, message: "symlink loop: this folder links back to one of its parents" });
          continue;
        }
        walk(absolute, realChild, here, new Set([...ancestors, realChild]), applyExclude);
      } else addFile(absolute, false, dir);
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({ path: absolute, message: code === "ENOENT" ? "no such file or folder" : code === "ELOOP" ? "symlink loop" : `cannot read: ${code ?? String(error)}` });
      continue;
    }
    if (options.forceExclude && (isExcludedPath(absolute, stat.isDirectory(), options) || options.isExcluded?.(absolute, stat.isDirectory()))) continue;
    if (stat.isDirectory()) {
      const scopes = options.respectGitignore ? gitignoreScopesFor(path.dirname(absolute)) : [];
      let real = absolute;
      try {
        real = fs.realpathSync(absolute);
      } catch {
        // keep the given path
      }
      // A folder named explicitly is checked even when `exclude` covers it (as a file named explicitly is).
      walk(absolute, real, scopes, new Set([real]), Boolean(options.forceExclude) || (!isIgnored(absolute, true, [excludeScope]) && !options.isExcluded?.(absolute, true)));
    } else addFile(absolute, true);
  }
  return { files, errors };
}

/**
 * Is `absolute` excluded by `exclude` or the default excludes, judged on the path and on every folder between
 * `root` and it, as a walk from `root` would have skipped it? For paths named explicitly (`--force-exclude`) and
 * for files an editor opens. Paths outside `root` are not excluded: the patterns are relative to it.
 */
export function isExcludedPath(absolute: string, isDir: boolean, options: Pick<DiscoveryOptions, "root" | "exclude">): boolean {
  const relative = toSlashes(path.relative(options.root, absolute));
  if (!relative || relative.startsWith("../") || relative === ".." || path.isAbsolute(relative)) return false;
  const matcher = ignore().add([...options.exclude]);
  const parts = relative.split("/");
  for (let depth = 1; depth <= parts.length; depth++) {
    const folder = depth < parts.length || isDir;
    if (folder && DEFAULT_EXCLUDE.includes(parts[depth - 1]!)) return true;
    const prefix = parts.slice(0, depth).join("/");
    if (matcher.ignores(folder ? `${prefix}/` : prefix)) return true;
  }
  return false;
}

/** The nearest folder from `start` upwards that holds `.git`; `fallback` when there is none. */
export function findRepositoryRoot(start: string, fallback: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return fallback;
  }
}
