/** @hf-jobs-lint/markdown: the analyzer for Markdown docs (fenced code dispatched by language, counter-examples, disable comments). */
export { createMarkdownAnalyzer, type MarkdownSubAnalyzers } from "./analyzer.js";
// The fence structure, for front ends that place a disable comment before a block (the language server).
export { findFences, type FenceBlock } from "./fences.js";
export { createNotebookAnalyzer, type NotebookSubAnalyzers } from "./notebook.js";
export { NotebookError, parseNotebook, type NotebookCell, type ParsedNotebook } from "./notebook-json.js";
