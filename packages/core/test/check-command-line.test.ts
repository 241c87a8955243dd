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
});
