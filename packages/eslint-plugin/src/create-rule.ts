/**
 * Rule metadata comes from the core catalog (description, type, fix kind, docs URL): nothing is re-typed here.
 * Safe catalog fixes are ESLint fixes; unsafe ones are suggestions.
 */
import * as ESLintUtils from "@typescript-eslint/utils/eslint-utils";
import type { TSESLint } from "@typescript-eslint/utils";
import { getRule, ruleUrl, type RuleCode, type RuleMeta } from "@hf-jobs-lint/core";

export interface HfJobsRuleDocs {
  /** The catalog code, `HFJ101`. */
  code: RuleCode;
  /** In the `recommended` config. */
  recommended: boolean;
}

/** The rule's page in this plugin's docs (ESLint terms, flat-config examples), beside the CLI's page of the same rule. */
export function pluginRuleUrl(name: string): string {
  return ruleUrl(getRule(name)).replace("/docs/rules/", "/packages/eslint-plugin/docs/rules/");
}

export const createRule = ESLintUtils.RuleCreator<HfJobsRuleDocs>(pluginRuleUrl);

/** The catalog-derived part of a rule's `meta` (everything but `messages`), and the catalog entry itself. */
export function catalogMeta(code: RuleCode): {
  rule: RuleMeta;
  name: string;
  eslint: {
    type: "problem" | "suggestion";
    docs: HfJobsRuleDocs & { description: string };
    fixable?: "code";
    hasSuggestions?: boolean;
    schema: [];
  };
} {
  const rule = getRule(code);
  return {
    rule,
    name: rule.name,
    eslint: {
      // Errors are problems (the job leaks or breaks); warnings are improvements.
      type: rule.defaultSeverity === "error" ? "problem" : "suggestion",
      docs: { description: rule.summary, code: rule.code, recommended: rule.enabledByDefault },
      ...(rule.fix === "safe" ? { fixable: "code" as const } : {}),
      // Unsafe fixes are suggestions; a rule with safe fixes also suggests when one of its fixes is uncertain.
      ...(rule.fix !== "none" ? { hasSuggestions: true } : {}),
      schema: [],
    },
  };
}

export type RuleModule = TSESLint.RuleModule<string, readonly unknown[], HfJobsRuleDocs>;
