import { analyzeFixture, analyzeText, fixFixture, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

/** A PEP 723 header: evidence that the snippet is a job script. */
const HEADER = "# /// script\n# dependencies = []\n# ///\n";

describe("HFJ301 check-token-early", () => {
  test("push without a check", () => {
    const found = only(analyzeFixture("hfj301/bad.py"), "HFJ301");
    expect(found.map((d) => [d.location.row, d.location.column])).toEqual([[10, 1]]);
  });

  test("a trainer built with push_to_hub=True creates its repository before training: that fails fast", () => {
    expect(rows(analyzeFixture("hfj301/trainer.py"), "HFJ301")).toEqual([]);
  });

  test("a trainer whose settings say no push, pushed after training, fails late", () => {
    expect(rows(analyzeFixture("hfj301/trainer_late.py"), "HFJ301")).toEqual([21]);
  });

  test("trainer.push_to_hub() guarded by the same flag the constructor acted on is silent", () => {
    expect(rows(analyzeFixture("hfj301/trainer_guarded.py"), "HFJ301")).toEqual([]);
  });

  test.each([
    ["conditional_login.py", 17],
    ["warn_only.py", 15],
    ["swallowed_whoami.py", 18],
  ])("%s: code that lets the job go on is not a check", (name, row) => {
    expect(rows(analyzeFixture(`hfj301/${name}`), "HFJ301")).toEqual([row]);
  });

  test.each(["local_helper.py", "sandbox_client.py"])("%s: a write by name only, not to the Hub, is silent", (name) => {
    expect(rows(analyzeFixture(`hfj301/${name}`), "HFJ301")).toEqual([]);
  });

  test("a file nothing names as a job script (a library module) is not judged", () => {
    expect(rows(analyzeFixture("hfj301/no_evidence.py"), "HFJ301")).toEqual([]);
    // The same code, once the repository names it (the engine's evidence), is.
    const jobScript = { message: "job script: `hf jobs uv run` runs it", filename: "README.md", row: 3 };
    const found = only(analyzeFixture("hfj301/no_evidence.py", {}, undefined, jobScript), "HFJ301");
    expect(found.map((d) => d.location.row)).toEqual([7]);
    expect(found[0]!.related).toEqual([jobScript]);
  });

  test("the PEP 723 header is the evidence shown with the finding", () => {
    const [found] = only(analyzeFixture("hfj301/bad.py"), "HFJ301");
    expect(found!.related).toEqual([expect.objectContaining({ row: 1, message: expect.stringContaining("PEP 723") })]);
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
    const text = `${HEADER}from huggingface_hub import upload_file\nkinds = ["jobs", "spaces"]\nupload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\n`;
    expect(rows(analyzeText(text), "HFJ301")).toEqual([6]);
  });

  test("a module-level write after a check that only runs later (inside a function) is still reported", () => {
    const text = `${HEADER}import os\nfrom huggingface_hub import upload_file\nupload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\ndef later():\n    assert os.environ.get("HF_TOKEN")\n`;
    expect(rows(analyzeText(text), "HFJ301")).toEqual([6]);
  });
});
