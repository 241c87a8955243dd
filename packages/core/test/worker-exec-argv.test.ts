import { Worker } from "node:worker_threads";
import { withoutRefusedFlags, workerExecArgv } from "../src/index.js";

describe("workerExecArgv", () => {
  it("drops the parent's code and --input-type, keeps the rest", () => {
    expect(workerExecArgv(["--input-type=module", "-e", "console.log(1)", "--conditions", "source", "--cpu-prof"])).toEqual(["--conditions", "source", "--cpu-prof"]);
    expect(workerExecArgv(["--eval=1", "--print", "2", "--no-warnings"])).toEqual(["--no-warnings"]);
    expect(workerExecArgv([])).toEqual([]);
  });
});

describe("withoutRefusedFlags", () => {
  it("takes out what Node refused for a worker, as Node names it", () => {
    const execArgv = ["--max-old-space-size=512", "--no-warnings", "--stack-size=900"];
    let refused: unknown;
    try {
      void new Worker("", { eval: true, execArgv }).terminate();
    } catch (error) {
      refused = error;
    }
    expect(withoutRefusedFlags(execArgv, refused)).toEqual(["--no-warnings"]);
  });

  it("is null for another error, or one that names none of the flags", () => {
    expect(withoutRefusedFlags(["--no-warnings"], new Error("boom"))).toBeNull();
    expect(
      withoutRefusedFlags(["--no-warnings"], Object.assign(new Error("Initiated Worker with invalid execArgv flags: --other"), { code: "ERR_WORKER_INVALID_EXEC_ARGV" })),
    ).toBeNull();
  });
});
