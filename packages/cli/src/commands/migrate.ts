/**
 * `hf-jobs-lint migrate`: the one-shot repository migration. Every rule, every safe and unsafe fix, on every
 * surface; `--dry-run` prints the diff instead. It ends with what a person still has to do: tokens to revoke
 * (fixing code does not un-leak a token) and findings no fix could handle.
 */
import { CODEMODS, findCodemod, getRule, redactText } from "@hf-jobs-lint/core";
import { runCheck } from "./check.js";
import { UsageError, type Io } from "../io.js";

export interface MigrateOptions {
  dryRun?: boolean;
  config?: string;
  threads?: number;
  respectGitignore: boolean;
  /** Named codemods to run (core's CODEMODS); all of them when absent. */
  only?: string[];
}

export async function migrateCommand(paths: string[], options: MigrateOptions, io: Io): Promise<number> {
  const codemods = (options.only ?? [])
    .flatMap((value) => value.split(","))
    .map((name) => {
      const codemod = findCodemod(name.trim());
      if (!codemod) throw new UsageError(`unknown codemod \`${name}\` (one of ${CODEMODS.map((c) => c.name).join(", ")})`);
      return codemod;
    });
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
      ...(options.config ? { config: [options.config] } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
      progress: true,
    },
    io,
  );
  if (options.dryRun) for (const outcome of run.outcomes) if (outcome.diff) io.stdout(outcome.diff);

  const filesPerRule = new Map<string, Set<string>>();
  const leakedTokens: string[] = [];
  for (const outcome of run.outcomes) {
    for (const diagnostic of outcome.fixed) {
      let files = filesPerRule.get(diagnostic.code);
      if (!files) filesPerRule.set(diagnostic.code, (files = new Set()));
      files.add(outcome.filename);
    }
    for (const diagnostic of [...outcome.fixed, ...outcome.diagnostics]) {
      if (diagnostic.code === "HFJ101") leakedTokens.push(`  ${diagnostic.filename}:${diagnostic.location.row}: ${diagnostic.message}`);
    }
  }

  const lines: string[] = [];
  const verb = options.dryRun ? "would change" : "changed";
  const changedFiles = new Set(run.outcomes.filter((outcome) => outcome.fixed.length > 0).map((outcome) => outcome.filename));
  lines.push(`Migration ${options.dryRun ? "(dry run) " : ""}over ${run.outcomes.length} file${run.outcomes.length === 1 ? "" : "s"}: ${changedFiles.size} ${verb}.`);
  if (filesPerRule.size > 0) {
    lines.push("", `Files ${verb} per rule:`);
    for (const [code, files] of [...filesPerRule].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${code} ${getRule(code).name}: ${files.size} file${files.size === 1 ? "" : "s"}`);
    }
  }
  if (leakedTokens.length > 0) {
    lines.push("", `Tokens to revoke (${leakedTokens.length}): these reached a file, and history keeps them; revoke each at your Hub token settings:`);
    lines.push(...leakedTokens);
  }
  const left = run.remaining.filter((diagnostic) => diagnostic.code !== "HFJ101");
  if (left.length > 0) {
    lines.push("", `Needs a person (${left.length}):`);
    for (const diagnostic of left) lines.push(`  ${diagnostic.filename}:${diagnostic.location.row}:${diagnostic.location.column}: ${diagnostic.code} ${diagnostic.message}`);
  }
  const unresolved = run.outcomes.flatMap((outcome) => outcome.unresolvedScripts.map((script) => `  ${outcome.filename}: \`${script}\``));
  if (unresolved.length > 0) {
    lines.push("", `Scripts named by a launch that could not be found (${unresolved.length}); their token needs are unknown, check their secrets by hand:`);
    lines.push(...unresolved);
  }
  if (run.errors.length > 0) {
    lines.push("", `Could not be checked (${run.errors.length}):`);
    for (const error of run.errors) lines.push(`  ${error.filename}: ${error.message}`);
  }
  io.stderr(redactText(`${lines.join("\n")}\n`));
  return run.remaining.length > 0 || run.errors.length > 0 ? 1 : 0;
}
