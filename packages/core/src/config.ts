/**
 * Configuration: `[tool.hf-jobs-lint]` in `pyproject.toml`, or the top level of `hf-jobs-lint.toml` (which wins
 * in the same folder, as `ruff.toml` wins over `pyproject.toml`). Each file gets the nearest configuration from
 * its own folder upwards (config-discovery.ts) unless `--config` names one; `extend` inherits another file's
 * settings. Unknown keys and unknown rule codes are errors, as in Ruff.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { findRule } from "./catalog/index.js";
import { normaliseHubVersion } from "./domain/command-line/hub-versions.js";

export interface FileConfig {
  /** Another configuration file (relative to this one's folder, `~` expanded) whose settings this one inherits. */
  extend?: string;
  select?: string[];
  ignore?: string[];
  extendSelect?: string[];
  /** Glob (gitignore syntax, relative to the config's folder; `!glob`: files not matching) -> codes ignored in matching files. */
  perFileIgnores?: Record<string, string[]>;
  /** More `per-file-ignores`, added to the inherited ones instead of replacing them. */
  extendPerFileIgnores?: Record<string, string[]>;
  exclude?: string[];
  extendExclude?: string[];
  /**
   * Globs (gitignore syntax, relative to the config's folder) of the files a folder walk checks, replacing the
   * default set (every file some analyzer reads), as Ruff's `include`; a matching file no analyzer reads by name
   * gets the token pass.
   */
  include?: string[];
  /** More files to check on top of `include` (or of the default set), as Ruff's `extend-include`. */
  extendInclude?: string[];
  respectGitignore?: boolean;
  includeCounterexamples?: boolean;
  /** Globs (gitignore syntax, relative to the config's folder) of test files: TEST_FILE_IGNORED_CODES do not apply there. */
  testFiles?: string[];
  /** The huggingface_hub version whose `hf jobs` parser reads command lines; wins over the manifests. */
  hubVersion?: string;
  /**
   * Globs (gitignore syntax, relative to the config's folder) of job scripts: files the script rules (HFJ301, the
   * script side of HFJ103/HFJ104) apply to even when no launch, header or usage text in the repository names them.
   */
  jobScripts?: string[];
  /** Where `check` keeps its results cache (relative to the config's folder); default `.hf-jobs-lint_cache` there. */
  cacheDir?: string;
}

/**
 * Test files unless `test-files` says otherwise: the places Ruff's and pytest's conventions put tests, at any depth (a
 * monorepo's `packages/x/tests/`), and end-to-end suites (`e2e/`), whose fake credentials are the point too.
 */
export const DEFAULT_TEST_FILES: readonly string[] = [
  "**/tests/**",
  "**/e2e/**",
  "**/test_*.py",
  "**/*_test.py",
  "**/conftest.py",
  "**/*.test.ts",
  "**/*.spec.ts",
  "**/__tests__/**",
];

/**
 * Rules that do not apply in test files. HFJ102: a fake token passed where a token goes is what a unit test of
 * token handling is made of (`HfApi(token="my-token")`); a real-looking token there is still HFJ101.
 */
export const TEST_FILE_IGNORED_CODES: readonly string[] = ["HFJ102"];

/**
 * Relative patterns with the folder they are relative to: an `extend`ed file's patterns keep its own folder, as
 * in Ruff. `extending` marks an `extend-*` key's set, which adds up through `extend` instead of being replaced.
 */
export interface PatternSet {
  root: string;
  patterns: readonly string[];
  extending?: boolean;
}

export interface PerFileIgnoreSet {
  root: string;
  table: Readonly<Record<string, readonly string[]>>;
  extending?: boolean;
}

export interface LoadedConfig {
  /** The settings after `extend` (and inline `--config` overrides) are merged. */
  config: FileConfig;
  /** The file it came from, or null when there is none. */
  file: string | null;
  /** Folder that relative patterns (exclude, per-file-ignores) are resolved against. */
  root: string;
  /** The files read, the most basic `extend`ed one first; absent when `file` is null. */
  chain?: string[];
  /** `exclude` and `extend-exclude` patterns, each set with its own folder (absent: `config`'s, relative to `root`). */
  excludeSets?: PatternSet[];
  /** `per-file-ignores` and `extend-per-file-ignores`, likewise. */
  perFileIgnoreSets?: PerFileIgnoreSet[];
  /** `test-files` with its folder (absent: `config`'s or the defaults, relative to `root`). */
  testFileSet?: PatternSet;
}

export class ConfigError extends Error {}

const KEYS: Record<string, keyof FileConfig> = {
  extend: "extend",
  select: "select",
  ignore: "ignore",
  "extend-select": "extendSelect",
  "per-file-ignores": "perFileIgnores",
  "extend-per-file-ignores": "extendPerFileIgnores",
  exclude: "exclude",
  "extend-exclude": "extendExclude",
  include: "include",
  "extend-include": "extendInclude",
  "respect-gitignore": "respectGitignore",
  "include-counterexamples": "includeCounterexamples",
  "test-files": "testFiles",
  "hub-version": "hubVersion",
  "job-scripts": "jobScripts",
  "cache-dir": "cacheDir",
};

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new ConfigError(`${where} must be a list of strings`);
  }
  return value as string[];
}

/** Rule codes or names, normalised to codes; `ALL` stays `ALL`. */
export function normaliseCodes(values: readonly string[], where: string): string[] {
  return values.map((value) => {
    if (value.toUpperCase() === "ALL") return "ALL";
    const rule = findRule(value);
    if (rule) return rule.code;
    // A prefix selects a group, as in Ruff (`HFJ2` = every HFJ2xx rule).
    if (/^HFJ\d{0,2}$/i.test(value)) return value.toUpperCase();
    throw new ConfigError(`${where}: unknown rule \`${value}\``);
  });
}

function validateConfig(raw: Record<string, unknown>, file: string): FileConfig {
  const config: FileConfig = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = KEYS[key];
    const where = `${file}: \`${key}\``;
    switch (field) {
      case undefined:
        throw new ConfigError(`${file}: unknown option \`${key}\` (expected one of ${Object.keys(KEYS).join(", ")})`);
      case "select":
      case "ignore":
      case "extendSelect":
        config[field] = normaliseCodes(stringList(value, where), where);
        break;
      case "exclude":
      case "extendExclude":
      case "include":
      case "extendInclude":
      case "testFiles":
      case "jobScripts":
        config[field] = stringList(value, where);
        break;
      case "perFileIgnores":
      case "extendPerFileIgnores": {
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${where} must be a table`);
        const table: Record<string, string[]> = {};
        for (const [glob, codes] of Object.entries(value)) {
          if (glob === "!" || glob === "") throw new ConfigError(`${where}: empty pattern`);
          table[glob] = normaliseCodes(stringList(codes, `${where}.${glob}`), `${where}.${glob}`);
        }
        config[field] = table;
        break;
      }
      case "extend":
      case "cacheDir":
        if (typeof value !== "string" || value === "") throw new ConfigError(`${where} must be a path`);
        config[field] = value;
        break;
      case "hubVersion": {
        const version = typeof value === "string" ? normaliseHubVersion(value) : null;
        if (!version) throw new ConfigError(`${where} must be a huggingface_hub version such as "0.36.2" or "1.29.0"`);
        config.hubVersion = version;
        break;
      }
      case "respectGitignore":
      case "includeCounterexamples":
        if (typeof value !== "boolean") throw new ConfigError(`${where} must be true or false`);
        config[field] = value;
        break;
    }
  }
  return config;
}

function readToml(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${file}: invalid TOML: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** The `[tool.hf-jobs-lint]` table of a pyproject.toml, or null when it has none. */
function pyprojectSection(file: string): Record<string, unknown> | null {
  const tool = readToml(file).tool as Record<string, unknown> | undefined;
  const section = tool?.["hf-jobs-lint"];
  if (section === undefined) return null;
  if (typeof section !== "object" || section === null) throw new ConfigError(`${file}: [tool.hf-jobs-lint] must be a table`);
  return section as Record<string, unknown>;
}

/** The settings of one file, `extend` not yet followed. */
function readConfigFile(absolute: string): FileConfig {
  const raw = path.basename(absolute) === "pyproject.toml" ? (pyprojectSection(absolute) ?? {}) : readToml(absolute);
  return validateConfig(raw, absolute);
}

/** `~` and `$VAR`/`${VAR}` expanded, as Ruff expands `extend`. */
function expandPath(value: string): string {
  const expanded = value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => process.env[braced ?? bare ?? ""] ?? whole);
  return expanded === "~" || expanded.startsWith("~/") ? path.join(os.homedir(), expanded.slice(1)) : expanded;
}

/** Pattern-valued settings of one file, each with that file's folder. */
function scopedPatterns(config: FileConfig, root: string): Required<Pick<LoadedConfig, "excludeSets" | "perFileIgnoreSets">> & Pick<LoadedConfig, "testFileSet"> {
  const excludeSets: PatternSet[] = [];
  if (config.exclude) excludeSets.push({ root, patterns: config.exclude });
  if (config.extendExclude) excludeSets.push({ root, patterns: config.extendExclude, extending: true });
  const perFileIgnoreSets: PerFileIgnoreSet[] = [];
  if (config.perFileIgnores) perFileIgnoreSets.push({ root, table: config.perFileIgnores });
  if (config.extendPerFileIgnores) perFileIgnoreSets.push({ root, table: config.extendPerFileIgnores, extending: true });
  return { excludeSets, perFileIgnoreSets, ...(config.testFiles ? { testFileSet: { root, patterns: config.testFiles } } : {}) };
}

/** A set replaced by the child when the child sets the same (non-`extend-*`) key. */
function inherited<T extends { extending?: boolean }>(sets: readonly T[], childSetsKey: boolean): T[] {
  return sets.filter((set) => set.extending || !childSetsKey);
}

/**
 * `child` over `base`, as Ruff merges `extend`: a key the child sets replaces the base's, except the `extend-*`
 * keys, which add up. Patterns keep the folder of the file that wrote them.
 */
export function mergeConfigs(base: LoadedConfig, child: FileConfig, childRoot: string): Omit<LoadedConfig, "file" | "root" | "chain"> {
  const config: FileConfig = { ...base.config, ...child };
  delete config.extend;
  const baseScoped = scopedPatterns(base.config, base.root);
  const own = scopedPatterns(child, childRoot);
  if (base.config.extendSelect && child.extendSelect) config.extendSelect = [...base.config.extendSelect, ...child.extendSelect];
  if (base.config.extendExclude && child.extendExclude) config.extendExclude = [...base.config.extendExclude, ...child.extendExclude];
  if (base.config.extendInclude && child.extendInclude) config.extendInclude = [...base.config.extendInclude, ...child.extendInclude];
  if (base.config.extendPerFileIgnores && child.extendPerFileIgnores) config.extendPerFileIgnores = { ...base.config.extendPerFileIgnores, ...child.extendPerFileIgnores };
  const testFileSet = own.testFileSet ?? base.testFileSet ?? baseScoped.testFileSet;
  return {
    config,
    excludeSets: [...inherited(base.excludeSets ?? baseScoped.excludeSets, child.exclude !== undefined), ...own.excludeSets],
    perFileIgnoreSets: [...inherited(base.perFileIgnoreSets ?? baseScoped.perFileIgnoreSets, child.perFileIgnores !== undefined), ...own.perFileIgnoreSets],
    ...(testFileSet ? { testFileSet } : {}),
  };
}

function loadWithExtends(absolute: string, seen: readonly string[]): LoadedConfig {
  if (seen.includes(absolute)) throw new ConfigError(`${absolute}: \`extend\` cycle: ${[...seen, absolute].join(" -> ")}`);
  const own = readConfigFile(absolute);
  const root = path.dirname(absolute);
  if (own.extend === undefined) return { config: own, file: absolute, root, chain: [absolute], ...scopedPatterns(own, root) };
  const target = path.resolve(root, expandPath(own.extend));
  if (!fs.existsSync(target)) throw new ConfigError(`${absolute}: \`extend\`: no such file ${target}`);
  const base = loadWithExtends(target, [...seen, absolute]);
  return { ...mergeConfigs(base, own, root), file: absolute, root, chain: [...base.chain!, absolute] };
}

/** Load a named config file (`--config`), following `extend`. */
export function loadConfigFile(file: string): LoadedConfig {
  return loadWithExtends(path.resolve(file), []);
}

/** The configuration file that governs folder `dir` itself (not its parents), or null. */
export function configFileIn(dir: string, names?: readonly string[]): string | null {
  // `names`: the folder's entries when a walk has just listed them (no lookup per candidate).
  const has = (name: string): boolean => (names ? names.includes(name) : fs.existsSync(path.join(dir, name)));
  if (has("hf-jobs-lint.toml")) return path.join(dir, "hf-jobs-lint.toml");
  const pyproject = path.join(dir, "pyproject.toml");
  if (has("pyproject.toml") && pyprojectSection(pyproject)) return pyproject;
  return null;
}

/**
 * The nearest configuration from `start` upwards, no higher than `boundary` when given (a repository's own
 * configuration, not one of the folder its checkout sits in); an empty one rooted at `start` when there is none.
 */
export function findConfig(start: string, boundary?: string): LoadedConfig {
  const stop = boundary === undefined ? null : path.resolve(boundary);
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = configFileIn(dir);
    if (file) return loadConfigFile(file);
    if (path.dirname(dir) === dir || dir === stop) return { config: {}, file: null, root: path.resolve(start) };
  }
}

/**
 * Inline settings (`--config 'select = ["HFJ101"]'`): one TOML `key = value` pair (or several), validated as a
 * configuration file's top level. Null when `text` is not TOML of that shape (then it names a file).
 */
export function parseInlineConfig(text: string): FileConfig | null {
  let raw: Record<string, unknown>;
  try {
    raw = parseToml(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (Object.keys(raw).length === 0) return null;
  return validateConfig(raw, "--config");
}
