/**
 * Hover: a rule's documentation page (the catalog's `renderRuleMarkdown`, the same text as docs/rules), over a
 * finding, or over a rule's code or name where the file names it (`# noqa: HFJ201`,
 * `// eslint-disable-next-line hf-jobs/no-token-in-env`, a configuration's `ignore` list).
 */
import { findRule, redactText, renderRuleMarkdown, type RuleMeta } from "@hf-jobs-lint/core";

/** The page without its generated-file notice (an HTML comment, which hovers show as text). */
export function ruleHoverMarkdown(rules: readonly RuleMeta<string>[]): string {
  return redactText(rules.map((rule) => renderRuleMarkdown(rule).replace(/^<!--[\s\S]*?-->\s*/, "")).join("\n---\n\n"));
}

const RULE_WORD = /hf-jobs\/[a-z0-9-]+|HFJ\d{3}|[a-z]+(?:-[a-z0-9]+)+/gi;

/** The rule named by the word under `character` (0-based) of `line`, with the word's span. */
export function ruleNamedAt(line: string, character: number): { rule: RuleMeta<string>; start: number; end: number } | null {
  for (const match of line.matchAll(RULE_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    if (character < start || character > end) continue;
    const rule = findRule(match[0].replace(/^hf-jobs\//, ""));
    // A bare name (`no-token-in-env`) only counts with the plugin prefix or in a directive: prose uses such words.
    if (rule && (/^hf-jobs\/|^HFJ/i.test(match[0]) || /noqa|eslint-disable|hf-jobs-lint/i.test(line))) return { rule, start, end };
  }
  return null;
}
