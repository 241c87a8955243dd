/**
 * The dotenv files an `hf jobs` command line names with `--env-file` / `--secrets-file`, resolved like the scripts
 * a launch names (beside the file holding the command, then at the repository root) and read as `hf jobs` reads
 * them (`parseDotenv`). What goes wrong there is invisible on the command line:
 * - HFJ201: a token-like key (or a token value) in an `--env-file` goes to the job's plain env, stored and shown;
 * - HFJ202 / HFJ205: `${HF_TOKEN}` or `$NAME` in the file is sent as that text (nothing expands it), where a bare
 *   `KEY` line would take the caller's value (and `HF_TOKEN` the login's token);
 * - HFJ102: a token-shaped placeholder (`hf_xxx`) as the `HF_TOKEN` value.
 * A real token in a `--secrets-file` is what the file is for; whether that file is committed is HFJ101's question,
 * on the file itself. Findings anchor at the flag; the file's line is in the message (the fix of a file named from
 * elsewhere is not this command line's to make), except HFJ201's, which renames the flag.
 */
import type { ArgvElement, ArgvFinding } from "../domain/check-command-line.js";
import type { JobsFlag } from "../domain/jobs-cli.js";
import { HF_TOKEN, findPlaceholders, isTokenLikeKey, mentionsHfTokenPlaceholder } from "../domain/token-keys.js";
import { containsToken, looksLikeTokenPlaceholder, redactText } from "../tokens.js";
import { parseDotenv, type DotenvEntry } from "./parse.js";

/** A file a command line names: how messages name it (as written, in backticks) and its text. */
export interface NamedFile {
  label: string;
  text: string;
}

/** Finds and reads a file named on a command line (`.env.secrets`); null when it is not there or not text. */
export type NamedFileLookup = (written: string) => NamedFile | null;

const DOTENV_FLAGS = new Set(["--env-file", "--secrets-file"]);

function shownEntry(entry: DotenvEntry): string {
  const text = entry.written === null ? entry.key : `${entry.key}=${entry.written}`;
  const redacted = redactText(text);
  return redacted.length > 50 ? `${redacted.slice(0, 49)}…` : redacted;
}

function bareKeyAdvice(key: string): string {
  return key === HF_TOKEN ? `write the bare key \`${HF_TOKEN}\` to pass your login's token` : `write the bare key \`${key}\` to take its value from your environment`;
}

/** Findings on the dotenv files `flags` name; `lookup` absent or a file that does not resolve: none. */
export function checkDotenvFlags(argv: readonly ArgvElement[], flags: readonly JobsFlag[], lookup: NamedFileLookup | undefined): ArgvFinding[] {
  if (!lookup) return [];
  const findings: ArgvFinding[] = [];
  for (const flag of flags) {
    if (!DOTENV_FLAGS.has(flag.name) || flag.value === null) continue;
    const valueAt = flag.span === 2 ? flag.index + 1 : flag.index;
    if (!argv[valueAt]?.literal) continue;
    const file = lookup(flag.value);
    if (!file) continue;
    const entries = parseDotenv(file.text);
    const index = flag.index;
    const endIndex = flag.index + flag.span - 1;
    const named = `${file.label} (\`${flag.name}\`)`;
    for (const entry of entries) {
      const where = `on line ${entry.line} of ${named}`;
      if (entry.value === null || entry.value === "") continue;
      if (mentionsHfTokenPlaceholder(entry.value)) {
        findings.push({
          code: "HFJ202",
          message: `\`${shownEntry(entry)}\` ${where} is sent as literal text: \`hf jobs\` expands nothing in the file; ${entry.key === HF_TOKEN ? bareKeyAdvice(entry.key) : "a bare `HF_TOKEN` line passes your login's token"}`,
          index,
          endIndex,
          fix: null,
        });
        continue;
      }
      const placeholder = findPlaceholders(entry.value)[0];
      if (placeholder && placeholder.text === entry.value) {
        findings.push({
          code: "HFJ205",
          message: `\`${shownEntry(entry)}\` ${where} arrives as literal text: \`hf jobs\` expands nothing in the file; ${bareKeyAdvice(entry.key)}`,
          index,
          endIndex,
          fix: null,
        });
        continue;
      }
      if (entry.key === HF_TOKEN && !containsToken(entry.value) && looksLikeTokenPlaceholder(entry.value)) {
        findings.push({ code: "HFJ102", message: `Literal value \`${entry.value}\` ${where} is passed as the token; ${bareKeyAdvice(entry.key)}`, index, endIndex, fix: null });
      }
    }
    if (flag.name === "--env-file") checkEnvFile(flags, flag, entries, named, index, endIndex, findings);
  }
  return findings;
}

/** HFJ201: token-bearing entries of an `--env-file`; the fix passes the whole file as `--secrets-file`. */
function checkEnvFile(flags: readonly JobsFlag[], flag: JobsFlag, entries: readonly DotenvEntry[], named: string, index: number, endIndex: number, findings: ArgvFinding[]): void {
  const tokens = entries.filter((entry) => isTokenLikeKey(entry.key) || (entry.value !== null && containsToken(entry.value)));
  const first = tokens[0];
  if (!first) return;
  const more = new Set(tokens.map((entry) => entry.key)).size - 1;
  // Moving the file keeps every variable the job sees; only `hf jobs inspect` stops showing their values. Not when
  // the line has a `--secrets-file` already (one file per option) or sets one of the file's keys with `-e`/`-s`.
  const keys = new Set(entries.map((entry) => entry.key));
  const clash = flags.some(
    (other) =>
      other !== flag &&
      (other.name === "--secrets-file" || ((other.name === "--env" || other.name === "--secrets") && other.value !== null && keys.has(other.value.split("=")[0]!))),
  );
  const written = flag.span === 2 ? "--secrets-file" : `--secrets-file=${flag.value}`;
  findings.push({
    code: "HFJ201",
    message: `${named} sets \`${first.key}\` (line ${first.line})${more > 0 ? ` and ${more} more token-like key${more === 1 ? "" : "s"}` : ""}, which \`hf jobs\` passes as plain env, stored and shown in full; pass the file with \`--secrets-file\``,
    index,
    endIndex,
    fix: clash ? null : { applicability: "safe", message: "Pass the file with `--secrets-file`", ops: [{ op: "replace", index: flag.index, value: written }] },
  });
}
