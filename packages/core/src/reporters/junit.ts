/**
 * `--output-format junit`: one `testsuite` per file, one failing `testcase` per finding (as Ruff does), a file
 * that could not be checked as a testcase with an `error`; a clean run is a single passing testcase.
 */
import { findRule } from "../catalog/index.js";
import type { Diagnostic, FileError } from "../diagnostic.js";
import { redactText } from "../tokens.js";
import { sortedErrors } from "./ordering.js";
import { TOOL_NAME } from "./sarif.js";
import type { StreamingReporter } from "./types.js";

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return redactText(value)
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;");
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
}

function testcase(diagnostic: Diagnostic): string[] {
  const { row, column } = diagnostic.location;
  const name = findRule(diagnostic.code)?.name ?? diagnostic.code;
  return [
    `    <testcase${attributes({ name: `${diagnostic.code} (${name}) at ${row}:${column}`, classname: diagnostic.filename, file: diagnostic.filename, line: row, column })}>`,
    `      <failure${attributes({ message: diagnostic.message, type: diagnostic.code })}>${escapeXml(`line ${row}, col ${column}, ${diagnostic.message}`)}</failure>`,
    "    </testcase>",
  ];
}

function errorcase(error: FileError): string[] {
  return [
    `    <testcase${attributes({ name: "file could not be checked", classname: error.filename, file: error.filename })}>`,
    `      <error${attributes({ message: error.message })}>${escapeXml(error.message)}</error>`,
    "    </testcase>",
  ];
}

function suite(filename: string, diagnostics: readonly Diagnostic[], errors: readonly FileError[]): string {
  const counts = { tests: diagnostics.length + errors.length, failures: diagnostics.length, errors: errors.length, skipped: 0 };
  const lines = [`  <testsuite${attributes({ name: filename, ...counts })}>`];
  for (const diagnostic of diagnostics) for (const line of testcase(diagnostic)) lines.push(line);
  for (const error of errors) for (const line of errorcase(error)) lines.push(line);
  lines.push("  </testsuite>");
  return `${lines.join("\n")}\n`;
}

const errorKey = (error: FileError): string => `${error.filename}\0${error.message}`;

/**
 * One `testsuite` per file, as files are checked. The `testsuites` element carries the totals, so the chunks are
 * printed at the end (`buffered`); they hold no source text. Errors of paths that were never a checked file
 * (a symlink loop) get their own suites at the end.
 */
export function junitReporter(): StreamingReporter {
  const inSuites = new Set<string>();
  return {
    buffered: true,
    separator: "",
    head: (totals) => {
      const failures = totals?.remaining ?? 0;
      const errors = totals?.errors.length ?? 0;
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes({ name: TOOL_NAME, tests: failures + errors, failures, errors })}>\n`;
    },
    file: (report) => {
      if (report.diagnostics.length === 0 && report.errors.length === 0) return "";
      for (const error of report.errors) inSuites.add(errorKey(error));
      return suite(report.filename, report.diagnostics, report.errors);
    },
    tail: (totals, chunks) => {
      const rest = sortedErrors(totals.errors.filter((error) => !inSuites.has(errorKey(error))));
      if (chunks === 0 && rest.length === 0) {
        return `${[
          '<?xml version="1.0" encoding="UTF-8"?>',
          `<testsuites${attributes({ name: TOOL_NAME, tests: 1, failures: 0, errors: 0 })}>`,
          `  <testsuite${attributes({ name: TOOL_NAME, tests: 1, failures: 0, errors: 0, skipped: 0 })}>`,
          `    <testcase${attributes({ name: "No errors found", classname: TOOL_NAME })}/>`,
          "  </testsuite>",
          "</testsuites>",
        ].join("\n")}\n`;
      }
      const orphans = rest.map((error) => suite(error.filename, [], [error])).join("");
      return `${chunks === 0 ? junitReporter().head(totals) : ""}${orphans}</testsuites>\n`;
    },
  };
}
