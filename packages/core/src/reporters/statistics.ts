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

/** Counts per code, added to file by file (a streamed run keeps the counts, not the findings). */
export class StatisticsTally {
  /** Each code's statistic, with how many of its findings are fixable (for the `[-]` mark, not in the JSON). */
  private readonly byCode = new Map<string, { statistic: Statistic; fixableCount: number }>();

  constructor(private readonly options: StatisticsOptions = {}) {}

  add(diagnostics: readonly Diagnostic[]): void {
    for (const diagnostic of diagnostics) {
      const fixable = isFixAvailable(diagnostic.fix, this.options.unsafeFixesEnabled ?? false);
      const existing = this.byCode.get(diagnostic.code);
      if (existing) {
        existing.statistic.count++;
        existing.statistic.fixable &&= fixable;
        if (fixable) existing.fixableCount++;
      } else {
        const name = findRule(diagnostic.code)?.name ?? diagnostic.code;
        this.byCode.set(diagnostic.code, { statistic: { code: diagnostic.code, name, count: 1, fixable }, fixableCount: fixable ? 1 : 0 });
      }
    }
  }

  format(format: OutputFormat): string {
    const entries = [...this.byCode.values()].sort((a, b) => b.statistic.count - a.statistic.count || compareStrings(a.statistic.code, b.statistic.code));
    const statistics = entries.map((entry) => entry.statistic);
    if (format === "json") return `${JSON.stringify(redactDeep(statistics), null, 2)}\n`;
    if (format === "json-lines") return statistics.map((statistic) => `${JSON.stringify(redactDeep(statistic))}\n`).join("");
    if (statistics.length === 0) return "";
    const countWidth = statistics.reduce((most, statistic) => Math.max(most, String(statistic.count).length), 0);
    const codeWidth = statistics.reduce((most, statistic) => Math.max(most, statistic.code.length), 0);
    const anyFixable = entries.some((entry) => entry.fixableCount > 0);
    const lines = entries.map((entry) => {
      const { statistic } = entry;
      const marker = anyFixable ? fixMark(entry) : "";
      return `${String(statistic.count).padStart(countWidth)}\t${statistic.code.padEnd(codeWidth)}\t${marker}${statistic.name}`;
    });
    return redactText(`${lines.join("\n")}\n`);
  }
}

function fixMark(entry: { statistic: Statistic; fixableCount: number }): string {
  if (entry.statistic.fixable) return "[*] ";
  return entry.fixableCount > 0 ? "[-] " : "[ ] ";
}

export function formatStatistics(diagnostics: readonly Diagnostic[], format: OutputFormat, options: StatisticsOptions = {}): string {
  const tally = new StatisticsTally(options);
  tally.add(diagnostics);
  return tally.format(format);
}
