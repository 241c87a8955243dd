import path from "node:path";
import { analyzePython } from "../src/index.js";
import { FIXTURES, fixUntilStable, inputFor, only, rows, setup } from "./helpers.js";

beforeAll(setup);

/** Launchers written next to the repo-launcher scripts, so `../scripts/push_dataset.py` resolves. */
const ROOT = path.join(FIXTURES, "repo-launcher");
const LAUNCHER = path.join(ROOT, "launchers", "inline.py");
const analyze = (text: string) => analyzePython(inputFor(text, LAUNCHER, ROOT));
const HEAD = "from huggingface_hub import get_token, run_uv_job\n";

describe("HFJ203 require-token-secret", () => {
  test("a secrets dict in a variable without HF_TOKEN: reported, no fix", () => {
    const diagnostics = analyze(`${HEAD}s = {"WANDB_API_KEY": get_token()}\nrun_uv_job("../scripts/push_dataset.py", secrets=s)\n`);
    // get_token() under another name is the HF token misnamed (HFJ204), so HFJ203 stays quiet.
    expect(rows(diagnostics, "HFJ203")).toEqual([]);
    expect(rows(diagnostics, "HFJ204")).toEqual([2]);
    const other = analyze(`${HEAD}s = {"WANDB_API_KEY": "x"}\nrun_uv_job("../scripts/push_dataset.py", secrets=s)\n`);
    expect(only(other, "HFJ203").map((d) => [d.location.row, d.fix])).toEqual([[3, null]]);
  });

  test("HF_TOKEN passed through env is HFJ201's, not HFJ203's", () => {
    const diagnostics = analyze(`${HEAD}run_uv_job("../scripts/push_dataset.py", env={"HF_TOKEN": get_token()})\n`);
    expect(rows(diagnostics, "HFJ203")).toEqual([]);
    expect(rows(diagnostics, "HFJ201")).toEqual([2]);
  });

  test("unknown secrets (unresolved **kwargs, parameters) stay silent", () => {
    expect(rows(analyze(`${HEAD}def go(opts):\n    run_uv_job("../scripts/push_dataset.py", **opts)\n`), "HFJ203")).toEqual([]);
    expect(rows(analyze(`${HEAD}def go(s):\n    run_uv_job("../scripts/push_dataset.py", secrets=s)\n`), "HFJ203")).toEqual([]);
  });

  test("the script path through a variable", () => {
    expect(rows(analyze(`${HEAD}SCRIPT = "../scripts/push_dataset.py"\nrun_uv_job(SCRIPT)\n`), "HFJ203")).toEqual([3]);
  });

  test("scheduled uv launches and multi-line calls get the secret on a new line", () => {
    const text = `from huggingface_hub import create_scheduled_uv_job\n\ncreate_scheduled_uv_job(\n    "../scripts/push_dataset.py",\n    schedule="@daily",\n)\n`;
    const run = fixUntilStable(text, { unsafe: true, codes: ["HFJ203"], filePath: LAUNCHER, root: ROOT });
    expect(run.text).toBe(
      `from huggingface_hub import create_scheduled_uv_job, get_token\n\ncreate_scheduled_uv_job(\n    "../scripts/push_dataset.py",\n    schedule="@daily",\n    secrets={"HF_TOKEN": get_token()},\n)\n`,
    );
  });

  test("aligned continuation lines: the secret goes on a new aligned line before the closing bracket", () => {
    const text = `${HEAD}run_uv_job("../scripts/push_dataset.py",\n           flavor="cpu-basic")\n`;
    const run = fixUntilStable(text, { unsafe: true, codes: ["HFJ203"], filePath: LAUNCHER, root: ROOT });
    expect(run.text).toBe(`${HEAD}run_uv_job("../scripts/push_dataset.py",\n           flavor="cpu-basic",\n           secrets={"HF_TOKEN": get_token()})\n`);
  });

  test("an inline script with escapes is still analysed for its needs (no inner findings)", () => {
    const text = `hf_jobs("uv", {"script": """\nfrom huggingface_hub import upload_file\nprint("a\\tb")\nupload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\n"""})\n`;
    const diagnostics = analyze(text);
    expect(rows(diagnostics, "HFJ203")).toEqual([1]);
    expect(rows(diagnostics, "HFJ301")).toEqual([]);
  });

  test("a token in an inline script is reported once, at its place in the outer file", () => {
    const text = `hf_jobs("uv", {"script": """\nfrom huggingface_hub import HfApi\nHfApi(token="hf_FakeTokenForTests0123456789abcdefg").whoami()\n""", "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n`;
    const found = only(analyze(text), "HFJ101");
    expect(found.map((d) => [d.location.row, d.location.column])).toEqual([[3, 14]]);
    // The inner fix would insert `"` into a `"""` string's content: allowed, it contains no `"""`.
    const run = fixUntilStable(text, { unsafe: true, codes: ["HFJ101"], filePath: LAUNCHER, root: ROOT });
    expect(run.text).toContain(`import os\nHfApi(token=os.environ["HF_TOKEN"]).whoami()`);
  });
});

describe("HFJ204 valid-token-secret-name", () => {
  test("the HF token under an unrelated name is detected by its value", () => {
    const diagnostics = analyze(`${HEAD}run_uv_job("x.py", secrets={"MY_SECRET": get_token()})\n`);
    expect(rows(diagnostics, "HFJ204")).toEqual([2]);
  });

  test("no rename when HF_TOKEN is also passed; other secrets are fine", () => {
    expect(rows(analyze(`${HEAD}run_uv_job("x.py", secrets={"HF_TOKEN": get_token(), "TOKEN": get_token()})\n`), "HFJ204")).toEqual([]);
    expect(rows(analyze(`${HEAD}run_uv_job("x.py", secrets={"HF_TOKEN": get_token(), "WANDB_API_KEY": "x"})\n`), "HFJ204")).toEqual([]);
  });

  test("tool call: $HF_TOKEN under another name", () => {
    const run = fixUntilStable(`hf_jobs("uv", {"script": "../scripts/push_dataset.py", "secrets": {"TOKEN": "$HF_TOKEN"}})\n`, {
      codes: ["HFJ204"],
      filePath: LAUNCHER,
      root: ROOT,
    });
    expect(run.text).toBe(`hf_jobs("uv", {"script": "../scripts/push_dataset.py", "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n`);
  });
});

describe("tokens in tool calls and on launches", () => {
  test("a literal token in a tool call's secrets is replaced by $HF_TOKEN", () => {
    const run = fixUntilStable(`hf_jobs("uv", {"script": "x.py", "secrets": {"HF_TOKEN": "hf_FakeTokenForTests0123456789abcdefg"}})\n`, { unsafe: true, codes: ["HFJ101"] });
    expect(run.text).toBe(`hf_jobs("uv", {"script": "x.py", "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n`);
  });

  test("token= on a launch is the launcher's own credential: literals are HFJ102", () => {
    expect(rows(analyze(`${HEAD}run_uv_job("x.py", token="hf_xxx")\n`), "HFJ102")).toEqual([2]);
  });
});
