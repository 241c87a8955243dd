/**
 * The human side of a bulk run's report: the Markdown summary (a pull request body, a CI job summary, an issue)
 * and the table on the terminal. Both come from the records alone, in repository order, so a resumed run, an
 * uninterrupted one and the merge of a CI matrix's shards print the same thing.
 */
import { getRule, redactText } from "@hf-jobs-lint/core";
import type { RepositoryRecord } from "./record.js";
import type { RunHeader } from "./report-folder.js";

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortedRecords(records: Iterable<RepositoryRecord>): RepositoryRecord[] {
  return [...records].sort((a, b) => byString(a.repository, b.repository));
}

function repositories(count: number): string {
  return count === 1 ? "1 repository" : `${count} repositories`;
}

function title(header: RunHeader): string {
  const flags = [header.dry_run ? "--dry-run" : "", header.branch ? `--branch ${header.branch}` : "", header.only.length > 0 ? `--only ${header.only.join(",")}` : ""];
  return ["hf-jobs-lint", header.command, "--repos", ...flags.filter(Boolean)].join(" ");
}

/** `12 repositories: 5 changed, 4 unchanged, 2 skipped, 1 failed.` */
export function statusLine(records: readonly RepositoryRecord[]): string {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.status, (counts.get(record.status) ?? 0) + 1);
  const order = ["changed", "would-change", "unchanged", "checked", "skipped", "failed"];
  const parts = order.filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${status}`);
  return `${repositories(records.length)}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}.`;
}

/** `Tokens to revoke: 3 in 2 repositories (a, b).`, or that there are none. */
export function tokensLine(records: readonly RepositoryRecord[]): string {
  const holding = records.filter((record) => record.tokens_to_revoke.length > 0);
  if (holding.length === 0) return "Tokens to revoke: none.";
  const tokens = holding.reduce((sum, record) => sum + record.tokens_to_revoke.length, 0);
  return `Tokens to revoke: ${tokens} in ${repositories(holding.length)} (${holding.map((record) => record.repository).join(", ")}).`;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

function section(lines: string[], heading: string, records: readonly RepositoryRecord[], items: (record: RepositoryRecord) => string[], intro?: string): void {
  const withItems = records.map((record) => [record, items(record)] as const).filter(([, list]) => list.length > 0);
  if (withItems.length === 0) return;
  lines.push("", `## ${heading}`);
  if (intro) lines.push("", intro);
  for (const [record, list] of withItems) {
    lines.push("", `### ${record.repository}`, "");
    for (const item of list) lines.push(`- ${item}`);
  }
}

export function renderMarkdownSummary(header: RunHeader, unsorted: readonly RepositoryRecord[]): string {
  const records = sortedRecords(unsorted);
  const check = header.command === "check";
  const lines: string[] = [`# ${title(header)}`, "", statusLine(records), tokensLine(records), ""];
  const columns = check
    ? ["Repository", "Status", "Files checked", "Findings", "Tokens to revoke", "Unresolved scripts", "Errors"]
    : ["Repository", "Status", "Files changed", "Findings left", "Tokens to revoke", "Unresolved scripts", "Errors"];
  lines.push(`| ${columns.join(" | ")} |`, `| --- | --- |${" ---: |".repeat(columns.length - 2)}`);
  for (const record of records) {
    const counts = [
      check ? record.files_checked : record.files_changed,
      record.findings_left.length,
      record.tokens_to_revoke.length,
      record.unresolved_scripts.length,
      record.errors.length,
    ];
    lines.push(`| ${cell(record.repository)} | ${record.status} | ${counts.join(" | ")} |`);
  }
  section(
    lines,
    "Tokens to revoke",
    records,
    (record) => record.tokens_to_revoke.map((token) => `\`${token.file}:${token.line}\` \`${token.token}\``),
    "These tokens reached a file, and the history keeps them whatever the migration changed: revoke each at the Hub's token settings.",
  );
  section(lines, "Skipped or failed", records, (record) => (record.reason !== null ? [`${record.status}: ${record.reason}`] : []));
  section(lines, "Files changed per rule", records, (record) =>
    Object.entries(record.files_changed_per_rule).map(([code, files]) => `${code} ${getRule(code).name}: ${files.map((file) => `\`${file}\``).join(", ")}`),
  );
  section(lines, check ? "Findings" : "Findings left for a person", records, (record) =>
    record.findings_left.map((finding) => `\`${finding.file}:${finding.line}:${finding.column}\` ${finding.code} ${finding.message}`),
  );
  section(
    lines,
    "Scripts that could not be resolved",
    records,
    (record) => record.unresolved_scripts.map(({ file, script }) => `\`${file}\` names \`${script}\``),
    "A launch names these scripts but they are not in the repository: their token needs are unknown, check their secrets by hand.",
  );
  section(lines, "Files that could not be checked", records, (record) => record.errors.map((error) => `\`${error.file}\`: ${error.message}`));
  return redactText(`${lines.join("\n")}\n`);
}

/** The table printed at the end of a run, one repository a row. */
export function renderTerminalTable(header: RunHeader, unsorted: readonly RepositoryRecord[]): string {
  const records = sortedRecords(unsorted);
  const check = header.command === "check";
  const head = ["repository", "status", check ? "files" : "changed", check ? "findings" : "left", "tokens", "unresolved", "errors", "note"];
  const rows = records.map((record) => [
    record.repository,
    record.status,
    String(check ? record.files_checked : record.files_changed),
    String(record.findings_left.length),
    String(record.tokens_to_revoke.length),
    String(record.unresolved_scripts.length),
    String(record.errors.length),
    record.reason ?? (record.branch ? `branch ${record.branch}` : (record.output ?? "")),
  ]);
  const widths = head.map((name, i) => rows.reduce((most, row) => Math.max(most, row[i]!.length), name.length));
  const numeric = new Set([2, 3, 4, 5, 6]);
  const format = (row: string[]): string =>
    row
      .map((value, i) => (i === row.length - 1 ? value : numeric.has(i) ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return redactText([format(head), ...rows.map(format), "", statusLine(records), tokensLine(records), ""].join("\n"));
}
