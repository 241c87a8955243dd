/** The command line, Ruff's conventions: `check`, `rule`, `scope`, `migrate`; exit 0 clean, 1 findings, 2 usage. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { OUTPUT_FORMATS, type OutputFormat } from "@hf-jobs-lint/core";
import type { CheckOptions } from "./commands/check.js";
import { registerRepositoryRuns } from "./commands/repos/register.js";
import { redactedOutput, UsageError, type Io, type RedactedIo } from "./io.js";
import { VERSION } from "./version.js";

export { VERSION };

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return parsed;
}

function buildProgram(io: RedactedIo, setExit: (code: number) => void): Command {
  const program = new Command("hf-jobs-lint")
    .description("Find and fix unsafe or broken token handling wherever Hugging Face Jobs are launched or run.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) });

  program
    .command("check")
    .description("Check files for token mistakes (default: the current folder)")
    .argument("[paths...]", "files or folders to check")
    .option("--select <codes>", "rules to enable (codes, names, prefixes or ALL), comma-separated", collect)
    .option("--ignore <codes>", "rules to disable, comma-separated", collect)
    .option("--extend-select <codes>", "rules to enable on top of the selection", collect)
    .option("--extend-ignore <codes>", "rules to disable on top of the configuration's (as --ignore)", collect)
    .option("--per-file-ignores <pairs>", "`pattern:CODE` pairs, comma-separated, replacing the configuration's (`!pattern`: files not matching)", collect)
    .option("--extend-per-file-ignores <pairs>", "`pattern:CODE` pairs added to the configuration's", collect)
    .option("--exclude <patterns>", "file patterns to exclude, replacing the configuration's `exclude`", collect)
    .option("--extend-exclude <patterns>", "file patterns to exclude on top of `exclude`", collect)
    .option("--fix", "apply safe fixes")
    .option("--unsafe-fixes", "also apply unsafe fixes (with --fix or --diff)")
    .option("--fix-only", "apply fixes and report only what was fixed (implies --fix)")
    .option("--exit-non-zero-on-fix", "exit 1 when a fix was applied, even if nothing remains")
    .option("--diff", "print the fixes as a unified diff and change nothing")
    .option("--show-fixes", "list the fixes applied, per file")
    .option("--add-noqa", "add `# noqa` directives to every line with a finding (Python, shell, CI YAML)")
    .addOption(new Option("--output-format <format>", "output format").choices(OUTPUT_FORMATS).default("full"))
    .option("-o, --output-file <file>", "write the report to this file instead of stdout")
    .option("--statistics", "count findings per rule")
    .option("--exit-zero", "exit 0 even when findings remain")
    .option("--config <file-or-setting>", "a configuration file, or a TOML `key = value` setting over the configuration (repeatable)", collect)
    .option("--isolated", "ignore every configuration file")
    .option("--stdin-filename <name>", "read the source from stdin, as if it were this file")
    .option("--threads <n>", "at most this many worker threads (default: the cores, up to 8; a second starts only for large runs)", positiveInteger)
    .option("-w, --watch", "check again whenever a file changes")
    .option("--show-settings", "print the settings the first file is checked with, and exit")
    .option("--show-files", "print the files that would be checked, and exit")
    .option("-v, --verbose", "say which configuration each file uses and how long the run took")
    .option("-q, --quiet", "print findings only, no summary")
    .option("-s, --silent", "print nothing (the exit status still tells)")
    .addOption(new Option("--color <when>", "colour the text formats").choices(["auto", "always", "never"]).default("auto"))
    .option("--respect-gitignore", "skip files that .gitignore excludes (the default)")
    .option("--no-respect-gitignore", "check files that .gitignore excludes")
    .option("--force-exclude", "apply `exclude` to paths named on the command line too (for pre-commit hooks)")
    .option("--include-counterexamples", "report Markdown blocks marked as deliberate counter-examples")
    .option("-n, --no-cache", "do not read or write the results cache (env: HF_JOBS_LINT_NO_CACHE=1)")
    .option("--cache-dir <dir>", "the results cache folder (env: HF_JOBS_LINT_CACHE_DIR; default: .hf-jobs-lint_cache at the project root)")
    .action(async (paths: string[], options: Omit<CheckOptions, "outputFormat"> & { outputFormat: string }) => {
      // Each command's modules load when it runs: `--version` or `rule` do not pay for discovery and the engine.
      const { checkCommand } = await import("./commands/check.js");
      setExit(await checkCommand(paths, { ...options, outputFormat: options.outputFormat as OutputFormat }, io));
    });

  program
    .command("migrate")
    .description("Migrate a repository in one run: every safe and unsafe fix on every surface, then a summary")
    .argument("[paths...]", "files or folders to migrate")
    .option("--dry-run", "print the diff, change nothing")
    .option("--only <codemods>", "run only these named codemods (comma-separated; `env-to-secrets`, `hardcoded-token-to-env`, ...)", collect)
    .option("--config <file>", "configuration file")
    .option("--threads <n>", "at most this many worker threads (default: the cores, up to 8; a second starts only for large runs)", positiveInteger)
    .option("--no-respect-gitignore", "migrate files that .gitignore excludes")
    .action(async (paths: string[], options: { dryRun?: boolean; config?: string; threads?: number; respectGitignore: boolean; only?: string[] }) => {
      const { migrateCommand } = await import("./commands/migrate.js");
      setExit(await migrateCommand(paths, options, io));
    });

  program
    .command("rule")
    .description("Print a rule's documentation")
    .argument("[code]", "rule code or name")
    .option("--all", "list every rule")
    .addOption(new Option("--output-format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (code: string | undefined, options: { all?: boolean; outputFormat: "text" | "json" }) => {
      const { ruleCommand } = await import("./commands/rule.js");
      setExit(ruleCommand(code, options, io));
    });

  program
    .command("scope")
    .description("The token a job script needs (none, read, write), with the evidence")
    .argument("<script>", "a Python job script")
    .addOption(new Option("--output-format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (script: string, options: { outputFormat: "text" | "json" }) => {
      const { scopeCommand } = await import("./commands/scope.js");
      setExit(await scopeCommand(script, options, io));
    });

  program
    .command("clean")
    .description("Remove the results cache (`check`'s .hf-jobs-lint_cache) of the current folder and the folders below it")
    .option("--cache-dir <dir>", "the results cache folder to remove (env: HF_JOBS_LINT_CACHE_DIR)")
    .option("--config <file-or-setting>", "a configuration file, or a TOML `key = value` setting (its `cache-dir` is removed)", collect)
    .option("--isolated", "ignore every configuration file")
    .action(async (options: { cacheDir?: string; config?: string[]; isolated?: boolean }) => {
      const { cleanCommand } = await import("./commands/clean.js");
      setExit(cleanCommand(options, io));
    });

  program
    .command("server")
    .description("Run the language server (LSP over stdin and stdout) for editors")
    .option("--stdio", "talk over stdin and stdout (the default; editors' clients pass it)")
    .action(async () => {
      const { serverCommand } = await import("./commands/server.js");
      setExit(await serverCommand());
    });

  registerRepositoryRuns(program, io, setExit);
  return program;
}

/**
 * Run the command line; returns the exit status. Everything it prints, the argument parser's messages included,
 * goes through one redacting output layer (`redactedOutput`).
 */
export async function main(argv: string[], processEdges: Io): Promise<number> {
  const io = redactedOutput(processEdges);
  try {
    return await run(argv, io);
  } finally {
    io.flush();
  }
}

async function run(argv: string[], io: RedactedIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`hf-jobs-lint: error: ${error.message}\n`);
      return 2;
    }
    io.stderr(`hf-jobs-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
