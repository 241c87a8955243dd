/**
 * `hf-jobs-lint migrate`: the one-shot repository migration. Every rule, every safe and unsafe fix, on every
 * surface; `--dry-run` prints the diff instead. It ends with what a person still has to do: tokens to revoke
 * (fixing code does not un-leak a token) and findings no fix could handle.
 */
import { CODEMODS, compareDiagnostics, findCodemod, getRule } from "@hf-jobs-lint/core";
import type { FileOutcome } from "@hf-jobs-lint/engine";
import { PatchCount, printedPatch, runCheck } from "./check.js";
import { UsageError, type Output } from "../io.js";

export interface MigrateOptions {
  dryRun?: boolean;
  config?: string;
  threads?: number;
  respectGitignore: boolean;
  /** Named codemods to run (core's CODEMODS); all of them when absent. */
  only?: string[];
}

export async function migrateCommand(paths: string[], options: MigrateOptions, io: Output): Promise<number> {
  const codemods = (options.only ?? [])
    .flatMap((value) => value.split(","))
    .map((name) => {
      const codemod = findCodemod(name.trim());
      if (!codemod) throw new UsageError(`unknown codemod \`${name}\` (one of ${CODEMODS.map((c) => c.name).join(", ")})`);
      return codemod;
    });
  /** Per file, the lines of the summary it contributes (a re-checked file's entry is replaced). */
  const perFile = new Map<number, FileSummary>();
  const patches = new PatchCount();
  const run = await runCheck(
    paths,
    {
      // Without --only, the selection is the configured one (the default rules), so opt-in rules stay opt-in.
      ...(codemods.length > 0 ? { select: codemods.flatMap((codemod) => codemod.codes) } : {}),
      fix: !options.dryRun,
      unsafeFixes: codemods.length > 0 ? codemods.some((codemod) => codemod.unsafe) : true,
      diff: Boolean(options.dryRun),
      outputFormat: "concise",
      respectGitignore: options.respectGitignore,
      ...(options.config ? { config: options.config } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
      progress: true,
    },
    io,
    (index, outcome) => {
      if (options.dryRun) {
        patches.add(outcome);
        io.stdout(printedPatch(outcome));
      }
      const summary = summarise(outcome);
      if (summary) perFile.set(index, summary);
      else perFile.delete(index);
    },
  );
  const files = [...perFile].sort(([a], [b]) => a - b).map(([, summary]) => summary);

  const filesPerRule = new Map<string, Set<string>>();
  for (const file of files) {
    for (const code of file.fixedCodes) {
      let names = filesPerRule.get(code);
      if (!names) filesPerRule.set(code, (names = new Set()));
      names.add(file.filename);
    }
  }
  const leakedTokens = files.flatMap((file) => file.tokenLines);
  const left = files.flatMap((file) => file.personLines);
  const unresolved = files.flatMap((file) => file.unresolved.map((script) => `  ${file.filename}: \`${script}\``));
  const errors = [...run.discoveryErrors, ...files.flatMap((file) => (file.error ? [{ filename: file.filename, message: file.error }] : []))];

  const lines: string[] = [];
  const verb = options.dryRun ? "would change" : "changed";
  const changedFiles = files.filter((file) => file.fixedCodes.length > 0).length;
  lines.push(`Migration ${options.dryRun ? "(dry run) " : ""}over ${run.files} file${run.files === 1 ? "" : "s"}: ${changedFiles} ${verb}.`);
  if (filesPerRule.size > 0) {
    lines.push("", `Files ${verb} per rule:`);
    for (const [code, names] of [...filesPerRule].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${code} ${getRule(code).name}: ${names.size} file${names.size === 1 ? "" : "s"}`);
    }
  }
  if (leakedTokens.length > 0) {
    lines.push("", `Tokens to revoke (${leakedTokens.length}): these reached a file, and history keeps them; revoke each at your Hub token settings:`);
    for (const line of leakedTokens) lines.push(line);
  }
  if (left.length > 0) {
    lines.push("", `Needs a person (${left.length}):`);
    for (const line of left) lines.push(line);
  }
  if (unresolved.length > 0) {
    lines.push("", `Scripts named by a launch that could not be found (${unresolved.length}); their token needs are unknown, check their secrets by hand:`);
    for (const line of unresolved) lines.push(line);
  }
  const note = patches.note();
  if (note) lines.push("", note.trimEnd());
  if (errors.length > 0) {
    lines.push("", `Could not be checked (${errors.length}):`);
    for (const error of errors) lines.push(`  ${error.filename}: ${error.message}`);
  }
  io.stderr(`${lines.join("\n")}\n`);
  return files.some((file) => file.remaining > 0) || errors.length > 0 ? 1 : 0;
}

interface FileSummary {
  filename: string;
  fixedCodes: string[];
  /** HFJ101, fixed or not: the token reached the file. */
  tokenLines: string[];
  /** Findings left that are not HFJ101. */
  personLines: string[];
  unresolved: string[];
  error: string | null;
  /** Findings left, of any code. */
  remaining: number;
}

function summarise(outcome: FileOutcome): FileSummary | null {
  const summary: FileSummary = {
    filename: outcome.filename,
    fixedCodes: [],
    tokenLines: [],
    personLines: [],
    unresolved: outcome.unresolvedScripts,
    error: outcome.error,
    remaining: outcome.diagnostics.length,
  };
  for (const diagnostic of outcome.fixed) summary.fixedCodes.push(diagnostic.code);
  for (const diagnostic of [...outcome.fixed, ...outcome.diagnostics]) {
    if (diagnostic.code === "HFJ101") summary.tokenLines.push(`  ${diagnostic.filename}:${diagnostic.location.row}: ${diagnostic.message}`);
  }
  for (const diagnostic of [...outcome.diagnostics].sort(compareDiagnostics)) {
    if (diagnostic.code !== "HFJ101")
      summary.personLines.push(`  ${diagnostic.filename}:${diagnostic.location.row}:${diagnostic.location.column}: ${diagnostic.code} ${diagnostic.message}`);
  }
  const empty = summary.fixedCodes.length === 0 && summary.tokenLines.length === 0 && summary.personLines.length === 0 && summary.unresolved.length === 0 && !summary.error;
  return empty ? null : summary;
}
