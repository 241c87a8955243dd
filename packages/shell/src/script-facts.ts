/**
 * What a local job script needs (HFJ203, HFJ204): the script a `uv run` launch names is resolved relative to the
 * file holding the command line, then to the repository root, read through the engine's `readFile`, and analysed by
 * `analyzeScriptNeeds` of `@hf-jobs-lint/python`. The resolution itself is that package's `resolveLocalScript`
 * (shared with the Python analyzer and the ESLint plugin); the tree-sitter grammar is initialised lazily, so
 * shell-only runs do not pay for it.
 */
import type { AnalysisInput, ScriptFacts } from "@hf-jobs-lint/core";
import { analyzeScriptNeeds, initPythonParser, resolveLocalScript, type ScriptNeedsSummary } from "@hf-jobs-lint/python";

export type AnalyzeScriptNeeds = (text: string) => ScriptNeedsSummary;

let loading: Promise<AnalyzeScriptNeeds> | null = null;

/** The Python package's `analyzeScriptNeeds`, once its grammar has loaded (a grammar that fails to load is an error of the file). */
export function loadAnalyzeScriptNeeds(): Promise<AnalyzeScriptNeeds> {
  loading ??= initPythonParser().then(() => analyzeScriptNeeds);
  return loading;
}

export type ScriptFactsLookup = (target: string) => ScriptFacts | null;

/**
 * Resolve and analyse scripts named from `input`'s file (beside it, then at the repository root), through the
 * shared `resolveLocalScript`; results are cached per absolute path for the file.
 */
export function scriptFactsLookup(input: AnalysisInput, analyze: AnalyzeScriptNeeds | null): ScriptFactsLookup {
  const cache = new Map<string, ScriptNeedsSummary | null>();
  return (target) => {
    if (!analyze) return null;
    return (
      resolveLocalScript(target, { launcherPath: input.path, root: input.root, readFile: input.readFile, analyze, cache, onUnresolved: input.reportUnresolvedScript })?.facts ??
      null
    );
  };
}
