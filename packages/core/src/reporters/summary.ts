/** The closing lines of the text formats (`full`, `concise`), worded as Ruff words them. */
import type { ReportOptions, ReportTotals } from "./types.js";

const plural = (count: number, singular: string, pluralForm = `${singular}s`): string => `${count} ${count === 1 ? singular : pluralForm}`;

export function formatSummary(totals: ReportTotals, options: ReportOptions): string[] {
  // `--quiet`: findings only, as Ruff's `-q`.
  if (options.quiet) return [];
  const lines: string[] = [];
  const { remaining, fixApplied: fixed, applicable, hiddenUnsafe } = totals;

  if (fixed > 0) {
    lines.push(`Found ${plural(fixed + remaining, "error")} (${fixed} fixed, ${remaining} remaining).`);
  } else if (remaining > 0) {
    lines.push(`Found ${plural(remaining, "error")}.`);
  } else if (totals.errors.length === 0 && totals.checkedFiles !== 0) {
    // Nothing checked is not a pass: the CLI warns "No files found" instead (Ruff's warning).
    lines.push("All checks passed!");
  }
  if (totals.errors.length > 0) {
    lines.push(`${plural(totals.errors.length, "file")} could not be checked.`);
  }

  const hidden = `${plural(hiddenUnsafe, "hidden fix", "hidden fixes")} can be enabled with the \`--unsafe-fixes\` option`;
  if (applicable > 0 && hiddenUnsafe > 0) {
    lines.push(`[*] ${applicable} fixable with the \`--fix\` option (${hidden}).`);
  } else if (applicable > 0) {
    lines.push(`[*] ${applicable} fixable with the \`--fix\` option.`);
  } else if (hiddenUnsafe > 0) {
    lines.push(`No fixes available (${hidden}).`);
  }
  return lines;
}
