/**
 * The rules for a launch command line, decided once for every surface that writes one: shell lines and CI steps,
 * Markdown `bash` fences, Python argv lists and command strings, TS argv arrays and template strings. The line is
 * read with the model of its program and huggingface_hub version (`jobs-cli.ts`), and every fix is applied to the
 * argv, read again with the same model, and dropped when the result means something other than the fix says.
 * Adapters turn an `ArgvFinding` into a diagnostic at the element's source range and render its edit ops in their
 * own language (quoting, separators).
 */
import type { RuleCode } from "../catalog/index.js";
import type { Applicability } from "../diagnostic.js";
import { findTokens, looksLikeTokenPlaceholder, redact, redactText } from "../tokens.js";
import { hubAtLeast } from "./command-line/hub-versions.js";
import { meaningOf, optionKey, type CommandLineMeaning, type ParsedOption } from "./command-line/parse.js";
import { parseJobsCommandLine, secretsFlagOf, splitAssignment, type JobsCommandLine } from "./jobs-cli.js";
import { RENAME_SECRET_FIX, type ScriptDescription, hardcodedTokenMessage, misnamedSecretMessage, missingTokenSecretMessage, tokenOutputMessage } from "./messages.js";
import { findCommandOutput } from "./job-command-output.js";
import { HF_TOKEN, isMisnamedHfTokenName, isTokenLikeKey } from "./token-keys.js";
import { checkDotenvFlags, type NamedFileLookup } from "../dotenv/named-files.js";

export interface ArgvElement {
  /** The element's value after quote removal (`HF_TOKEN=$X` keeps `$X` as written). */
  value: string;
  /**
   * True when the value is fully known text; false when it holds an expansion (`$VAR`, `$(...)`), a variable, an
   * f-string or template substitution: such a value is not a literal token.
   */
  literal: boolean;
}

/** Edits on argv elements; the adapter renders them with its own quoting and separators. */
export type ArgvEditOp =
  | { op: "replace"; index: number; value: string }
  /** Remove the element and the separator before it. */
  | { op: "remove"; index: number }
  /** Insert elements (original ones by index, or new values) before element `index`. */
  | { op: "insertBefore"; index: number; elements: ({ from: number } | { value: string })[] };

export interface ArgvFix {
  applicability: Applicability;
  message: string;
  ops: ArgvEditOp[];
}

export interface ArgvFinding {
  code: RuleCode;
  message: string;
  /** First and last argv element the finding covers. */
  index: number;
  endIndex: number;
  fix: ArgvFix | null;
}

export interface ScriptFacts {
  /** The script needs an HF token (Hub writes or private reads). */
  needsToken: boolean;
  /** The script reads this environment variable name. */
  readsVariable(name: string): boolean;
  /**
   * The script's PEP 723 header lists this name in `[tool.hf-jobs] secrets`, which newer `hf jobs uv run` reads
   * (docs/hf-jobs-surfaces.md, section 5). Optional: unknown means not declared.
   */
  declaresSecret?(name: string): boolean;
  /** How much access the token needs, for messages (optional). */
  level?: "read" | "write";
  /** The first call that needs the token, for messages (optional). */
  evidence?: { text: string; row: number };
}

/** What a CI step's context says about the environment the command runs in (GitHub Actions workflows). */
export interface CiStepContext {
  /** Variables the step, its job or the workflow define (`env:`), or the step's own script sets before the line. */
  definedVariables: ReadonlySet<string>;
  /** An earlier step of the job logs in (`hf auth login`, `huggingface-cli login`, `login(`) or writes `HF_TOKEN` to `$GITHUB_ENV`. */
  loggedIn: boolean;
  /** The runner may hold variables or a stored login the file does not show (self-hosted runner, a container, a composite action). */
  opaqueEnvironment: boolean;
}

export interface CommandLineCheckOptions {
  /** What is known about the script a `uv` launch runs, when it is a resolvable local file. */
  script?: ScriptFacts | null;
  /** The huggingface_hub version the repository uses; the newest when absent. */
  hubVersion?: string | null;
  /** Set for a command in a CI workflow step whose environment can be read from the file. */
  ci?: CiStepContext | null;
  /** Reads the dotenv files `--env-file`/`--secrets-file` name (dotenv/named-files.ts decides on them). */
  dotenvFile?: NamedFileLookup;
}

function tokenMessage(token: string, where: string): string {
  return hardcodedTokenMessage(redact(token), where, "pass `--secrets HF_TOKEN`");
}

/** The argv index of a flag's value element (the flag itself for `--x=v` and `-sV`). */
function valueIndex(flag: ParsedOption): number {
  return flag.valueIndex ?? flag.index;
}

function flagValueWithKey(flag: ParsedOption, value: string): string {
  return flag.span === 2 ? value : `${flag.valuePrefix}${value}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Fix verification: apply the ops to the argv, read it again, and compare with what the fix promises.

interface Expectation {
  /** Option keys (`optionKey`) the fix removes and adds. */
  removeOptions?: string[];
  addOptions?: string[];
  /** The job's arguments after the fix, when it changes them. */
  jobArgs?: string[];
  /** Issues (`kind:option`) the fix resolves. */
  resolvesIssues?: string[];
  /** The target after the fix, when it changes it. */
  target?: string | null;
}

function applyOps(argv: readonly ArgvElement[], ops: readonly ArgvEditOp[]): ArgvElement[] {
  const replaced = new Map<number, string>();
  const removed = new Set<number>();
  const inserted = new Map<number, ArgvElement[]>();
  for (const op of ops) {
    if (op.op === "replace") replaced.set(op.index, op.value);
    else if (op.op === "remove") removed.add(op.index);
    else {
      const list = inserted.get(op.index) ?? [];
      for (const element of op.elements) list.push("from" in element ? argv[element.from]! : { value: element.value, literal: true });
      inserted.set(op.index, list);
    }
  }
  const result: ArgvElement[] = [];
  argv.forEach((element, index) => {
    for (const item of inserted.get(index) ?? []) result.push(item);
    if (removed.has(index)) return;
    const value = replaced.get(index);
    result.push(value === undefined ? element : { value, literal: element.literal && !/[$`]/.test(value) });
  });
  for (const item of inserted.get(argv.length) ?? []) result.push(item);
  return result;
}

function expectedMeaning(before: CommandLineMeaning, expect: Expectation): CommandLineMeaning {
  const options = [...before.options];
  for (const key of expect.removeOptions ?? []) {
    const at = options.indexOf(key);
    if (at >= 0) options.splice(at, 1);
  }
  for (const item of expect.addOptions ?? []) options.push(item);
  const issues = before.issues.filter((issue) => !(expect.resolvesIssues ?? []).includes(issue));
  return {
    schedule: before.schedule,
    target: expect.target !== undefined ? expect.target : before.target,
    options: options.sort(),
    jobArgs: expect.jobArgs ?? before.jobArgs,
    issues: issues.sort(),
  };
}

interface Checker {
  argv: readonly ArgvElement[];
  parsed: JobsCommandLine;
  options: CommandLineCheckOptions;
  findings: ArgvFinding[];
}

/** The fix when the command line, read again with the same model, means what `expect` says; null otherwise. */
function verified(checker: Checker, fix: ArgvFix, expect: Expectation): ArgvFix | null {
  const fixed = applyOps(checker.argv, fix.ops);
  const reparsed = parseJobsCommandLine(
    fixed.map((element) => element.value),
    { hubVersion: checker.options.hubVersion ?? null },
    fixed.map((element) => element.literal),
  );
  if (!reparsed || reparsed.model.program !== checker.parsed.model.program || reparsed.kind !== checker.parsed.kind) return null;
  const want = expectedMeaning(meaningOf(checker.parsed.parsed), expect);
  return JSON.stringify(meaningOf(reparsed.parsed)) === JSON.stringify(want) ? fix : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Options the program takes: tokens, env vs secrets, the secret's name.

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkTokenOption(checker: Checker, flag: ParsedOption): void {
  const element = checker.argv[valueIndex(flag)]!;
  const endIndex = flag.index + flag.span - 1;
  const tokens = element.literal && flag.value !== null ? findTokens(flag.value) : [];
  const removeFlag: ArgvFix = {
    applicability: "unsafe",
    message: `Remove \`--token\`: \`${checker.parsed.model.command}\` uses the logged-in token`,
    ops: Array.from({ length: flag.span }, (_, k) => ({ op: "remove" as const, index: flag.index + k })),
  };
  const fix = flag.grouped ? null : verified(checker, removeFlag, { removeOptions: [optionKey(flag)] });
  if (tokens[0]) checker.findings.push({ code: "HFJ101", message: tokenMessage(tokens[0].token, "in `--token`"), index: flag.index, endIndex, fix });
  else if (element.literal && flag.value) {
    checker.findings.push({
      code: "HFJ102",
      message: `Literal value passed to \`--token\`; let \`${checker.parsed.model.command}\` use the logged-in token`,
      index: flag.index,
      endIndex,
      fix,
    });
  }
}

function checkChannelOption(checker: Checker, flag: ParsedOption): void {
  const { model } = checker.parsed;
  const at = valueIndex(flag);
  const element = checker.argv[at]!;
  const endIndex = flag.index + flag.span - 1;
  const { key, value } = splitAssignment(flag.value!);
  const tokens = element.literal && value !== null ? findTokens(value) : [];
  const isSecret = flag.name === model.channels.secrets;
  const written = flag.written;
  const renameValue = (newValue: string): ArgvFix["ops"] => [{ op: "replace", index: at, value: flagValueWithKey(flag, newValue) }];
  const keyOnlyValue = isMisnamedHfTokenName(key) ? HF_TOKEN : key;
  const keyOnly = (message: string): ArgvFix | null =>
    flag.grouped && flag.valueIndex === flag.index
      ? null
      : verified(checker, { applicability: "unsafe", message, ops: renameValue(keyOnlyValue) }, { removeOptions: [optionKey(flag)], addOptions: [`${flag.name}=${keyOnlyValue}`] });

  if (tokens[0]) {
    checker.findings.push({
      code: "HFJ101",
      message: tokenMessage(tokens[0].token, `in \`${written} ${key}=…\``),
      index: flag.index,
      endIndex,
      fix: keyOnly(`Pass \`${key}\` without a value: \`${model.command}\` reads it from your environment or login`),
    });
  } else if (value !== null && element.literal && key.toUpperCase() === HF_TOKEN && value !== "" && (isSecret || looksLikeTokenPlaceholder(value))) {
    checker.findings.push({
      code: "HFJ102",
      message: `Literal value \`${redactText(value)}\` passed as \`${key}\`; pass \`${key}\` without a value to use the logged-in token`,
      index: flag.index,
      endIndex,
      fix: keyOnly(`Pass \`${key}\` without a value`),
    });
  }

  if (!isSecret && isTokenLikeKey(key) && envIsStored(checker, value)) {
    const short = !written.startsWith("--");
    const spelling = secretsFlagOf(model, short);
    const forward = model.kind === "sandbox create" && key === HF_TOKEN && value === null;
    const channel = forward ? "--forward-hf-token" : spelling;
    if (channel) {
      let fix: ArgvFix | null = null;
      if (!flag.grouped) {
        const ops: ArgvEditOp[] = forward
          ? [{ op: "replace", index: flag.index, value: "--forward-hf-token" }, ...(flag.span === 2 ? [{ op: "remove" as const, index: flag.index + 1 }] : [])]
          : [{ op: "replace", index: flag.index, value: flag.span === 2 ? channel : `${short ? channel : `${channel}=`}${flag.value}` }];
        const add = forward ? "--forward-hf-token" : `${model.channels.secrets}=${flag.value}`;
        fix = verified(checker, { applicability: "safe", message: `Pass \`${key}\` with \`${channel}\``, ops }, { removeOptions: [optionKey(flag)], addOptions: [add] });
      }
      checker.findings.push({
        code: "HFJ201",
        message: `\`${key}\` is passed through \`${written}\`, which stores and shows it in full; pass it with \`${channel}\``,
        index: flag.index,
        endIndex,
        fix,
      });
    }
  }

  if (isSecret && isMisnamedHfTokenName(key)) {
    const scriptReadsOld = checker.options.script?.readsVariable(key);
    const applicability: Applicability = checker.options.script && !scriptReadsOld ? "safe" : "unsafe";
    if (!checker.options.script || !scriptReadsOld) {
      const newValue = value === null ? HF_TOKEN : `${HF_TOKEN}=${value}`;
      const fix =
        flag.grouped && flag.valueIndex === flag.index
          ? null
          : verified(
              checker,
              { applicability, message: RENAME_SECRET_FIX, ops: renameValue(newValue) },
              { removeOptions: [optionKey(flag)], addOptions: [`${flag.name}=${newValue}`] },
            );
      checker.findings.push({ code: "HFJ204", message: misnamedSecretMessage(key), index: flag.index, endIndex, fix });
    }
  }
}

/**
 * Whether an env entry ends up stored with the job. `hf sandbox exec|spawn` send env with the one command (no
 * secrets channel, nothing stored on the job); a pooled `hf sandbox create --pool` hands env to the host at
 * creation, never to a job's metadata (cli/sandbox.py, _sandbox.py `SandboxPool.create`); the legacy `hfjobs`
 * reads a bare `-e KEY` as a dotenv line without a value (python-dotenv gives None), so no value is sent at all.
 */
function envIsStored(checker: Checker, value: string | null): boolean {
  const { model, flags } = checker.parsed;
  if (model.kind === "sandbox exec" || model.kind === "sandbox spawn") return false;
  if (model.kind === "sandbox create" && flags.some((f) => f.name === "--pool")) return false;
  if (model.program === "hfjobs" && value === null) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Where options go: after the target (HFJ207 and HFJ210), unknown ones before it (HFJ211), bad values (HFJ212).

function targetWord(parsed: JobsCommandLine): string {
  if (parsed.kind === "sandbox exec" || parsed.kind === "sandbox spawn") return "sandbox id";
  return parsed.kind.endsWith("uv") ? "script" : "image";
}

/** HFJ207: programs that pass everything after the target to the job, with options of theirs written there. */
function checkFlagsPassedToJob(checker: Checker): void {
  const { parsed } = checker;
  if (parsed.flagsAfterTarget.length === 0 || !parsed.target) return;
  const ops: ArgvEditOp[] = [];
  const elements: { from: number }[] = [];
  const moved = new Set<number>();
  for (const flag of parsed.flagsAfterTarget) {
    for (let k = 0; k < flag.span; k++) {
      ops.push({ op: "remove", index: flag.index + k });
      elements.push({ from: flag.index + k });
      moved.add(flag.index + k);
    }
  }
  const insertAt = parsed.schedule && parsed.schedule.index < parsed.target.index ? parsed.schedule.index : parsed.target.index;
  ops.push({ op: "insertBefore", index: insertAt, elements });
  const first = parsed.flagsAfterTarget[0]!;
  const last = parsed.flagsAfterTarget[parsed.flagsAfterTarget.length - 1]!;
  const outer = parsed.model;
  const model = outer.native ?? outer;
  const fix = verified(
    checker,
    { applicability: "safe", message: `Move the flags before \`${parsed.target.value}\``, ops },
    {
      addOptions: parsed.flagsAfterTarget.map((flag) => optionKey({ ...flag, name: outer.options.find((o) => o.names.includes(flag.written))?.canonical ?? flag.name })),
      jobArgs: parsed.parsed.jobArgs.filter((p) => !moved.has(p.index)).map((p) => p.value),
    },
  );
  const names = parsed.flagsAfterTarget.map((f) => f.written);
  const passes = outer.native
    ? `\`${outer.command}\` hands them to ${model.label}, which passes what follows the script to it`
    : `${model.label} passes everything after the ${targetWord(parsed)} to the job`;
  checker.findings.push({
    code: "HFJ207",
    message: `\`${names.join("`, `")}\` after the ${targetWord(parsed)} ${names.length === 1 ? "is" : "are"} passed to the job, not to \`${model.command}\`: ${passes}`,
    index: first.index,
    endIndex: last.index + last.span - 1,
    fix,
  });
}

/** Long options whose names say they configure the job: written after the script they do that, as the official examples show. */
const LAUNCHER_ONLY_OPTIONS = new Set([
  "--env",
  "--secrets",
  "--secret",
  "--env-file",
  "--secrets-file",
  "--token",
  "--flavor",
  "--namespace",
  "--image",
  "--with",
  "--detach",
  "--label",
  "--volume",
  "--expose",
  "--ssh",
  "--resource-group-id",
  "--suspend",
  "--concurrency",
  "--attempts",
  "--forward-hf-token",
  "--pool",
  "--idle-timeout",
  "--workdir",
]);

/** Options that can be given more than once (they add up rather than override). */
const REPEATABLE = new Set(["--env", "--secrets", "--secret", "--label", "--volume", "--with", "--expose"]);

function isChannel(checker: Checker, option: ParsedOption): boolean {
  return option.name === checker.parsed.model.channels.env || option.name === checker.parsed.model.channels.secrets;
}

/**
 * Why an option after the target reads as the script's (or the command's) own, or null when it reads as the
 * launcher's: a name scripts commonly have (`--timeout`, `--name`, `-p`, `-d`, `-v`, `-h`), short letters
 * glued to others (`-lr` is `-l r`), a value the launcher rejects, or an option already given before the target.
 */
function scriptOptionReason(checker: Checker, option: ParsedOption): string | null {
  const { parsed } = checker;
  const valueRejected = parsed.parsed.issues.some(
    (issue) => issue.index === option.index && (issue.kind === "invalid-value" || issue.kind === "missing-value" || issue.kind === "unexpected-value"),
  );
  if (valueRejected) return "fails on its value";
  const before = parsed.flags.find((f) => !f.afterTarget && f.name === option.name && !f.viaNative === !option.viaNative);
  if (before && !REPEATABLE.has(option.name)) return `replaces the \`${before.written}\` given before the ${targetWord(parsed)}`;
  if (option.grouped || (option.valueIndex === option.index && !option.written.startsWith("--") && !isChannel(checker, option)))
    return `reads \`${checker.argv[option.index]!.value}\` as \`${option.written}${option.value === null ? "" : ` ${option.value}`}\``;
  const envLike = option.value !== null && /^[A-Za-z_][A-Za-z0-9_]*(?:=|$)/.test(option.value);
  if (!option.written.startsWith("--")) return isChannel(checker, option) && envLike ? null : "takes it";
  return LAUNCHER_ONLY_OPTIONS.has(option.name) ? null : "takes it";
}

/** Why options after the target are read at all, with the versions it applies to. */
function readsAfterTargetNote(parsed: JobsCommandLine): string {
  const model = parsed.model.native ?? parsed.model;
  const via = parsed.model.native ? `\`${parsed.model.command}\` hands the script's arguments to it without \`--\`, and ` : "";
  if (model.program === "hf jobs") return `${via}since huggingface_hub 1.0 \`hf jobs\` reads its options anywhere before \`--\``;
  if (model.program === "hfjs") return "`hfjs` reads its options anywhere before `--` and rejects unknown ones";
  return `\`${model.command}\` reads its options anywhere before \`--\``;
}

/** HFJ210: options after the target that the launcher takes or rejects, where the job was meant to get them. */
function checkOptionsReadAfterTarget(checker: Checker): number[] {
  const { parsed } = checker;
  const model = parsed.model.native ?? parsed.model;
  if (!parsed.target || model.remainderAfterTarget || !(model.interspersed || parsed.model.native)) return [];
  const reported: { index: number; end: number; written: string; reason: string }[] = [];
  const taken = parsed.flags.filter((f) => f.afterTarget);
  // Options written between the target and a `--` were put on the launcher's side of it on purpose
  // (`hf jobs uv run train.py --flavor a10g-small --timeout 4h -- --epochs 1`).
  const separator = parsed.parsed.separator;
  for (const option of taken) {
    if (separator !== null && option.index < separator) continue;
    const reason = scriptOptionReason(checker, option);
    if (reason)
      reported.push({
        index: option.index,
        end: option.index + option.span - 1,
        written: checker.argv[option.index]!.value === option.written ? option.written : checker.argv[option.index]!.value,
        reason,
      });
  }
  for (const issue of parsed.parsed.issues) {
    if (issue.afterTarget && (issue.kind === "unknown-option" || issue.kind === "ambiguous-option") && !reported.some((r) => r.index === issue.index)) {
      reported.push({ index: issue.index, end: issue.index, written: issue.option ?? checker.argv[issue.index]!.value, reason: "rejects it" });
    }
  }
  if (reported.length === 0) return [];
  reported.sort((a, b) => a.index - b.index);
  const first = reported[0]!;
  const last = reported[reported.length - 1]!;
  // `--` before the first of them hands it and everything after it to the job; refused when an option meant for
  // the launcher (one not reported) follows, since that would move it to the job too.
  const keptAfter = taken.some((option) => option.index >= first.index && !reported.some((r) => r.index === option.index));
  let fix: ArgvFix | null = null;
  if (!keptAfter) {
    const removeOptions = taken.filter((option) => option.index >= first.index).map(optionKey);
    const jobArgs = [...parsed.parsed.jobArgs.filter((p) => p.index < first.index).map((p) => p.value), ...checker.argv.slice(first.index).map((e) => e.value)];
    const resolvesIssues = parsed.parsed.issues.filter((issue) => issue.index >= first.index).map((issue) => `${issue.kind}:${issue.name ?? issue.option ?? ""}`);
    fix = verified(
      checker,
      {
        applicability: "unsafe",
        message: `Insert \`--\` before \`${first.written}\` so that the job gets it`,
        ops: [{ op: "insertBefore", index: first.index, elements: [{ value: "--" }] }],
      },
      { removeOptions, jobArgs, resolvesIssues },
    );
  }
  const shown = reported.map((r) => `\`${r.written}\``).join(", ");
  const plural = reported.length > 1;
  const rejected = reported.every((r) => r.reason === "rejects it");
  const details = [...new Set(reported.map((r) => r.reason).filter((r) => r !== "takes it" && r !== "rejects it"))];
  checker.findings.push({
    code: "HFJ210",
    message:
      `${shown} after the ${targetWord(parsed)} ${plural ? "are" : "is"} ${rejected ? "rejected" : "taken"} by \`${model.command}\`${details.length > 0 ? ` (it ${details.join("; ")})` : ""}, ` +
      `not passed to the job: ${readsAfterTargetNote(parsed)}; put the job's own options after \`--\` and the ones for \`${model.command}\` before the ${targetWord(parsed)}`,
    index: first.index,
    endIndex: last.end,
    fix,
  });
  return reported.map((r) => r.index);
}

/** Unknown spellings with the option their author meant, per program (the surfaces document, section 2). */
const MISSPELLINGS: Record<string, Record<string, string>> = {
  "hf jobs": { "--secret": "--secrets", "--secret-env-file": "--secrets-file" },
  "hf sandbox": { "--secret": "--secrets", "--secret-env-file": "--secrets-file" },
  "hf jobsx": { "--secret": "--secrets" },
  hfjobs: { "--secrets": "--secret", "--secrets-file": "--secret-env-file" },
  hfjs: { "--secrets": "--secret" },
};

/** HFJ211: an option the program does not know (or cannot tell apart), before the target. */
function checkUnknownBeforeTarget(checker: Checker): void {
  const { parsed } = checker;
  const { model } = parsed;
  const problems: { index: number; written: string; kind: "becomes-target" | "rejected" | "ambiguous"; detail?: string }[] = [];
  for (const unknown of parsed.parsed.unknownAsPositional) if (unknown.beforeTarget) problems.push({ index: unknown.index, written: unknown.value, kind: "becomes-target" });
  for (const issue of parsed.parsed.issues) {
    if (issue.afterTarget || issue.viaNative) continue;
    if (issue.kind === "unknown-option") problems.push({ index: issue.index, written: issue.option ?? checker.argv[issue.index]!.value, kind: "rejected" });
    if (issue.kind === "ambiguous-option") problems.push({ index: issue.index, written: issue.option!, kind: "ambiguous", detail: issue.value! });
  }
  for (const problem of problems) {
    const element = checker.argv[problem.index]!;
    const eq = element.value.indexOf("=");
    const name = element.value.startsWith("--") && eq > 0 ? element.value.slice(0, eq) : element.value;
    const meant = MISSPELLINGS[model.program]?.[name];
    let fix: ArgvFix | null = null;
    if (meant && element.literal && model.options.some((o) => o.names.includes(meant))) {
      const candidate: ArgvFix = {
        applicability: "unsafe",
        message: `Use \`${meant}\``,
        ops: [{ op: "replace", index: problem.index, value: meant + element.value.slice(name.length) }],
      };
      const fixed = applyOps(checker.argv, candidate.ops);
      const reparsed = parseJobsCommandLine(
        fixed.map((e) => e.value),
        { hubVersion: checker.options.hubVersion ?? null },
        fixed.map((e) => e.literal),
      );
      const clean = reparsed && !reparsed.parsed.unknownAsPositional.some((u) => u.beforeTarget) && !reparsed.parsed.issues.some((i) => i.index === problem.index);
      if (clean && reparsed.flags.some((f) => f.index === problem.index && f.name === meant)) fix = candidate;
    }
    const message =
      problem.kind === "becomes-target"
        ? `\`${name}\` is not an option of ${model.label}: before the ${targetWord(parsed)} it becomes the ${targetWord(parsed)}, so the job runs \`${name}\` (unknown options are passed through since huggingface_hub 1.3)`
        : problem.kind === "ambiguous"
          ? `\`${name}\` is ambiguous for ${model.label} (it could be ${problem
              .detail!.split(", ")
              .map((n) => `\`${n}\``)
              .join(" or ")}): the command fails`
          : `\`${name}\` is not an option of ${model.label}: the command fails`;
    checker.findings.push({ code: "HFJ211", message: meant ? `${message}; \`${meant}\` was probably meant` : message, index: problem.index, endIndex: problem.index, fix });
  }
}

/** HFJ212: a value the program rejects, or cannot use. */
function checkOptionValues(checker: Checker, reportedAfterTarget: readonly number[]): void {
  const { parsed } = checker;
  for (const issue of parsed.parsed.issues) {
    if (reportedAfterTarget.includes(issue.index)) continue;
    const command = (issue.viaNative ? parsed.model.native! : parsed.model).label;
    let message: string | null = null;
    if (issue.kind === "invalid-value")
      message = `\`${issue.option}\` takes ${issue.name === "--expose" ? "an integer (a port)" : "a number"}; ${command} rejects \`${redactText(issue.value!)}\` and the command fails`;
    else if (issue.kind === "unexpected-value") message = `\`${issue.option}\` is a flag and takes no value; ${command} rejects the command`;
    // A value-taking option at the end of a line is left alone: docs end lines with placeholders (`--namespace <id> ...`).
    else if (issue.kind === "assignment-required") {
      const key = redactText(issue.value!);
      message = `${command} needs \`KEY=VALUE\` for \`${issue.option}\` and throws on \`${key}\`: write \`${issue.option} ${key}=$${ENV_NAME.test(key) ? key : "VALUE"}\` in a shell`;
    }
    if (message) checker.findings.push({ code: "HFJ212", message, index: issue.index, endIndex: issue.index, fix: null });
  }
  // hfjobs reads each `-s`/`-e` value as a dotenv line: a bare key has no value (python-dotenv gives None).
  if (parsed.model.program === "hfjobs") {
    for (const flag of parsed.flags) {
      if ((flag.name === "--secret" || flag.name === "--env") && flag.value !== null && ENV_NAME.test(flag.value) && checker.argv[valueIndex(flag)]!.literal) {
        checker.findings.push({
          code: "HFJ212",
          message: `\`hfjobs\` does not read \`${flag.value}\` from your environment: \`${flag.written} ${flag.value}\` sends no value; write \`${flag.written} ${flag.value}=$${flag.value}\` in a shell`,
          index: flag.index,
          endIndex: flag.index + flag.span - 1,
          fix: null,
        });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CI steps (HFJ213, HFJ214).

/** Seconds in an `hf jobs --timeout` value (int/float with s, m, h or d; seconds by default), or null. */
export function timeoutSeconds(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(value);
  if (!match) return null;
  const factor = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]!.toLowerCase() as "" | "s" | "m" | "h" | "d"];
  return Number(match[1]) * factor;
}

/** Programs that fill a bare `KEY` from the caller's environment (and `HF_TOKEN` from the login or OIDC). */
function readsBareKeys(parsed: JobsCommandLine): boolean {
  return parsed.model.program === "hf jobs" || parsed.model.program === "hf sandbox" || parsed.model.program === "hf jobsx";
}

/** The OIDC exchange (`HF_OIDC_RESOURCE`) arrived in huggingface_hub 1.19; its token lives 3600 s (`_oidc.py`). */
const OIDC_TOKEN_SECONDS = 3600;

function checkCiStep(checker: Checker, ci: CiStepContext): void {
  const { parsed } = checker;
  if (!readsBareKeys(parsed)) return;
  const channels = [parsed.model.channels.env, parsed.model.channels.secrets];
  const version = parsed.model.hubVersion;
  const oidc = ci.definedVariables.has("HF_OIDC_RESOURCE") && version !== null && hubAtLeast(version, "1.19.0");
  for (const flag of parsed.flags) {
    if (!channels.includes(flag.name) || flag.value === null || !checker.argv[valueIndex(flag)]!.literal || !ENV_NAME.test(flag.value)) continue;
    const key = flag.value;
    // jobsx copies a bare `-e KEY` from `os.environ` only (no login); `-s NAME` goes to the native CLI.
    const loginCounts = key === HF_TOKEN && !(parsed.model.program === "hf jobsx" && flag.name === "--env" && !flag.viaNative);
    const provided = ci.definedVariables.has(key) || (loginCounts && (ci.loggedIn || oidc));
    if (!provided && !ci.opaqueEnvironment) {
      checker.findings.push({
        code: "HFJ213",
        message:
          `\`${flag.written} ${key}\` takes its value from the runner's environment${loginCounts ? " or login" : ""}, and this workflow gives the step ` +
          `${loginCounts ? "neither" : "no such variable"}: the value is dropped silently and the job gets no \`${key}\`; map it in the step's \`env:\` (\`${key}: \${{ secrets.${key} }}\`)`,
        index: flag.index,
        endIndex: flag.index + flag.span - 1,
        fix: null,
      });
    }
    if (key === HF_TOKEN && oidc && !ci.definedVariables.has(HF_TOKEN)) {
      const timeout = parsed.flags.find((f) => f.name === "--timeout" && f.value !== null && !f.viaNative === !flag.viaNative);
      const seconds = timeout && checker.argv[valueIndex(timeout)]!.literal ? timeoutSeconds(timeout.value!) : null;
      if (seconds !== null && seconds > OIDC_TOKEN_SECONDS) {
        checker.findings.push({
          code: "HFJ214",
          message:
            `With \`HF_OIDC_RESOURCE\` set, \`${flag.written} ${HF_TOKEN}\` forwards a short-lived OIDC token (60 minutes), shorter than \`--timeout ${timeout!.value}\`: ` +
            `Hub calls after the first hour fail with 401; keep the job under an hour or pass a token stored as a repository secret`,
          index: flag.index,
          endIndex: flag.index + flag.span - 1,
          fix: null,
        });
      }
    }
  }
}

function scriptDescription(target: string, facts: ScriptFacts): ScriptDescription {
  return { label: `\`${target}\``, ...(facts.level ? { level: facts.level } : {}), ...(facts.evidence ? { evidence: facts.evidence } : {}) };
}

/** HFJ203: a script that needs a token, launched without an `HF_TOKEN` secret. */
function checkMissingSecret(checker: Checker): void {
  const { parsed, options } = checker;
  // `hf jobs uv run` (not documented for `scheduled uv run`) passes the secrets the script's header declares.
  const headerSecret = parsed.kind === "uv" && (options.script?.declaresSecret?.(HF_TOKEN) ?? false);
  if (!parsed.kind.endsWith("uv") || !options.script?.needsToken || !parsed.target || headerSecret) return;
  const { channels } = parsed.model;
  // A token passed with `-e` (HFJ201), under another name (HFJ204) or after the script (HFJ207) is meant for the
  // job: those rules say what to change, and a second `--secrets HF_TOKEN` from this one would duplicate it once
  // their fixes are applied, in whichever order the codemods run.
  const written = [...parsed.flags, ...parsed.flagsAfterTarget];
  const keys = written.filter((f) => (f.name === channels.secrets || f.name === channels.env) && f.value !== null).map((f) => splitAssignment(f.value!).key);
  const hasHfSecret = keys.some((key) => key === HF_TOKEN || isMisnamedHfTokenName(key)) || written.some((f) => f.name === channels.secretsFile || f.name === channels.envFile);
  if (hasHfSecret) return;
  const spelling = secretsFlagOf(parsed.model, false);
  if (!spelling) return;
  const insertAt = parsed.schedule && parsed.schedule.index < parsed.target.index ? parsed.schedule.index : parsed.target.index;
  const fix = verified(
    checker,
    { applicability: "unsafe", message: `Add \`${spelling} ${HF_TOKEN}\``, ops: [{ op: "insertBefore", index: insertAt, elements: [{ value: spelling }, { value: HF_TOKEN }] }] },
    { addOptions: [`${spelling}=${HF_TOKEN}`] },
  );
  checker.findings.push({
    code: "HFJ203",
    message: missingTokenSecretMessage(scriptDescription(parsed.target.value, options.script), "the command"),
    index: parsed.target.index,
    endIndex: parsed.target.index,
    fix,
  });
}

/** HFJ103: the job's own command printing a secret it is given: the job's logs keep it. */
function checkCommandOutput(checker: Checker): void {
  const { parsed, argv } = checker;
  const secrets = parsed.model.channels.secrets;
  const secretNames = new Set(parsed.flags.filter((f) => f.name === secrets && f.value !== null).map((f) => splitAssignment(f.value!).key));
  const values = argv.map((element) => element.value);
  for (const output of findCommandOutput(values, parsed.target?.index ?? parsed.jobArgsIndex, secretNames)) {
    const what = output.name ? `\`${output.name}\`, printed by the job's command` : "the whole environment, printed by the job's command";
    checker.findings.push({
      code: "HFJ103",
      message: tokenOutputMessage(`the job's logs (${what})`, `${output.name ?? "value"}[:8]`),
      index: output.index,
      endIndex: output.index,
      fix: null,
    });
  }
}

/** HFJ101/HFJ104 on what the job receives as its arguments or command. */
function checkJobArguments(checker: Checker): void {
  const { parsed, argv } = checker;
  const jobIndexes = parsed.parsed.jobArgs.map((p) => p.index);
  const moved = new Set<number>();
  for (const flag of parsed.flagsAfterTarget) for (let k = 0; k < flag.span; k++) moved.add(flag.index + k);
  for (let k = 0; k < jobIndexes.length; k++) {
    const i = jobIndexes[k]!;
    const element = argv[i]!;
    const tokens = element.literal ? findTokens(element.value) : [];
    if (tokens[0]) checker.findings.push({ code: "HFJ101", message: tokenMessage(tokens[0].token, "in the job's arguments"), index: i, endIndex: i, fix: null });
    const tokenFlag = /^--?(?:hf[-_])?token(?:=|$)/i.test(element.value);
    const tokenValue = tokens.length > 0 || /\$\{?(?:HF_TOKEN|HUGGING_FACE_HUB_TOKEN)\b/.test(element.value);
    if ((tokenFlag || tokenValue) && !moved.has(i)) {
      const next = jobIndexes[k + 1];
      const withValue = tokenFlag && !element.value.includes("=") && next === i + 1;
      // `--secret HF_TOKEN=...` after the script: not an option of `hf jobs`, so the script gets it, token and all.
      const previous = k > 0 ? argv[jobIndexes[k - 1]!]!.value : "";
      const meant = MISSPELLINGS[parsed.model.program]?.[previous];
      const misspelt =
        meant && jobIndexes[k - 1] === i - 1 ? ` (\`${previous}\` is not an option of \`${parsed.model.command}\`, \`${meant}\` is: the job gets it as an argument)` : "";
      checker.findings.push({
        code: "HFJ104",
        message: `A token is passed in the job's arguments${misspelt}, where it is stored and shown with the job; pass \`--secrets HF_TOKEN\` and read it from the environment`,
        index: i,
        endIndex: withValue ? i + 1 : i,
        fix: null,
      });
      if (withValue) k++;
    }
  }
}

/** Everything the rules say about one argv; empty for commands that launch nothing. */
export function checkJobsCommandLine(argv: readonly ArgvElement[], options: CommandLineCheckOptions = {}): ArgvFinding[] {
  const parsed = parseJobsCommandLine(
    argv.map((element) => element.value),
    { hubVersion: options.hubVersion ?? null },
    argv.map((element) => element.literal),
  );
  if (!parsed) return [];
  const checker: Checker = { argv, parsed, options, findings: [] };
  const { channels } = parsed.model;
  for (const flag of parsed.flags) {
    if (flag.value === null) continue;
    if (flag.name === "--token") checkTokenOption(checker, flag);
    else if (flag.name === channels.env || flag.name === channels.secrets) checkChannelOption(checker, flag);
  }
  for (const item of checkDotenvFlags(argv, parsed.flags, options.dotenvFile)) checker.findings.push(item);
  checkJobArguments(checker);
  checkCommandOutput(checker);
  checkFlagsPassedToJob(checker);
  const readAfterTarget = checkOptionsReadAfterTarget(checker);
  checkUnknownBeforeTarget(checker);
  checkOptionValues(checker, readAfterTarget);
  if (options.ci) checkCiStep(checker, options.ci);
  checkMissingSecret(checker);
  return checker.findings;
}
