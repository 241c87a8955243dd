import { analyzeFixture, only, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ205 no-unsubstituted-placeholder", () => {
  test("other names and embedded $HF_TOKEN in tool-call values", () => {
    const found = only(analyzeFixture("hfj205/bad.py"), "HFJ205");
    expect(found.map((d) => d.location.row)).toEqual([5, 7, 9]);
    expect(found.every((d) => d.fix === null)).toBe(true);
    expect(found[1]!.message).toContain("whole value");
  });

  test("exact placeholders, shell commands and reader operations are silent", () => {
    expect(analyzeFixture("hfj205/good.py")).toEqual([]);
  });

  test("the Python API is HFJ202's, not HFJ205's", () => {
    expect(rows(analyzeFixture("hfj202/bad.py"), "HFJ205")).toEqual([]);
  });
});
