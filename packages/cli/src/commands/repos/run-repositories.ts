/**
 * The loop of a bulk run, shared by `migrate --repos` and `check --repos`: the list, the shard, the report folder
 * (a repository it has a record of is finished and skipped), one repository at a time with its failure reported
 * and the run going on, a progress bar on a terminal, the table at the end.
 */
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { ConfigError, redactText } from "@hf-jobs-lint/core";
import { UsageError, type Io } from "../../io.js";
import { GitError } from "./git.js";
import { emptyRecord, needsAttention, type RepositoryRecord } from "./record.js";
import { DEFAULT_REPORT_FOLDER, ReportFolder, RECORDS_FILE, SUMMARY_FILE, type RunHeader } from "./report-folder.js";
import { parseShard, readRepositoryList, selectShard, type RepositoryEntry } from "./repository-list.js";
import { renderTerminalTable } from "./summary.js";

export interface RepositoryRunOptions {
  repos: string;
  report?: string;
  shard?: string;
  exitZero?: boolean;
}

export type ProcessRepository = (entry: RepositoryEntry, report: ReportFolder) => Promise<RepositoryRecord>;

/**
 * A repository's failure as its record says it: one line, redacted, no stack, paths inside the repository relative
 * to it (the report reads the same on every machine).
 */
function describeFailure(error: unknown, entry: RepositoryEntry): string {
  let message = (error as Error).message ?? String(error);
  for (const root of new Set([entry.path, realpathOrSelf(entry.path)])) message = message.replaceAll(`${root}${path.sep}`, "");
  if (error instanceof GitError) return redactText(message);
  if (error instanceof UsageError || error instanceof ConfigError) return redactText(`configuration: ${message}`);
  return redactText(`internal error: ${message.split("\n")[0]}`);
}

function realpathOrSelf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

function findingsIn(record: RepositoryRecord): number {
  return record.findings_left.length + record.tokens_to_revoke.length;
}

export async function runRepositories(header: Omit<RunHeader, "shard">, options: RepositoryRunOptions, io: Io, processRepository: ProcessRepository): Promise<number> {
  const entries = readRepositoryList(options.repos, io.cwd);
  const shard = options.shard ? parseShard(options.shard) : null;
  const selected = selectShard(entries, shard);
  const reportDir = path.resolve(io.cwd, options.report ?? DEFAULT_REPORT_FOLDER);
  const report = ReportFolder.open(reportDir, { ...header, shard: shard ? `${shard.index}/${shard.count}` : null });

  const todo = selected.filter((entry) => !report.records.has(entry.name));
  let findings = selected.reduce((sum, entry) => sum + (report.records.has(entry.name) ? findingsIn(report.records.get(entry.name)!) : 0), 0);
  let bar: cliProgress.SingleBar | null = null;
  if (io.stderrIsTTY && todo.length > 0) {
    bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: "{bar} {value}/{total} repositories | {findings} findings | {repository}", hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(selected.length, selected.length - todo.length, { findings, repository: "" });
  }

  // One repository at a time: most of a repository's time is starting git processes, which blocks this thread
  // (bench/migrate-repos.js measured two, four and eight at a time as no faster on two cores, or slower).
  for (const entry of todo) {
    bar?.update({ repository: entry.name });
    let record: RepositoryRecord;
    try {
      record = await processRepository(entry, report);
    } catch (error) {
      record = emptyRecord(entry.name, "failed", describeFailure(error, entry));
    }
    report.finish(record);
    findings += findingsIn(record);
    bar?.increment(1, { findings });
  }
  bar?.stop();
  // Brought up to date even when there was nothing left to do (a run killed between its last record and summary).
  report.rewriteSummary();
  report.removeWork();

  const records = selected.map((entry) => report.records.get(entry.name)!);
  io.stdout(renderTerminalTable(report.header, records));
  const shown = path.relative(io.cwd, reportDir) || ".";
  io.stderr(
    `Report: ${path.join(shown, RECORDS_FILE)} and ${path.join(shown, SUMMARY_FILE)}${todo.length < selected.length ? ` (${selected.length - todo.length} repositories were finished by an earlier run)` : ""}\n`,
  );
  if (options.exitZero) return 0;
  return records.some(needsAttention) ? 1 : 0;
}
