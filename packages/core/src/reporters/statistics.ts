/**
 * `--statistics`, as Ruff prints it: one line per code with its count, the code, `[*]` when all its findings are
 * fixable at the enabled applicability, `[-]` when some are, `[ ]` when none is (markers only when any code has a
 * fix), and the rule name; JSON for the JSON formats. Ordered by count (most first), then code.
 */
import { findRule, type RuleCode } from "../catalog/index.js";
import type { Diagnostic } from "../diagnostic.js";
import { redactText } from "../tokens.js";
import { isFixAvailable } from "./fixability.js";
import { compareStrings } from "./ordering.js";
import { redactDeep } from "./redaction.js";
import type { OutputFormat } from "./types.js";

export interface Statistic {
  code: RuleCode;
  name: string;
  count: number;
  /** Every finding of this code has a fix `--fix` would apply (with `--unsafe-fixes` when enabled). */
  fixable: boolean;
}

export interface StatisticsOptions {
  unsafeFixesEnabled?: boolean;
}

/** The statistics with how many findings of each code are fixable (for the `[-]` mark, not in the JSON). */
function computeStatistics(diagnostics: readonly Diagnostic[], options: StatisticsOptions = {}): { statistic: Statistic; fixableCount: number }[] {
  const byCode = new Map<string, { statistic: Statistic; fixableCount: number }>();
  for (const diagnostic of diagnostics) {
    const fixable = isFixAvailable(diagnostic.fix, options.unsafeFixesEnabled ?? false);
    const existing = byCode.get(diagnostic.code);
    if (existing) {
      existing.statistic.count++;
      existing.statistic.fixable &&= fixable;
      if (fixable) existing.fixableCount++;
    } else {
      const name = findRule(diagnostic.code)?.name ?? diagnostic.code;
      byCode.set(diagnostic.code, { statistic: { code: diagnostic.code, name, count: 1, fixable }, fixableCount: fixable ? 1 : 0 });
    }
  }
  return [...byCode.values()].sort((a, b) => b.statistic.count - a.statistic.count || compareStrings(a.statistic.code, b.statistic.code));
}

function fixMark(entry: { statistic: Statistic; fixableCount: number }): string {
  if (entry.statistic.fixable) return "[*] ";
  return entry.fixableCount > 0 ? "[-] " : "[ ] ";
}

export function formatStatistics(diagnostics: readonly Diagnostic[], format: OutputFormat, options: StatisticsOptions = {}): string {
  const entries = computeStatistics(diagnostics, options);
  const statistics = entries.map((entry) => entry.statistic);
  if (format === "json") return `${JSON.stringify(redactDeep(statistics), null, 2)}\n`;
  if (format === "json-lines") return statistics.map((statistic) => `${JSON.stringify(redactDeep(statistic))}\n`).join("");
  if (statistics.length === 0) return "";
  const countWidth = Math.max(...statistics.map((statistic) => String(statistic.count).length));
  const codeWidth = Math.max(...statistics.map((statistic) => statistic.code.length));
  const anyFixable = entries.some((entry) => entry.fixableCount > 0);
  const lines = entries.map((entry) => {
    const { statistic } = entry;
    const marker = anyFixable ? fixMark(entry) : "";
    return `${String(statistic.count).padStart(countWidth)}\t${statistic.code.padEnd(codeWidth)}\t${marker}${statistic.name}`;
  });
  return redactText(`${lines.join("\n")}\n`);
}
