/**
 * What a migration did and what it leaves to a person, as data: `migrate` prints it, `migrate --repos` writes it
 * into its report and its commit messages. One place decides what counts as a token to revoke or a finding left.
 */
import { redactText, type Diagnostic, type FileError } from "@hf-jobs-lint/core";
import type { CheckRun } from "./check.js";

export interface TokenToRevoke {
  filename: string;
  row: number;
  /** The token as shown: redacted (`hf_Ab…`). */
  token: string;
  message: string;
}

export interface UnresolvedScript {
  filename: string;
  script: string;
}

export interface MigrationSummary {
  filesChecked: number;
  /** Files the fixes changed (or would change), sorted. */
  changedFiles: string[];
  /** Rule code to the files its fixes changed, codes and files sorted. */
  filesPerRule: [code: string, files: string[]][];
  /** HFJ101 findings, fixed or not: fixing the code does not un-leak a token that reached a file. */
  tokensToRevoke: TokenToRevoke[];
  /** Findings no fix handled, other than the tokens to revoke. */
  left: Diagnostic[];
  unresolvedScripts: UnresolvedScript[];
  errors: FileError[];
}

/**
 * The redacted token in an HFJ101 message (core's `hardcodedTokenMessage` shows it between backticks, ending in
 * `…`); the message itself, redacted, when it has none.
 */
export function shownToken(message: string): string {
  return /`([^`\s]{1,16}…)`/.exec(message)?.[1] ?? redactText(message);
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function summariseMigration(run: CheckRun): MigrationSummary {
  const filesPerRule = new Map<string, Set<string>>();
  const tokensToRevoke: TokenToRevoke[] = [];
  for (const outcome of run.outcomes) {
    for (const diagnostic of outcome.fixed) {
      let files = filesPerRule.get(diagnostic.code);
      if (!files) filesPerRule.set(diagnostic.code, (files = new Set()));
      files.add(outcome.filename);
    }
    for (const diagnostic of [...outcome.fixed, ...outcome.diagnostics]) {
      if (diagnostic.code !== "HFJ101") continue;
      tokensToRevoke.push({ filename: diagnostic.filename, row: diagnostic.location.row, token: shownToken(diagnostic.message), message: diagnostic.message });
    }
  }
  return {
    filesChecked: run.outcomes.length,
    changedFiles: [...new Set(run.outcomes.filter((outcome) => outcome.fixed.length > 0).map((outcome) => outcome.filename))].sort(byString),
    filesPerRule: [...filesPerRule].sort(([a], [b]) => byString(a, b)).map(([code, files]) => [code, [...files].sort(byString)]),
    tokensToRevoke,
    left: run.remaining.filter((diagnostic) => diagnostic.code !== "HFJ101"),
    unresolvedScripts: run.outcomes.flatMap((outcome) => outcome.unresolvedScripts.map((script) => ({ filename: outcome.filename, script }))),
    errors: run.errors,
  };
}
