/**
 * `check` on one repository of an organisation-wide audit: its own configuration, nothing changed, its findings
 * written in the chosen format (SARIF for code scanning, JSON for scripts) beside the record.
 */
import fs from "node:fs";
import { formatReport, SourceText, type OutputFormat } from "@hf-jobs-lint/core";
import { runCheck } from "../check.js";
import { summariseMigration } from "../migration-summary.js";
import { quietIo } from "./migrate-repository.js";
import { emptyRecord, recordFromSummary, type RepositoryRecord } from "./record.js";
import type { RepositoryEntry } from "./repository-list.js";
import type { ReportFolder } from "./report-folder.js";

export interface BulkCheckOptions {
  outputFormat: OutputFormat;
  select?: string[];
  ignore?: string[];
  extendSelect?: string[];
  threads?: number;
  respectGitignore: boolean;
  includeCounterexamples?: boolean;
}

const EXTENSIONS: Record<OutputFormat, string> = { sarif: "sarif", json: "json", "json-lines": "jsonl", junit: "xml", full: "txt", concise: "txt", github: "txt", gitlab: "json" };

export async function checkRepository(entry: RepositoryEntry, options: BulkCheckOptions, report: ReportFolder): Promise<RepositoryRecord> {
  if (!fs.existsSync(entry.path) || !fs.statSync(entry.path).isDirectory()) return emptyRecord(entry.name, "failed", "no such folder");
  const run = await runCheck(
    [],
    {
      outputFormat: options.outputFormat,
      respectGitignore: options.respectGitignore,
      configBoundary: entry.path,
      ...(options.select ? { select: options.select } : {}),
      ...(options.ignore ? { ignore: options.ignore } : {}),
      ...(options.extendSelect ? { extendSelect: options.extendSelect } : {}),
      ...(options.includeCounterexamples ? { includeCounterexamples: true } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
    },
    quietIo(entry.path),
  );
  const sources = new Map<string, SourceText>();
  for (const outcome of run.outcomes) if (outcome.text !== null) sources.set(outcome.filename, new SourceText(outcome.text));
  const results = formatReport(options.outputFormat, { diagnostics: run.remaining, errors: run.errors, sources, quiet: true });
  const record = recordFromSummary(entry.name, "checked", summariseMigration(run));
  record.output = report.writeOutput("results", `${entry.slug}.${EXTENSIONS[options.outputFormat]}`, results);
  return record;
}
