/**
 * The server's settings: what the client sends (the `hf-jobs-lint` section of the workspace configuration, or
 * `initializationOptions.settings`), and from it and the configuration files the engine's `CheckSettings` for a
 * document. The files are found as `hf-jobs-lint check` finds them run from the workspace folder: the nearest
 * `hf-jobs-lint.toml` or `[tool.hf-jobs-lint]` from the document's folder upwards (or the file `configuration`
 * names), the client's rule lists over it as the CLI's flags go over it.
 */
import path from "node:path";
import { DEFAULT_TEST_FILES, findConfig, findRepositoryRoot, loadConfigFile, normaliseCodes, type LoadedConfig } from "@hf-jobs-lint/core";
import { resolveEnabledCodes, type CheckSettings } from "@hf-jobs-lint/engine";

export interface ServerSettings {
  /** Check documents at all. */
  enable: boolean;
  /** As `--select`, `--ignore`, `--extend-select` (codes, names, prefixes or ALL); null: the configuration's. */
  select: string[] | null;
  ignore: string[] | null;
  extendSelect: string[] | null;
  /** A configuration file, as `--config` (relative to the workspace folder); null: the nearest to each document. */
  configuration: string | null;
  /** "Fix all" also applies unsafe fixes, as `--unsafe-fixes`. Each unsafe fix is offered on its own either way, marked unsafe. */
  unsafeFixes: boolean;
  /** As `--include-counterexamples`; null: the configuration's. */
  includeCounterexamples: boolean | null;
  /** Check as you type, or when a document is opened and saved. */
  run: "onType" | "onSave";
  /** Offer code actions that add a `# noqa` (or the language's disable comment) for a finding. */
  noqaActions: boolean;
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = {
  enable: true,
  select: null,
  ignore: null,
  extendSelect: null,
  configuration: null,
  unsafeFixes: false,
  includeCounterexamples: null,
  run: "onType",
  noqaActions: true,
};

/** The section of the workspace configuration the server asks for. */
export const SETTINGS_SECTION = "hf-jobs-lint";

export interface NormalisedSettings {
  settings: ServerSettings;
  /** What was wrong with the client's values (each replaced by its default). */
  problems: string[];
}

/** A client's settings object, checked key by key: a wrong value is reported and replaced by its default, never fatal. */
export function normaliseSettings(raw: unknown): NormalisedSettings {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== "object" || Array.isArray(raw)) return { settings, problems: [`${SETTINGS_SECTION}: expected an object of settings`] };
  const values = raw as Record<string, unknown>;
  const where = (key: string) => `${SETTINGS_SECTION}.${key}`;
  for (const key of ["enable", "unsafeFixes", "noqaActions"] as const) {
    const value = values[key];
    if (value === undefined) continue;
    if (typeof value === "boolean") settings[key] = value;
    else problems.push(`${where(key)} must be true or false`);
  }
  if (values.includeCounterexamples !== undefined && values.includeCounterexamples !== null) {
    if (typeof values.includeCounterexamples === "boolean") settings.includeCounterexamples = values.includeCounterexamples;
    else problems.push(`${where("includeCounterexamples")} must be true, false or null`);
  }
  for (const key of ["select", "ignore", "extendSelect"] as const) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
      problems.push(`${where(key)} must be a list of rule codes or names`);
      continue;
    }
    try {
      settings[key] = normaliseCodes(value as string[], where(key));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (values.configuration !== undefined && values.configuration !== null && values.configuration !== "") {
    if (typeof values.configuration === "string") settings.configuration = values.configuration;
    else problems.push(`${where("configuration")} must be the path of a configuration file`);
  }
  if (values.run !== undefined) {
    if (values.run === "onType" || values.run === "onSave") settings.run = values.run;
    else problems.push(`${where("run")} must be "onType" or "onSave"`);
  }
  return { settings, problems };
}

export interface DocumentSettings {
  /** What the engine checks the document with (no job-script index yet: the workspace adds it). */
  check: CheckSettings;
  /** `exclude` and `extend-exclude`, relative to `check.configRoot`. */
  exclude: string[];
  /** The configuration file used, or null. */
  configFile: string | null;
}

/** Configuration files by the folder they were looked up from; cleared when a configuration file changes. */
export class ConfigCache {
  private readonly found = new Map<string, LoadedConfig>();

  load(start: string, named: string | null): LoadedConfig {
    const key = `${named ?? ""}\0${start}`;
    let loaded = this.found.get(key);
    if (!loaded) {
      loaded = named ? loadConfigFile(named) : findConfig(start);
      this.found.set(key, loaded);
    }
    return loaded;
  }

  clear(): void {
    this.found.clear();
  }
}

/** Is this file one the configuration comes from (a change to it changes every document's settings)? */
export function isConfigFile(file: string): boolean {
  const base = path.basename(file);
  return base === "pyproject.toml" || base === "hf-jobs-lint.toml";
}

/**
 * The settings a document is checked with. `filePath` null: an unsaved document (the workspace folder's
 * configuration). Throws ConfigError for a broken configuration file.
 */
export function documentSettings(filePath: string | null, folder: string | null, server: ServerSettings, cache: ConfigCache): DocumentSettings {
  const start = filePath ? path.dirname(filePath) : (folder ?? process.cwd());
  const base = folder ?? start;
  const loaded = cache.load(start, server.configuration ? path.resolve(base, server.configuration) : null);
  const { config } = loaded;
  const enabled = resolveEnabledCodes(config, {
    ...(server.select ? { select: server.select } : {}),
    ...(server.ignore ? { ignore: server.ignore } : {}),
    ...(server.extendSelect ? { extendSelect: server.extendSelect } : {}),
  });
  // With no configuration file the CLI's patterns are relative to where it runs: the workspace folder here.
  const configRoot = loaded.file ? loaded.root : base;
  const check: CheckSettings = {
    enabled: [...enabled],
    perFileIgnores: config.perFileIgnores ?? {},
    testFiles: [...(config.testFiles ?? DEFAULT_TEST_FILES)],
    jobScriptGlobs: [...(config.jobScripts ?? [])],
    configRoot,
    repoRoot: findRepositoryRoot(start, base),
    includeCounterexamples: server.includeCounterexamples ?? config.includeCounterexamples ?? false,
    hubVersion: config.hubVersion ?? null,
    fix: false,
    unsafeFixes: false,
    diff: false,
  };
  return { check, exclude: [...(config.exclude ?? []), ...(config.extendExclude ?? [])], configFile: loaded.file };
}
