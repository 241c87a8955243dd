import { analyzeFixture, analyzeText, fixFixture, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ301 check-token-early", () => {
  test("push without a check", () => {
    const found = only(analyzeFixture("hfj301/bad.py"), "HFJ301");
    expect(found.map((d) => [d.location.row, d.location.column])).toEqual([[10, 1]]);
  });

  test("Trainer arguments with push_to_hub=True inside a function", () => {
    expect(rows(analyzeFixture("hfj301/trainer.py"), "HFJ301")).toEqual([7]);
  });

  test("unsafe fix: check inserted after the imports (PEP 723 header and docstring kept), idempotent", () => {
    const run = fixFixture("hfj301/bad.py", { unsafe: true, codes: ["HFJ301"] });
    expect(run.text).toBe(readFixture("hfj301/fixed_expected.py"));
    expect(run.passes).toBe(1);
    expect(run.remaining).toEqual([]);
  });

  test.each(["good_assert.py", "good_if.py", "good_whoami.py", "good_readonly.py", "good_push_false.py", "good_main_guard.py"])("%s is silent", (name) => {
    expect(only(analyzeFixture(`hfj301/${name}`), "HFJ301")).toEqual([]);
  });

  test("a launcher is not a job script", () => {
    const text = `from huggingface_hub import HfApi, get_token\napi = HfApi()\napi.create_repo("me/x")\napi.run_uv_job("x.py", secrets={"HF_TOKEN": get_token()})\n`;
    expect(rows(analyzeText(text), "HFJ301")).toEqual([]);
  });

  test("role script forces job-script rules; role launcher disables them", () => {
    const text = `from huggingface_hub import upload_file\nupload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\n`;
    expect(rows(analyzeText(text, { role: "script" }), "HFJ301")).toEqual([2]);
    expect(rows(analyzeText(text, { role: "launcher" }), "HFJ301")).toEqual([]);
  });

  test('a list that merely contains "jobs" does not make a job script a launcher', () => {
    const text = `from huggingface_hub import upload_file\nkinds = ["jobs", "spaces"]\nupload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\n`;
    expect(rows(analyzeText(text), "HFJ301")).toEqual([3]);
  });

  test("a module-level write after a check that only runs later (inside a function) is still reported", () => {
    const text = `import os\nfrom huggingface_hub import upload_file\nupload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\ndef later():\n    assert os.environ.get("HF_TOKEN")\n`;
    expect(rows(analyzeText(text), "HFJ301")).toEqual([3]);
  });
});
