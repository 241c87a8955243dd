// bench/timeline.js: a profile's samples become busy / GC / idle time per thread and per bucket, and one profiled run
// of the built CLI on a tiny folder gives a main thread and a worker. No timing is asserted: the figures only have
// to add up. Runs the built CLI (`npm test` builds first).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain JS script of bench/, without types
import { summarizeProfile, threadOf, timelineRow } from "../bench/timeline.js";
import { FAKE_TOKEN, makeTree, removeTrees } from "./helpers/run-cli.js";

const timelineScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "bench", "timeline.js");

afterEach(removeTrees);

/** A profile as V8 writes it: node 1 the root, 2 busy code, 3 idle, 4 the garbage collector; times in µs. */
function profile(startTime: number, samples: number[], timeDeltas: number[]) {
  const node = (id: number, functionName: string) => ({ id, callFrame: { functionName, url: "", lineNumber: -1 }, children: [] });
  const endTime = startTime + timeDeltas.reduce((a, b) => a + b, 0);
  return { nodes: [node(1, "(root)"), node(2, "lintText"), node(3, "(idle)"), node(4, "(garbage collector)")], startTime, endTime, samples, timeDeltas };
}

describe("bench/timeline.js", () => {
  it("counts each sample's time (the delta to the next one) as busy, GC or idle, in its bucket", () => {
    // Samples at 0, 100, 150, 250 and 300 ms after the origin: busy, busy, GC, idle, busy (the last one has no time).
    const summary = summarizeProfile(profile(1_000_000, [2, 2, 4, 3, 2], [0, 100_000, 50_000, 100_000, 50_000]), 1_000_000, 100);
    expect(summary.totals).toEqual({ busy: 150_000, gc: 100_000, idle: 50_000 });
    expect(summary.buckets).toEqual([
      { busy: 100_000, gc: 0, idle: 0 },
      { busy: 50_000, gc: 100_000, idle: 0 },
      { busy: 0, gc: 0, idle: 50_000 },
      { busy: 0, gc: 0, idle: 0 },
    ]);
    expect(summary.startUs).toBe(0);
    expect(summary.endUs).toBe(300_000);
    expect(timelineRow(summary.buckets, 6)).toBe("#g.   ");
  });

  it("places a thread that starts later on the main thread's clock", () => {
    const summary = summarizeProfile(profile(1_250_000, [2, 2], [0, 100_000]), 1_000_000, 100);
    expect(summary.startUs).toBe(250_000);
    expect(timelineRow(summary.buckets, 4)).toBe("  # ");
  });

  it("marks a bucket with no majority as mixed", () => {
    expect(timelineRow([{ busy: 50, gc: 20, idle: 30 }], 1)).toBe("-");
  });

  it("reads the thread from Node's profile names (0: the main thread)", () => {
    expect(threadOf("CPU.20261204.205133.19682.0.001.cpuprofile")).toBe(0);
    expect(threadOf("CPU.20261204.205133.19682.1.002.cpuprofile")).toBe(1);
    expect(threadOf("notes.txt")).toBeNull();
  });

  it("profiles one run of the built CLI: a main thread and a worker, whose times add up to their spans", () => {
    const dir = makeTree({
      "launch.py": `from huggingface_hub import run_uv_job\n\nrun_uv_job("job.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`,
      "job.py": `import os\nprint(os.environ["HF_TOKEN"])\n`,
    });
    const result = spawnSync(process.execPath, [timelineScript, dir, "--json", "--", "--no-cache"], { encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toContain(FAKE_TOKEN);
    const report = JSON.parse(result.stdout) as { wallS: number; threads: { name: string; startUs: number; endUs: number; totals: Record<string, number> }[] };
    expect(report.threads.map((t) => t.name)).toEqual(["main", "worker 1"]);
    expect(report.wallS).toBeGreaterThan(0);
    for (const thread of report.threads) {
      const sampled = thread.totals.busy! + thread.totals.gc! + thread.totals.idle!;
      expect(thread.totals.busy).toBeGreaterThan(0);
      // Samples cover the thread's span up to the sampling interval at each end.
      expect(sampled).toBeLessThanOrEqual(thread.endUs - thread.startUs);
      expect(sampled).toBeGreaterThan((thread.endUs - thread.startUs) * 0.5);
    }
  }, 60_000);
});
