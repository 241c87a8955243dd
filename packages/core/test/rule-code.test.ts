// Rule codes are a type derived from the catalog: a typo in a code is a type error (checked by `tsc -p
// tsconfig.tests.json` in `npm test`: each `@ts-expect-error` below fails the build if the line type-checks).
import { describe, expect, expectTypeOf, it } from "vitest";
import { RULES, RULE_CODES, SourceText, findRule, getRule, isRuleCode, makeDiagnostic, type Diagnostic, type RuleCode, type RuleMeta } from "@hf-jobs-lint/core";

describe("RuleCode", () => {
  it("is the union of the catalog's codes", () => {
    expectTypeOf<"HFJ201">().toExtend<RuleCode>();
    expectTypeOf<Diagnostic["code"]>().toEqualTypeOf<RuleCode>();
    expectTypeOf<RuleMeta["code"]>().toEqualTypeOf<RuleCode>();
    expectTypeOf<string>().not.toExtend<RuleCode>();
    expect(RULE_CODES).toEqual(RULES.map((rule) => rule.code));
  });

  it("rejects a typo where a code goes", () => {
    // @ts-expect-error: the letter O instead of the digit 0
    const typo: RuleCode = "HFJ2O1";
    const source = new SourceText("x\n");
    // @ts-expect-error: no such rule
    const diagnostic = makeDiagnostic(source, "a.py", { code: "HFJ999", message: "m", start: 0, end: 1 });
    expect([typo, diagnostic.code].every(isRuleCode)).toBe(false);
  });

  it("narrows a string with isRuleCode, and findRule of a code is never undefined", () => {
    const input: string = "HFJ201";
    if (!isRuleCode(input)) throw new Error("HFJ201 is a code");
    expectTypeOf(input).toEqualTypeOf<RuleCode>();
    expectTypeOf(findRule(input)).toEqualTypeOf<RuleMeta>();
    expectTypeOf(findRule("no-token-in-env" as string)).toEqualTypeOf<RuleMeta | undefined>();
    expect(findRule(input).name).toBe("no-token-in-env");
    expect(getRule("no-token-in-env").code).toBe("HFJ201");
    expect(isRuleCode("no-token-in-env")).toBe(false);
    expect(isRuleCode("hfj201")).toBe(false);
  });
});
