/** Output formats (`--output-format`) and `--statistics`. */
import { redactText } from "../tokens.js";
import { formatConcise } from "./concise.js";
import { formatFull } from "./full.js";
import { formatGithub } from "./github.js";
import { formatGitlab } from "./gitlab.js";
import { formatJson, formatJsonLines } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatSarif } from "./sarif.js";
import { OUTPUT_FORMATS, type OutputFormat, type ReportInput } from "./types.js";

export * from "./types.js";
export { formatStatistics, type Statistic, type StatisticsOptions } from "./statistics.js";
export { type JsonDiagnostic, type JsonEdit, type JsonFix, type JsonLocation } from "./json.js";
export { artifactLocation } from "./sarif.js";
export { escapeGithubData, escapeGithubProperty } from "./github.js";
export { type CodeQualityIssue } from "./gitlab.js";
export { securitySeverity, codeQualitySeverity, SCORED_CODES } from "./security-severity.js";
export { escapeXml } from "./junit.js";
export { isFixAvailable, countFixable, type FixableCounts } from "./fixability.js";
export { renderCodeFrame } from "./code-frame.js";
export { relatedText } from "./full.js";

const REPORTERS: Record<OutputFormat, (input: ReportInput) => string> = {
  full: formatFull,
  concise: formatConcise,
  json: formatJson,
  "json-lines": formatJsonLines,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
  junit: formatJunit,
};

/**
 * The report in one format. Each reporter redacts every field it emits (before escaping); the whole string is
 * redacted once more here, so no format can print a token whole even if a reporter forgets a field.
 */
export function formatReport(format: OutputFormat, input: ReportInput): string {
  const reporter = REPORTERS[format] as ((input: ReportInput) => string) | undefined;
  if (!reporter) throw new Error(`unknown output format "${format}" (expected one of: ${OUTPUT_FORMATS.join(", ")})`);
  return redactText(reporter(input));
}
