import { analyzeFixture, analyzeText, fixUntilStable, only, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ102 no-literal-token-argument", () => {
  test("placeholders and other literals where a token goes", () => {
    const diagnostics = analyzeFixture("hfj102/bad.py");
    expect(rows(diagnostics, "HFJ102")).toEqual([4, 5, 6, 9, 12]);
    expect(only(diagnostics, "HFJ102").every((d) => d.fix?.applicability === "unsafe")).toBe(true);
  });

  test("a secret value is shown shortened, never whole", () => {
    const secret = only(analyzeFixture("hfj102/bad.py"), "HFJ102").find((d) => d.location.row === 9)!;
    expect(secret.message).not.toContain("my-secret-value");
  });

  test("env lookups, get_token(), None, f-strings, empty strings and tokenizer tokens are silent", () => {
    expect(only(analyzeFixture("hfj102/good.py"), "HFJ102")).toEqual([]);
  });

  test("fix in a launcher uses get_token() and adds the import", () => {
    const run = fixUntilStable(`from huggingface_hub import login, run_uv_job\n\nlogin("hf_xxx")\nrun_uv_job("x.py")\n`, { unsafe: true, codes: ["HFJ102"] });
    expect(run.text).toBe(`from huggingface_hub import login, run_uv_job, get_token\n\nlogin(get_token())\nrun_uv_job("x.py")\n`);
  });

  test("token= of a callee that is not a Hugging Face library, or does not resolve, is silent", () => {
    const text = `from slack_sdk import WebClient\nimport mylib\n\nWebClient(token="xoxb-fake")\nmylib.connect(token="abc")\nload_model("gpt2", use_auth_token="hf_YOUR_TOKEN")\n`;
    expect(only(analyzeText(text), "HFJ102")).toEqual([]);
  });

  test("token= on an object a Hugging Face library made counts (HfApi(), from_pretrained(...), self.api)", () => {
    const text = `import huggingface_hub as hh\nfrom transformers import AutoModel as M\n\napi = hh.HfApi()\napi.whoami(token="hf_xxx")\nm = M.from_pretrained("org/m")\nm.push_to_hub("org/m", token="<token>")\n`;
    expect(rows(analyzeText(text), "HFJ102")).toEqual([5, 7]);
  });

  test("login() from another library is not the Hub's", () => {
    expect(analyzeText(`from mysite import login\nlogin("admin")\n`)).toEqual([]);
  });

  test("a literal reached through a variable is reported where it is written", () => {
    const diagnostics = analyzeText(`from huggingface_hub import HfApi\ntoken = "hf_abc123xyz..."\napi = HfApi(token=token)\n`);
    expect(only(diagnostics, "HFJ102").map((d) => [d.location.row, d.location.column])).toEqual([[2, 9]]);
  });

  test("tool call: a placeholder as the HF_TOKEN secret is replaced by $HF_TOKEN", () => {
    const text = `hf_jobs("uv", {"script": "x.py", "secrets": {"HF_TOKEN": "hf_abc123..."}})\n`;
    expect(rows(analyzeText(text), "HFJ102")).toEqual([1]);
    const run = fixUntilStable(text, { unsafe: true, codes: ["HFJ102"] });
    expect(run.text).toBe(`hf_jobs("uv", {"script": "x.py", "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n`);
  });

  test("tool call: $HF_TOKEN and other secrets' values are not HFJ102", () => {
    expect(rows(analyzeText(`hf_jobs("uv", {"script": "x.py", "secrets": {"HF_TOKEN": "$HF_TOKEN", "WANDB_API_KEY": "abc"}})\n`), "HFJ102")).toEqual([]);
  });
});
