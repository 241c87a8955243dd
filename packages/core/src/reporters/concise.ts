/** `--output-format concise`: one line per finding, then file errors and the summary. */
import { diagnosticLine } from "./text-line.js";
import { textTail } from "./text-tail.js";
import type { ReportOptions, StreamingReporter } from "./types.js";

export function conciseReporter(options: ReportOptions): StreamingReporter {
  const unsafe = options.unsafeFixesEnabled ?? false;
  return {
    buffered: false,
    separator: "",
    head: () => "",
    file: (report) => report.diagnostics.map((diagnostic) => `${diagnosticLine(diagnostic, unsafe)}\n`).join(""),
    tail: (totals, chunks) => textTail(totals, options, chunks, false),
  };
}
