/**
 * `--output-format gitlab`: GitLab CI's Code Quality report (a JSON array of issues, the subset of the Code Climate
 * format GitLab reads: `description`, `check_name`, `fingerprint`, `severity`, `location.path`,
 * `location.lines.begin`/`end`), as Ruff writes it. Paths are relative to the repository root, where GitLab
 * resolves them (`CI_PROJECT_DIR`). Fingerprints are the SARIF ones: hashes, never source text. Files that could
 * not be checked have no place in the format; the CLI says them on stderr. Streamed as the `json` format is.
 */
import { findRule } from "../catalog/index.js";
import { indentedJson } from "./json.js";
import { redactDeep } from "./redaction.js";
import { fingerprints } from "./sarif.js";
import { codeQualitySeverity } from "./security-severity.js";
import type { ReportOptions, StreamingReporter } from "./types.js";

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number; end: number } };
}

export function gitlabReporter(options: ReportOptions = {}): StreamingReporter {
  return {
    buffered: false,
    separator: ",\n",
    head: () => "[\n",
    file: (report) => {
      const hashes = fingerprints(report.diagnostics, report.source);
      return report.diagnostics
        .map((diagnostic, index) => {
          const issue: CodeQualityIssue = {
            description: `${diagnostic.code} ${diagnostic.message}`,
            check_name: `${diagnostic.code} ${findRule(diagnostic.code)?.name ?? ""}`.trim(),
            // GitLab wants one fingerprint per issue; the SARIF one ends in `:occurrence`, which stays part of it.
            fingerprint: hashes[index]!.replace(":", "-"),
            severity: codeQualitySeverity(diagnostic.code),
            location: {
              path: options.repositoryPaths?.paths.get(diagnostic.filename) ?? diagnostic.filename,
              lines: { begin: diagnostic.location.row, end: diagnostic.endLocation.row },
            },
          };
          return indentedJson(redactDeep(issue), 1);
        })
        .join(",\n");
    },
    tail: (_totals, chunks) => (chunks === 0 ? "[]\n" : "\n]\n"),
  };
}
