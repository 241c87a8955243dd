// The analyzer's token pass (HFJ101 in strings, comments and unreadable text) runs only where the engine's
// `mayHoldToken` says a token may be; the other rules run whatever it says. That core's predicate loses nothing is
// test/prefilter-identity.test.ts (the fixtures and the corpus with the prefilter off and on).
import { mayHoldToken } from "@hf-jobs-lint/core";
import { analyzePython } from "../src/index.js";
import { inputFor, setup } from "./helpers.js";

beforeAll(setup);

const FAKE = "hf_" + "TokenGateFakeAbcdefghijklmnopqrstu".slice(0, 34);
const LAUNCHER = ["from huggingface_hub import run_uv_job", "", `TOKEN = "${FAKE}"  # ${FAKE}`, 'run_uv_job("train.py", env={"HF_TOKEN": "$HF_TOKEN"})', ""].join("\n");

const codes = (text: string, mayHoldToken?: (text: string) => boolean, mayHoldLaunch?: () => boolean) =>
  analyzePython({ ...inputFor(text), ...(mayHoldToken ? { mayHoldToken } : {}), ...(mayHoldLaunch ? { mayHoldLaunch } : {}) })
    .map((d) => `${d.location.row}:${d.location.column}:${d.code}`)
    .sort();

describe("the token gate", () => {
  it("without the predicate (prefilter off), the token pass runs", () => {
    // The token in the string and in the comment; the launch's own findings.
    expect(codes(LAUNCHER)).toEqual(["3:10:HFJ101", "3:52:HFJ101", "4:29:HFJ201", "4:41:HFJ202"]);
  });

  it("a predicate that says yes changes nothing, and core's says yes here", () => {
    expect(codes(LAUNCHER, () => true)).toEqual(codes(LAUNCHER));
    expect(codes(LAUNCHER, mayHoldToken)).toEqual(codes(LAUNCHER));
  });

  it("where it says no, no token is looked for, and the launch rules still run", () => {
    expect(codes(LAUNCHER, () => false)).toEqual(["4:29:HFJ201", "4:41:HFJ202"]);
  });

  it("core's predicate keeps a token cut by a line continuation, which the literal's value joins", () => {
    const text = `x = "${FAKE.slice(0, 20)}\\\n${FAKE.slice(20)}"\n`;
    expect(codes(text, mayHoldToken)).toEqual(codes(text));
    expect(codes(text)).toEqual(["1:6:HFJ101"]);
  });

  // Each gate turns off its own passes only.
  it("with the token pass off, the launch readers still read usage text (a string) and argv lists", () => {
    const text = [
      '"""Run it as a job:',
      "",
      "    hf jobs uv run --env HF_TOKEN=$HF_TOKEN train.py",
      '"""',
      "import subprocess",
      'subprocess.run(["hf", "jobs", "uv", "run", "--env", "HF_TOKEN=$HF_TOKEN", "train.py"])',
      "",
    ].join("\n");
    expect(codes(text)).toEqual(["3:20:HFJ201", "6:44:HFJ201"]);
    expect(
      codes(
        text,
        () => false,
        () => true,
      ),
    ).toEqual(codes(text));
  });

  it("with the launch readers off, the token pass still reads strings and comments", () => {
    expect(
      codes(
        LAUNCHER,
        () => true,
        () => false,
      ),
    ).toEqual(["3:10:HFJ101", "3:52:HFJ101"]);
  });
});
