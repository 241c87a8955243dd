/**
 * Where `check` keeps its results cache and whether it may, as Ruff decides for `.ruff_cache`: `--no-cache` or
 * `HF_JOBS_LINT_NO_CACHE` turn it off; the folder is `--cache-dir`, else `HF_JOBS_LINT_CACHE_DIR`, else the
 * `cache-dir` setting of the working directory's configuration (relative to that configuration's folder), else
 * `.hf-jobs-lint_cache` in the project root (the folder of that configuration, or the working directory).
 */
import path from "node:path";
import { DEFAULT_CACHE_DIR_NAME } from "@hf-jobs-lint/engine";
import type { SettingsResolver } from "./settings.js";

/** An environment flag that is set and not a "no" (`0`, `false`, `no`, `off`). */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && !/^(?:|0|false|no|off|n|f)$/i.test(value.trim());
}

/** `--no-cache` (commander's `cache: false`) or the environment. */
export function cacheDisabled(flags: { cache?: boolean }): boolean {
  return flags.cache === false || envFlag(process.env.HF_JOBS_LINT_NO_CACHE);
}

export function cacheDirFor(flags: { cacheDir?: string }, resolver: SettingsResolver, cwd: string): string {
  const given = flags.cacheDir ?? (process.env.HF_JOBS_LINT_CACHE_DIR || undefined);
  if (given !== undefined) return path.resolve(cwd, given);
  const { loaded, config } = resolver.configFor(path.join(cwd, "-"));
  return path.resolve(loaded.root, config.cacheDir ?? DEFAULT_CACHE_DIR_NAME);
}
