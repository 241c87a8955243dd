#!/usr/bin/env node
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

const code = await main(process.argv.slice(2));
// The command is done: leave once what was written has reached stdout and stderr, instead of waiting for the event
// loop to empty (V8 spends tens of milliseconds on idle-time garbage collection first). A write's callback runs
// after every earlier write to that stream has been handed on, so nothing printed is cut off.
process.exitCode = code;
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
