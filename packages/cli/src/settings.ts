/**
 * From flags and configuration files to the settings each file is checked with. Every file gets the nearest
 * configuration from its own folder upwards (core's ConfigDiscovery), so results do not depend on the working
 * directory; the flags go over each one, as in Ruff. Files whose settings come out the same share one
 * `CheckSettings` (the engine's unit of work), so a repository with one configuration is still one batch.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigDiscovery, ConfigError, normaliseCodes, parseInlineConfig, type FileConfig, type FolderListings, type ResolvedConfig } from "@hf-jobs-lint/core";
import { resolveEnabledCodes, withoutSelectors, type CheckSettings } from "@hf-jobs-lint/engine";
import { UsageError } from "./io.js";

/** The flags that choose settings (a subset of `check`'s options). */
export interface SettingsFlags {
  select?: string[];
  ignore?: string[];
  extendSelect?: string[];
  extendIgnore?: string[];
  /** `--config`: files and inline `key = value` settings, in the order given. */
  config?: string[];
  isolated?: boolean;
  exclude?: string[];
  extendExclude?: string[];
  perFileIgnores?: string[];
  extendPerFileIgnores?: string[];
  respectGitignore?: boolean;
  includeCounterexamples?: boolean;
  fix?: boolean;
  unsafeFixes?: boolean;
  diff?: boolean;
  /** Look for configuration no higher than this folder (`--repos`: each repository's own configuration). */
  configBoundary?: string;
}

/** Comma-separated flag values, split and trimmed. */
export function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

function codesFromFlag(values: string[] | undefined, flag: string): string[] | undefined {
  const split = splitList(values);
  if (!split) return undefined;
  try {
    return normaliseCodes(split, flag);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * `--per-file-ignores 'tests/*:HFJ101,docs/**:HFJ102'`: Ruff's `pattern:code` pairs, comma-separated; a bare code
 * after a pair adds to that pair's pattern (`tests/*:HFJ101,HFJ102`). A leading `!` negates the pattern.
 */
export function parsePerFileIgnorePairs(values: readonly string[], flag: string): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  let last: string | null = null;
  for (const item of splitList(values) ?? []) {
    const colon = item.lastIndexOf(":");
    let pattern: string;
    let code: string;
    if (colon > 0) {
      pattern = item.slice(0, colon).trim();
      code = item.slice(colon + 1).trim();
    } else if (last !== null) {
      pattern = last;
      code = item;
    } else throw new UsageError(`${flag}: expected \`pattern:CODE\`, got \`${item}\``);
    if (!pattern || !code) throw new UsageError(`${flag}: expected \`pattern:CODE\`, got \`${item}\``);
    for (const item of codesFromFlag([code], flag) ?? []) (table[pattern] ??= []).push(item);
    last = pattern;
  }
  return table;
}

/** `--config` values: at most one file, any number of inline settings (Ruff's rule). */
function splitConfigFlags(values: readonly string[], cwd: string): { file?: string; overrides: FileConfig[] } {
  let file: string | undefined;
  const overrides: FileConfig[] = [];
  for (const value of values) {
    const asPath = path.resolve(cwd, value);
    if (fs.existsSync(asPath) && fs.statSync(asPath).isFile()) {
      if (file) throw new UsageError(`--config: only one configuration file can be given (\`${file}\` and \`${value}\`)`);
      file = value;
      continue;
    }
    let inline: FileConfig | null;
    try {
      inline = parseInlineConfig(value);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (!inline) {
      throw new UsageError(`--config: \`${value}\` is neither a configuration file nor a TOML \`key = value\` setting (e.g. --config 'select = ["HFJ101"]')`);
    }
    overrides.push(inline);
  }
  return { ...(file ? { file } : {}), overrides };
}

/** What the flags override in every configuration: they go in as the last, innermost inline settings. */
function flagOverrides(flags: SettingsFlags): FileConfig {
  const override: FileConfig = {};
  if (flags.exclude) override.exclude = splitList(flags.exclude) ?? [];
  if (flags.extendExclude) override.extendExclude = splitList(flags.extendExclude) ?? [];
  if (flags.perFileIgnores) override.perFileIgnores = parsePerFileIgnorePairs(flags.perFileIgnores, "--per-file-ignores");
  if (flags.extendPerFileIgnores) override.extendPerFileIgnores = parsePerFileIgnorePairs(flags.extendPerFileIgnores, "--extend-per-file-ignores");
  return override;
}

export interface FileSettings {
  settings: CheckSettings;
  /** A key for the batch: files with the same key share settings. */
  key: string;
  config: ResolvedConfig;
}

export class SettingsResolver {
  readonly discovery: ConfigDiscovery;
  private readonly flags: SettingsFlags;
  private readonly selection: { select?: string[]; ignore?: string[]; extendSelect?: string[] };
  private readonly cache = new Map<string, CheckSettings>();
  /** By working directory, then file (null: stdin): keyed by the path itself, which the run holds anyway. */
  private readonly byFile = new Map<string, Map<string | null, FileSettings>>();
  private readonly byCombination = new Map<string, FileSettings>();
  private readonly configIds = new Map<ResolvedConfig, number>();

  /** `listings`: folder entry names this run's discovery fills as it walks (configuration lookups read them). */
  constructor(flags: SettingsFlags, cwd: string, listings?: FolderListings) {
    this.flags = flags;
    const { file, overrides } = splitConfigFlags(flags.config ?? [], cwd);
    if (file && flags.isolated) throw new UsageError("--config FILE cannot be combined with --isolated");
    const fromFlags = flagOverrides(flags);
    try {
      this.discovery = new ConfigDiscovery({
        cwd,
        ...(file ? { configFile: file } : {}),
        isolated: Boolean(flags.isolated),
        overrides: [...overrides, fromFlags],
        ...(flags.configBoundary !== undefined ? { boundary: flags.configBoundary } : {}),
        ...(listings ? { listings } : {}),
      });
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    const ignore = [...(codesFromFlag(flags.ignore, "--ignore") ?? []), ...(codesFromFlag(flags.extendIgnore, "--extend-ignore") ?? [])];
    const select = codesFromFlag(flags.select, "--select");
    const extendSelect = codesFromFlag(flags.extendSelect, "--extend-select");
    this.selection = { ...(select ? { select } : {}), ...(ignore.length > 0 ? { ignore } : {}), ...(extendSelect ? { extendSelect } : {}) };
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
  }

  /** The configuration of the folder a path is in (for discovery's excludes and `--show-settings`). */
  configFor(file: string): ResolvedConfig {
    return this.guard(() => this.discovery.forFile(file));
  }

  /** `folder`: the one holding `absolute`, when the caller has it (see ConfigDiscovery.isExcluded). */
  isExcluded(absolute: string, isDir: boolean, folder?: string): boolean {
    return this.guard(() => this.discovery.isExcluded(absolute, isDir, folder));
  }

  isIncluded(absolute: string, byDefault: boolean, folder?: string): boolean {
    return this.guard(() => this.discovery.isIncluded(absolute, byDefault, folder));
  }

  /** `respect-gitignore`: the flag, else the configuration of the working directory, else true. */
  respectGitignore(cwd: string): boolean {
    if (this.flags.respectGitignore !== undefined) return this.flags.respectGitignore;
    return this.guard(() => this.discovery.forFolder(cwd).config.respectGitignore) ?? true;
  }

  /** The settings for one file (an absolute path; null for stdin without a filename: the working directory's). */
  forFile(file: string | null, cwd: string): FileSettings {
    // Asked again for the same file as the run goes (job-script index, dispatch, re-checks): resolved once. A key
    // made of file and folder was a new string per file, and a second copy of its path once hashed: 9 MB of the
    // main thread's heap on ten copies of issue 12's checkouts.
    let inCwd = this.byFile.get(cwd);
    if (!inCwd) this.byFile.set(cwd, (inCwd = new Map()));
    let resolved = inCwd.get(file);
    if (!resolved) inCwd.set(file, (resolved = this.resolveFile(file, cwd)));
    return resolved;
  }

  private resolveFile(file: string | null, cwd: string): FileSettings {
    const probe = file ?? path.join(cwd, "-");
    const config = this.configFor(probe);
    const ignored = file ? config.ignoredSelectors(file) : [];
    const repoRoot = this.discovery.repositoryRoot(probe);
    // Most files of a folder share a configuration and its per-file-ignores: those are resolved once each.
    const combination = `${this.configId(config)}\0${ignored.join(",")}\0${repoRoot}`;
    let resolved = this.byCombination.get(combination);
    if (!resolved) this.byCombination.set(combination, (resolved = this.resolveCombination(config, ignored, repoRoot)));
    return resolved;
  }

  private configId(config: ResolvedConfig): number {
    let id = this.configIds.get(config);
    if (id === undefined) this.configIds.set(config, (id = this.configIds.size));
    return id;
  }

  private resolveCombination(config: ResolvedConfig, ignored: readonly string[], repoRoot: string): FileSettings {
    const enabledForConfig = this.guard(() => resolveEnabledCodes(config.config, this.selection));
    const enabled = [...withoutSelectors(enabledForConfig, ignored)].sort();
    const includeCounterexamples = this.flags.includeCounterexamples ?? config.config.includeCounterexamples ?? false;
    const jobScriptGlobs = [...(config.config.jobScripts ?? [])];
    const hubVersion = config.config.hubVersion ?? null;
    // `job-scripts` globs are relative to the configuration's folder: it is part of the key when they are set.
    const key = JSON.stringify([enabled, repoRoot, includeCounterexamples, jobScriptGlobs, jobScriptGlobs.length > 0 ? config.loaded.root : null, hubVersion]);
    let settings = this.cache.get(key);
    if (!settings) {
      settings = {
        enabled,
        // Per-file-ignores and test-files are already taken out of `enabled` for this file (their patterns can
        // come from several folders through `extend`), so the engine gets none.
        perFileIgnores: {},
        testFiles: [],
        jobScriptGlobs,
        configRoot: config.loaded.root,
        repoRoot,
        includeCounterexamples,
        hubVersion,
        fix: Boolean(this.flags.fix),
        unsafeFixes: Boolean(this.flags.unsafeFixes),
        diff: Boolean(this.flags.diff),
      };
      this.cache.set(key, settings);
    }
    return { settings, key, config };
  }
}
