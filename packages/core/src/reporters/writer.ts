/**
 * Printing a streaming report: chunks go out as files are checked, in file order, with the format's head before
 * the first and its separator between them. `deferred` keeps them to the end instead (`--fix`, where a launcher
 * can be checked again after the script it names was fixed, replacing its chunk), as does a `buffered` format.
 */
import { redactText } from "../tokens.js";
import type { FileReport, ReportTotals, StreamingReporter } from "./types.js";

export class ReportWriter {
  private printed = 0;
  private readonly kept = new Map<number, string>();

  constructor(
    private readonly reporter: StreamingReporter,
    private readonly write: (text: string) => void,
    private readonly deferred = false,
  ) {}

  /** The file at position `index` of the run (streamed in index order; when deferred, a later call replaces an earlier one). */
  file(index: number, report: FileReport): void {
    const chunk = redactText(this.reporter.file(report));
    if (this.deferred || this.reporter.buffered) {
      if (chunk === "") this.kept.delete(index);
      else this.kept.set(index, chunk);
      return;
    }
    if (chunk === "") return;
    this.write(this.printed === 0 ? this.reporter.head() : this.reporter.separator);
    this.write(chunk);
    this.printed++;
  }

  end(totals: ReportTotals): void {
    const chunks = [...this.kept].sort(([a], [b]) => a - b).map(([, chunk]) => chunk);
    this.kept.clear();
    if (this.reporter.buffered) {
      if (chunks.length > 0) this.write(redactText(this.reporter.head(totals)) + chunks.join(this.reporter.separator));
      this.printed += chunks.length;
    } else {
      for (const chunk of chunks) {
        this.write(this.printed === 0 ? this.reporter.head() : this.reporter.separator);
        this.write(chunk);
        this.printed++;
      }
    }
    this.write(redactText(this.reporter.tail(totals, this.printed)));
  }
}
