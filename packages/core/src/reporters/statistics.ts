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

function computeStatistics(diagnostics: readonly Diagnostic[], options: StatisticsOptions = {}): Statistic[] {
  const byCode = new Map<string, Statistic>();
  for (const diagnostic of diagnostics) {
    const fixable = isFixAvailable(diagnostic.fix, options.unsafeFixesEnabled ?? false);
    const existing = byCode.get(diagnostic.code);
    if (existing) {
      existing.count++;
      existing.fixable &&= fixable;
    } else {
      const name = findRule(diagnostic.code)?.name ?? diagnostic.code;
      byCode.set(diagnostic.code, { code: diagnostic.code, name, count: 1, fixable });
    }
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count || compareStrings(a.code, b.code));
}

export function formatStatistics(diagnostics: readonly Diagnostic[], format: OutputFormat, options: StatisticsOptions = {}): string {
  const statistics = computeStatistics(diagnostics, options);
  if (format === "json") return `${JSON.stringify(redactDeep(statistics), null, 2)}\n`;
  if (format === "json-lines") return statistics.map((statistic) => `${JSON.stringify(redactDeep(statistic))}\n`).join("");
  if (statistics.length === 0) return "";
  const countWidth = Math.max(...statistics.map((statistic) => String(statistic.count).length));
  const codeWidth = Math.max(...statistics.map((statistic) => statistic.code.length));
  const anyFixable = statistics.some((statistic) => statistic.fixable);
  const lines = statistics.map((statistic) => {
    const marker = anyFixable ? (statistic.fixable ? "[*] " : "[ ] ") : "";
    return `${String(statistic.count).padStart(countWidth)}\t${statistic.code.padEnd(codeWidth)}\t${marker}${statistic.name}`;
  });
  return redactText(`${lines.join("\n")}\n`);
}
