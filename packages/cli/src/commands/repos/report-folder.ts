/**
 * The report folder of a bulk run, written as the run goes so a killed run loses at most the repository it was on:
 *
 *   run.json              what run this is (command, branch, dry run, shard): a resume must be the same run
 *   repositories.jsonl    one record a line, appended when a repository is finished
 *   summary.md            the Markdown summary, rewritten after each repository
 *   patches/NAME.patch    `migrate --dry-run`: one patch per repository that would change
 *   results/NAME.EXT      `check --repos`: the repository's SARIF or JSON
 *   .work/                worktrees in use and the journal of commits not yet recorded; removed when a run completes
 */
import fs from "node:fs";
import path from "node:path";
import { redactText } from "@hf-jobs-lint/core";
import { UsageError } from "../../io.js";
import type { RepositoryRecord } from "./record.js";
import { renderMarkdownSummary } from "./summary.js";

/** Where `--repos` runs write their report unless `--report` says. */
export const DEFAULT_REPORT_FOLDER = "hf-jobs-lint-report";

export const RECORDS_FILE = "repositories.jsonl";
export const SUMMARY_FILE = "summary.md";
const RUN_FILE = "run.json";
const WORK_FOLDER = ".work";
const PENDING_FILE = "pending.jsonl";

/** What makes two runs the same run: a report resumes only a run with the same header. */
export interface RunHeader {
  command: "migrate" | "check";
  branch: string | null;
  dry_run: boolean;
  only: string[];
  output_format: string | null;
  /** `I/N`, or null for the whole list (and for a merged report). */
  shard: string | null;
}

function describeHeader(header: RunHeader): string {
  const parts: string[] = [header.command];
  if (header.dry_run) parts.push("--dry-run");
  if (header.branch) parts.push(`--branch ${header.branch}`);
  if (header.only.length > 0) parts.push(`--only ${header.only.join(",")}`);
  if (header.output_format) parts.push(`--output-format ${header.output_format}`);
  if (header.shard) parts.push(`--shard ${header.shard}`);
  return parts.join(" ");
}

export function sameRun(a: RunHeader, b: RunHeader): boolean {
  return describeHeader(a) === describeHeader(b);
}

/** Replace a file in one rename, so a reader (or a killed run) never sees half of it. */
export function writeFileReplacing(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // Report files pass the same redactor as everything the CLI prints.
  fs.writeFileSync(temporary, redactText(content));
  fs.renameSync(temporary, file);
}

/** Records of a JSON-lines file; a last line cut short by a kill is dropped (and cut off the file, so appends stay whole). */
function readJsonLines<T>(file: string, repair: boolean): T[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const complete = text.endsWith("\n") ? text : text.slice(0, text.lastIndexOf("\n") + 1);
  if (repair && complete.length !== text.length) fs.truncateSync(file, Buffer.byteLength(complete));
  return complete
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

function appendLine(file: string, value: unknown): void {
  const fd = fs.openSync(file, "a");
  try {
    fs.writeSync(fd, `${JSON.stringify(value)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export class ReportFolder {
  readonly records = new Map<string, RepositoryRecord>();
  /** Commits made whose branch may or may not exist yet: the record to write once the branch is seen. */
  readonly pending = new Map<string, RepositoryRecord>();

  private constructor(
    readonly dir: string,
    readonly header: RunHeader,
  ) {}

  /** Open (or start) the report of this run; a folder holding another run's report is refused. */
  static open(dir: string, header: RunHeader): ReportFolder {
    const runFile = path.join(dir, RUN_FILE);
    if (fs.existsSync(runFile)) {
      let existing: RunHeader;
      try {
        existing = JSON.parse(fs.readFileSync(runFile, "utf8")) as RunHeader;
      } catch {
        throw new UsageError(`--report ${dir}: ${RUN_FILE} cannot be read; give another --report folder`);
      }
      if (!sameRun(existing, header)) {
        throw new UsageError(`--report ${dir} holds the report of another run (${describeHeader(existing)}); resume it with the same options or give another --report folder`);
      }
    } else if (fs.existsSync(dir) && fs.readdirSync(dir).some((name) => !name.endsWith(".tmp"))) {
      throw new UsageError(`--report ${dir} is a folder with other files in it; give a new or empty folder`);
    } else {
      writeFileReplacing(runFile, `${JSON.stringify(header, null, 2)}\n`);
    }
    const folder = new ReportFolder(dir, header);
    for (const record of readJsonLines<RepositoryRecord>(path.join(dir, RECORDS_FILE), true)) folder.records.set(record.repository, record);
    for (const record of readJsonLines<RepositoryRecord>(path.join(dir, WORK_FOLDER, PENDING_FILE), true)) folder.pending.set(record.repository, record);
    return folder;
  }

  /** A folder for a repository's worktree, inside the report so a resumed run finds (and removes) what a killed one left. */
  worktreeDir(slug: string): string {
    return path.join(this.dir, WORK_FOLDER, "worktrees", slug);
  }

  /** Journal a commit before its branch is created: a run killed between the two adopts the branch on resume. */
  addPending(record: RepositoryRecord): void {
    fs.mkdirSync(path.join(this.dir, WORK_FOLDER), { recursive: true });
    appendLine(path.join(this.dir, WORK_FOLDER, PENDING_FILE), record);
    this.pending.set(record.repository, record);
  }

  /** Finish a repository: its line goes to the JSON lines and the Markdown summary is brought up to date. */
  finish(record: RepositoryRecord, options: { summary: boolean } = { summary: true }): void {
    appendLine(path.join(this.dir, RECORDS_FILE), record);
    this.records.set(record.repository, record);
    if (options.summary) this.rewriteSummary();
  }

  rewriteSummary(): void {
    writeFileReplacing(path.join(this.dir, SUMMARY_FILE), renderMarkdownSummary(this.header, [...this.records.values()]));
  }

  /** Write a repository's patch or results file; returns its path relative to the report. */
  writeOutput(folder: "patches" | "results", name: string, content: string): string {
    const relative = `${folder}/${name}`;
    writeFileReplacing(path.join(this.dir, relative), content);
    return relative;
  }

  /** The run is complete: nothing is in flight, and the journal and worktree folders go. */
  removeWork(): void {
    fs.rmSync(path.join(this.dir, WORK_FOLDER), { recursive: true, force: true });
  }
}

/** The records of a finished report folder, for `report merge`. */
export function readReport(dir: string): { header: RunHeader; records: RepositoryRecord[] } {
  const runFile = path.join(dir, RUN_FILE);
  if (!fs.existsSync(runFile)) throw new UsageError(`${dir} is not a hf-jobs-lint report folder (no ${RUN_FILE})`);
  const header = JSON.parse(fs.readFileSync(runFile, "utf8")) as RunHeader;
  return { header, records: readJsonLines<RepositoryRecord>(path.join(dir, RECORDS_FILE), false) };
}

export function writeRunHeader(dir: string, header: RunHeader): void {
  writeFileReplacing(path.join(dir, RUN_FILE), `${JSON.stringify(header, null, 2)}\n`);
}
