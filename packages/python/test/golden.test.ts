import { analyzeFixture, readFixture, setup, summary } from "./helpers.js";

beforeAll(setup);

/**
 * Whole-file expectations (code, row, column, message), reviewed by hand. They pin message wording and exact
 * positions across rules that interact in one file.
 */
describe.each(["launcher_mixed", "job_script_mixed", "crlf_launcher"])("golden: %s.py", (name) => {
  test("matches the expected findings", () => {
    const expected = JSON.parse(readFixture(`golden/${name}.expected.json`));
    const actual = summary(analyzeFixture(`golden/${name}.py`)).map(({ code, row, column, message }) => ({ code, row, column, message }));
    expect(actual).toEqual(expected);
  });
});
