// The analyzer's launch readers (launch calls, tool calls, argv lists, usage text, sandbox tools) run only where
// the engine's `mayHoldLaunch` says a launch may be; the other rules run whatever it says. That the real predicate
// loses nothing is test/prefilter-identity.test.ts (the fixtures and the corpus with the prefilter off and on).
import { analyzePython } from "../src/index.js";
import { inputFor, setup } from "./helpers.js";

beforeAll(setup);

const FAKE = "hf_" + "GateFakeTokenAbcdefghijklmnopqrstu".slice(0, 34);
const LAUNCHER = [
  "from huggingface_hub import run_uv_job as launch",
  "",
  `launch("train.py", env={"HF_TOKEN": "${FAKE}"})`,
  'subprocess.run(["hf", "jobs", "uv", "run", "--env", "HF_TOKEN=$HF_TOKEN", "train.py"])',
  "",
].join("\n");

const codes = (mayHoldLaunch?: () => boolean) =>
  analyzePython({ ...inputFor(LAUNCHER), ...(mayHoldLaunch ? { mayHoldLaunch } : {}) })
    .map((d) => `${d.location.row}:${d.code}`)
    .sort();

describe("the launch gate", () => {
  it("without the predicate (prefilter off), every reader runs", () => {
    expect(codes()).toEqual(expect.arrayContaining(["3:HFJ201", "4:HFJ201"]));
  });

  it("a predicate that says yes changes nothing", () => {
    expect(codes(() => true)).toEqual(codes());
  });

  it("where it says no, the launch findings are not looked for, and the token pass still runs", () => {
    const found = codes(() => false);
    expect(found.some((code) => code.endsWith("HFJ201"))).toBe(false);
    expect(found).toContain("3:HFJ101");
  });
});
