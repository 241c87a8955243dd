/**
 * Shell command lines -> findings: every `hf jobs` / `huggingface-cli jobs` / `hfjobs` launch in the tokenized
 * text goes through core's `checkJobsCommandLine`; this module only places the findings on the words' source
 * ranges and renders their fixes. HFJ101 on tokens outside command lines (comments, `export`, heredocs) is
 * `tokenFindings`, which skips the token occurrences a command-line finding already reports.
 */
import {
  LAUNCH_COMMAND_HINT,
  checkJobsCommandLine,
  findTokens,
  hardcodedTokenMessage,
  parseJobsCommandLine,
  redact,
  type CiStepContext,
  type Fix,
  type NamedFileLookup,
  type RuleCode,
} from "@hf-jobs-lint/core";
import { renderArgvFix } from "./render.js";
import type { ScriptFactsLookup } from "./script-facts.js";
import { tokenizeRange, type ShellCommand } from "./tokenize.js";

/** A finding with file offsets, before it becomes a Diagnostic. */
export interface LocalFinding {
  code: RuleCode;
  message: string;
  start: number;
  end: number;
  fix: Fix | null;
  /** For HFJ101: where the token itself starts (dedupe key with the whole-text scan). */
  tokenOffset?: number;
  /**
   * Where a `# noqa` comment for the finding goes: the command's last line (a comment cannot follow a `\`
   * continuation). Defaults to `start`.
   */
  noqaOffset?: number;
}

export interface ShellCheckContext {
  /** The real file text: raw word slices and edits index it. */
  text: string;
  /** The text the tokenizer reads: `text` with non-shell parts blanked (same length). */
  shellText: string;
  makefile: boolean;
  scriptFacts: ScriptFactsLookup;
  /** The huggingface_hub version the lines run with (the input's); the newest when absent. */
  hubVersion?: string | null;
  /** The CI step's environment, for a command in a workflow step (HFJ213, HFJ214). */
  ci?: CiStepContext | null;
  /** Reads the dotenv files a command names (`--secrets-file .env.secrets`); absent: they are not read. */
  dotenvFile?: NamedFileLookup;
}

/** Cheap test before tokenizing a region: no launch can be in it without one of these words. */
export const LAUNCH_HINT = LAUNCH_COMMAND_HINT;

export function checkShellCommand(command: ShellCommand, context: ShellCheckContext): LocalFinding[] {
  const words = command.words;
  const values = words.map((word) => word.value);
  const literals = words.map((word) => word.literal);
  const parsed = parseJobsCommandLine(values, { hubVersion: context.hubVersion ?? null }, literals);
  if (!parsed) return [];
  const target = parsed.target ? words[parsed.target.index] : undefined;
  const script = parsed.kind.endsWith("uv") && target?.literal ? context.scriptFacts(target.value) : null;
  const argv = words.map((word) => ({ value: word.value, literal: word.literal }));
  const findings: LocalFinding[] = [];
  for (const finding of checkJobsCommandLine(argv, {
    script,
    hubVersion: context.hubVersion ?? null,
    ci: context.ci ?? null,
    ...(context.dotenvFile ? { dotenvFile: context.dotenvFile } : {}),
  })) {
    const start = words[finding.index]!.start;
    const end = words[finding.endIndex]!.end;
    const fix = finding.fix ? renderArgvFix(words, finding.fix, { text: context.text, makefile: context.makefile }) : null;
    const local: LocalFinding = { code: finding.code, message: finding.message, start, end, fix, noqaOffset: words[words.length - 1]!.end };
    if (finding.code === "HFJ101") {
      const token = findTokens(context.text.slice(start, end))[0];
      if (token) local.tokenOffset = start + token.index;
    }
    findings.push(local);
  }
  return findings;
}

/** Every launch finding in `[from, to)` of the shell text. */
export function checkShellRegion(context: ShellCheckContext, from: number, to: number): LocalFinding[] {
  if (!LAUNCH_HINT.test(context.shellText.slice(from, to))) return [];
  const findings: LocalFinding[] = [];
  for (const command of tokenizeRange(context.shellText, from, to, { makefile: context.makefile })) {
    for (const finding of checkShellCommand(command, context)) findings.push(finding);
  }
  return findings;
}

/**
 * HFJ101 for every real-looking token in `text` between `from` and `to` whose offset is not in `covered`
 * (already reported by a command-line finding or a sub-analyzer). No fix: what replaces it depends on context.
 */
export function tokenFindings(text: string, covered: ReadonlySet<number>, from = 0, to = text.length): LocalFinding[] {
  const findings: LocalFinding[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const match of findTokens(slice)) {
    const start = from + match.index;
    if (covered.has(start)) continue;
    findings.push({
      code: "HFJ101",
      message: hardcodedTokenMessage(redact(match.token)),
      start,
      end: start + match.token.length,
      fix: null,
      tokenOffset: start,
    });
  }
  return findings;
}

/** Offsets of the tokens some findings already report. */
export function coveredTokenOffsets(findings: readonly LocalFinding[]): Set<number> {
  const covered = new Set<number>();
  for (const finding of findings) if (finding.code === "HFJ101" && finding.tokenOffset !== undefined) covered.add(finding.tokenOffset);
  return covered;
}
