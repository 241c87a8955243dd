/** @hf-jobs-lint/python: the tree-sitter-python analyzer for job launchers and job scripts, with its fixes. */
import type { Analyzer } from "@hf-jobs-lint/core";
import { countSyntaxErrors, initPythonParser } from "./parser.js";
import { analyzePython } from "./analyze.js";

export { countSyntaxErrors, initPythonParser, rowsInsidePythonStrings, withPythonTree, walk } from "./parser.js";
export type { SyntaxNode, Tree } from "./parser.js";
export { analyzePython, headerEvidence, type AnalyzeOptions } from "./analyze.js";
export { analyzeScriptNeeds, HUB_WRITE_CALLS, type ScriptNeeds } from "./script-needs.js";
export {
  isLocalScriptPath,
  localScriptCandidates,
  MAX_SCRIPT_BYTES,
  readScriptText,
  resolveLocalScript,
  scriptFactsOf,
  type LocalScriptOptions,
  type ResolvedScript,
  type ScriptNeedsCache,
  type ScriptNeedsSummary,
} from "./script-resolution.js";

export const pythonAnalyzer: Analyzer = {
  kinds: ["python"],
  async init() {
    await initPythonParser();
  },
  analyze: (input) => analyzePython(input),
  countSyntaxErrors: (text) => countSyntaxErrors(text),
};
