/**
 * `hf-jobs-lint report merge`: the reports of a CI matrix's shards joined into one, as if one run had done the
 * whole list. The shards must be of the same run; a repository in two of them (a shard run twice) keeps the
 * record of the report named last.
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError, type Io } from "../../io.js";
import { ReportFolder, readReport, sameRun, writeRunHeader, type RunHeader } from "./report-folder.js";
import type { RepositoryRecord } from "./record.js";
import { renderTerminalTable, sortedRecords } from "./summary.js";

export function mergeReportsCommand(inputs: string[], options: { output: string }, io: Io): number {
  const outputDir = path.resolve(io.cwd, options.output);
  const reports = inputs.map((input) => ({ dir: path.resolve(io.cwd, input), ...readReport(path.resolve(io.cwd, input)) }));
  const header: RunHeader = { ...reports[0]!.header, shard: null };
  for (const report of reports) {
    if (!sameRun({ ...report.header, shard: null }, header))
      throw new UsageError(`${path.relative(io.cwd, report.dir) || "."} is the report of another run; merge only the shards of one run`);
    if (path.resolve(report.dir) === outputDir) throw new UsageError("--output must be a folder other than the reports being merged");
  }

  const merged = new Map<string, { record: RepositoryRecord; from: string }>();
  for (const report of reports) {
    for (const record of report.records) {
      const earlier = merged.get(record.repository);
      if (earlier && JSON.stringify(earlier.record) !== JSON.stringify(record)) {
        io.stderr(`hf-jobs-lint: warning: ${record.repository} is in ${earlier.from} and ${report.dir}; keeping the record of ${report.dir}\n`);
      }
      merged.set(record.repository, { record, from: report.dir });
    }
  }

  const target = ReportFolder.open(outputDir, header);
  if (target.records.size > 0) throw new UsageError(`--output ${options.output} already holds a merged report; give a new folder`);
  for (const { record, from } of sortedRecords([...merged.values()].map(({ record }) => record)).map((record) => merged.get(record.repository)!)) {
    // Patches and results files travel with their records, under the same relative names.
    if (record.output) {
      fs.mkdirSync(path.dirname(path.join(outputDir, record.output)), { recursive: true });
      fs.copyFileSync(path.join(from, record.output), path.join(outputDir, record.output));
    }
    target.finish(record, { summary: false });
  }
  target.rewriteSummary();
  writeRunHeader(outputDir, header);
  io.stdout(
    renderTerminalTable(
      header,
      [...merged.values()].map(({ record }) => record),
    ),
  );
  io.stderr(`Merged ${reports.length === 1 ? "1 report" : `${reports.length} reports`} into ${path.relative(io.cwd, outputDir) || "."}\n`);
  return 0;
}
