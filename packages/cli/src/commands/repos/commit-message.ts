/**
 * The commit message of a repository's migration: what changed, per rule, and what the change cannot do by itself
 * (tokens to revoke, findings left, scripts it could not see). Whoever reviews the branch reads it first.
 */
import { getRule, redactText } from "@hf-jobs-lint/core";
import type { RepositoryRecord } from "./record.js";

/** Longer lists are cut here: the report has them whole, and a commit message is read, not searched. */
const MAX_ITEMS = 50;

function list(items: string[]): string[] {
  const shown = items.slice(0, MAX_ITEMS).map((item) => `- ${item}`);
  if (items.length > MAX_ITEMS) shown.push(`- and ${items.length - MAX_ITEMS} more (see the hf-jobs-lint report)`);
  return shown;
}

export function commitMessage(record: RepositoryRecord): string {
  const rules = Object.entries(record.files_changed_per_rule);
  const lines = [`Fix Hugging Face token handling (hf-jobs-lint migrate)`, ""];
  lines.push(`hf-jobs-lint migrate changed ${record.files_changed === 1 ? "1 file" : `${record.files_changed} files`}:`, "");
  for (const item of list(rules.map(([code, files]) => `${code} ${getRule(code).name}: ${files.join(", ")}`))) lines.push(item);
  if (record.tokens_to_revoke.length > 0) {
    lines.push("", "Tokens to revoke: these reached a file and the history keeps them, so removing them from the code does not");
    lines.push("un-leak them. Revoke each at the Hub's token settings:", "");
    for (const item of list(record.tokens_to_revoke.map((token) => `${token.file}:${token.line} ${token.token}`))) lines.push(item);
  }
  if (record.findings_left.length > 0) {
    lines.push("", `Left for a person (${record.findings_left.length}):`, "");
    for (const item of list(record.findings_left.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.code} ${finding.message}`))) lines.push(item);
  }
  if (record.unresolved_scripts.length > 0) {
    lines.push("", "Scripts a launch names that are not in the repository (their token needs are unknown, check their secrets by hand):", "");
    for (const item of list(record.unresolved_scripts.map(({ file, script }) => `${file}: ${script}`))) lines.push(item);
  }
  if (record.errors.length > 0) {
    lines.push("", "Files that could not be checked:", "");
    for (const item of list(record.errors.map((error) => `${error.file}: ${error.message}`))) lines.push(item);
  }
  return redactText(`${lines.join("\n")}\n`);
}
