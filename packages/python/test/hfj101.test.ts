import { redact } from "@hf-jobs-lint/core";
import { analyzeFixture, analyzeText, fixFixture, fixUntilStable, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

const FAKE = "hf_FakeTokenForTests0123456789abcdefg";

describe("HFJ101 no-hardcoded-token", () => {
  test("reports every token: strings, f-string parts, bytes, comments, two in one string", () => {
    const found = only(analyzeFixture("hfj101/bad.py"), "HFJ101");
    expect(found.map((d) => [d.location.row, d.location.column])).toEqual([
      [4, 10],
      [5, 20],
      [6, 19],
      [7, 9],
      [8, 14],
      [9, 9],
      [9, 47],
      [10, 46],
    ]);
  });

  test("whole-string tokens get an unsafe fix; embedded ones, bytes and comments get none", () => {
    const found = only(analyzeFixture("hfj101/bad.py"), "HFJ101");
    expect(found.map((d) => d.fix?.applicability ?? null)).toEqual(["unsafe", "unsafe", null, null, null, null, null, "unsafe"]);
  });

  test("messages never contain the token whole", () => {
    for (const d of analyzeFixture("hfj101/bad.py")) {
      expect(d.message).not.toContain(FAKE);
      expect(d.fix?.message ?? "").not.toContain(FAKE);
    }
    expect(only(analyzeFixture("hfj101/bad.py"), "HFJ101")[0]!.message).toContain(redact(FAKE));
  });

  test("a real-looking token is HFJ101 alone, not HFJ102 too", () => {
    const diagnostics = analyzeFixture("hfj101/bad.py");
    expect(rows(diagnostics, "HFJ102")).toEqual([]);
  });

  test("placeholders, look-alikes and run-time values are silent", () => {
    expect(analyzeFixture("hfj101/good.py")).toEqual([]);
  });

  test("launcher fix: get_token() merged into the existing huggingface_hub import", () => {
    const run = fixFixture("hfj101/launcher.py", { unsafe: true, codes: ["HFJ101"] });
    expect(run.text).toBe(readFixture("hfj101/launcher_fixed_expected.py"));
    expect(run.remaining).toEqual([]);
  });

  test("job-script fix in a CRLF file: env lookup, CRLF kept, no new import", () => {
    const run = fixFixture("hfj101/crlf.py", { unsafe: true, codes: ["HFJ101"] });
    expect(run.text).toBe(readFixture("hfj101/script_fixed_expected.py").replace(/\n/g, "\r\n"));
  });

  test("the env lookup adds `import os` after the docstring when missing", () => {
    const run = fixUntilStable(`"""Doc."""\nfrom huggingface_hub import HfApi\n\nHfApi(token="${FAKE}").whoami()\n`, { unsafe: true, codes: ["HFJ101"] });
    expect(run.text).toBe(`"""Doc."""\nfrom huggingface_hub import HfApi\nimport os\n\nHfApi(token=os.environ["HF_TOKEN"]).whoami()\n`);
  });

  test("a BOM file keeps its BOM", () => {
    const run = fixUntilStable(`\uFEFFapi_key = "${FAKE}"\n`, { unsafe: true, codes: ["HFJ101"] });
    expect(run.text).toBe(`\uFEFFimport os\napi_key = os.environ["HF_TOKEN"]\n`);
  });

  test("api_org_ tokens and a token in a docstring (no fix)", () => {
    const diagnostics = analyzeText(`"""Example: api_org_AnotherFakeToken000000000000000000"""\n`);
    expect(diagnostics.map((d) => [d.code, d.fix])).toEqual([["HFJ101", null]]);
  });
});
