/**
 * `--output-format gitlab`: GitLab CI's Code Quality report (a JSON array of issues, the subset of the Code Climate
 * format GitLab reads: `description`, `check_name`, `fingerprint`, `severity`, `location.path`,
 * `location.lines.begin`/`end`), as Ruff writes it. Paths are relative to the repository root, where GitLab
 * resolves them (`CI_PROJECT_DIR`). Fingerprints are the SARIF ones: hashes, never source text. Files that could
 * not be checked have no place in the format; the CLI says them on stderr.
 */
import { findRule } from "../catalog/index.js";
import { sortedDiagnostics } from "./ordering.js";
import { redactDeep } from "./redaction.js";
import { fingerprints } from "./sarif.js";
import { codeQualitySeverity } from "./security-severity.js";
import type { ReportInput } from "./types.js";

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(input: ReportInput): string {
  const diagnostics = sortedDiagnostics(input.diagnostics);
  const hashes = fingerprints(diagnostics, input.sources);
  const issues: CodeQualityIssue[] = diagnostics.map((diagnostic, index) => ({
    description: `${diagnostic.code} ${diagnostic.message}`,
    check_name: `${diagnostic.code} ${findRule(diagnostic.code)?.name ?? ""}`.trim(),
    // GitLab wants one fingerprint per issue; the SARIF one ends in `:occurrence`, which stays part of it.
    fingerprint: hashes[index]!.replace(":", "-"),
    severity: codeQualitySeverity(diagnostic.code),
    location: { path: input.repositoryPaths?.paths.get(diagnostic.filename) ?? diagnostic.filename, lines: { begin: diagnostic.location.row, end: diagnostic.endLocation.row } },
  }));
  return `${JSON.stringify(redactDeep(issues), null, 2)}\n`;
}
