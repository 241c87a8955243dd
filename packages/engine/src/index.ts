/**
 * @hf-jobs-lint/engine: what every front end (the CLI, a language server, an editor integration) shares: the
 * analyzer registry, linting one file's text (prefilter, analyzer, rule selection, `# noqa`, the fix loop),
 * reading sources and atomic writes, and checking many files in this thread or in worker threads.
 */
export { AnalyzerRegistry } from "./registry.js";
export { lintText, displayName, MAX_FIX_PASSES, type FileTarget, type LintContext, type LintResult } from "./lint-file.js";
export { checkFile, createLintContext, type CheckSettings, type CheckTarget, type FileOutcome } from "./check-file.js";
export { runChecks, defaultThreadCount } from "./run-checks.js";
export { resolveEnabledCodes, PerFileIgnores, type SelectionFlags } from "./rule-selection.js";
export { readSourceFile, decodeSource, encodeSource, MAX_FILE_BYTES, type ReadOutcome, type SourceFile } from "./read-source.js";
export { writeFileAtomic, FileChangedError } from "./write-atomic.js";
