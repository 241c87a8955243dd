/**
 * `--output-format github`: GitHub Actions workflow commands, one annotation per finding. Values are redacted
 * first and then escaped as the runner expects: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
import { findRule } from "../catalog/index.js";
import type { Diagnostic, FileError } from "../diagnostic.js";
import { redactText } from "../tokens.js";
import { sortedErrors } from "./ordering.js";
import type { ReportOptions, StreamingReporter } from "./types.js";

export function escapeGithubData(value: string): string {
  return redactText(value).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeGithubProperty(value: string): string {
  return escapeGithubData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(level: "error" | "warning", properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`).join(",");
  return `::${level} ${props}::${escapeGithubData(message)}`;
}

/** GitHub resolves `file=` against the workspace (the repository root), not the step's working directory. */
function workspacePath(filename: string, options: ReportOptions): string {
  return options.repositoryPaths?.paths.get(filename) ?? filename;
}

function annotation(diagnostic: Diagnostic, options: ReportOptions): string {
  const level = findRule(diagnostic.code)?.defaultSeverity ?? "error";
  return command(
    level,
    [
      ["file", workspacePath(diagnostic.filename, options)],
      ["line", diagnostic.location.row],
      ["col", diagnostic.location.column],
      ["endLine", diagnostic.endLocation.row],
      ["endColumn", diagnostic.endLocation.column],
      ["title", diagnostic.code],
    ],
    diagnostic.message,
  );
}

function fileErrorAnnotation(error: FileError, options: ReportOptions): string {
  return command("error", [["file", workspacePath(error.filename, options)]], error.message);
}

export function githubReporter(options: ReportOptions = {}): StreamingReporter {
  return {
    buffered: false,
    separator: "",
    head: () => "",
    file: (report) => report.diagnostics.map((diagnostic) => `${annotation(diagnostic, options)}\n`).join(""),
    tail: (totals) =>
      sortedErrors(totals.errors)
        .map((error) => `${fileErrorAnnotation(error, options)}\n`)
        .join(""),
  };
}
