import { analyzeFixture, analyzeText, fixFixture, fixUntilStable, only, readFixture, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ201 no-token-in-env", () => {
  test("token-like keys in env: literals, variables, **kwargs with subscripts, tool calls", () => {
    const found = only(analyzeFixture("hfj201/bad.py"), "HFJ201");
    expect(found.map((d) => d.location.row)).toEqual([8, 15, 22, 25, 30, 34]);
    expect(found.map((d) => d.fix?.applicability ?? null)).toEqual(["safe", "safe", "safe", null, null, "safe"]);
  });

  test("safe fix: moves entries, merges, creates secrets, keeps comments and other entries", () => {
    const run = fixFixture("hfj201/bad.py", { codes: ["HFJ201"] });
    expect(run.text).toBe(readFixture("hfj201/fixed_expected.py"));
    // What is left cannot be fixed safely (dicts in variables and **kwargs) and is still reported
    // (one row earlier: the fix removed a line above them).
    expect(run.remaining.map((d) => d.location.row)).toEqual([24, 29]);
  });

  test("CRLF multi-line call: a new secrets argument on its own line", () => {
    const run = fixFixture("hfj201/crlf.py", { codes: ["HFJ201"] });
    expect(run.text).toBe(readFixture("hfj201/crlf_fixed_expected.py"));
  });

  test("tool call: env holding only the token becomes secrets", () => {
    expect(fixFixture("hfj201/toolcall.py", { codes: ["HFJ201"] }).text).toBe(readFixture("hfj201/toolcall_fixed_expected.py"));
  });

  test("other platforms and look-alike keys are silent", () => {
    expect(only(analyzeFixture("hfj201/good.py"), "HFJ201")).toEqual([]);
  });

  test("a key already in secrets is not duplicated by the fix", () => {
    const text = `from huggingface_hub import get_token, run_uv_job\nrun_uv_job("x.py", env={"HF_TOKEN": get_token()}, secrets={"HF_TOKEN": get_token()})\n`;
    const [finding] = only(analyzeText(text), "HFJ201");
    expect(finding!.fix).toBeNull();
  });

  test("dict(HF_TOKEN=...) and dataclass defaults passed as self.env", () => {
    const text = [
      "from dataclasses import dataclass, field",
      "from huggingface_hub import HfApi, get_token",
      "",
      "@dataclass",
      "class Launcher:",
      '    env: dict = field(default_factory=lambda: {"HF_TOKEN": get_token()})',
      "",
      "    def launch(self):",
      '        HfApi().run_uv_job("train.py", env=self.env)',
      '        HfApi().run_uv_job("train.py", env=dict(WANDB_API_KEY="x"))',
      "",
    ].join("\n");
    expect(rows(analyzeText(text), "HFJ201")).toEqual([6, 10]);
  });

  test("a comment on the moved entry's line stays in place", () => {
    const text = [
      "from huggingface_hub import get_token, run_uv_job",
      "run_uv_job(",
      '    "x.py",',
      "    env={",
      '        "HF_TOKEN": get_token(),  # the launcher\'s token',
      '        "MODE": "fast",',
      "    },",
      ")",
      "",
    ].join("\n");
    const run = fixUntilStable(text, { codes: ["HFJ201"] });
    expect(run.text).toBe(
      [
        "from huggingface_hub import get_token, run_uv_job",
        "run_uv_job(",
        '    "x.py",',
        "    env={",
        "        # the launcher's token",
        '        "MODE": "fast",',
        "    },",
        '    secrets={"HF_TOKEN": get_token()},',
        ")",
        "",
      ].join("\n"),
    );
  });
});
