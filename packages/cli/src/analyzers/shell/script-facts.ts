/**
 * What a local job script needs (HFJ203, HFJ204): the script a `uv run` launch names is resolved relative to the
 * file holding the command line, then to the repository root, read through the CLI's `readFile`, and analysed by
 * `analyzeScriptNeeds` of `@hf-jobs-lint/python`. That package is loaded lazily (it brings the tree-sitter
 * grammar), so shell-only runs do not pay for it and this module type-checks before it exists.
 */
import path from "node:path";
import type { AnalysisInput, ScriptFacts } from "@hf-jobs-lint/core";

export interface ScriptNeeds {
  level: "none" | "read" | "write";
  readsVariables: ReadonlySet<string>;
}

export type AnalyzeScriptNeeds = (text: string) => ScriptNeeds;

let loading: Promise<AnalyzeScriptNeeds | null> | null = null;

/** The Python package's `analyzeScriptNeeds`, initialised; null when the package does not provide it. */
export function loadAnalyzeScriptNeeds(): Promise<AnalyzeScriptNeeds | null> {
  loading ??= (async () => {
    try {
      const module = (await import("@hf-jobs-lint/python")) as Record<string, unknown>;
      const analyze = module["analyzeScriptNeeds"];
      if (typeof analyze !== "function") return null;
      const init = module["initPythonParser"];
      if (typeof init === "function") await (init as () => Promise<unknown>)();
      return analyze as AnalyzeScriptNeeds;
    } catch {
      return null;
    }
  })();
  return loading;
}

/** A script path a launch names that could be a file of this repository (not a URL, not an expansion). */
function isLocalScriptPath(target: string): boolean {
  return /\.py$/i.test(target) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !/[$`]/.test(target);
}

export type ScriptFactsLookup = (target: string) => ScriptFacts | null;

/** Resolve and analyse scripts named from `input`'s file; results are cached per absolute path for the file. */
export function scriptFactsLookup(input: AnalysisInput, analyze: AnalyzeScriptNeeds | null): ScriptFactsLookup {
  const cache = new Map<string, ScriptFacts | null>();
  return (target) => {
    if (!analyze || !isLocalScriptPath(target)) return null;
    const bases = [input.path ? path.dirname(input.path) : null, input.root].filter((base): base is string => base !== null);
    for (const base of bases) {
      const absolute = path.resolve(base, target);
      if (cache.has(absolute)) return cache.get(absolute)!;
      const text = input.readFile(absolute);
      if (text === null) continue;
      let facts: ScriptFacts | null = null;
      try {
        const needs = analyze(text);
        facts = { needsToken: needs.level !== "none", readsVariable: (name) => needs.readsVariables.has(name) };
      } catch {
        facts = null;
      }
      cache.set(absolute, facts);
      return facts;
    }
    return null;
  };
}
