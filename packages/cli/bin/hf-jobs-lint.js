#!/usr/bin/env -S node --max-semi-space-size=1 --v8-pool-size=0 --interrupt-budget=270336 --heap-growing-percent=30
// Four V8 flags, from the shebang (`env -S`, as npm's Windows shims read it too; run as `node bin/hf-jobs-lint.js`,
// V8's defaults apply):
// - The young generation capped (V8's default grows it to 16 MB semispaces): reading a whole repository makes
//   short-lived strings fast, and V8 then holds 40 MB of new space in each thread. With 4 MB semispaces in every
//   thread the peak on issue 12's checkouts was 177 MB instead of 223 MB at the same wall time (ten copies: 326 MB
//   instead of 428 MB, 3% slower). The main thread, mostly waiting once the scan is done, now has 1 MB ones and the
//   workers 2 MB ones (the engine gives them through `resourceLimits`, run-checks.ts): 159 -> 142 MB median.
// - V8's background threads (compilation, concurrent GC) sized by Node from the cores (0; one thread on 2 cores)
//   instead of its fixed 4: on 2 cores the main thread and a worker already take both, and four more threads
//   competing with them cost time. On issue 12's checkouts (5 interleaved rounds): 3.6-3.8 s with 4, 3.3 s with 0.
// - Functions optimised later: four times V8's interrupt budget (67,584). On that one background thread TurboFan
//   compiled about 390 functions in 1.7 s of CPU on issue 12's checkouts (59 of them again after a
//   deoptimisation), for a run of 3 s; a function must now run four times as long before it is compiled. 11
//   interleaved rounds: 2.92 -> 2.77 s median, 4.99 -> 4.34 CPU-s; ten copies: the same (19.6-22.9 s either way).
// - Each heap grows by 30% after a full collection, not by V8's dynamic factor (up to 4x while collections are
//   cheap): the main thread's live heap on ten copies of issue 12's checkouts is about 45 MB, and V8 let it commit
//   twice that. Ten copies, 2 interleaved rounds: 288 -> 235 MB peak, 24.2 -> 20.8 s; the checkouts themselves
//   (9 and 11 rounds): the same wall time and peak (3.11 -> 3.05 s, 139 -> 137 MB). 15% was no better (231 MB).
import { RedactingWriter } from "@hf-jobs-lint/core";
import { main } from "../dist/index.js";

// A crash outside main (an error event after the run ended) is reported redacted too, never by Node's own printer.
const fatal = (error) => {
  const writer = new RedactingWriter((text) => process.stderr.write(text));
  writer.write(`hf-jobs-lint: internal error: ${error?.stack ?? String(error)}\n`);
  writer.flush();
  process.exit(2);
};
process.on("uncaughtException", fatal);
process.on("unhandledRejection", fatal);
// The reader of the output went away (`check | head`): stop quietly with status 0, as Ruff and ripgrep do.
const readerLeft = (error) => error?.code === "EPIPE";
process.stdout.on("error", (error) => (readerLeft(error) ? process.exit(0) : fatal(error)));

const code = await main(process.argv.slice(2));
// The command is done: leave once what was written has reached stdout and stderr, instead of waiting for the event
// loop to empty (V8 spends tens of milliseconds on idle-time garbage collection first). A write's callback runs
// after every earlier write to that stream has been handed on, so nothing printed is cut off.
process.exitCode = code;
process.stdout.write("", () => (readerLeft(process.stdout.errored) ? process.exit(0) : process.stderr.write("", () => process.exit(code))));
