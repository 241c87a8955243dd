/** The one fix loop (engine and codemods): passes until nothing applies, refusals, and a bound on passes. */
import { describe, expect, test } from "vitest";
import { MAX_FIX_PASSES, runFixLoop, type Fix } from "../src/index.js";

interface Finding {
  code: string;
  fix: Fix | null;
}

/** Replace each `a` by `b`, one finding per `a`, every fix inserting at the same place as the next: one per pass. */
function findA(text: string): Finding[] {
  const index = text.indexOf("a");
  return index < 0 ? [] : [{ code: "A", fix: { applicability: "safe", message: "a to b", edits: [{ start: index, end: index + 1, content: "b" }] } }];
}

describe("runFixLoop", () => {
  test("applies pass after pass until nothing is left", async () => {
    const result = await runFixLoop("a-a-a", findA, { unsafe: false });
    expect(result).toMatchObject({ text: "b-b-b", error: null, diagnostics: [] });
    expect(result.applied).toHaveLength(3);
  });

  test("unsafe fixes only when asked", async () => {
    const unsafe = (text: string): Finding[] => findA(text).map((finding) => ({ ...finding, fix: { ...finding.fix!, applicability: "unsafe" } }));
    expect((await runFixLoop("a", unsafe, { unsafe: false })).text).toBe("a");
    expect((await runFixLoop("a", unsafe, { unsafe: true })).text).toBe("b");
  });

  test("a refused pass keeps the last accepted text and says why", async () => {
    const result = await runFixLoop("a-a", findA, { unsafe: false, refuse: (next) => (next === "b-b" ? "would break" : null) });
    expect(result).toMatchObject({ text: "b-a", error: "would break" });
    expect(result.applied).toHaveLength(1);
  });

  test("fixes that never converge stop after the bound, with an error", async () => {
    let passes = 0;
    const endless = (text: string): Finding[] => {
      passes++;
      return [{ code: "X", fix: { applicability: "safe", message: "grow", edits: [{ start: text.length, end: text.length, content: "x" }] } }];
    };
    const result = await runFixLoop("", endless, { unsafe: false });
    expect(result.text).toBe("x".repeat(MAX_FIX_PASSES));
    expect(result.error).toMatch(/did not converge/);
    expect(passes).toBe(MAX_FIX_PASSES + 1);
  });

  test("the caller's first analysis is used instead of analysing again", async () => {
    let calls = 0;
    const counted = (text: string) => {
      calls++;
      return findA(text);
    };
    await runFixLoop("a", counted, { unsafe: false, initial: findA("a") });
    expect(calls).toBe(1);
  });
});
