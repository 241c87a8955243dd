/**
 * `--output-format sarif`: SARIF 2.1.0 for GitHub code scanning. Every catalog rule is listed (so `ruleIndex` is
 * stable), results carry a relative `%SRCROOT%` location and a fingerprint that is a hash (never source text).
 * Columns are UTF-16 code units, stated in `columnKind` so no consumer has to guess.
 */
import { createHash } from "node:crypto";
import type { Log, Notification, ReportingDescriptor, Result } from "sarif";
import { RULES, ruleUrl, type RuleMeta } from "../catalog/index.js";
import type { Diagnostic, FileError } from "../diagnostic.js";
import type { SourceText } from "../source.js";
import { redactText } from "../tokens.js";
import { indentedJson } from "./json.js";
import { sortedErrors } from "./ordering.js";
import { redactDeep } from "./redaction.js";
import type { ReportOptions, StreamingReporter } from "./types.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const TOOL_NAME = "hf-jobs-lint";
export const TOOL_INFORMATION_URI = "https://github.com/hf-jobs-lint/hf-jobs-lint";
export const DEFAULT_TOOL_VERSION = "0.1.0";
/** The fingerprint key GitHub code scanning tracks alerts by (it keeps a value the tool provides). */
export const FINGERPRINT_KEY = "primaryLocationLineHash";

/** The rule's documentation as plain text: what it does and why it is bad, or the summary until docs exist. */
function ruleHelpText(rule: RuleMeta): string {
  const text = [rule.docs.whatItDoes, rule.docs.whyBad]
    .map((part) => part.trim())
    .filter(Boolean)
    .join("\n\n");
  return text || rule.summary;
}

function ruleHelpMarkdown(rule: RuleMeta): string {
  const sections = [
    rule.docs.whatItDoes.trim() && `## What it does\n${rule.docs.whatItDoes.trim()}`,
    rule.docs.whyBad.trim() && `## Why is this bad?\n${rule.docs.whyBad.trim()}`,
    rule.docs.fixSafety.trim() && `## Fix safety\n${rule.docs.fixSafety.trim()}`,
  ].filter(Boolean);
  return sections.length > 0 ? sections.join("\n\n") : rule.summary;
}

function toReportingDescriptor(rule: RuleMeta): ReportingDescriptor {
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: ruleHelpText(rule) },
    help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
    helpUri: ruleUrl(rule),
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: { tags: ["security"] },
  };
}

/**
 * A relative filename as a `/`-separated URI reference; absolute paths become `file://` URIs. Redacted before
 * percent-encoding: `,hf_…` would become `%2Chf_…`, where the token no longer starts at a word boundary.
 */
export function artifactLocation(filename: string): { uri: string; uriBaseId?: string } {
  const slashed = redactText(filename).replace(/\\/g, "/");
  const encode = (path: string): string => path.split("/").map(encodeURIComponent).join("/");
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${slashed.slice(0, 2)}${encode(slashed.slice(2))}` };
  if (slashed.startsWith("/")) return { uri: `file://${encode(slashed)}` };
  return { uri: encode(slashed.replace(/^\.\//, "")), uriBaseId: "%SRCROOT%" };
}

/**
 * sha256 of the code, the filename and the redacted, trimmed text of the finding's first line, plus a counter for
 * identical lines: stable when unrelated lines move, and never a token or any source text. The filename is in
 * the hash, so one file's findings are counted on their own.
 */
function fingerprints(diagnostics: readonly Diagnostic[], source: SourceText | undefined): string[] {
  const seen = new Map<string, number>();
  const lineHashes = new Map<string, string>();
  return diagnostics.map((diagnostic) => {
    // One hash per line and code: a long line holding thousands of findings is redacted once.
    const key = `${diagnostic.location.row}\0${diagnostic.code}`;
    let hash = lineHashes.get(key);
    if (hash === undefined) {
      const line = source?.lineText(diagnostic.location.row) ?? "";
      hash = createHash("sha256")
        .update(`${diagnostic.code}\0${diagnostic.filename}\0${redactText(line).trim()}`)
        .digest("hex");
      lineHashes.set(key, hash);
    }
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

function toResult(diagnostic: Diagnostic, fingerprint: string): Result {
  const ruleIndex = RULES.findIndex((rule) => rule.code === diagnostic.code);
  const rule = RULES[ruleIndex];
  return {
    ruleId: diagnostic.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: rule?.defaultSeverity ?? "error",
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(diagnostic.filename),
          region: {
            startLine: diagnostic.location.row,
            startColumn: diagnostic.location.column,
            endLine: diagnostic.endLocation.row,
            endColumn: diagnostic.endLocation.column,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
}

/** The log with `results` standing in for the streamed ones; `invocations` come after them, when the errors are known. */
function sarifLog(results: unknown[], errors: readonly FileError[], options: ReportOptions): Log {
  const notifications: Notification[] = sortedErrors(errors).map((error) => ({
    level: "error",
    message: { text: error.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.filename) } }],
  }));
  return redactDeep({
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_INFORMATION_URI,
            version: options.toolVersion ?? DEFAULT_TOOL_VERSION,
            rules: RULES.map(toReportingDescriptor),
          },
        },
        columnKind: "utf16CodeUnits",
        results: results as Result[],
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  } satisfies Log);
}

const RESULTS_MARK = "\u0000results\u0000";
/** Depth of `runs[0].results[i]` in the log. */
const RESULT_DEPTH = 4;

/** The log split around its results: the text before the first and after the last. */
function splitLog(errors: readonly FileError[], options: ReportOptions): { head: string; tail: string } {
  const text = JSON.stringify(sarifLog([RESULTS_MARK], errors, options), null, 2);
  const mark = `${"  ".repeat(RESULT_DEPTH)}${JSON.stringify(RESULTS_MARK)}`;
  const at = text.indexOf(mark);
  return { head: text.slice(0, at), tail: `${text.slice(at + mark.length)}\n` };
}

export function sarifReporter(options: ReportOptions): StreamingReporter {
  return {
    buffered: false,
    separator: ",\n",
    head: () => splitLog([], options).head,
    file: (report) => {
      const hashes = fingerprints(report.diagnostics, report.source);
      return report.diagnostics.map((diagnostic, index) => indentedJson(redactDeep(toResult(diagnostic, hashes[index]!)), RESULT_DEPTH)).join(",\n");
    },
    tail: (totals, chunks) => (chunks === 0 ? `${JSON.stringify(sarifLog([], totals.errors, options), null, 2)}\n` : splitLog(totals.errors, options).tail),
  };
}
