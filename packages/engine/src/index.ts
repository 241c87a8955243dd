/**
 * @hf-jobs-lint/engine: what every front end (the CLI, a language server, an editor integration) shares: the
 * analyzer registry, checking one file (read, prefilter, analyzer, rule selection, `# noqa`, the fix loop, the
 * atomic write or the diff), and checking many files in this thread or in worker threads.
 */
// One file at a time (the front end's own loop; stdin text through `CheckTarget.text`).
export { AnalyzerRegistry } from "./registry.js";
export { checkFile, createLintContext, emptyOutcome, isEmptyOutcome, type CheckSettings, type CheckTarget, type FileOutcome } from "./check-file.js";
// Many files, in input order, on worker threads when there are enough of them.
export {
  checkFiles,
  preloadFor,
  prestartWorker,
  stopPrestarted,
  runChecks,
  sendAhead,
  defaultThreadCount,
  FILE_TIME_LIMIT_SECONDS,
  WORKER_HEAP_LIMIT_MB,
  type RunOptions,
  type SettingsOf,
} from "./run-checks.js";
export { indexJobScripts, scanScriptReferences, type JobScriptIndex, type OnScannedText, type ScannedReferences, type ScriptReferenceCache } from "./job-scripts.js";
export { ScanVerdicts } from "./scan-verdicts.js";
// A persistent results cache over `checkFiles` (the CLI's plain `check`).
export {
  buildFingerprint,
  checkFilesCached,
  packageBuild,
  DEFAULT_CACHE_DIR_NAME,
  isCacheDir,
  prepareCacheDir,
  ResultCache,
  type CacheHit,
  type ResultCacheOptions,
} from "./result-cache.js";
export { resolveEnabledCodes, withoutSelectors, type SelectionFlags } from "./rule-selection.js";
export { displayName } from "./lint-file.js";
export { encodeSource, readSourceFile } from "./read-source.js";
export { FileChangedError, writeFileAtomic } from "./write-atomic.js";
export { RunRecorder, RunRecords, type RecordedRun, type RunReads } from "./run-record.js";
