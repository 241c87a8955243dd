import { analyzeFixture, only, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("launch provenance", () => {
  test("aliased imports, module aliases, HfApi instances (variable, inline, self attribute)", () => {
    expect(rows(analyzeFixture("provenance/aliases.py"), "HFJ201")).toEqual([5, 6, 8, 9, 17]);
  });

  test("other platforms, other libraries' run_uv_job and local run_job functions stay silent", () => {
    expect(analyzeFixture("provenance/other_platforms.py").filter((d) => d.code.startsWith("HFJ2"))).toEqual([]);
  });

  test("**kwargs with subscripts and update(), secrets built by subscript, splats in dict literals", () => {
    const diagnostics = analyzeFixture("provenance/kwargs.py");
    expect(rows(diagnostics, "HFJ201")).toEqual([4, 12, 16]);
    expect(rows(diagnostics, "HFJ204")).toEqual([8]);
    expect(only(diagnostics, "HFJ201").every((d) => d.fix === null)).toBe(true);
  });
});
