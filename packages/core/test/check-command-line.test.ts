import { checkJobsCommandLine, type ArgvElement, type ScriptFacts } from "@hf-jobs-lint/core";

// A made-up token (never a real one), built so that the source holds no token-shaped literal.
const TOKEN = "hf_" + "Qw3rTy6uIo9pAs2dFg5hJk8lZx1cVb4nM7";

const literal = (line: string): ArgvElement[] => line.split(" ").map((value) => ({ value, literal: true }));
const codes = (line: string | ArgvElement[], script?: ScriptFacts) =>
  checkJobsCommandLine(typeof line === "string" ? literal(line) : line, { script: script ?? null }).map((f) => f.code);
const facts = (needsToken: boolean, reads: string[] = []): ScriptFacts => ({ needsToken, readsVariable: (name) => reads.includes(name) });

describe("checkJobsCommandLine", () => {
  it("is silent on the recommended forms and on other commands", () => {
    expect(codes("hf jobs uv run --secrets HF_TOKEN train.py")).toEqual([]);
    expect(codes("hf jobs run -s HF_TOKEN --flavor a10g-small python:3.12 python x.py")).toEqual([]);
    expect(codes("hf jobs ps")).toEqual([]);
    expect(codes(`echo ${TOKEN}`)).toEqual([]);
  });

  it("HFJ101: a token in --token, in -s KEY=, and in the job's arguments (no double report of one flag)", () => {
    const onToken = checkJobsCommandLine(literal(`hf jobs uv run --token ${TOKEN} train.py`));
    expect(onToken.map((f) => f.code)).toEqual(["HFJ101"]);
    expect(onToken[0]!.message).not.toContain(TOKEN);
    expect(onToken[0]!.fix?.ops).toEqual([
      { op: "remove", index: 4 },
      { op: "remove", index: 5 },
    ]);
    const onSecret = checkJobsCommandLine(literal(`hf jobs uv run -s HF_TOKEN=${TOKEN} train.py`));
    expect(onSecret.map((f) => f.code)).toEqual(["HFJ101"]);
    expect(onSecret[0]!.fix).toMatchObject({ applicability: "unsafe", ops: [{ op: "replace", index: 5, value: "HF_TOKEN" }] });
    expect(codes(`hf jobs uv run train.py ${TOKEN}`)).toEqual(["HFJ101", "HFJ104"]);
  });

  it("HFJ101/HFJ102 never fire on a non-literal value", () => {
    const argv = literal("hf jobs uv run --token X -s HF_TOKEN=Y train.py");
    argv[5] = { value: "$HF_TOKEN", literal: false };
    argv[7] = { value: "HF_TOKEN=$HF_TOKEN", literal: false };
    expect(codes(argv)).toEqual([]);
  });

  it("HFJ102: a placeholder or literal passed as the token", () => {
    expect(codes("hf jobs uv run -s HF_TOKEN=hf_xxx train.py")).toEqual(["HFJ102"]);
    expect(codes("hf jobs uv run --secrets HF_TOKEN=$HF_TOKEN train.py")).toEqual(["HFJ102"]);
    expect(codes("hf jobs uv run --token hf_... train.py")).toEqual(["HFJ102"]);
    expect(codes("hf jobs uv run -s WANDB_API_KEY=abc train.py")).toEqual([]);
  });

  it("HFJ104: token flags and token variables after the script", () => {
    const found = checkJobsCommandLine([...literal("hf jobs uv run train.py --hf-token"), { value: "$HF_TOKEN", literal: false }]);
    expect(found.map((f) => [f.code, f.index, f.endIndex])).toEqual([["HFJ104", 5, 6]]);
    expect(codes("hf jobs uv run train.py --hf-token=abc")).toEqual(["HFJ104"]);
    expect(codes("hf jobs uv run train.py --tokenizer gpt2")).toEqual([]);
  });

  it("HFJ201: token-like keys through -e/--env, with a safe move to secrets", () => {
    const found = checkJobsCommandLine(literal("hf jobs uv run -e HF_TOKEN --env=WANDB_API_KEY -e MAX_NEW_TOKENS=5 train.py"));
    expect(found.map((f) => f.code)).toEqual(["HFJ201", "HFJ201"]);
    expect(found[0]!.fix).toMatchObject({ applicability: "safe", ops: [{ op: "replace", index: 4, value: "-s" }] });
    expect(found[1]!.fix?.ops).toEqual([{ op: "replace", index: 6, value: "--secrets=WANDB_API_KEY" }]);
    const legacy = checkJobsCommandLine([...literal("hfjobs run --env"), { value: "HF_TOKEN=$HF_TOKEN", literal: false }, ...literal("ubuntu ls")]);
    expect(legacy[0]!.fix?.ops).toEqual([{ op: "replace", index: 2, value: "--secret" }]);
    // hfjobs reads a bare `-e HF_TOKEN` as a dotenv line without a value: nothing is stored, HFJ212 says so.
    expect(codes("hfjobs run --env HF_TOKEN ubuntu ls")).toEqual(["HFJ212"]);
  });

  it("HFJ204: a misnamed token secret, safe only when the known script does not read the old name", () => {
    const unknown = checkJobsCommandLine(literal("hf jobs uv run -s HF_API_TOKEN train.py"));
    expect(unknown.map((f) => [f.code, f.fix?.applicability])).toEqual([["HFJ204", "unsafe"]]);
    expect(unknown[0]!.fix?.ops).toEqual([{ op: "replace", index: 5, value: "HF_TOKEN" }]);
    expect(checkJobsCommandLine(literal("hf jobs uv run -s TOKEN train.py"), { script: facts(true) })[0]!.fix?.applicability).toBe("safe");
    expect(codes("hf jobs uv run -s TOKEN train.py", facts(true, ["TOKEN"]))).toEqual([]);
    const withValue = checkJobsCommandLine(literal("hf jobs uv run --secrets=HF_HUB_TOKEN=x train.py"));
    expect(withValue.find((f) => f.code === "HFJ204")!.fix?.ops).toEqual([{ op: "replace", index: 4, value: "--secrets=HF_TOKEN=x" }]);
  });

  it("HFJ207: flags after the script move before it where the program passes them to the script (huggingface_hub 0.36, hfjobs)", () => {
    const found = checkJobsCommandLine(literal("hf jobs uv run train.py --epochs 3 --secrets HF_TOKEN"), { hubVersion: "0.36.2" });
    expect(found.map((f) => f.code)).toEqual(["HFJ207"]);
    expect(found[0]!.fix?.ops).toEqual([
      { op: "remove", index: 7 },
      { op: "remove", index: 8 },
      { op: "insertBefore", index: 4, elements: [{ from: 7 }, { from: 8 }] },
    ]);
    expect(codes("hf jobs uv run train.py -- --secrets HF_TOKEN")).toEqual([]);
    // Since 1.0 `hf jobs` reads `--secrets` after the script itself: no HFJ207, and no HFJ203 either.
    expect(codes("hf jobs uv run train.py --epochs 3 --secrets HF_TOKEN", facts(true))).toEqual([]);
    expect(codes("hfjobs uv run train.py --secret HF_TOKEN=$X".replace("$X", "x"))).toContain("HFJ207");
  });

  it("HFJ203: a known script that needs a token and no HF_TOKEN secret", () => {
    const found = checkJobsCommandLine(literal("hf jobs uv run --flavor cpu train.py"), { script: facts(true) });
    expect(found.map((f) => f.code)).toEqual(["HFJ203"]);
    expect(found[0]!.fix?.ops).toEqual([{ op: "insertBefore", index: 6, elements: [{ value: "--secrets" }, { value: "HF_TOKEN" }] }]);
    expect(codes("hf jobs uv run --flavor cpu train.py", facts(false))).toEqual([]);
    expect(codes("hf jobs uv run -s HF_TOKEN train.py", facts(true))).toEqual([]);
    expect(codes("hf jobs uv run --secrets-file .env train.py", facts(true))).toEqual([]);
    // The token reaches the job through -e: HFJ201 moves it; a second HF_TOKEN secret from HFJ203 would duplicate it.
    expect(codes("hf jobs uv run -e HF_TOKEN train.py", facts(true))).toEqual(["HFJ201"]);
    expect(codes("hf jobs uv run train.py")).toEqual([]);
    const scheduled = checkJobsCommandLine(literal("hf jobs scheduled uv run @daily job.py"), { script: facts(true) });
    expect(scheduled[0]!.fix?.ops).toEqual([{ op: "insertBefore", index: 5, elements: [{ value: "--secrets" }, { value: "HF_TOKEN" }] }]);
  });

  it("HFJ203: `hf jobs uv run` passes HF_TOKEN when the script's PEP 723 header declares it", () => {
    const declares = (names: string[]): ScriptFacts => ({ ...facts(true), declaresSecret: (name) => names.includes(name) });
    expect(codes("hf jobs uv run --flavor cpu train.py", declares(["HF_TOKEN"]))).toEqual([]);
    // Another declared secret, or none, does not pass the token.
    expect(codes("hf jobs uv run --flavor cpu train.py", declares(["WANDB_API_KEY"]))).toEqual(["HFJ203"]);
    expect(codes("hf jobs uv run --flavor cpu train.py", declares([]))).toEqual(["HFJ203"]);
    // Only `uv run` is documented to read the header.
    expect(codes("hf jobs scheduled uv run @daily train.py", declares(["HF_TOKEN"]))).toEqual(["HFJ203"]);
    // The other rules still apply.
    expect(codes("hf jobs uv run -s HF_API_TOKEN train.py", declares(["HF_TOKEN"]))).toEqual(["HFJ204"]);
  });

  it("HFJ210: script options `hf jobs` (>= 1.0) takes, with a `--` fix that is re-read before it is offered", () => {
    const issue = checkJobsCommandLine(literal("hf jobs uv run --secrets HF_TOKEN train.py --timeout 30 --name run1 -p 8080 -d"));
    expect(issue.map((f) => [f.code, f.index, f.endIndex])).toEqual([["HFJ210", 7, 13]]);
    expect(issue[0]!.fix?.ops).toEqual([{ op: "insertBefore", index: 7, elements: [{ value: "--" }] }]);
    // The official form and options on the launcher's side of a `--` are left alone.
    expect(codes("hf jobs uv run ml_training.py --flavor a10g-small")).toEqual([]);
    expect(codes("hf jobs uv run train.py --flavor a10g-small --timeout 4h -- --epochs 1")).toEqual([]);
    // An option meant for the launcher after the reported one: inserting `--` would move it to the job too.
    expect(checkJobsCommandLine(literal("hf jobs uv run train.py --timeout 30 --flavor a10g"))[0]!.fix).toBeNull();
    // With a later `--` the author put them on the launcher's side on purpose.
    expect(checkJobsCommandLine(literal("hf jobs uv run train.py --timeout 30 -- --x"))).toEqual([]);
    expect(checkJobsCommandLine(literal("hf jobs uv run train.py --name a -x -- --y"))).toEqual([]);
    // Under 0.36 those options are the script's (HFJ207's world), and hfjs rejects unknown ones.
    expect(checkJobsCommandLine(literal("hf jobs uv run train.py --timeout 30"), { hubVersion: "0.36.2" })).toEqual([]);
    expect(codes("hfjs jobs run python:3.12 python -c x")).toEqual(["HFJ210"]);
  });

  it("HFJ211: an unknown option before the target, with the meant spelling when it is a known misspelling", () => {
    const secret = checkJobsCommandLine(literal("hf jobs uv run --secret HF_TOKEN train.py"));
    expect(secret.map((f) => f.code)).toEqual(["HFJ211"]);
    expect(secret[0]!.fix?.ops).toEqual([{ op: "replace", index: 4, value: "--secrets" }]);
    expect(secret[0]!.message).toContain("becomes the script");
    expect(checkJobsCommandLine(literal("hf jobs uv run --secret HF_TOKEN train.py"), { hubVersion: "0.36.2" })[0]!.message).toContain("ambiguous");
    expect(codes("hf jobs uv run --format json train.py")).toEqual(["HFJ211"]);
    expect(codes("hf jobs run --expose 8000 python:3.12 python"), "1.19 added --expose").toEqual([]);
    expect(checkJobsCommandLine(literal("hf jobs run --expose 8000 python:3.12 python"), { hubVersion: "1.10.0" }).map((f) => f.code)).toEqual(["HFJ211"]);
  });

  it("HFJ212: values the launcher rejects; never the `--expose 8000` fix that would read `-s` as the port", () => {
    expect(codes("hf jobs run --expose abc python:3.12 python")).toEqual(["HFJ212"]);
    expect(codes([...literal("hf jobs run --expose"), { value: "$PORT", literal: false }, ...literal("python:3.12 python")])).toEqual([]);
    const fixes = checkJobsCommandLine(literal("hf jobs run --expose 8000 python:3.12 python -c print(1) -e HF_TOKEN"));
    expect(fixes.map((f) => [f.code, f.fix?.ops])).toEqual([["HFJ201", [{ op: "replace", index: 9, value: "-s" }]]]);
    expect(codes("hfjs jobs run -s HF_TOKEN python:3.12 -- python")).toEqual(["HFJ212"]);
    // The sandbox CLI strips the global output flags (huggingface_hub >= 1.13) and knows --forward-hf-token.
    expect(codes("hf sandbox create --format json --forward-hf-token")).toEqual([]);
  });

  it("HFJ201 on `hf sandbox create -e HF_TOKEN`: --forward-hf-token; nothing on exec or a pooled sandbox", () => {
    const create = checkJobsCommandLine(literal("hf sandbox create -e HF_TOKEN ubuntu:24.04"));
    expect(create.map((f) => [f.code, f.fix?.ops])).toEqual([
      [
        "HFJ201",
        [
          { op: "replace", index: 3, value: "--forward-hf-token" },
          { op: "remove", index: 4 },
        ],
      ],
    ]);
    expect(codes("hf sandbox create --pool p1 -e HF_TOKEN")).toEqual([]);
    expect(codes("hf sandbox exec sbx-1 -e HF_TOKEN -- python x.py")).toEqual([]);
  });

  it("HFJ213/HFJ214 only with a CI step context", () => {
    const ci = (names: string[], loggedIn = false) => ({ ci: { definedVariables: new Set(names), loggedIn, opaqueEnvironment: false } });
    expect(checkJobsCommandLine(literal("hf jobs uv run -s HF_TOKEN train.py"), ci([])).map((f) => f.code)).toEqual(["HFJ213"]);
    expect(checkJobsCommandLine(literal("hf jobs uv run -s HF_TOKEN train.py"), ci([], true))).toEqual([]);
    expect(checkJobsCommandLine(literal("hf jobs uv run -s HF_TOKEN train.py"))).toEqual([]);
    const oidc = checkJobsCommandLine(literal("hf jobs uv run --timeout 2h -s HF_TOKEN train.py"), ci(["HF_OIDC_RESOURCE"]));
    expect(oidc.map((f) => f.code)).toEqual(["HFJ214"]);
  });
});
