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
import { crashPoint } from "./crash-point.js";
import { GitError } from "./git.js";
import { emptyRecord, needsAttention, type RepositoryRecord } from "./record.js";
import { ReportFolder, RECORDS_FILE, SUMMARY_FILE, type RunHeader } from "./report-folder.js";
import { parseShard, readRepositoryList, selectShard, type RepositoryEntry } from "./repository-list.js";
import { renderTerminalTable } from "./summary.js";

export const DEFAULT_REPORT_FOLDER = "hf-jobs-lint-report";

const REPOSITORIES_AT_A_TIME = Number(process.env.HF_JOBS_LINT_REPOS_AT_A_TIME) || 4;

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

  // A few repositories at a time: most of a repository's time is git processes, and the analysis of one runs
  // while another waits for git. Records are still written in list order, so the report does not depend on
  // which finished first, and one not yet written is simply done again by a resumed run.
  const results: (RepositoryRecord | undefined)[] = new Array(todo.length);
  let next = 0;
  let written = 0;
  const writeFinished = (): void => {
    while (written < todo.length && results[written]) {
      const record = results[written]!;
      report.finish(record);
      crashPoint("recorded");
      findings += findingsIn(record);
      written++;
      bar?.increment(1, { findings, repository: todo[written]?.name ?? "" });
    }
  };
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const i = next++;
      const entry = todo[i]!;
      try {
        results[i] = await processRepository(entry, report);
      } catch (error) {
        results[i] = emptyRecord(entry.name, "failed", describeFailure(error, entry));
      }
      writeFinished();
    }
  };
  await Promise.all(Array.from({ length: Math.min(REPOSITORIES_AT_A_TIME, todo.length) }, worker));
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
