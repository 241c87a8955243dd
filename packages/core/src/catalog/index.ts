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
import { noJobOptionReadByLauncher } from "./rules/hfj210-no-job-option-read-by-launcher.js";
import { noUnknownLauncherOption } from "./rules/hfj211-no-unknown-launcher-option.js";
import { noRejectedOptionValue } from "./rules/hfj212-no-rejected-option-value.js";
import { requireCiTokenSource } from "./rules/hfj213-require-ci-token-source.js";
import { noOidcTokenForLongJob } from "./rules/hfj214-no-oidc-token-for-long-job.js";
import { checkTokenEarly } from "./rules/hfj301-check-token-early.js";
import { noRedundantTokenArgument } from "./rules/hfj302-no-redundant-token-argument.js";
import { noLegacyTokenVariable } from "./rules/hfj303-no-legacy-token-variable.js";
import { unusedNoqa } from "./rules/hfj901-unused-noqa.js";

export type * from "./types.js";
export { defineRule } from "./define.js";

/** Every rule, in code order. */
export const RULES = [
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
  noJobOptionReadByLauncher,
  noUnknownLauncherOption,
  noRejectedOptionValue,
  requireCiTokenSource,
  noOidcTokenForLongJob,
  checkTokenEarly,
  noRedundantTokenArgument,
  noLegacyTokenVariable,
  unusedNoqa,
] as const satisfies readonly RuleMeta<string>[];

/** A code of the catalog (`"HFJ101" | "HFJ102" | ...`), derived from the rule files: a typo fails the type check. */
export type RuleCode = (typeof RULES)[number]["code"];

/** Every code of the catalog, in code order. */
export const RULE_CODES: readonly RuleCode[] = RULES.map((rule) => rule.code);

const codes: ReadonlySet<string> = new Set(RULE_CODES);

/** Whether `value` is exactly a code of the catalog (`HFJ101`; not a name, not lower case). */
export function isRuleCode(value: string): value is RuleCode {
  return codes.has(value);
}

const byKey = new Map<string, RuleMeta>();
for (const rule of RULES) {
  byKey.set(rule.code.toUpperCase(), rule);
  byKey.set(rule.name.toUpperCase(), rule);
  byKey.set(`HF-JOBS/${rule.name}`.toUpperCase(), rule);
}

/** A rule by code (`HFJ101`), name (`no-hardcoded-token`) or ESLint name (`hf-jobs/no-hardcoded-token`). */
export function findRule(code: RuleCode): RuleMeta;
export function findRule(codeOrName: string): RuleMeta | undefined;
export function findRule(codeOrName: string): RuleMeta | undefined {
  return byKey.get(codeOrName.trim().toUpperCase());
}

/** As `findRule`, throwing on an unknown code or name. */
export function getRule(codeOrName: RuleCode | (string & {})): RuleMeta {
  const rule = findRule(codeOrName);
  if (!rule) throw new Error(`unknown rule code ${codeOrName}`);
  return rule;
}

/** Where a rule's documentation lives, used as `url` in every output format. */
export function ruleUrl(rule: Pick<RuleMeta<string>, "name">): string {
  return `https://github.com/hf-jobs-lint/hf-jobs-lint/blob/main/docs/rules/${rule.name}.md`;
}
