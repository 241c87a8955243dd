/**
 * `--statistics`, as Ruff prints it: one line per code with its count, the code, `[*]` when its findings are
 * fixable at the enabled applicability (`[ ]` otherwise, when any code is), and the rule name; JSON for the JSON
 * formats. Ordered by count (most first), then code.
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
  private readonly byCode = new Map<string, Statistic>();

  constructor(private readonly options: StatisticsOptions = {}) {}

  add(diagnostics: readonly Diagnostic[]): void {
    for (const diagnostic of diagnostics) {
      const fixable = isFixAvailable(diagnostic.fix, this.options.unsafeFixesEnabled ?? false);
      const existing = this.byCode.get(diagnostic.code);
      if (existing) {
        existing.count++;
        existing.fixable &&= fixable;
      } else {
        const name = findRule(diagnostic.code)?.name ?? diagnostic.code;
        this.byCode.set(diagnostic.code, { code: diagnostic.code, name, count: 1, fixable });
      }
    }
  }

  format(format: OutputFormat): string {
    const statistics = [...this.byCode.values()].sort((a, b) => b.count - a.count || compareStrings(a.code, b.code));
    if (format === "json") return `${JSON.stringify(redactDeep(statistics), null, 2)}\n`;
    if (format === "json-lines") return statistics.map((statistic) => `${JSON.stringify(redactDeep(statistic))}\n`).join("");
    if (statistics.length === 0) return "";
    const countWidth = statistics.reduce((most, statistic) => Math.max(most, String(statistic.count).length), 0);
    const codeWidth = statistics.reduce((most, statistic) => Math.max(most, statistic.code.length), 0);
    const anyFixable = statistics.some((statistic) => statistic.fixable);
    const lines = statistics.map((statistic) => {
      const marker = anyFixable ? (statistic.fixable ? "[*] " : "[ ] ") : "";
      return `${String(statistic.count).padStart(countWidth)}\t${statistic.code.padEnd(codeWidth)}\t${marker}${statistic.name}`;
    });
    return redactText(`${lines.join("\n")}\n`);
  }
}

export function formatStatistics(diagnostics: readonly Diagnostic[], format: OutputFormat, options: StatisticsOptions = {}): string {
  const tally = new StatisticsTally(options);
  tally.add(diagnostics);
  return tally.format(format);
}
