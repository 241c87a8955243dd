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
