/** Output formats (`--output-format`) and `--statistics`. */
import { compareDiagnostics, type Diagnostic } from "../diagnostic.js";
import { conciseReporter } from "./concise.js";
import { countFixable } from "./fixability.js";
import { fullReporter } from "./full.js";
import { githubReporter } from "./github.js";
import { gitlabReporter } from "./gitlab.js";
import { jsonLinesReporter, jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import { compareStrings } from "./ordering.js";
import { sarifReporter } from "./sarif.js";
import { OUTPUT_FORMATS, type OutputFormat, type ReportInput, type ReportOptions, type StreamingReporter } from "./types.js";
import { ReportWriter } from "./writer.js";

export * from "./types.js";
export { ReportWriter } from "./writer.js";
export { formatStatistics, StatisticsTally, type Statistic, type StatisticsOptions } from "./statistics.js";
export { type JsonDiagnostic, type JsonEdit, type JsonFix, type JsonLocation } from "./json.js";
export { artifactLocation } from "./sarif.js";
export { escapeGithubData, escapeGithubProperty } from "./github.js";
export { type CodeQualityIssue } from "./gitlab.js";
export { securitySeverity, codeQualitySeverity, SCORED_CODES } from "./security-severity.js";
export { escapeXml } from "./junit.js";
export { isFixAvailable, countFixable, type FixableCounts } from "./fixability.js";
export { renderCodeFrame } from "./code-frame.js";
export { relatedText } from "./full.js";

const REPORTERS: Record<OutputFormat, (options: ReportOptions) => StreamingReporter> = {
  full: fullReporter,
  concise: conciseReporter,
  json: jsonReporter,
  "json-lines": jsonLinesReporter,
  sarif: sarifReporter,
  github: githubReporter,
  gitlab: gitlabReporter,
  junit: junitReporter,
};

/** A format's streaming reporter (see `ReportWriter`). */
export function createReporter(format: OutputFormat, options: ReportOptions = {}): StreamingReporter {
  const reporter = REPORTERS[format] as ((options: ReportOptions) => StreamingReporter) | undefined;
  if (!reporter) throw new Error(`unknown output format "${format}" (expected one of: ${OUTPUT_FORMATS.join(", ")})`);
  return reporter(options);
}

/**
 * The report of findings already collected, in one string: what the streaming reporter prints for them, file by
 * file. Each reporter redacts every field it emits (before escaping), and the writer redacts each chunk again.
 */
export function formatReport(format: OutputFormat, input: ReportInput): string {
  let output = "";
  const writer = new ReportWriter(createReporter(format, input), (text) => (output += text));
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of [...input.diagnostics].sort(compareDiagnostics)) {
    let list = byFile.get(diagnostic.filename);
    if (!list) byFile.set(diagnostic.filename, (list = []));
    list.push(diagnostic);
  }
  const filenames = [...new Set([...byFile.keys(), ...input.errors.map((error) => error.filename)])].sort(compareStrings);
  filenames.forEach((filename, index) => {
    writer.file(index, {
      filename,
      diagnostics: byFile.get(filename) ?? [],
      source: input.sources.get(filename),
      errors: input.errors.filter((error) => error.filename === filename),
    });
  });
  const { applicable, hiddenUnsafe } = countFixable(input.diagnostics, input.unsafeFixesEnabled ?? false);
  writer.end({
    remaining: input.diagnostics.length,
    fixApplied: input.fixApplied ?? 0,
    applicable,
    hiddenUnsafe,
    errors: input.errors,
    ...(input.checkedFiles !== undefined ? { checkedFiles: input.checkedFiles } : {}),
  });
  return output;
}
