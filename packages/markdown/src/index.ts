/** @hf-jobs-lint/markdown: the analyzer for Markdown docs (fenced code dispatched by language, counter-examples, disable comments). */
export { createMarkdownAnalyzer, markdownShellOnlyAnalyzer, type MarkdownSubAnalyzers } from "./analyzer.js";
export { findFences, DISABLE_NEXT_BLOCK, type FenceBlock, type FenceLine } from "./fences.js";
export { markOf, lineVerdicts, type Verdict } from "./counterexamples.js";
export { FenceText } from "./mapping.js";
