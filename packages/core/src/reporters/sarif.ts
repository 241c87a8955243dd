/**
 * `--output-format sarif`: SARIF 2.1.0 for GitHub code scanning. Every catalog rule is listed (so `ruleIndex` is
 * stable), results carry a relative `%SRCROOT%` location and a fingerprint that is a hash (never source text).
 * Columns are UTF-16 code units, stated in `columnKind` so no consumer has to guess.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Location, Log, Notification, ReportingDescriptor, Result } from "sarif";
import { RULES, ruleUrl, type RuleMeta } from "../catalog/index.js";
import type { Diagnostic, FileError, RelatedInformation } from "../diagnostic.js";
import type { SourceText } from "../source.js";
import { redactText } from "../tokens.js";
import { indentedJson } from "./json.js";
import { sortedErrors } from "./ordering.js";
import { redactDeep } from "./redaction.js";
import { securitySeverity } from "./security-severity.js";
import type { ReportOptions, StreamingReporter } from "./types.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const TOOL_NAME = "hf-jobs-lint";
export const TOOL_INFORMATION_URI = "https://github.com/hf-jobs-lint/hf-jobs-lint";
/** This package's version (package.json is the one version source; src/ and dist/ sit one folder below it). */
export const DEFAULT_TOOL_VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
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
    // GitHub code scanning shows a severity only for security rules that give a `security-severity` score.
    properties: { tags: ["security"], "security-severity": securitySeverity(rule.code).toFixed(1) },
  };
}

/** The file URI of a folder, ending in `/` as `originalUriBaseIds` requires. */
function folderUri(folder: string): string {
  const slashed = folder.replace(/\\/g, "/").replace(/\/?$/, "/");
  const encode = (part: string): string => part.split("/").map(encodeURIComponent).join("/");
  return /^[A-Za-z]:\//.test(slashed) ? `file:///${slashed.slice(0, 2)}${encode(slashed.slice(2))}` : `file://${encode(slashed)}`;
}

/** A finding's location, relative to the repository root when the CLI gave the root-relative paths. */
function locate(filename: string, options: ReportOptions): { uri: string; uriBaseId?: string } {
  const relative = options.repositoryPaths?.paths.get(filename);
  return artifactLocation(relative ?? filename);
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
 * the hash, so one file's findings are counted on their own; each line is hashed once per code (a long line
 * holding thousands of findings is redacted once).
 */
export function fingerprints(diagnostics: readonly Diagnostic[], source: SourceText | undefined): string[] {
  const seen = new Map<string, number>();
  const lineHashes = new Map<string, string>();
  return diagnostics.map((diagnostic) => {
    const key = `${diagnostic.filename}\0${diagnostic.location.row}\0${diagnostic.code}`;
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

function toResult(diagnostic: Diagnostic, fingerprint: string, options: ReportOptions): Result {
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
          artifactLocation: locate(diagnostic.filename, options),
          region: {
            startLine: diagnostic.location.row,
            startColumn: diagnostic.location.column,
            endLine: diagnostic.endLocation.row,
            endColumn: diagnostic.endLocation.column,
          },
        },
      },
    ],
    ...(diagnostic.related && diagnostic.related.length > 0 ? { relatedLocations: diagnostic.related.map(toRelatedLocation) } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
}

function toRelatedLocation(related: RelatedInformation, id: number): Location {
  return {
    id,
    message: { text: related.message },
    ...(related.filename ? { physicalLocation: { artifactLocation: artifactLocation(related.filename), ...(related.row ? { region: { startLine: related.row } } : {}) } } : {}),
  };
}

/** The log with `results` standing in for the streamed ones; `invocations` come after them, when the errors are known. */
function sarifLog(results: unknown[], errors: readonly FileError[], options: ReportOptions): Log {
  const notifications: Notification[] = sortedErrors(errors).map((error) => ({
    level: "error",
    message: { text: error.message },
    locations: [{ physicalLocation: { artifactLocation: locate(error.filename, options) } }],
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
        // Where `%SRCROOT%` is: consumers that do not know the checkout (the SARIF viewer, the multitool) resolve it here.
        ...(options.repositoryPaths ? { originalUriBaseIds: { "%SRCROOT%": { uri: folderUri(options.repositoryPaths.root) } } } : {}),
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
      return report.diagnostics.map((diagnostic, index) => indentedJson(redactDeep(toResult(diagnostic, hashes[index]!, options)), RESULT_DEPTH)).join(",\n");
    },
    tail: (totals, chunks) => (chunks === 0 ? `${JSON.stringify(sarifLog([], totals.errors, options), null, 2)}\n` : splitLog(totals.errors, options).tail),
  };
}
