/** The rule catalog: every rule's code, name, summary, severity, fix safety, surfaces and docs. */
import type { RuleMeta } from "./types.js";
import { noHardcodedToken } from "./rules/hfj101-no-hardcoded-token.js";
import { noLiteralTokenArgument } from "./rules/hfj102-no-literal-token-argument.js";
import { noTokenOutput } from "./rules/hfj103-no-token-output.js";
import { noTokenInArguments } from "./rules/hfj104-no-token-in-arguments.js";
import { noTokenInEnv } from "./rules/hfj201-no-token-in-env.js";
import { noPlaceholderOutsideMcp } from "./rules/hfj202-no-placeholder-outside-mcp.js";
import { requireTokenSecret } from "./rules/hfj203-require-token-secret.js";
import { validTokenSecretName } from "./rules/hfj204-valid-token-secret-name.js";
import { noUnsubstitutedPlaceholder } from "./rules/hfj205-no-unsubstituted-placeholder.js";
import { noUnknownJobArgument } from "./rules/hfj206-no-unknown-job-argument.js";
import { noFlagsAfterScript } from "./rules/hfj207-no-flags-after-script.js";
import { checkTokenEarly } from "./rules/hfj301-check-token-early.js";
import { noRedundantTokenArgument } from "./rules/hfj302-no-redundant-token-argument.js";
import { noLegacyTokenVariable } from "./rules/hfj303-no-legacy-token-variable.js";

export type * from "./types.js";

export const RULES: readonly RuleMeta[] = [
  noHardcodedToken,
  noLiteralTokenArgument,
  noTokenOutput,
  noTokenInArguments,
  noTokenInEnv,
  noPlaceholderOutsideMcp,
  requireTokenSecret,
  validTokenSecretName,
  noUnsubstitutedPlaceholder,
  noUnknownJobArgument,
  noFlagsAfterScript,
  checkTokenEarly,
  noRedundantTokenArgument,
  noLegacyTokenVariable,
];

const byKey = new Map<string, RuleMeta>();
for (const rule of RULES) {
  byKey.set(rule.code.toUpperCase(), rule);
  byKey.set(rule.name.toUpperCase(), rule);
  byKey.set(`HF-JOBS/${rule.name}`.toUpperCase(), rule);
}

/** A rule by code (`HFJ101`), name (`no-hardcoded-token`) or ESLint name (`hf-jobs/no-hardcoded-token`). */
export function findRule(codeOrName: string): RuleMeta | undefined {
  return byKey.get(codeOrName.trim().toUpperCase());
}

export function getRule(code: string): RuleMeta {
  const rule = findRule(code);
  if (!rule) throw new Error(`unknown rule code ${code}`);
  return rule;
}

/** Where a rule's documentation lives, used as `url` in every output format. */
export function ruleUrl(rule: RuleMeta): string {
  return `https://github.com/hf-jobs-lint/hf-jobs-lint/blob/main/docs/rules/${rule.name}.md`;
}
