import { spawnSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { semiSpaceFlagFromCommandLine, withoutRefusedFlags, workerExecArgv } from "../src/index.js";

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

describe("semiSpaceFlagFromCommandLine", () => {
  it("is true for the flag on the command line alone, in either spelling", () => {
    expect(semiSpaceFlagFromCommandLine(["--max-semi-space-size=1", "--v8-pool-size=0"], undefined)).toBe(true);
    expect(semiSpaceFlagFromCommandLine(["--max_semi_space_size=2"], "--no-warnings")).toBe(true);
  });

  it("is false when NODE_OPTIONS gives it, or nothing does", () => {
    expect(semiSpaceFlagFromCommandLine(["--max-semi-space-size=1"], "--no-warnings --max-semi-space-size=8")).toBe(false);
    expect(semiSpaceFlagFromCommandLine(["--v8-pool-size=0", "--max-semi-space-size-other"], "")).toBe(false);
    expect(semiSpaceFlagFromCommandLine([], undefined)).toBe(false);
  });

  // What the engine relies on: V8 prefers the flag to a worker's resourceLimits, and 0 lets them apply.
  it("a worker's young generation follows resourceLimits once the flag is set back to 0", () => {
    const script = `
      const v8 = require("node:v8");
      const { Worker } = require("node:worker_threads");
      // Objects kept alive through scavenges make V8 grow the new space to its limit.
      const code = "const keep = []; for (let i = 0; i < 300000; i++) keep.push({ i }); require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)";
      const sizeOf = () => new Promise((resolve) => {
        const worker = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
        worker.once("message", (size) => worker.terminate().then(() => resolve(size)));
      });
      (async () => {
        const before = await sizeOf();
        v8.setFlagsFromString("--max-semi-space-size=0");
        const after = await sizeOf();
        console.log(JSON.stringify({ before, after }));
      })();`;
    const result = spawnSync(process.execPath, ["--max-semi-space-size=1", "-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    const { before, after } = JSON.parse(result.stdout) as { before: number; after: number };
    // The new space is two semispaces: 1 MB ones from the flag, 4 MB ones from the limits.
    expect(before).toBe(2 * 1024 * 1024);
    expect(after).toBe(8 * 1024 * 1024);
  });
});
