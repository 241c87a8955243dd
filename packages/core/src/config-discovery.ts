/**
 * Configuration per file, as Ruff finds it: each file gets the nearest `hf-jobs-lint.toml` or `pyproject.toml`
 * with `[tool.hf-jobs-lint]` from its own folder upwards, whatever the working directory; `--config FILE` gives
 * every file that one, `--isolated` none; inline `--config 'key = value'` settings go over whichever applies.
 * A file with no configuration above it gets the defaults, rooted at the working directory (as in Ruff).
 */
import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import type { FolderListings } from "./folder-listings.js";
import { toSlashes } from "./slashes.js";
import { configFileIn, loadConfigFile, mergeConfigs, DEFAULT_TEST_FILES, TEST_FILE_IGNORED_CODES, type FileConfig, type LoadedConfig, type PatternSet } from "./config.js";

export interface ConfigDiscoveryOptions {
  /** The working directory: the root of the defaults, and what `--config FILE` is relative to. */
  cwd: string;
  /** `--config FILE`: one configuration for every file. */
  configFile?: string;
  /** `--isolated`: no configuration file at all. */
  isolated?: boolean;
  /** Inline `--config 'key = value'` settings, applied over every configuration. */
  overrides?: readonly FileConfig[];
  /** No configuration above this folder is used (`--repos`: a repository's own, not the folder its checkout sits in). */
  boundary?: string;
  /** Entry names of folders already listed this run (discovery fills it as it walks): looked up instead of the disk. */
  listings?: FolderListings;
}

/** `relative` under `root`, or null when the path is not below it (both absolute; sliced, as `path.relative` is slow). */
function relativeTo(root: string, absolute: string): string | null {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (absolute.startsWith(prefix)) return absolute.length > prefix.length ? toSlashes(absolute.slice(prefix.length)) : null;
  const relative = toSlashes(path.relative(root, absolute));
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : null;
}

/**
 * Paths a matcher answers before it is compiled afresh: `ignore` remembers its answer for every path it is asked
 * about (and for each folder above it), while a run asks about each file once: on ten copies of issue 12's
 * checkouts the `test-files` matcher alone held 5.4 MB of answers. A fresh one works its folders out again, cheaply.
 */
const MATCHER_MEMORY = 1024;

/**
 * `path.resolve(file)`, as the caller's own string when resolving changes nothing. The folders these tables are
 * keyed by are slices of it: of a fresh copy of every path, they kept one per folder (3 MB of the main thread's
 * heap on ten copies of issue 12's checkouts); the caller's paths are kept by the run anyway.
 */
function asResolved(file: string): string {
  const resolved = path.resolve(file);
  return resolved === file ? file : resolved;
}

/** A gitignore-syntax pattern set with its folder; `!glob` in per-file-ignores means "files that do not match". */
class ScopedMatcher {
  private matcher: Ignore;
  private answered = 0;
  constructor(
    readonly root: string,
    private readonly patterns: readonly string[],
  ) {
    this.matcher = ignore().add([...patterns]);
  }
  matches(absolute: string, isDir = false): boolean {
    const relative = relativeTo(this.root, absolute);
    if (relative === null) return false;
    if (++this.answered > MATCHER_MEMORY) {
      this.matcher = ignore().add([...this.patterns]);
      this.answered = 1;
    }
    return this.matcher.ignores(isDir ? `${relative}/` : relative);
  }
}

interface PerFileIgnoreEntry {
  matcher: ScopedMatcher;
  negated: boolean;
  selectors: readonly string[];
}

/** A configuration with its patterns compiled once. */
export class ResolvedConfig {
  private readonly exclude: ScopedMatcher[];
  private readonly perFileIgnores: PerFileIgnoreEntry[];
  private readonly testFiles: ScopedMatcher;
  private readonly include: ScopedMatcher | null;
  private readonly extendInclude: ScopedMatcher | null;

  constructor(readonly loaded: LoadedConfig) {
    // Relative to the folder of the configuration that governs the file (an `extend`ed file's are not kept apart).
    this.include = loaded.config.include ? new ScopedMatcher(loaded.root, loaded.config.include) : null;
    this.extendInclude = loaded.config.extendInclude ? new ScopedMatcher(loaded.root, loaded.config.extendInclude) : null;
    const sets: PatternSet[] = loaded.excludeSets ?? [
      ...(loaded.config.exclude ? [{ root: loaded.root, patterns: loaded.config.exclude }] : []),
      ...(loaded.config.extendExclude ? [{ root: loaded.root, patterns: loaded.config.extendExclude }] : []),
    ];
    this.exclude = sets.map((set) => new ScopedMatcher(set.root, set.patterns));
    const ignoreSets = loaded.perFileIgnoreSets ?? [
      { root: loaded.root, table: loaded.config.perFileIgnores ?? {} },
      { root: loaded.root, table: loaded.config.extendPerFileIgnores ?? {} },
    ];
    this.perFileIgnores = ignoreSets.flatMap((set) =>
      Object.entries(set.table).map(([glob, selectors]) => {
        const negated = glob.startsWith("!");
        return { matcher: new ScopedMatcher(set.root, [negated ? glob.slice(1) : glob]), negated, selectors };
      }),
    );
    const tests = loaded.testFileSet ?? { root: loaded.root, patterns: loaded.config.testFiles ?? DEFAULT_TEST_FILES };
    this.testFiles = new ScopedMatcher(tests.root, tests.patterns);
  }

  get config(): FileConfig {
    return this.loaded.config;
  }

  isExcluded(absolute: string, isDir: boolean): boolean {
    return this.exclude.some((matcher) => matcher.matches(absolute, isDir));
  }

  /** Does a folder walk check this file? `byDefault`: some analyzer reads it by name (the default set). */
  isIncluded(absolute: string, byDefault: boolean): boolean {
    if (this.extendInclude?.matches(absolute)) return true;
    return this.include ? this.include.matches(absolute) : byDefault;
  }

  isTestFile(absolute: string): boolean {
    return this.testFiles.matches(absolute);
  }

  /** Rule selectors (codes, prefixes, ALL) that `per-file-ignores` and `test-files` take away from this file. */
  ignoredSelectors(absolute: string): string[] {
    const selectors = new Set<string>();
    for (const entry of this.perFileIgnores) {
      if (entry.matcher.matches(absolute) !== entry.negated) for (const selector of entry.selectors) selectors.add(selector);
    }
    if (this.isTestFile(absolute)) for (const code of TEST_FILE_IGNORED_CODES) selectors.add(code);
    return [...selectors].sort();
  }
}

export class ConfigDiscovery {
  private readonly byFolder = new Map<string, ResolvedConfig>();
  /** Repository roots by folder: every file of a folder has its folder's (one walk up per folder, not per file). */
  private readonly rootByFolder = new Map<string, string>();
  /** The nearest folder with `.git` from each folder up (null: none), shared by the folders below it. */
  private readonly gitByFolder = new Map<string, string | null>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  private readonly fixed: ResolvedConfig | null;

  constructor(private readonly options: ConfigDiscoveryOptions) {
    if (options.configFile) this.fixed = this.resolve(loadConfigFile(path.resolve(options.cwd, options.configFile)));
    else if (options.isolated) this.fixed = this.resolve({ config: {}, file: null, root: path.resolve(options.cwd) });
    else this.fixed = null;
  }

  /** Inline overrides on top, rooted at the working directory for their patterns. */
  private resolve(loaded: LoadedConfig): ResolvedConfig {
    let current = loaded;
    for (const override of this.options.overrides ?? []) {
      current = { ...current, ...mergeConfigs(current, override, path.resolve(this.options.cwd)) };
    }
    return new ResolvedConfig(current);
  }

  private forConfigFile(file: string): ResolvedConfig {
    let resolved = this.byFile.get(file);
    if (!resolved) this.byFile.set(file, (resolved = this.resolve(loadConfigFile(file))));
    return resolved;
  }

  /** The configuration that governs the files of folder `dir`. */
  forFolder(dir: string): ResolvedConfig {
    if (this.fixed) return this.fixed;
    // Callers mostly pass resolved paths (a walk asks for the same folder for each of its files): looked up first.
    const known = this.byFolder.get(dir);
    if (known) return known;
    const folder = asResolved(dir);
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const file = configFileIn(folder, this.options.listings?.names(folder));
    let resolved: ResolvedConfig;
    if (file) resolved = this.forConfigFile(file);
    else if (path.dirname(folder) === folder || (this.options.boundary !== undefined && folder === path.resolve(this.options.boundary)))
      resolved = this.resolve({ config: {}, file: null, root: path.resolve(this.options.cwd) });
    else resolved = this.forFolder(path.dirname(folder));
    this.byFolder.set(folder, resolved);
    return resolved;
  }

  forFile(file: string): ResolvedConfig {
    return this.forFolder(path.dirname(asResolved(file)));
  }

  /** Every configuration file read so far, `extend`ed ones too. */
  configFilesRead(): string[] {
    const files = new Set<string>();
    for (const resolved of [...this.byFile.values(), ...(this.fixed ? [this.fixed] : [])]) for (const file of resolved.loaded.chain ?? []) files.add(file);
    return [...files];
  }

  /**
   * Does a folder walk check this file, by the `include`/`extend-include` of the folder that holds it? `folder`:
   * that folder when the caller has it as a string of its own (a walk's): the table keeps it, where
   * `path.dirname(absolute)` is a slice that keeps the whole path alive (2.6 MB of the main thread's heap on ten
   * copies of issue 12's checkouts, the first file of every folder).
   */
  isIncluded(absolute: string, byDefault: boolean, folder = path.dirname(absolute)): boolean {
    return this.forFolder(folder).isIncluded(absolute, byDefault);
  }

  /** Is this path excluded by the configuration of the folder that holds it? `folder`: as for isIncluded. */
  isExcluded(absolute: string, isDir: boolean, folder = path.dirname(absolute)): boolean {
    return this.forFolder(folder).isExcluded(absolute, isDir);
  }

  /**
   * The root that same-repository script paths resolve against: the nearest folder with `.git`; without one,
   * the working directory when the file is below it (as before), else the file's configuration folder or its own.
   */
  repositoryRoot(file: string): string {
    const folder = path.dirname(asResolved(file));
    let root = this.rootByFolder.get(folder);
    if (root === undefined) {
      const cwd = path.resolve(this.options.cwd);
      const fallback = relativeTo(cwd, folder) !== null || folder === cwd ? cwd : this.forFolder(folder).loaded.file ? this.forFolder(folder).loaded.root : folder;
      this.rootByFolder.set(folder, (root = this.nearestGitFolder(folder) ?? fallback));
    }
    return root;
  }

  /** `findRepositoryRoot` without its fallback, remembered for every folder on the way up. */
  private nearestGitFolder(folder: string): string | null {
    let found = this.gitByFolder.get(folder);
    if (found === undefined) {
      const parent = path.dirname(folder);
      const hasGit = this.options.listings?.includes(folder, ".git") ?? fs.existsSync(path.join(folder, ".git"));
      found = hasGit ? folder : parent === folder ? null : this.nearestGitFolder(parent);
      this.gitByFolder.set(folder, found);
    }
    return found;
  }
}
