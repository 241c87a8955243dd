import { applyEdits, type Diagnostic } from "@hf-jobs-lint/core";
import { analyzeScriptNeeds } from "../src/index.js";
import { findScriptBlock, hfJobsTable, readScriptHeader } from "../src/pep723.js";
import { analyzeFixture, analyzeText, fixFixture, fixUntilStable, fixturePath, only, readFixture, setup } from "./helpers.js";

beforeAll(setup);

const FAKE = "hf_FAKEpepSEVENtwoTHREEtokenABCDEFGH1";

/** The text a diagnostic points at. */
function pointed(relative: string, d: Diagnostic): string {
  const lines = readFixture(relative).split(/\r?\n/);
  expect(d.endLocation.row).toBe(d.location.row);
  return lines[d.location.row - 1]!.slice(d.location.column - 1, d.endLocation.column - 1);
}

/** The findings this feature produces (the fixtures' scripts also lack an early token check: HFJ301). */
function headerFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code !== "HFJ301");
}

describe("PEP 723 header reading", () => {
  test("the script block: lines without `# `, offsets into the comment, LF and CRLF", () => {
    for (const name of ["env_table.py", "crlf_env_table.py"]) {
      const text = readFixture(`pep723/${name}`);
      const block = findScriptBlock(text)!;
      expect(block.lines.map((l) => l.content)).toEqual(['dependencies = ["huggingface_hub"]', "", "[tool.hf-jobs.env]", 'MODEL = "gpt2"', 'WANDB_API_KEY = "placeholder"']);
      for (const line of block.lines) expect(text.slice(line.contentStart, line.contentStart + line.content.length)).toBe(line.content);
      expect(block.lines[0]!.eol).toBe(name.startsWith("crlf") ? "\r\n" : "\n");
      expect(hfJobsTable(readScriptHeader(text))!.env).toEqual(
        new Map([
          ["MODEL", "gpt2"],
          ["WANDB_API_KEY", "placeholder"],
        ]),
      );
    }
  });

  test("a byte order mark before the block", () => {
    const text = '\uFEFF# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN_RW"]\n# ///\nprint(1)\n';
    expect(hfJobsTable(readScriptHeader(text))!.secrets).toEqual(["HF_TOKEN_RW"]);
  });

  test("no block, an unclosed block, two script blocks: nothing", () => {
    expect(readScriptHeader("print(1)\n")).toBeNull();
    expect(readScriptHeader('# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN"]\nprint(1)\n')).toBeNull();
    const block = '# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN"]\n# ///\n';
    expect(readScriptHeader(block + "x = 1\n")).not.toBeNull();
    expect(readScriptHeader(block + "x = 1\n" + block)).toBeNull();
  });

  test("invalid TOML: no findings from the header, no crash, no declared secrets", () => {
    expect(analyzeFixture("pep723/invalid_toml.py")).toEqual([]);
    expect([...analyzeScriptNeeds(readFixture("pep723/invalid_toml.py")).declaredSecrets]).toEqual([]);
  });

  test("a header without [tool.hf-jobs] is silent", () => {
    expect(analyzeFixture("pep723/no_hf_jobs.py")).toEqual([]);
    expect(analyzeText("# /// script\n# dependencies = []\n# ///\nprint(1)\n")).toEqual([]);
  });

  test("declared secrets reach analyzeScriptNeeds", () => {
    expect([...analyzeScriptNeeds(readFixture("pep723/env_clean.py")).declaredSecrets]).toEqual(["HF_TOKEN"]);
    expect([...analyzeScriptNeeds(readFixture("pep723/secret_misnamed.py")).declaredSecrets]).toEqual(["HF_API_TOKEN", "WANDB_API_KEY"]);
    expect(analyzeScriptNeeds("print(1)\n").declaredSecrets.size).toBe(0);
  });
});

describe("HFJ201 in [tool.hf-jobs] env", () => {
  test("inline env table: points at the entry; the token in it is HFJ101 exactly once", () => {
    for (const name of ["env_inline.py", "crlf_env_inline.py"]) {
      const found = analyzeFixture(`pep723/${name}`);
      const [env] = only(found, "HFJ201");
      expect(env!.location.row).toBe(6);
      expect(pointed(`pep723/${name}`, env!)).toBe(`HF_TOKEN = "${FAKE}"`);
      // Unsafe: `secrets` lists names only, so the value comes from the launching environment afterwards.
      expect(env!.fix?.applicability).toBe("unsafe");
      const tokens = only(found, "HFJ101");
      expect(tokens).toHaveLength(1);
      expect(pointed(`pep723/${name}`, tokens[0]!)).toBe(FAKE);
      expect(JSON.stringify(found)).not.toContain(FAKE);
    }
  });

  test("inline env fix: the entry leaves env, secrets is created under [tool.hf-jobs] (LF and CRLF)", () => {
    for (const [name, eol] of [
      ["env_inline.py", "\n"],
      ["crlf_env_inline.py", "\r\n"],
    ] as const) {
      const run = fixFixture(`pep723/${name}`, { unsafe: true, codes: ["HFJ201"] });
      const expected = readFixture(`pep723/${name}`)
        .replace(`# [tool.hf-jobs]${eol}`, `# [tool.hf-jobs]${eol}# secrets = ["HF_TOKEN"]${eol}`)
        .replace(`, HF_TOKEN = "${FAKE}"`, "");
      expect(run.text).toBe(expected);
      expect(hfJobsTable(readScriptHeader(run.text))).toEqual({ env: new Map([["MODEL", "gpt2"]]), secrets: ["HF_TOKEN"] });
      // The token went with the env value: nothing is left to report.
      expect(run.remaining.filter((d) => d.code === "HFJ101" || d.code === "HFJ201")).toEqual([]);
    }
  });

  test("[tool.hf-jobs.env] table: the key line is removed, a [tool.hf-jobs] table with secrets is added before it", () => {
    for (const [name, eol] of [
      ["env_table.py", "\n"],
      ["crlf_env_table.py", "\r\n"],
    ] as const) {
      const [finding] = only(analyzeFixture(`pep723/${name}`), "HFJ201");
      expect(finding!.location.row).toBe(6);
      expect(pointed(`pep723/${name}`, finding!)).toBe('WANDB_API_KEY = "placeholder"');
      const run = fixFixture(`pep723/${name}`, { unsafe: true, codes: ["HFJ201"] });
      expect(run.text).toBe(
        readFixture(`pep723/${name}`)
          .replace(`# [tool.hf-jobs.env]${eol}`, `# [tool.hf-jobs]${eol}# secrets = ["WANDB_API_KEY"]${eol}# [tool.hf-jobs.env]${eol}`)
          .replace(`# WANDB_API_KEY = "placeholder"${eol}`, ""),
      );
      expect(hfJobsTable(readScriptHeader(run.text))).toEqual({ env: new Map([["MODEL", "gpt2"]]), secrets: ["WANDB_API_KEY"] });
    }
  });

  test("dotted env keys and an existing one-line secrets list: appended, not duplicated", () => {
    const run = fixFixture("pep723/env_with_secrets.py", { unsafe: true, codes: ["HFJ201"] });
    expect(run.text).toBe(
      readFixture("pep723/env_with_secrets.py").replace('secrets = ["HF_TOKEN"]', 'secrets = ["HF_TOKEN", "OPENAI_API_KEY"]').replace('# env.OPENAI_API_KEY = "placeholder"\n', ""),
    );
    // A key already listed in secrets: only the env entry goes.
    const text = '# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN"]\n# env = { HF_TOKEN = "placeholder" }\n# ///\nprint(1)\n';
    expect(fixUntilStable(text, { unsafe: true }).text).toBe('# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN"]\n# env = {}\n# ///\nprint(1)\n');
  });

  test("two token keys: fixed over two passes into one secrets list", () => {
    const text = '# /// script\n# [tool.hf-jobs]\n# env = { HF_TOKEN = "a", MODEL = "m", WANDB_API_KEY = "b" }\n# ///\nprint(1)\n';
    expect(only(analyzeText(text), "HFJ201")).toHaveLength(2);
    const run = fixUntilStable(text, { unsafe: true });
    expect(run.text).toBe('# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN", "WANDB_API_KEY"]\n# env = { MODEL = "m" }\n# ///\nprint(1)\n');
  });

  test("not obviously safe: multi-line secrets with a comment, a trailing comment, an inline tool table: reported without a fix", () => {
    const [multi] = only(analyzeFixture("pep723/env_multiline.py"), "HFJ201");
    expect(multi!.location.row).toBe(8);
    expect(multi!.fix).toBeNull();
    const commented = '# /// script\n# [tool.hf-jobs.env]\n# HF_TOKEN = "placeholder"  # for pushes\n# ///\nprint(1)\n';
    expect(only(analyzeText(commented), "HFJ201").map((d) => d.fix)).toEqual([null]);
    const inlineTool = '# /// script\n# [tool]\n# hf-jobs = { env = { HF_TOKEN = "placeholder" } }\n# ///\nprint(1)\n';
    const [inline] = only(analyzeText(inlineTool), "HFJ201");
    expect(inline!.location.row).toBe(3);
    expect(inline!.fix).toBeNull();
  });

  test("negatives: ordinary env keys, token-like keys outside env, the same text outside a header", () => {
    expect(headerFindings(analyzeFixture("pep723/env_clean.py"))).toEqual([]);
    expect(analyzeText('# /// script\n# [tool.hf-jobs]\n# secrets = ["WANDB_API_KEY"]\n# [tool.other.env]\n# HF_TOKEN = "x"\n# ///\nprint(1)\n')).toEqual([]);
    expect(analyzeText('# [tool.hf-jobs]\n# env = { HF_TOKEN = "x" }\nprint(1)\n')).toEqual([]);
  });
});

describe("HFJ204 in [tool.hf-jobs] secrets", () => {
  test("a misnamed HF token secret: reported at the list item, unsafe rename (LF and CRLF)", () => {
    for (const name of ["secret_misnamed.py", "crlf_secret_misnamed.py"]) {
      const found = headerFindings(analyzeFixture(`pep723/${name}`));
      expect(found.map((d) => d.code)).toEqual(["HFJ204"]);
      expect(found[0]!.location.row).toBe(5);
      expect(pointed(`pep723/${name}`, found[0]!)).toBe('"HF_API_TOKEN"');
      expect(found[0]!.fix?.applicability).toBe("unsafe");
      expect(fixFixture(`pep723/${name}`).text).toBe(readFixture(`pep723/${name}`));
      const run = fixFixture(`pep723/${name}`, { unsafe: true, codes: ["HFJ204"] });
      expect(run.text).toBe(readFixture(`pep723/${name}`).replace('"HF_API_TOKEN"', '"HF_TOKEN"'));
      expect(headerFindings(run.remaining)).toEqual([]);
    }
  });

  test("the script reads the old name: no finding", () => {
    expect(only(analyzeFixture("pep723/secret_misnamed_read.py"), "HFJ204")).toEqual([]);
  });

  test("HF_TOKEN listed as well: reported without a fix; HF_TOKEN alone is fine", () => {
    const both = '# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN", "HUGGINGFACE_TOKEN"]\n# ///\nprint(1)\n';
    expect(only(analyzeText(both), "HFJ204").map((d) => d.fix)).toEqual([null]);
    expect(analyzeText('# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN", "OPENAI_API_KEY"]\n# ///\nprint(1)\n')).toEqual([]);
  });

  test("multi-line secrets list: points at the item", () => {
    const text = '# /// script\n# [tool.hf-jobs]\n# secrets = [\n#   "OTHER",\n#   "HF_API_TOKEN",  # old name\n# ]\n# ///\nprint(1)\n';
    const [finding] = only(analyzeText(text), "HFJ204");
    expect(finding!.location.row).toBe(5);
    expect(finding!.location.column).toBe(5);
    const fixed = applyEdits(text, finding!.fix!.edits);
    expect(hfJobsTable(readScriptHeader(fixed))!.secrets).toEqual(["OTHER", "HF_TOKEN"]);
  });
});

describe("fix round trip on every pep723 fixture", () => {
  test.each(["env_inline.py", "crlf_env_inline.py", "env_table.py", "crlf_env_table.py", "env_with_secrets.py", "secret_misnamed.py", "crlf_secret_misnamed.py"])("%s", (name) => {
    const run = fixUntilStable(readFixture(`pep723/${name}`), { unsafe: true, filePath: fixturePath(`pep723/${name}`) });
    const header = readScriptHeader(run.text);
    expect(header).not.toBeNull();
    const table = hfJobsTable(header)!;
    expect([...table.env.keys()].filter((key) => /TOKEN|API_KEY/.test(key))).toEqual([]);
    expect(run.remaining.filter((d) => d.code === "HFJ201" || d.code === "HFJ204")).toEqual([]);
    // Idempotent.
    expect(fixUntilStable(run.text, { unsafe: true, filePath: fixturePath(`pep723/${name}`) }).passes).toBe(0);
  });
});

describe("what the header means for launches", () => {
  test("`hf jobs uv run` argv lists: a script declaring HF_TOKEN needs no --secrets; other scripts do", () => {
    const launch = (script: string) => `import subprocess\nsubprocess.run(["hf", "jobs", "uv", "run", "${script}"])\n`;
    expect(only(analyzeText(launch("pep723/env_clean.py")), "HFJ203")).toEqual([]);
    expect(only(analyzeText(launch("pep723/secret_misnamed.py")), "HFJ203")).toHaveLength(1);
  });

  test("the Python API and the tool call are not documented to read the header: HFJ203 as before", () => {
    const api = 'from huggingface_hub import run_uv_job\nrun_uv_job("pep723/env_clean.py")\n';
    expect(only(analyzeText(api), "HFJ203")).toHaveLength(1);
    const tool = 'hf_jobs("uv", {"script": "pep723/env_clean.py"})\n';
    expect(only(analyzeText(tool), "HFJ203")).toHaveLength(1);
  });
});

describe("header edge cases", () => {
  test("the env line right after [tool.hf-jobs] is replaced by the new secrets line", () => {
    const text = '# /// script\r\n# [tool.hf-jobs]\r\n# env.HF_TOKEN = "placeholder"\r\n# ///\r\nprint(1)\r\n';
    expect(fixUntilStable(text, { unsafe: true, codes: ["HFJ201"] }).text).toBe('# /// script\r\n# [tool.hf-jobs]\r\n# secrets = ["HF_TOKEN"]\r\n# ///\r\nprint(1)\r\n');
  });

  test("a header inside an inline tool-call script is checked in place", () => {
    const text = 'hf_jobs("uv", {"script": """# /// script\n# [tool.hf-jobs]\n# secrets = ["HF_API_TOKEN"]\n# ///\nprint(1)\n"""})\n';
    const [finding] = only(analyzeText(text), "HFJ204");
    expect(finding!.location.row).toBe(3);
    expect(text.slice(finding!.start, finding!.end)).toBe('"HF_API_TOKEN"');
    // The rename stays inside the triple-quoted string: the outer file still parses after it.
    const fixed = fixUntilStable(text, { unsafe: true, codes: ["HFJ204"] });
    expect(fixed.text).toBe(text.replace('"HF_API_TOKEN"', '"HF_TOKEN"'));
  });
});
