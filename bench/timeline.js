// Benchmark: where a `check` run's wall time goes, thread by thread. Runs the built CLI once under V8's CPU profiler
// (`--cpu-prof`, which writes one profile per thread, workers included) with the Node options of its bin, and prints
// for the main thread and each worker when it ran, how much of that it was busy, collecting garbage or idle, and a
// timeline (one column per bucket). A worker idle at the start waits for files; a main thread idle at the end waits
// for the workers: the run's critical path. The profiler slows the run (about a third on issue 12's checkouts), so
// the shares matter, not the seconds. Needs `npm run build` first.
// Usage: node bench/timeline.js [DIR...] [--bucket MS] [--json] [-- CHECK-ARGS...]   (default DIR: the working directory)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { shebangNodeOptions } from "./shebang.js";

const cliBin = fileURLToPath(new URL("../packages/cli/bin/hf-jobs-lint.js", import.meta.url));

/** The thread of a profile, from the name Node gives it: `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile` (0: main). */
export function threadOf(fileName) {
  const match = /^CPU\.\d+\.\d+\.\d+\.(\d+)\.\d+\.cpuprofile$/.exec(fileName);
  return match ? Number(match[1]) : null;
}

/**
 * One thread's profile as time spent: busy, in the garbage collector, idle (µs), in total and per bucket of
 * `bucketMs` from `originUs` (the main thread's start: V8's profiles share one monotonic clock in a process).
 * A sample's time is the delta to the next sample, as V8's own tools count it.
 */
export function summarizeProfile(profile, originUs, bucketMs) {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
  const bucketUs = bucketMs * 1000;
  const totals = { busy: 0, gc: 0, idle: 0 };
  const buckets = [];
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    const spent = profile.timeDeltas[i + 1] ?? 0;
    const name = names.get(profile.samples[i]);
    const what = name === "(idle)" ? "idle" : name === "(garbage collector)" ? "gc" : "busy";
    totals[what] += spent;
    const index = Math.max(0, Math.floor((time - originUs) / bucketUs));
    buckets[index] ??= { busy: 0, gc: 0, idle: 0 };
    buckets[index][what] += spent;
  }
  return { startUs: profile.startTime - originUs, endUs: profile.endTime - originUs, totals, buckets };
}

/** One character per bucket: `#` mostly busy, `g` mostly garbage collection, `.` mostly idle, `-` mixed, blank: not running. */
export function timelineRow(buckets, length) {
  let row = "";
  for (let i = 0; i < length; i++) {
    const bucket = buckets[i];
    const total = bucket ? bucket.busy + bucket.gc + bucket.idle : 0;
    if (total === 0) row += " ";
    else if (bucket.idle / total >= 0.6) row += ".";
    else if (bucket.gc / total >= 0.4) row += "g";
    else if (bucket.busy / total >= 0.6) row += "#";
    else row += "-";
  }
  return row;
}

function profileRun(dirs, checkArgs) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "hf-jobs-lint-timeline-"));
  try {
    const args = [...shebangNodeOptions(cliBin), "--cpu-prof", `--cpu-prof-dir=${profileDir}`, cliBin, "check", ...dirs, "--output-format", "concise", "--exit-zero", ...checkArgs];
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const wallS = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`check exited with ${result.status}: ${(result.stderr ?? "").trim().split("\n").slice(-5).join("\n")}`);
    const profiles = [];
    for (const name of fs.readdirSync(profileDir)) {
      const thread = threadOf(name);
      if (thread !== null) profiles.push({ thread, profile: JSON.parse(fs.readFileSync(path.join(profileDir, name), "utf8")) });
    }
    profiles.sort((a, b) => a.thread - b.thread);
    return { wallS, profiles };
  } finally {
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

function report(dirs, checkArgs, bucketMs) {
  const { wallS, profiles } = profileRun(dirs, checkArgs);
  if (profiles.length === 0 || profiles[0].thread !== 0) throw new Error("no profile of the main thread was written");
  const origin = profiles[0].profile.startTime;
  const threads = profiles.map(({ thread, profile }) => ({ name: thread === 0 ? "main" : `worker ${thread}`, ...summarizeProfile(profile, origin, bucketMs) }));
  return { dirs, bucketMs, wallS, threads };
}

function print({ dirs, bucketMs, wallS, threads }) {
  const s = (us) => (us / 1e6).toFixed(2).padStart(6);
  const lines = [`hf-jobs-lint check ${dirs.join(" ")}: ${wallS.toFixed(2)} s wall, profiled (the profiler slows it; read the shares)`, ""];
  lines.push(`${"thread".padEnd(10)} ${"start".padStart(6)} ${"end".padStart(6)} ${"busy".padStart(6)} ${"gc".padStart(6)} ${"idle".padStart(6)}   s`);
  for (const t of threads) lines.push(`${t.name.padEnd(10)} ${s(t.startUs)} ${s(t.endUs)} ${s(t.totals.busy)} ${s(t.totals.gc)} ${s(t.totals.idle)}`);
  const length = Math.max(...threads.map((t) => t.buckets.length));
  lines.push("", `timeline, one column per ${bucketMs} ms: # busy, g garbage collection, . idle, - mixed`);
  for (const t of threads) lines.push(`${t.name.padEnd(10)} ${timelineRow(t.buckets, length)}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({ options: { bucket: { type: "string", default: "100" }, json: { type: "boolean", default: false } }, allowPositionals: true });
  const split = process.argv.indexOf("--");
  const checkArgs = split === -1 ? [] : process.argv.slice(split + 1);
  const dirs = (split === -1 ? positionals : positionals.slice(0, positionals.length - checkArgs.length)).filter(Boolean);
  const result = report(dirs.length > 0 ? dirs : ["."], checkArgs, Number(values.bucket) || 100);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else print(result);
}
