/**
 * `--output-format json` and `json-lines`: Ruff's schema, key for key (keys in Ruff's alphabetical order), rows and
 * columns 1-based, columns in UTF-16 units. Every string value is redacted before serialising (see redaction.ts).
 */
import { findRule, ruleUrl, type RuleCode } from "../catalog/index.js";
import type { Diagnostic, Edit, FileError } from "../diagnostic.js";
import type { Position, SourceText } from "../source.js";
import { sortedErrors } from "./ordering.js";
import { redactDeep } from "./redaction.js";
import type { StreamingReporter } from "./types.js";

export interface JsonLocation {
  column: number;
  row: number;
}

export interface JsonEdit {
  content: string;
  end_location: JsonLocation;
  location: JsonLocation;
}

export interface JsonFix {
  applicability: "safe" | "unsafe";
  edits: JsonEdit[];
  message: string;
}

/**
 * One finding in Ruff's JSON schema. `cell` is the notebook cell (1-based, as Ruff), and then `location` and
 * `end_location` are in the cell, as Ruff gives them; fix edits stay in the file (the notebook's JSON), where they
 * apply. A file that could not be checked is an entry with `code: null` at 1:1, the shape Ruff gives a syntax error.
 */
export interface JsonDiagnostic {
  cell: number | null;
  code: RuleCode | null;
  end_location: JsonLocation;
  filename: string;
  fix: JsonFix | null;
  location: JsonLocation;
  message: string;
  noqa_row: number | null;
  /** The rule's documentation; null for a code the catalog does not know (as Ruff). */
  url: string | null;
}

const toJsonLocation = ({ row, column }: Position): JsonLocation => ({ column, row });

function toJsonEdit(edit: Edit, diagnostic: Diagnostic, source: SourceText | undefined): JsonEdit {
  // Without the file's text an edit's position is unknown; the finding's own range is the closest honest answer.
  const location = source ? source.positionAt(edit.start) : diagnostic.location;
  const endLocation = source ? source.positionAt(edit.end) : diagnostic.endLocation;
  return { content: edit.content, end_location: toJsonLocation(endLocation), location: toJsonLocation(location) };
}

function toJsonDiagnostic(diagnostic: Diagnostic, source: SourceText | undefined): JsonDiagnostic {
  const fix = diagnostic.fix;
  const rule = findRule(diagnostic.code);
  const value: JsonDiagnostic = {
    cell: diagnostic.cell?.index ?? null,
    code: diagnostic.code,
    end_location: toJsonLocation(diagnostic.cell?.endLocation ?? diagnostic.endLocation),
    filename: diagnostic.filename,
    fix: fix
      ? {
          applicability: fix.applicability,
          edits: [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end).map((edit) => toJsonEdit(edit, diagnostic, source)),
          message: fix.message,
        }
      : null,
    location: toJsonLocation(diagnostic.cell?.location ?? diagnostic.location),
    message: diagnostic.message,
    noqa_row: diagnostic.noqaRow,
    url: rule ? ruleUrl(rule) : null,
  };
  return redactDeep(value);
}

/** `JSON.stringify(value, null, 2)` as it reads at `depth` levels inside an indented array. */
export function indentedJson(value: unknown, depth: number): string {
  const pad = "  ".repeat(depth);
  return JSON.stringify(value, null, 2)
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}

/** A file that could not be checked, as Ruff reports a file it cannot parse: no code, no fix, at 1:1. */
function toJsonFileError(error: FileError): JsonDiagnostic {
  const start = { column: 1, row: 1 };
  return redactDeep({ cell: null, code: null, end_location: start, filename: error.filename, fix: null, location: start, message: error.message, noqa_row: null, url: null });
}

/**
 * The JSON array, streamed: `[`, one entry per finding, then one per file that could not be checked, `]`, exactly
 * as `JSON.stringify(all, null, 2)` prints it.
 */
export function jsonReporter(): StreamingReporter {
  return {
    buffered: false,
    separator: ",\n",
    head: () => "[\n",
    file: (report) => report.diagnostics.map((diagnostic) => indentedJson(toJsonDiagnostic(diagnostic, report.source), 1)).join(",\n"),
    tail: (totals, chunks) => {
      const errors = sortedErrors(totals.errors).map((error) => indentedJson(toJsonFileError(error), 1));
      if (chunks === 0) return errors.length === 0 ? "[]\n" : `[\n${errors.join(",\n")}\n]\n`;
      return `${errors.map((entry) => `,\n${entry}`).join("")}\n]\n`;
    },
  };
}

export function jsonLinesReporter(): StreamingReporter {
  return {
    buffered: false,
    separator: "",
    head: () => "",
    file: (report) => report.diagnostics.map((diagnostic) => `${JSON.stringify(toJsonDiagnostic(diagnostic, report.source))}\n`).join(""),
    tail: (totals) =>
      sortedErrors(totals.errors)
        .map((error) => `${JSON.stringify(toJsonFileError(error))}\n`)
        .join(""),
  };
}
