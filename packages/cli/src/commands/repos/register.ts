/**
 * The bulk side of the command line, registered on the commands program.ts defines: `--repos LIST` (with
 * `--report`, `--shard`, and `--branch` for migrate) on `check` and `migrate`, and `report merge`. With `--repos`
 * a command runs over the list instead of over paths; program.ts stays the one place the commands are defined.
 */
import { Option, type Command } from "commander";
import { OUTPUT_FORMATS, type OutputFormat } from "@hf-jobs-lint/core";
import { UsageError, type Io } from "../../io.js";
import { isValidBranchName } from "./git.js";
import { DEFAULT_REPORT_FOLDER } from "./report-folder.js";

interface BulkFlags {
  repos?: string;
  report?: string;
  shard?: string;
  branch?: string;
}

function addBulkOptions(command: Command): void {
  command
    .addOption(new Option("--repos <list>", "run over many repositories: a file of checkout paths (one a line) or a folder of checkouts"))
    .addOption(new Option("--report <folder>", `with --repos: the report folder, resumed when it holds this run's report (default: ${DEFAULT_REPORT_FOLDER})`))
    .addOption(new Option("--shard <i/n>", "with --repos: only the I-th of N shares of the list (a CI matrix job each)"));
}

/** Flags that make no sense with `--repos` (each repository's own configuration decides), or without it. */
function checkCombination(flags: Record<string, unknown>, paths: string[], refused: string[]): void {
  if (!flags.repos) {
    for (const name of ["report", "shard", "branch"]) if (flags[name] !== undefined) throw new UsageError(`--${name} needs --repos`);
    return;
  }
  if (paths.length > 0) throw new UsageError("--repos takes the repositories from its list: give no paths");
  for (const name of refused) {
    if (flags[name] !== undefined && flags[name] !== false) throw new UsageError(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} cannot be used with --repos`);
  }
}

export function registerRepositoryRuns(program: Command, io: Io, setExit: (code: number) => void): void {
  const check = program.commands.find((command) => command.name() === "check")!;
  const migrate = program.commands.find((command) => command.name() === "migrate")!;
  addBulkOptions(check);
  addBulkOptions(migrate);
  migrate.addOption(new Option("--branch <name>", "with --repos: create this branch in each repository, with the migration as one commit"));

  // With --repos the command's action is the bulk run; without it, program.ts's action runs as it always did.
  migrate.hook("preAction", (command) => {
    const flags = command.opts<BulkFlags & { dryRun?: boolean; only?: string[]; threads?: number; respectGitignore: boolean }>();
    checkCombination(command.opts(), command.args, ["config"]);
    if (!flags.repos) return;
    command.action(async () => {
      if (!flags.branch && !flags.dryRun) throw new UsageError("migrate --repos needs --branch NAME (a branch and a commit in each repository) or --dry-run (one patch each)");
      if (flags.branch && !(await isValidBranchName(flags.branch, io.cwd))) throw new UsageError(`--branch: \`${flags.branch}\` is not a valid branch name`);
      const only = (flags.only ?? []).flatMap((value) => value.split(",")).map((name) => name.trim());
      const options = {
        dryRun: Boolean(flags.dryRun),
        branch: flags.branch ?? null,
        respectGitignore: flags.respectGitignore,
        ...(only.length ? { only } : {}),
        ...(flags.threads ? { threads: flags.threads } : {}),
      };
      const header = { command: "migrate" as const, branch: options.branch, dry_run: options.dryRun, only, output_format: null };
      // The bulk run's modules (and through them the engine) load only when it runs.
      const [{ runRepositories }, { migrateRepository }] = await Promise.all([import("./run-repositories.js"), import("./migrate-repository.js")]);
      setExit(await runRepositories(header, { repos: flags.repos!, ...optional(flags) }, io, (entry, report) => migrateRepository(entry, options, report)));
    });
  });

  check.hook("preAction", (command) => {
    const flags = command.opts<BulkFlags & { outputFormat: string; exitZero?: boolean; respectGitignore: boolean; threads?: number }>();
    checkCombination(command.opts(), command.args, ["config", "fix", "diff", "unsafeFixes", "showFixes", "statistics", "stdinFilename"]);
    if (!flags.repos) return;
    // Per repository, a file for a program to read: JSON unless SARIF (or another format) is asked for.
    const outputFormat = (command.getOptionValueSource("outputFormat") === "default" ? "json" : flags.outputFormat) as OutputFormat;
    if (!OUTPUT_FORMATS.includes(outputFormat)) throw new UsageError(`--output-format: unknown format ${outputFormat}`);
    command.action(async () => {
      const opts = command.opts<{ select?: string[]; ignore?: string[]; extendSelect?: string[]; includeCounterexamples?: boolean }>();
      const options = {
        outputFormat,
        respectGitignore: flags.respectGitignore,
        ...(opts.select ? { select: opts.select } : {}),
        ...(opts.ignore ? { ignore: opts.ignore } : {}),
        ...(opts.extendSelect ? { extendSelect: opts.extendSelect } : {}),
        ...(opts.includeCounterexamples ? { includeCounterexamples: true } : {}),
        ...(flags.threads ? { threads: flags.threads } : {}),
      };
      const header = { command: "check" as const, branch: null, dry_run: false, only: [], output_format: outputFormat };
      setExit(
        await (
          await import("./run-repositories.js")
        ).runRepositories(header, { repos: flags.repos!, exitZero: Boolean(flags.exitZero), ...optional(flags) }, io, async (entry, report) =>
          (await import("./check-repository.js")).checkRepository(entry, options, report),
        ),
      );
    });
  });

  program
    .command("report")
    .description("Work with the report folders of `check --repos` and `migrate --repos` runs")
    .command("merge")
    .description("Join the report folders of a run's shards (a CI matrix) into one")
    .argument("<reports...>", "report folders of the shards")
    .requiredOption("--output <folder>", "the merged report folder (new or empty)")
    .action(async (reports: string[], options: { output: string }) => {
      setExit((await import("./merge-reports.js")).mergeReportsCommand(reports, options, io));
    });
}

function optional(flags: BulkFlags): { report?: string; shard?: string } {
  return { ...(flags.report ? { report: flags.report } : {}), ...(flags.shard ? { shard: flags.shard } : {}) };
}
