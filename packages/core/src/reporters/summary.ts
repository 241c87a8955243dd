/** The closing lines of the text formats (`full`, `concise`), worded as Ruff words them. */
import type { ReportInput } from "./types.js";
import { countFixable } from "./fixability.js";

const plural = (count: number, singular: string, pluralForm = `${singular}s`): string => `${count} ${count === 1 ? singular : pluralForm}`;

export function formatSummary(input: ReportInput): string[] {
  // `--quiet`: findings only, as Ruff's `-q`.
  if (input.quiet) return [];
  const lines: string[] = [];
  const remaining = input.diagnostics.length;
  const fixed = input.fixApplied ?? 0;
  const unsafeFixesEnabled = input.unsafeFixesEnabled ?? false;

  if (fixed > 0) {
    lines.push(`Found ${plural(fixed + remaining, "error")} (${fixed} fixed, ${remaining} remaining).`);
  } else if (remaining > 0) {
    lines.push(`Found ${plural(remaining, "error")}.`);
  } else if (input.errors.length === 0 && input.checkedFiles !== 0) {
    // Nothing checked is not a pass: the CLI warns "No files found" instead (Ruff's warning).
    lines.push("All checks passed!");
  }
  if (input.errors.length > 0) {
    lines.push(`${plural(input.errors.length, "file")} could not be checked.`);
  }

  const { applicable, hiddenUnsafe } = countFixable(input.diagnostics, unsafeFixesEnabled);
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
