/**
 * Configuration: `[tool.hf-jobs-lint]` in `pyproject.toml`, or the top level of `hf-jobs-lint.toml` (which wins
 * in the same folder, as `ruff.toml` wins over `pyproject.toml`). The nearest file from the working directory
 * upwards is used unless `--config` names one. Unknown keys and unknown rule codes are errors, as in Ruff.
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { findRule } from "./catalog/index.js";
import { normaliseHubVersion } from "./domain/command-line/hub-versions.js";

export interface FileConfig {
  select?: string[];
  ignore?: string[];
  extendSelect?: string[];
  /** Glob (gitignore syntax, relative to the config's folder) -> codes ignored in matching files. */
  perFileIgnores?: Record<string, string[]>;
  exclude?: string[];
  extendExclude?: string[];
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

export interface LoadedConfig {
  config: FileConfig;
  /** The file it came from, or null when there is none. */
  file: string | null;
  /** Folder that relative patterns (exclude, per-file-ignores) are resolved against. */
  root: string;
}

export class ConfigError extends Error {}

const KEYS: Record<string, keyof FileConfig> = {
  select: "select",
  ignore: "ignore",
  "extend-select": "extendSelect",
  "per-file-ignores": "perFileIgnores",
  exclude: "exclude",
  "extend-exclude": "extendExclude",
  "respect-gitignore": "respectGitignore",
  "include-counterexamples": "includeCounterexamples",
  "test-files": "testFiles",
  "hub-version": "hubVersion",
  "job-scripts": "jobScripts",
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
      case "testFiles":
      case "jobScripts":
        config[field] = stringList(value, where);
        break;
      case "perFileIgnores": {
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${where} must be a table`);
        const table: Record<string, string[]> = {};
        for (const [glob, codes] of Object.entries(value)) table[glob] = normaliseCodes(stringList(codes, `${where}.${glob}`), `${where}.${glob}`);
        config.perFileIgnores = table;
        break;
      }
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

/** Load a named config file (`--config`). */
export function loadConfigFile(file: string): LoadedConfig {
  const absolute = path.resolve(file);
  const raw = path.basename(absolute) === "pyproject.toml" ? (pyprojectSection(absolute) ?? {}) : readToml(absolute);
  return { config: validateConfig(raw, absolute), file: absolute, root: path.dirname(absolute) };
}

/**
 * The nearest configuration from `start` upwards, no higher than `boundary` when given (a repository's own
 * configuration, not one of the folder its checkout sits in); an empty one rooted at `start` when there is none.
 */
export function findConfig(start: string, boundary?: string): LoadedConfig {
  let dir = path.resolve(start);
  const stop = boundary === undefined ? null : path.resolve(boundary);
  for (;;) {
    const dedicated = path.join(dir, "hf-jobs-lint.toml");
    if (fs.existsSync(dedicated)) return loadConfigFile(dedicated);
    const pyproject = path.join(dir, "pyproject.toml");
    if (fs.existsSync(pyproject)) {
      const section = pyprojectSection(pyproject);
      if (section) return { config: validateConfig(section, pyproject), file: pyproject, root: dir };
    }
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop) return { config: {}, file: null, root: path.resolve(start) };
    dir = parent;
  }
}
