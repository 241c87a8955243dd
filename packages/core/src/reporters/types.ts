/** What every reporter receives, and the names of the output formats (`--output-format`). */
import type { Diagnostic, FileError } from "../diagnostic.js";
import type { SourceText } from "../source.js";

export const OUTPUT_FORMATS = ["full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ReportInput {
  /** Remaining findings; sorted with `compareDiagnostics` (reporters sort a copy when they are not). */
  diagnostics: Diagnostic[];
  /** Files that could not be checked (binary, invalid UTF-8, unreadable, ...). */
  errors: FileError[];
  /** Each checked file's text by its display filename: code frames and edit positions come from it. */
  sources: ReadonlyMap<string, SourceText>;
  /** Fixes applied in this run (`--fix`), for "Found N errors (F fixed, R remaining)." */
  fixApplied?: number;
  /** `--show-fixes`: the full format prints each fix as a before/after diff under its diagnostic. */
  showFixes?: boolean;
  /** `--unsafe-fixes`: unsafe fixes count as available (`[*]`) instead of hidden. */
  unsafeFixesEnabled?: boolean;
  /** `--quiet`: the text formats print findings and file errors, no summary lines. */
  quiet?: boolean;
  /** How many files were checked: with none, a clean run says nothing rather than "All checks passed!". */
  checkedFiles?: number;
  /**
   * Paths relative to the repository root, by display filename: SARIF's `%SRCROOT%` URIs, GitHub annotations and
   * GitLab Code Quality need them (a workflow step's `working-directory` makes display names relative to a
   * subfolder). Without it, or for a file outside the root, the display filename is used.
   */
  repositoryPaths?: { root: string; paths: ReadonlyMap<string, string> };
  /** The tool version written into SARIF; defaults to the core package version. */
  toolVersion?: string;
}

/** One checked file as a streaming reporter receives it. */
export interface FileReport {
  filename: string;
  /** The file's remaining findings, sorted with `compareDiagnostics`. */
  diagnostics: readonly Diagnostic[];
  /** The text the findings' offsets refer to; code frames, edit positions and fingerprints come from it. */
  source: SourceText | undefined;
  /** The file's own errors (could not read, parse or write it). */
  errors: readonly FileError[];
}

/** What the closing lines need: counts, not findings (a streamed run keeps no finding to the end). */
export interface ReportTotals {
  /** Findings left. */
  remaining: number;
  /** Fixes applied in this run. */
  fixApplied: number;
  /** Of the remaining findings: fixes `--fix` would apply now, and unsafe ones `--unsafe-fixes` would enable. */
  applicable: number;
  hiddenUnsafe: number;
  /** Every file error of the run, those already given to `file()` included. */
  errors: readonly FileError[];
  /** How many files were checked: with none, a clean run says nothing rather than "All checks passed!". */
  checkedFiles?: number;
}

export interface ReportOptions {
  /** Paths relative to the repository root, by display filename (see `ReportInput.repositoryPaths`). */
  repositoryPaths?: { root: string; paths: ReadonlyMap<string, string> };
  showFixes?: boolean;
  unsafeFixesEnabled?: boolean;
  quiet?: boolean;
  toolVersion?: string;
}

/**
 * A format that prints as files are checked: `head`, then each file's chunk (non-empty ones joined with
 * `separator`), then `tail`. Only the current file's text is held, so memory does not grow with the files that
 * have findings. A `buffered` format (JUnit: its totals come first) is printed at the end, from the chunks.
 */
export interface StreamingReporter {
  readonly buffered: boolean;
  readonly separator: string;
  /** Before the first chunk (given the totals when buffered). */
  head(totals?: ReportTotals): string;
  /** One file's findings; "" when it has nothing to print. */
  file(report: FileReport): string;
  /** After the last chunk; with `chunks === 0`, the whole output of a run that printed none (head included). */
  tail(totals: ReportTotals, chunks: number): string;
}
