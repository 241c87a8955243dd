/**
 * Which rules run, Ruff's way: the selection is `--select` (or the config's `select`, or the default rules),
 * plus `extend-select`, minus `ignore`; CLI flags win over the configuration. A selector is a code, a name,
 * a code prefix (`HFJ2`) or `ALL`. `per-file-ignores` takes codes away for matching files, and `test-files`
 * takes core's TEST_FILE_IGNORED_CODES away for test files.
 */
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { RULES, TEST_FILE_IGNORED_CODES, toSlashes, type FileConfig } from "@hf-jobs-lint/core";

export interface SelectionFlags {
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
}

function matches(selector: string, code: string): boolean {
  return selector === "ALL" || code.startsWith(selector);
}

export function resolveEnabledCodes(config: FileConfig, flags: SelectionFlags): Set<string> {
  const select = flags.select ?? config.select;
  const enabled = new Set(RULES.filter((rule) => (select ? select.some((selector) => matches(selector, rule.code)) : rule.enabledByDefault)).map((rule) => rule.code));
  for (const selector of [...(config.extendSelect ?? []), ...(flags.extendSelect ?? [])]) {
    for (const rule of RULES) if (matches(selector, rule.code)) enabled.add(rule.code);
  }
  // A CLI --select starts afresh, so the config's ignore list no longer applies to it.
  const ignored = [...(flags.select ? [] : (config.ignore ?? [])), ...(flags.ignore ?? [])];
  for (const selector of ignored) for (const code of [...enabled]) if (matches(selector, code)) enabled.delete(code);
  return enabled;
}

/** `enabled` less every code a selector (code, prefix, ALL) matches. */
export function withoutSelectors(enabled: Iterable<string>, selectors: readonly string[]): Set<string> {
  const left = new Set(enabled);
  for (const selector of selectors) for (const code of [...left]) if (matches(selector, code)) left.delete(code);
  return left;
}

/** `per-file-ignores` with the test-file codes added for each `test-files` glob (a glob in both gets both). */
export function withTestFiles(table: Record<string, string[]> | undefined, testFiles: readonly string[]): Record<string, string[]> {
  const merged: Record<string, string[]> = { ...(table ?? {}) };
  for (const glob of testFiles) merged[glob] = [...(merged[glob] ?? []), ...TEST_FILE_IGNORED_CODES];
  return merged;
}

export class PerFileIgnores {
  private readonly entries: { matcher: Ignore; negated: boolean; codes: string[] }[];

  constructor(
    table: Record<string, string[]> | undefined,
    private readonly root: string,
  ) {
    // `!glob`, as in Ruff: the codes are ignored in the files that do NOT match the glob.
    this.entries = Object.entries(table ?? {}).map(([glob, codes]) => {
      const negated = glob.startsWith("!");
      return { matcher: ignore().add(negated ? glob.slice(1) : glob), negated, codes };
    });
  }

  /** Is `code` ignored for the file at `absolutePath`? */
  ignores(absolutePath: string, code: string): boolean {
    if (this.entries.length === 0) return false;
    const relative = toSlashes(path.relative(this.root, absolutePath));
    if (!relative || relative.startsWith("..")) return false;
    return this.entries.some((entry) => entry.matcher.ignores(relative) !== entry.negated && entry.codes.some((selector) => matches(selector, code)));
  }
}
