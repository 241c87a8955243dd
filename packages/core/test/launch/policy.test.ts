/** The launch policy on hand-built descriptions: each rule's decision, without any parser. */
import { describe, expect, test } from "vitest";
import { decideLaunch, type LaunchDescription, type LaunchEntry, type LaunchMap, type LaunchValue, type ScriptFacts } from "../../src/index.js";

type H = string;

function entry(key: string, value: LaunchValue, inPlace = true): LaunchEntry<H> {
  return { key, value, entry: `${key}-entry`, keyNode: `${key}-key`, valueNode: `${key}-value`, inPlace };
}

function map(field: string, entries: LaunchEntry<H>[], extra: Partial<LaunchMap<H>> = {}): LaunchMap<H> {
  return { field, node: field, entries, complete: true, inPlace: true, ...extra };
}

const str = (text: string): LaunchValue => ({ kind: "string", text, editable: true });
const HF: LaunchValue = { kind: "hf-token" };
const OTHER: LaunchValue = { kind: "other" };

function field(name: string, value: LaunchValue = OTHER) {
  return { name, node: name, inPlace: true, value, valueNode: `${name}-value` };
}

function launch(overrides: Partial<LaunchDescription<H>> = {}): LaunchDescription<H> {
  return {
    surface: "python-api",
    label: "`run_uv_job`",
    operation: "run_uv_job",
    runsScript: true,
    envShown: true,
    complete: true,
    canAddField: true,
    env: null,
    secrets: null,
    fields: [],
    commandLine: [],
    scriptValue: null,
    script: null,
    ...overrides,
  };
}

function facts(needsToken: boolean, reads: string[] = []): ScriptFacts {
  return {
    needsToken,
    readsVariable: (name) => reads.includes(name),
    level: needsToken ? "write" : undefined,
    evidence: needsToken ? { text: "api.upload_file(...)", row: 7 } : undefined,
  } as ScriptFacts;
}

const codes = (description: LaunchDescription<H>) => decideLaunch(description).map((finding) => `${finding.code}@${finding.anchor}`);

describe("HFJ201", () => {
  test("a token-like key in env, with a move when secrets can take it", () => {
    const [finding] = decideLaunch(launch({ env: map("env", [entry("WANDB_API_KEY", { kind: "other" })]) }));
    expect(finding).toMatchObject({ code: "HFJ201", anchor: "WANDB_API_KEY-key", fix: { applicability: "safe", ops: [{ op: "move-to-secrets" }] } });
    expect(finding!.message).toBe("`WANDB_API_KEY` is passed through `env` of `run_uv_job`, where it is stored and shown in full; pass it in `secrets`");
  });

  test("the HF token under any key; the substituted placeholder only on the tool call", () => {
    expect(codes(launch({ env: map("env", [entry("CACHE", HF)]) }))).toEqual(["HFJ201@CACHE-key"]);
    const tool = launch({ surface: "tool-call", label: 'the `hf_jobs("uv")` tool call', env: map("env", [entry("CACHE", str("$HF_TOKEN"))]) });
    expect(decideLaunch(tool)[0]!.message).toContain("(the tool call puts your real token there)");
    // On the Python API the same text is sent literally: HFJ202, not a token in env.
    expect(codes(launch({ env: map("env", [entry("CACHE", str("$HF_TOKEN"))]) }))).toEqual(["HFJ202@CACHE-value"]);
  });

  test("no move when the key is a secret already, the env is not in place, or secrets cannot be seen", () => {
    const env = map("env", [entry("HF_TOKEN", HF)]);
    expect(decideLaunch(launch({ env, secrets: map("secrets", [entry("HF_TOKEN", HF)]) }))[0]!.fix).toBeNull();
    expect(decideLaunch(launch({ env: map("env", [entry("HF_TOKEN", HF, false)], { inPlace: false }) }))[0]!.fix).toBeNull();
    expect(decideLaunch(launch({ env, secrets: map("secrets", [], { complete: false, inPlace: false }) }))[0]!.fix).toBeNull();
    expect(decideLaunch(launch({ env, complete: false }))[0]!.fix).toBeNull();
  });

  test("names that are not credentials stay silent", () => {
    expect(codes(launch({ env: map("env", [entry("MAX_NEW_TOKENS", str("256")), entry("TOKENIZERS_PARALLELISM", str("false"))]) }))).toEqual([]);
  });
});

describe("HFJ204", () => {
  test("every misnamed secret is reported; only the first gets the rename", () => {
    const findings = decideLaunch(launch({ secrets: map("secrets", [entry("HF_API_TOKEN", HF), entry("HUGGINGFACE_TOKEN", HF)]) }));
    expect(findings.map((finding) => [finding.code, finding.anchor, finding.fix?.ops[0]?.op ?? null])).toEqual([
      ["HFJ204", "HF_API_TOKEN-key", "rename-key"],
      ["HFJ204", "HUGGINGFACE_TOKEN-key", null],
    ]);
  });

  test("safe with a known script that does not read the old name, silent when it does, unsafe when unknown", () => {
    const secrets = map("secrets", [entry("TOKEN", HF)]);
    expect(decideLaunch(launch({ secrets, script: { facts: facts(true), label: "`x.py`", anchor: "script" } }))[0]!.fix!.applicability).toBe("safe");
    expect(decideLaunch(launch({ secrets, script: { facts: facts(true, ["TOKEN"]), label: "`x.py`", anchor: "script" } }))).toEqual([]);
    expect(decideLaunch(launch({ secrets }))[0]!.fix!.applicability).toBe("unsafe");
  });

  test("nothing when HF_TOKEN is there too", () => {
    expect(codes(launch({ secrets: map("secrets", [entry("HF_TOKEN", HF), entry("HF_API_TOKEN", HF)]) }))).toEqual([]);
  });
});

describe("HFJ203", () => {
  const script = { facts: facts(true), label: "`train.py`", anchor: "script" };

  test("a script that needs a token and no secret: anchored on the script, with level and evidence", () => {
    const [finding] = decideLaunch(launch({ script }));
    expect(finding).toMatchObject({ code: "HFJ203", anchor: "script", fix: { applicability: "unsafe", ops: [{ op: "add-token-secret" }] } });
    expect(finding!.message).toBe("`train.py` needs a token with write access (`api.upload_file(...)` on script line 7), but `run_uv_job` passes no `HF_TOKEN` secret");
  });

  test("silent when the token reaches the job some other way, or the launch cannot be seen whole", () => {
    expect(codes(launch({ script, secrets: map("secrets", [entry("HF_TOKEN", HF)]) }))).toEqual([]);
    expect(codes(launch({ script, env: map("env", [entry("HF_TOKEN", HF)]) }))).toEqual(["HFJ201@HF_TOKEN-key"]);
    expect(codes(launch({ script, secrets: map("secrets", [entry("MY_TOKEN", HF)]) }))).toEqual(["HFJ204@MY_TOKEN-key"]);
    expect(codes(launch({ script, complete: false }))).toEqual([]);
    expect(codes(launch({ script, secrets: map("secrets", [], { complete: false }) }))).toEqual([]);
    expect(codes(launch({ script: { ...script, facts: facts(false) } }))).toEqual([]);
    expect(codes(launch({ script, runsScript: false }))).toEqual([]);
  });

  test("reported without a fix when nothing can be added", () => {
    expect(decideLaunch(launch({ script, canAddField: false }))[0]!.fix).toBeNull();
  });
});

describe("HFJ102, HFJ202, HFJ205", () => {
  test("a literal as the HF token secret; in env only a token-shaped placeholder", () => {
    expect(codes(launch({ secrets: map("secrets", [entry("HF_TOKEN", str("my-token"))]) }))).toEqual(["HFJ102@HF_TOKEN-value"]);
    expect(codes(launch({ env: map("env", [entry("HF_TOKEN", str("hf_xxx"))]) }))).toEqual(["HFJ201@HF_TOKEN-key", "HFJ102@HF_TOKEN-value"]);
    expect(codes(launch({ env: map("env", [entry("HF_TOKEN", str("main"))]) }))).toEqual(["HFJ201@HF_TOKEN-key"]);
  });

  test("a real-looking token is HFJ101's alone; an empty value is nothing", () => {
    expect(codes(launch({ secrets: map("secrets", [entry("HF_TOKEN", str(`hf_${"aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE2f"}`))]) }))).toEqual([]);
    expect(codes(launch({ secrets: map("secrets", [entry("HF_TOKEN", str(""))]) }))).toEqual([]);
  });

  test("the placeholder where nothing substitutes it, under any key; exact gets the token, partial a template", () => {
    const findings = decideLaunch(
      launch({ surface: "hub-js", label: "`runJob`", secrets: map("secrets", [entry("HF_TOKEN", str("$HF_TOKEN")), entry("AUTH", str("Bearer ${HF_TOKEN}"))]) }),
    );
    expect(findings.map((finding) => [finding.code, finding.fix?.ops[0]?.op])).toEqual([
      ["HFJ202", "use-token-value"],
      ["HFJ202", "substitute-placeholders"],
    ]);
    expect(findings[0]!.message).toBe("`$HF_TOKEN` in `secrets` of `runJob` is sent as literal text: only the `hf_jobs` tool call substitutes `$HF_TOKEN`");
  });

  test("tool calls: placeholders that arrive literally, in values and script_args", () => {
    const tool = launch({
      surface: "tool-call",
      label: 'the `hf_jobs("uv")` tool call',
      operation: "uv",
      secrets: map("secrets", [entry("HF_TOKEN", str("$HF_TOKEN")), entry("WANDB_API_KEY", str("$WANDB_API_KEY"))]),
      commandLine: [
        {
          field: "script_args",
          elements: [
            { value: str("--token=$HF_TOKEN"), node: "arg0" },
            { value: str("--epochs"), node: "arg1" },
          ],
        },
      ],
    });
    // The placeholder inside a longer argument arrives literally (HFJ205), and a token option is HFJ104.
    expect(codes(tool)).toEqual(["HFJ205@WANDB_API_KEY-value", "HFJ205@arg0", "HFJ104@arg0"]);
  });
});

describe("HFJ206 on tool calls", () => {
  test("dropped keys, with the known rename when the right key is free", () => {
    const tool = launch({
      surface: "tool-call",
      label: 'the `hf_jobs("uv")` tool call',
      operation: "uv",
      fields: [field("script"), field("dependencies"), field("image")],
    });
    const findings = decideLaunch(tool);
    expect(findings.map((finding) => [finding.anchor, finding.fix?.ops[0] ?? null])).toEqual([
      ["dependencies", { op: "rename-key", keyNode: "dependencies", to: "with_deps" }],
      ["image", null],
    ]);
    expect(findings[0]!.message).toBe('`dependencies` is not read by the `hf_jobs("uv")` tool call and is dropped without an error; the key is `with_deps`');
  });

  test("not on the Python API (its parameters are checked by the analyzer)", () => {
    expect(codes(launch({ fields: [{ ...field("whatever"), node: "x" }] }))).toEqual([]);
  });

  const uvTool = (fields: ReturnType<typeof field>[]) => launch({ surface: "tool-call", label: 'the `hf_jobs("uv")` tool call', operation: "uv", fields });

  test("a number as `timeout` is rejected by the schema; an integer written in place becomes its string", () => {
    const [integer] = decideLaunch(uvTool([field("timeout", { kind: "number", text: "3600", editable: true })]));
    expect(integer).toMatchObject({ code: "HFJ206", anchor: "timeout-value", fix: { applicability: "safe", ops: [{ op: "replace-value", node: "timeout-value", text: "3600" }] } });
    expect(integer!.message).toBe(
      '`timeout` is the number `3600` in the `hf_jobs("uv")` tool call: the server takes a string ("30m", "2h", or seconds as "3600") and rejects the call',
    );
    // A fraction would be cut to whole seconds by the server's parseInt; a constant is edited where it is defined, elsewhere.
    expect(decideLaunch(uvTool([field("timeout", { kind: "number", text: "1.5", editable: true })]))[0]!.fix).toBeNull();
    expect(decideLaunch(uvTool([field("timeout", { kind: "number", text: "60", editable: false })]))[0]!.fix).toBeNull();
  });

  test("a `timeout` string the server misreads or rejects; the forms it reads are silent", () => {
    expect(decideLaunch(uvTool([field("timeout", str("90min"))]))[0]!.message).toBe(
      '`timeout` `90min` in the `hf_jobs("uv")` tool call is read as 90 seconds: the server knows only the units `s`, `m`, `h`, `d` ("30m", "2h")',
    );
    expect(decideLaunch(uvTool([field("timeout", str("2 hours"))]))[0]!.message).toContain("is read as 2 seconds");
    expect(decideLaunch(uvTool([field("timeout", str("two hours"))]))[0]!.message).toContain("the launch is rejected");
    for (const ok of ["30m", "2h", "1.5h", "45s", "1d", "3600"]) expect(codes(uvTool([field("timeout", str(ok))]))).toEqual([]);
    expect(codes(uvTool([field("timeout", OTHER)]))).toEqual([]);
  });

  test("a `flavor` outside the server's enum, with the flavors it may have meant", () => {
    const [finding] = decideLaunch(uvTool([field("flavor", str("a10g"))]));
    expect(finding!.message).toBe(
      '`flavor` `a10g` is not one the server accepts in the `hf_jobs("uv")` tool call: the launch is rejected (did you mean `a10g-small`, `a10g-large`, `a10g-largex2`, `a10g-largex4`?)',
    );
    expect(decideLaunch(uvTool([field("flavor", str("h200"))]))[0]!.message).not.toContain("did you mean");
    expect(codes(uvTool([field("flavor", str("a10g-large")), field("timeout", str("2h"))]))).toEqual([]);
    // Not the Python API's parameters: `run_uv_job(flavor="h200")` is a valid `hf jobs` flavor.
    expect(codes(launch({ fields: [field("flavor", str("h200"))] }))).toEqual([]);
  });
});

describe("HFJ206 on the Python API's script", () => {
  const withScript = (text: string, overrides: Partial<LaunchDescription<H>> = {}) => launch({ scriptValue: { text, node: "script-value" }, ...overrides });

  test("inline code where run_uv_job wants a path or URL", () => {
    const [finding] = decideLaunch(withScript("from huggingface_hub import whoami\nprint(whoami())"));
    expect(finding).toMatchObject({ code: "HFJ206", anchor: "script-value", fix: null });
    expect(finding!.message).toBe(
      '`run_uv_job` takes a file path or URL as `script`: this inline code is passed to `uv run` as a command and the job fails; save it to a file and pass its path (it is uploaded), or use the `hf_jobs("uv")` tool call, which runs inline code',
    );
    expect(codes(withScript("import os; print(os.environ)"))).toEqual(["HFJ206@script-value"]);
    expect(codes(withScript("# /// script\n# dependencies = []\n# ///"))).toEqual(["HFJ206@script-value"]);
  });

  test("paths, URLs and the tool call's inline scripts are fine", () => {
    for (const path of ["train.py", "scripts/train.py", "https://huggingface.co/u/r/resolve/main/train.py", "important.py", "from_scratch.py", "  train.py\n"]) {
      expect(codes(withScript(path))).toEqual([]);
    }
    expect(codes(withScript("import os\nprint(1)", { surface: "tool-call", label: 'the `hf_jobs("uv")` tool call', operation: "uv" }))).toEqual([]);
    expect(codes(withScript("import os\nprint(1)", { runsScript: false }))).toEqual([]);
  });
});

describe("HFJ104 on the job's command line", () => {
  const line = (...values: LaunchValue[]) => [{ field: "script_args", elements: values.map((value, index) => ({ value, node: `arg${index}` })) }];

  test("a token option takes the value after it into the same finding", () => {
    const [finding, ...rest] = decideLaunch(launch({ commandLine: line(str("--epochs"), str("3"), str("--hf-token"), HF) }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: "HFJ104", anchor: "arg2", anchorEnd: "arg3", fix: null });
    expect(finding!.message).toBe(
      "`--hf-token` in `script_args` of `run_uv_job` makes the script read its token from the command line, which is stored and shown with the job; pass an `HF_TOKEN` secret and read it from the environment",
    );
  });

  test("credential values, literal tokens, and the placeholder only where the tool call substitutes it", () => {
    expect(codes(launch({ commandLine: line({ kind: "credential" }, str(`hf_${"aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE2f"}`), str("--token=abc")) }))).toEqual([
      "HFJ104@arg0",
      "HFJ104@arg1",
      "HFJ104@arg2",
    ]);
    expect(codes(launch({ commandLine: line(str("$HF_TOKEN")) }))).toEqual([]);
    expect(codes(launch({ surface: "tool-call", label: "the tool call", commandLine: line(str("$HF_TOKEN")) }))).toEqual(["HFJ104@arg0"]);
  });

  test("ordinary arguments and words that only contain `token` stay silent", () => {
    expect(codes(launch({ commandLine: line(str("--max-new-tokens"), str("256"), str("--tokenizer"), str("gpt2"), { kind: "other" }) }))).toEqual([]);
  });
});
