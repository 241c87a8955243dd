/**
 * One repository's line in the report: what happened to it and what it leaves to a person. Plain JSON, the same
 * for `migrate --repos` and `check --repos`, so one reader (resume, `report merge`, the Markdown summary) serves both.
 */
import type { MigrationSummary } from "../migration-summary.js";

export type RepositoryStatus =
  /** `migrate --branch`: the branch was created with the migration's commit. */
  | "changed"
  /** `migrate --dry-run`: the patch holds what would change. */
  | "would-change"
  /** Nothing to change (findings may still be left for a person). */
  | "unchanged"
  /** `check --repos`: checked, its results written. */
  | "checked"
  /** Not touched on purpose: uncommitted changes, or the branch exists already. */
  | "skipped"
  /** Could not be migrated or checked: not a checkout, a git error, an internal error. */
  | "failed";

export interface RepositoryRecord {
  repository: string;
  status: RepositoryStatus;
  /** Why it was skipped or failed; null otherwise. */
  reason: string | null;
  branch: string | null;
  commit: string | null;
  /** The patch (dry run) or the results file (check), relative to the report folder. */
  output: string | null;
  files_checked: number;
  files_changed: number;
  files_changed_per_rule: Record<string, string[]>;
  tokens_to_revoke: { file: string; line: number; token: string }[];
  findings_left: { file: string; line: number; column: number; code: string; message: string }[];
  unresolved_scripts: { file: string; script: string }[];
  errors: { file: string; message: string }[];
}

export function emptyRecord(repository: string, status: RepositoryStatus, reason: string | null = null): RepositoryRecord {
  return {
    repository,
    status,
    reason,
    branch: null,
    commit: null,
    output: null,
    files_checked: 0,
    files_changed: 0,
    files_changed_per_rule: {},
    tokens_to_revoke: [],
    findings_left: [],
    unresolved_scripts: [],
    errors: [],
  };
}

export function recordFromSummary(repository: string, status: RepositoryStatus, summary: MigrationSummary): RepositoryRecord {
  return {
    ...emptyRecord(repository, status),
    files_checked: summary.filesChecked,
    files_changed: summary.changedFiles.length,
    files_changed_per_rule: Object.fromEntries(summary.filesPerRule),
    tokens_to_revoke: summary.tokensToRevoke.map((token) => ({ file: token.filename, line: token.row, token: token.token })),
    findings_left: summary.left.map((diagnostic) => ({
      file: diagnostic.filename,
      line: diagnostic.location.row,
      column: diagnostic.location.column,
      code: diagnostic.code,
      message: diagnostic.message,
    })),
    unresolved_scripts: summary.unresolvedScripts.map(({ filename, script }) => ({ file: filename, script })),
    errors: summary.errors.map((error) => ({ file: error.filename, message: error.message })),
  };
}

/**
 * Something a person has to look at: a change a dry run would make, findings left, tokens to revoke, errors, or a
 * repository not migrated.
 */
export function needsAttention(record: RepositoryRecord): boolean {
  return (
    record.status === "would-change" ||
    record.status === "skipped" ||
    record.status === "failed" ||
    record.findings_left.length > 0 ||
    record.tokens_to_revoke.length > 0 ||
    record.unresolved_scripts.length > 0 ||
    record.errors.length > 0
  );
}
