/** @hf-jobs-lint/markdown: the analyzer for Markdown docs (fenced code dispatched by language, counter-examples, disable comments). */
export { createMarkdownAnalyzer, type MarkdownSubAnalyzers } from "./analyzer.js";
