/**
 * `--output-format junit`: one `testsuite` per file, one failing `testcase` per finding (as Ruff does), a file
 * that could not be checked as a testcase with an `error`; a clean run is a single passing testcase.
 */
import { findRule } from "../catalog/index.js";
import type { Diagnostic, FileError } from "../diagnostic.js";
import { redactText } from "../tokens.js";
import { compareStrings, sortedDiagnostics, sortedErrors } from "./ordering.js";
import { TOOL_NAME } from "./sarif.js";
import type { ReportInput } from "./types.js";

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

interface Suite {
  filename: string;
  diagnostics: Diagnostic[];
  errors: FileError[];
}

function groupByFile(input: ReportInput): Suite[] {
  const suites = new Map<string, Suite>();
  const suite = (filename: string): Suite => {
    let found = suites.get(filename);
    if (!found) suites.set(filename, (found = { filename, diagnostics: [], errors: [] }));
    return found;
  };
  for (const diagnostic of sortedDiagnostics(input.diagnostics)) suite(diagnostic.filename).diagnostics.push(diagnostic);
  for (const error of sortedErrors(input.errors)) suite(error.filename).errors.push(error);
  return [...suites.values()].sort((a, b) => compareStrings(a.filename, b.filename));
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

export function formatJunit(input: ReportInput): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites = groupByFile(input);
  if (suites.length === 0) {
    lines.push(
      `<testsuites${attributes({ name: TOOL_NAME, tests: 1, failures: 0, errors: 0 })}>`,
      `  <testsuite${attributes({ name: TOOL_NAME, tests: 1, failures: 0, errors: 0, skipped: 0 })}>`,
      `    <testcase${attributes({ name: "No errors found", classname: TOOL_NAME })}/>`,
      "  </testsuite>",
      "</testsuites>",
    );
    return `${lines.join("\n")}\n`;
  }
  const failures = input.diagnostics.length;
  const errors = input.errors.length;
  lines.push(`<testsuites${attributes({ name: TOOL_NAME, tests: failures + errors, failures, errors })}>`);
  for (const suite of suites) {
    const counts = { tests: suite.diagnostics.length + suite.errors.length, failures: suite.diagnostics.length, errors: suite.errors.length, skipped: 0 };
    lines.push(`  <testsuite${attributes({ name: suite.filename, ...counts })}>`);
    for (const diagnostic of suite.diagnostics) lines.push(...testcase(diagnostic));
    for (const error of suite.errors) lines.push(...errorcase(error));
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}
