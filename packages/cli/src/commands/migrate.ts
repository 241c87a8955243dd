/**
 * `hf-jobs-lint migrate`: the one-shot repository migration. Every rule, every safe and unsafe fix, on every
 * surface; `--dry-run` prints the diff instead. It ends with what a person still has to do: tokens to revoke
 * (fixing code does not un-leak a token) and findings no fix could handle.
 */
import { CODEMODS, findCodemod, getRule, redactText, type CodemodSpec } from "@hf-jobs-lint/core";
import { PatchCount, printedPatch, runCheck, type CheckRun } from "./check.js";
import { summariseMigration } from "./migration-summary.js";
import { UsageError, type Io } from "../io.js";

export interface MigrateOptions {
  dryRun?: boolean;
  config?: string;
  threads?: number;
  respectGitignore: boolean;
  /** Named codemods to run (core's CODEMODS); all of them when absent. */
  only?: string[];
  /** Look for the configuration no higher than this folder (`--repos`: each repository's own configuration). */
  configBoundary?: string;
}

/** The named codemods of `--only` (all of them when none is named). */
function resolveCodemods(only: string[] | undefined): CodemodSpec[] {
  return (only ?? [])
    .flatMap((value) => value.split(","))
    .map((name) => {
      const codemod = findCodemod(name.trim());
      if (!codemod) throw new UsageError(`unknown codemod \`${name}\` (one of ${CODEMODS.map((c) => c.name).join(", ")})`);
      return codemod;
    });
}

/** The migration itself, without output: `migrate` and `migrate --repos` (with `io.cwd` at each repository) run this. */
export async function runMigration(paths: string[], options: MigrateOptions & { progress?: boolean }, io: Io): Promise<CheckRun> {
  const codemods = resolveCodemods(options.only);
  return runCheck(
    paths,
    {
      // Without --only, the selection is the configured one (the default rules), so opt-in rules stay opt-in.
      ...(codemods.length > 0 ? { select: codemods.flatMap((codemod) => codemod.codes) } : {}),
      fix: !options.dryRun,
      unsafeFixes: codemods.length > 0 ? codemods.some((codemod) => codemod.unsafe) : true,
      diff: Boolean(options.dryRun),
      outputFormat: "concise",
      respectGitignore: options.respectGitignore,
      ...(options.config ? { config: [options.config] } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
      ...(options.configBoundary ? { configBoundary: options.configBoundary } : {}),
      progress: options.progress ?? false,
    },
    io,
  );
}

export async function migrateCommand(paths: string[], options: MigrateOptions, io: Io): Promise<number> {
  const run = await runMigration(paths, { ...options, progress: true }, io);
  const patches = new PatchCount();
  if (options.dryRun) {
    for (const outcome of run.outcomes) {
      patches.add(outcome);
      io.stdout(printedPatch(outcome));
    }
  }

  const summary = summariseMigration(run);
  const lines: string[] = [];
  const verb = options.dryRun ? "would change" : "changed";
  lines.push(`Migration ${options.dryRun ? "(dry run) " : ""}over ${summary.filesChecked} file${summary.filesChecked === 1 ? "" : "s"}: ${summary.changedFiles.length} ${verb}.`);
  if (summary.filesPerRule.length > 0) {
    lines.push("", `Files ${verb} per rule:`);
    for (const [code, files] of summary.filesPerRule) lines.push(`  ${code} ${getRule(code).name}: ${files.length} file${files.length === 1 ? "" : "s"}`);
  }
  if (summary.tokensToRevoke.length > 0) {
    lines.push("", `Tokens to revoke (${summary.tokensToRevoke.length}): these reached a file, and history keeps them; revoke each at your Hub token settings:`);
    for (const token of summary.tokensToRevoke) lines.push(`  ${token.filename}:${token.row}: ${token.message}`);
  }
  if (summary.left.length > 0) {
    lines.push("", `Needs a person (${summary.left.length}):`);
    for (const diagnostic of summary.left)
      lines.push(`  ${diagnostic.filename}:${diagnostic.location.row}:${diagnostic.location.column}: ${diagnostic.code} ${diagnostic.message}`);
  }
  if (summary.unresolvedScripts.length > 0) {
    lines.push("", `Scripts named by a launch that could not be found (${summary.unresolvedScripts.length}); their token needs are unknown, check their secrets by hand:`);
    for (const { filename, script } of summary.unresolvedScripts) lines.push(`  ${filename}: \`${script}\``);
  }
  const note = patches.note();
  if (note) lines.push("", note);
  if (summary.errors.length > 0) {
    lines.push("", `Could not be checked (${summary.errors.length}):`);
    for (const error of summary.errors) lines.push(`  ${error.filename}: ${error.message}`);
  }
  io.stderr(redactText(`${lines.join("\n")}\n`));
  return run.remaining.length > 0 || run.errors.length > 0 ? 1 : 0;
}
