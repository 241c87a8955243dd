import type { RuleMeta } from "./types.js";

/**
 * Declare one rule of the catalog, keeping its code as a literal type (`"HFJ201"`, not `string`): the
 * `RuleCode` union is derived from these, so the rule files stay the single source of truth for codes.
 */
export function defineRule<const Code extends string>(rule: RuleMeta<Code>): RuleMeta<Code> {
  return rule;
}
