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

process.exitCode = await main(process.argv.slice(2));
