/**
 * The rules for an `hf jobs ...` command line, decided once for every surface that writes one: shell lines and
 * CI steps, Markdown `bash` fences, Python argv lists given to `subprocess`, TS argv arrays given to `spawn`.
 * Adapters turn an `ArgvFinding` into a diagnostic at the element's source range and render its edit ops in
 * their own language (quoting, separators).
 */
import type { RuleCode } from "../catalog/index.js";
import type { Applicability } from "../diagnostic.js";
import { findTokens, looksLikeTokenPlaceholder, redact, redactText } from "../tokens.js";
import { parseJobsCommandLine, secretsFlagFor, splitAssignment, type JobsFlag } from "./jobs-cli.js";
import { RENAME_SECRET_FIX, type ScriptDescription, hardcodedTokenMessage, misnamedSecretMessage, missingTokenSecretMessage } from "./messages.js";
import { HF_TOKEN, isMisnamedHfTokenName, isTokenLikeKey } from "./token-keys.js";

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
  /** Where inside the first element a token starts, to point at it precisely (optional). */
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

export interface CommandLineCheckOptions {
  /** What is known about the script a `uv` launch runs, when it is a resolvable local file. */
  script?: ScriptFacts | null;
}

function tokenMessage(token: string, where: string): string {
  return hardcodedTokenMessage(redact(token), where, "pass `--secrets HF_TOKEN`");
}

/** The argv index of a flag's value element (the flag itself for `--x=v`). */
function valueIndex(flag: JobsFlag): number {
  return flag.span === 2 ? flag.index + 1 : flag.index;
}

function flagValueWithKey(flag: JobsFlag, value: string): string {
  return flag.span === 2 ? value : `${flag.written.slice(0, flag.written.indexOf("=") + 1)}${value}`;
}

function checkFlag(argv: readonly ArgvElement[], flag: JobsFlag, program: string, options: CommandLineCheckOptions, findings: ArgvFinding[]): void {
  if (flag.value === null) return;
  const at = valueIndex(flag);
  const element = argv[at]!;
  const endIndex = flag.index + flag.span - 1;

  if (flag.name === "--token") {
    const tokens = element.literal ? findTokens(flag.value) : [];
    const removeFlag: ArgvFix = {
      applicability: "unsafe",
      message: "Remove `--token`: `hf jobs` uses the logged-in token",
      ops: Array.from({ length: flag.span }, (_, k) => ({ op: "remove" as const, index: flag.index + k })),
    };
    if (tokens[0]) findings.push({ code: "HFJ101", message: tokenMessage(tokens[0].token, "in `--token`"), index: flag.index, endIndex, fix: removeFlag });
    else if (element.literal && flag.value !== "") {
      findings.push({ code: "HFJ102", message: "Literal value passed to `--token`; let `hf jobs` use the logged-in token", index: flag.index, endIndex, fix: removeFlag });
    }
    return;
  }

  if (flag.name !== "--env" && flag.name !== "--secrets") return;
  const { key, value } = splitAssignment(flag.value);
  const tokens = element.literal && value !== null ? findTokens(value) : [];
  const isSecret = flag.name === "--secrets";
  const keyOnly: ArgvEditOp = { op: "replace", index: at, value: flagValueWithKey(flag, isMisnamedHfTokenName(key) ? HF_TOKEN : key) };

  if (tokens[0]) {
    findings.push({
      code: "HFJ101",
      message: tokenMessage(tokens[0].token, `in \`${flag.written.split("=")[0]} ${key}=…\``),
      index: flag.index,
      endIndex,
      fix: { applicability: "unsafe", message: `Pass \`${key}\` without a value: \`hf jobs\` reads it from your environment or login`, ops: [keyOnly] },
    });
  } else if (value !== null && element.literal && key.toUpperCase() === HF_TOKEN && value !== "" && (isSecret || looksLikeTokenPlaceholder(value))) {
    findings.push({
      code: "HFJ102",
      message: `Literal value \`${redactText(value)}\` passed as \`${key}\`; pass \`${key}\` without a value to use the logged-in token`,
      index: flag.index,
      endIndex,
      fix: { applicability: "unsafe", message: `Pass \`${key}\` without a value`, ops: [keyOnly] },
    });
  }

  if (!isSecret && isTokenLikeKey(key)) {
    const spelling = secretsFlagFor(program, !flag.written.startsWith("--"));
    const written = flag.span === 2 ? spelling : `${spelling}=${flag.value}`;
    findings.push({
      code: "HFJ201",
      message: `\`${key}\` is passed through \`${flag.written.split("=")[0]}\`, which stores and shows it in full; pass it with \`${spelling}\``,
      index: flag.index,
      endIndex,
      fix: { applicability: "safe", message: `Pass \`${key}\` with \`${spelling}\``, ops: [{ op: "replace", index: flag.index, value: written }] },
    });
  }

  if (isSecret && isMisnamedHfTokenName(key)) {
    const scriptReadsOld = options.script?.readsVariable(key);
    const applicability: Applicability = options.script && !scriptReadsOld ? "safe" : "unsafe";
    if (!options.script || !scriptReadsOld) {
      findings.push({
        code: "HFJ204",
        message: misnamedSecretMessage(key),
        index: flag.index,
        endIndex,
        fix: { applicability, message: RENAME_SECRET_FIX, ops: [{ op: "replace", index: at, value: flagValueWithKey(flag, value === null ? HF_TOKEN : `${HF_TOKEN}=${value}`) }] },
      });
    }
  }
}

function scriptDescription(target: string, facts: ScriptFacts): ScriptDescription {
  return { label: `\`${target}\``, ...(facts.level ? { level: facts.level } : {}), ...(facts.evidence ? { evidence: facts.evidence } : {}) };
}

/** Everything the rules say about one argv; null-safe for commands that are not `hf jobs` launches. */
export function checkJobsCommandLine(argv: readonly ArgvElement[], options: CommandLineCheckOptions = {}): ArgvFinding[] {
  const parsed = parseJobsCommandLine(argv.map((element) => element.value));
  if (!parsed) return [];
  const findings: ArgvFinding[] = [];
  for (const flag of parsed.flags) checkFlag(argv, flag, parsed.program, options, findings);

  // After the script or image: everything goes to the job.
  const movedFlagElements = new Set<number>();
  for (const flag of parsed.flagsAfterTarget) for (let k = 0; k < flag.span; k++) movedFlagElements.add(flag.index + k);
  for (let i = parsed.jobArgsIndex; i < argv.length; i++) {
    const element = argv[i]!;
    const tokens = element.literal ? findTokens(element.value) : [];
    if (tokens[0]) {
      findings.push({ code: "HFJ101", message: tokenMessage(tokens[0].token, "in the job's arguments"), index: i, endIndex: i, fix: null });
    }
    const tokenFlag = /^--?(?:hf[-_])?token(?:=|$)/i.test(element.value);
    const tokenValue = tokens.length > 0 || /\$\{?(?:HF_TOKEN|HUGGING_FACE_HUB_TOKEN)\b/.test(element.value);
    if ((tokenFlag || tokenValue) && !movedFlagElements.has(i)) {
      findings.push({
        code: "HFJ104",
        message: "A token is passed in the job's arguments, where it is stored and shown with the job; pass `--secrets HF_TOKEN` and read it from the environment",
        index: i,
        endIndex: tokenFlag && i + 1 < argv.length && !element.value.includes("=") ? i + 1 : i,
        fix: null,
      });
      if (tokenFlag && !element.value.includes("=")) i++;
    }
  }

  if (parsed.flagsAfterTarget.length > 0 && parsed.target) {
    const ops: ArgvEditOp[] = [];
    const elements: { from: number }[] = [];
    for (const flag of parsed.flagsAfterTarget) {
      for (let k = 0; k < flag.span; k++) {
        ops.push({ op: "remove", index: flag.index + k });
        elements.push({ from: flag.index + k });
      }
    }
    const insertAt = parsed.schedule && parsed.schedule.index < parsed.target.index ? parsed.schedule.index : parsed.target.index;
    ops.push({ op: "insertBefore", index: insertAt, elements });
    const first = parsed.flagsAfterTarget[0]!;
    const last = parsed.flagsAfterTarget[parsed.flagsAfterTarget.length - 1]!;
    findings.push({
      code: "HFJ207",
      message: `\`${parsed.flagsAfterTarget.map((f) => f.written.split("=")[0]).join("`, `")}\` after the ${parsed.kind.endsWith("uv") ? "script" : "image"} ${parsed.flagsAfterTarget.length === 1 ? "is" : "are"} passed to the job, not to \`hf jobs\``,
      index: first.index,
      endIndex: last.index + last.span - 1,
      fix: { applicability: "safe", message: `Move the flags before \`${parsed.target.value}\``, ops },
    });
  }

  // `hf jobs uv run` (not documented for `scheduled uv run`) passes the secrets the script's header declares.
  const headerSecret = parsed.kind === "uv" && (options.script?.declaresSecret?.(HF_TOKEN) ?? false);
  if (parsed.kind.endsWith("uv") && options.script?.needsToken && parsed.target && !headerSecret) {
    // A token passed with `-e` (HFJ201), under another name (HFJ204) or after the script (HFJ207) is meant for
    // the job: those rules say what to change, and a second `--secrets HF_TOKEN` from this one would duplicate
    // it once their fixes are applied, in whichever order the codemods run.
    const written = [...parsed.flags, ...parsed.flagsAfterTarget];
    const tokenKeys = written.filter((f) => (f.name === "--secrets" || f.name === "--env") && f.value !== null).map((f) => splitAssignment(f.value!).key);
    const hasHfSecret = tokenKeys.some((key) => key === HF_TOKEN || isMisnamedHfTokenName(key)) || written.some((f) => f.name === "--secrets-file" || f.name === "--env-file");
    if (!hasHfSecret) {
      const insertAt = parsed.schedule && parsed.schedule.index < parsed.target.index ? parsed.schedule.index : parsed.target.index;
      findings.push({
        code: "HFJ203",
        message: missingTokenSecretMessage(scriptDescription(parsed.target.value, options.script), "the command"),
        index: parsed.target.index,
        endIndex: parsed.target.index,
        fix: {
          applicability: "unsafe",
          message: `Add \`${secretsFlagFor(parsed.program, false)} ${HF_TOKEN}\``,
          ops: [{ op: "insertBefore", index: insertAt, elements: [{ value: secretsFlagFor(parsed.program, false) }, { value: HF_TOKEN }] }],
        },
      });
    }
  }
  return findings;
}
