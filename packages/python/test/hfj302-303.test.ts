import { analyzeFixture, fixFixture, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ302 no-redundant-token-argument", () => {
  test("token= repeating the environment", () => {
    expect(rows(analyzeFixture("hfj302/bad.py"), "HFJ302")).toEqual([5, 10]);
  });

  test("safe fix drops the argument (single-line and own-line)", () => {
    const run = fixFixture("hfj302/bad.py", { codes: ["HFJ302"] });
    expect(run.text).toBe(readFixture("hfj302/fixed_expected.py"));
  });

  test("other variables, login() and lookups with a default are kept", () => {
    expect(only(analyzeFixture("hfj302/good.py"), "HFJ302")).toEqual([]);
  });
});

describe("HFJ303 no-legacy-token-variable", () => {
  test("subscripts, getenv, environ.get via from-import, membership tests", () => {
    expect(rows(analyzeFixture("hfj303/bad.py"), "HFJ303")).toEqual([4, 5, 6, 7]);
  });

  test("unsafe fix renames to HF_TOKEN keeping quotes", () => {
    const run = fixFixture("hfj303/bad.py", { unsafe: true, codes: ["HFJ303"] });
    expect(run.text).toBe(readFixture("hfj303/fixed_expected.py"));
  });

  test("HF_TOKEN, other variables and mentions in text are silent", () => {
    expect(analyzeFixture("hfj303/good.py")).toEqual([]);
  });
});
