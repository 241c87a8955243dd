import { analyzeFixture, analyzeText, only, rows, setup } from "./helpers.js";

beforeAll(setup);

/** A PEP 723 header: evidence that the snippet is a job script. */
const HEADER = "# /// script\n# dependencies = []\n# ///\n";

describe("HFJ103 no-token-output", () => {
  test("print, logging, stderr, files and exception messages", () => {
    expect(rows(analyzeFixture("hfj103/bad.py"), "HFJ103")).toEqual([12, 13, 14, 15, 17, 19, 21, 23]);
  });

  test("short prefixes, lengths, booleans and look-alike variables are silent", () => {
    expect(only(analyzeFixture("hfj103/good.py"), "HFJ103")).toEqual([]);
  });

  test("a prefix longer than 10 characters is output", () => {
    expect(rows(analyzeText(`${HEADER}import os\nt = os.environ["HF_TOKEN"]\nprint(t[:12])\n`), "HFJ103")).toEqual([6]);
  });

  test("taint follows chains of assignments and .format()", () => {
    const text = `${HEADER}import os\na = os.getenv("HF_TOKEN")\nb = a\nmsg = "token={}".format(b)\nprint(msg)\n`;
    expect(rows(analyzeText(text), "HFJ103")).toEqual([8]);
  });

  test("neither a job script nor a launcher: a CLI whose job is printing the token (`hf auth token`) is not judged", () => {
    const text = `from huggingface_hub import get_token\n\ndef auth_token() -> None:\n    """Print the current access token to stdout."""\n    token = get_token()\n    print(token)\n`;
    expect(rows(analyzeText(text), "HFJ103")).toEqual([]);
    expect(rows(analyzeText(text, { role: "script" }), "HFJ103")).toEqual([6]);
  });

  test("a launcher's output is judged: it lands in CI logs", () => {
    const text = `import os\nfrom huggingface_hub import run_uv_job\ntoken = os.environ["HF_TOKEN"]\nprint("launching with", token)\nrun_uv_job("train.py", secrets={"HF_TOKEN": token})\n`;
    expect(rows(analyzeText(text), "HFJ103")).toEqual([4]);
  });

  test("a user-defined print is not output; a non-token env var is fine", () => {
    expect(analyzeText(`${HEADER}import os\ndef print(x):\n    pass\nprint(os.environ["HF_TOKEN"])\n`).filter((d) => d.code === "HFJ103")).toEqual([]);
    expect(analyzeText(`import os\nprint(os.environ["HOME"])\n`)).toEqual([]);
  });
});
