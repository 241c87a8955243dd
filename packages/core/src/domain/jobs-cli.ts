/**
 * The command lines that launch Jobs (`hf jobs ...`, `hf jobsx run`, `hfjs jobs run`, the legacy `hfjobs`,
 * `hf sandbox create|exec|spawn`), found in an argv list and read with the model of the program (and of the
 * huggingface_hub version) that runs them. Shared by the shell rules, Python argv lists and command strings,
 * TS argv arrays and template strings, CI steps and Markdown fences, so that what is an option, what is the
 * target and what goes to the job is decided once (`command-line/programs.ts`, `command-line/parse.ts`).
 */
import { effectiveHubVersion } from "./command-line/hub-versions.js";
import { parseWithModel, type ParsedCommandLine, type ParsedOption } from "./command-line/parse.js";
import {
  hfJobsModel,
  hfJobsxModel,
  hfSandboxModel,
  hfjobsModel,
  hfjsModel,
  type CommandKind,
  type CommandModel,
  type JobsLaunchKind,
  type ProgramId,
} from "./command-line/programs.js";

export type { CommandKind, CommandModel, JobsLaunchKind, ProgramId } from "./command-line/programs.js";
export type { CommandLineMeaning, ParsedCommandLine, ParsedOption, ParseIssue, ParseIssueKind, Positional } from "./command-line/parse.js";
export { meaningOf, optionKey, parseWithModel, sameMeaning } from "./command-line/parse.js";
export { effectiveHubVersion, hubAtLeast, normaliseHubVersion, resolveHubSpecifier, HUB_RELEASES, NEWEST_HUB_VERSION } from "./command-line/hub-versions.js";

/** Cheap test before reading a text for launch command lines: none can be in it without one of these words. */
export const LAUNCH_COMMAND_HINT = /\bjobs\b|hfjobs|\bjobsx\b|hf-jobsx|\bsandbox\b/;

/** Argv elements that show a list may spell a launch (`["hf", "jobs", ...]`, `["hfjobs", ...]`, `["hf", "sandbox", ...]`). */
export function mayBeLaunchElement(value: string): boolean {
  return value === "jobs" || value === "jobsx" || value === "sandbox" || value.endsWith("hfjobs") || value.endsWith("hf-jobsx");
}

/** An option as the rules read it (a `ParsedOption`; the older name is kept for the adapters). */
export type JobsFlag = ParsedOption;

export interface JobsCommandLine {
  kind: CommandKind;
  /** The program as written: `hf`, `huggingface-cli`, `hfjobs`, `hfjs`, `@huggingface/hub`, `hf-jobsx`. */
  program: string;
  /** Which program's parser reads it. */
  programId: ProgramId;
  model: CommandModel;
  parsed: ParsedCommandLine;
  /** Index of the first element after the command words (`run`, `uv run`, ...). */
  start: number;
  /** Every option the program takes, before and after the target. */
  flags: JobsFlag[];
  /** For `uv`: the script; for `run`: the image; for sandbox commands: the image or the sandbox id. */
  target: { value: string; index: number } | null;
  /** For scheduled launches: the schedule. */
  schedule: { value: string; index: number } | null;
  /** Index of the first element after the target. */
  jobArgsIndex: number;
  /** What the job receives (the script's arguments or the image's command). */
  jobArgs: string[];
  /**
   * For programs that pass everything after the target to the job (argparse `hf jobs` before 1.0, `hfjobs`):
   * options of the program written there, evidently meant for it (HFJ207).
   */
  flagsAfterTarget: JobsFlag[];
}

export interface CommandLineModelOptions {
  /** The huggingface_hub version the repository uses (its manifests or `hub-version`); the newest when absent. */
  hubVersion?: string | null;
}

interface ProgramMatch {
  program: string;
  models: (kind: string) => CommandModel | null;
  /** Index of the first command word (`run`, `uv`, `scheduled`, `create`, ...). */
  next: number;
  words: Record<string, string>;
}

const HF_JOBS_WORDS: Record<string, JobsLaunchKind> = { run: "run", "uv run": "uv", "scheduled run": "scheduled run", "scheduled uv run": "scheduled uv" };

const basename = (element: string): string => element.slice(element.lastIndexOf("/") + 1);

/** Where a launching program starts in argv (also behind `uvx`, `uv run`, `npx`, `python -m`). */
function findProgram(argv: readonly string[], version: string): ProgramMatch | null {
  for (let i = 0; i < argv.length; i++) {
    const element = argv[i] ?? "";
    const base = basename(element);
    const next = argv[i + 1];
    if ((base === "hf" || base === "huggingface-cli" || element === "huggingface_hub.cli.hf") && next === "jobs") {
      return { program: base, next: i + 2, words: HF_JOBS_WORDS, models: (kind) => hfJobsModel(kind as JobsLaunchKind, version) };
    }
    if (base === "hf" && next === "jobsx") return { program: "hf jobsx", next: i + 2, words: { run: "uv" }, models: () => hfJobsxModel(version) };
    if (base === "hf-jobsx") return { program: "hf-jobsx", next: i + 1, words: { run: "uv" }, models: () => hfJobsxModel(version) };
    if ((base === "hf" || element === "huggingface_hub.cli.hf") && next === "sandbox") {
      return {
        program: base,
        next: i + 2,
        words: { create: "sandbox create", exec: "sandbox exec", spawn: "sandbox spawn" },
        models: (kind) => hfSandboxModel(kind as "sandbox create", version),
      };
    }
    if (base === "hfjobs") return { program: "hfjobs", next: i + 1, words: { run: "run", "uv run": "uv" }, models: (kind) => hfjobsModel(kind as "run" | "uv") };
    if ((base === "hfjs" || /^@huggingface\/hub(?:@[^\s]*)?$/.test(element)) && next === "jobs") {
      return { program: base === "hfjs" ? "hfjs" : "@huggingface/hub", next: i + 2, words: { run: "run" }, models: () => hfjsModel() };
    }
  }
  return null;
}

/**
 * Read a launch command line; null for commands that launch nothing (`hf jobs ps`, `hf auth login`) and for
 * commands the given huggingface_hub version does not have.
 */
export function parseJobsCommandLine(argv: readonly string[], options: CommandLineModelOptions = {}, literal?: readonly boolean[]): JobsCommandLine | null {
  const version = effectiveHubVersion(options.hubVersion);
  const match = findProgram(argv, version);
  if (!match) return null;
  let kind: string | null = null;
  let start = match.next;
  for (const [words, wordKind] of Object.entries(match.words)) {
    const parts = words.split(" ");
    if (parts.every((part, k) => argv[match.next + k] === part) && (kind === null || parts.length > start - match.next)) {
      kind = wordKind;
      start = match.next + parts.length;
    }
  }
  if (kind === null) return null;
  const model = match.models(kind);
  if (!model) return null;
  const parsed = parseWithModel(model, { argv, ...(literal ? { literal } : {}) }, start);
  const targetIndex = parsed.target?.index ?? null;
  return {
    kind: model.kind,
    program: match.program,
    programId: model.program,
    model,
    parsed,
    start,
    flags: parsed.options,
    target: parsed.target,
    schedule: parsed.schedule,
    jobArgsIndex: targetIndex === null ? argv.length : targetIndex + 1,
    jobArgs: parsed.jobArgs.map((p) => p.value),
    flagsAfterTarget: remainderLauncherOptions(argv, parsed),
  };
}

/**
 * Long options that, written after the script or image where the program passes them on, evidently meant to
 * configure the job. Short ones (`-d`, `-v`, `-l`, `-p`) and `--name`, `--python`, `--timeout` are common options
 * of scripts themselves, so they are not counted; `-s`/`-e` are, when their value is an environment name.
 */
const EVIDENT_LAUNCHER_OPTIONS = new Set([
  "--env",
  "--secrets",
  "--secret",
  "--env-file",
  "--secrets-file",
  "--secret-env-file",
  "--token",
  "--flavor",
  "--namespace",
  "--label",
  "--volume",
  "--image",
  "--with",
  "--detach",
]);

/** The model whose option table the elements after the target are compared with (jobsx hands them to `hf jobs uv run`). */
function remainderModel(parsed: ParsedCommandLine): CommandModel | null {
  const model = parsed.model.native ?? parsed.model;
  return model.remainderAfterTarget ? model : null;
}

/** Options of the program written after the target where its parser passes them to the job (HFJ207). */
function remainderLauncherOptions(argv: readonly string[], parsed: ParsedCommandLine): JobsFlag[] {
  const model = remainderModel(parsed);
  if (!model || !parsed.target) return [];
  const found: JobsFlag[] = [];
  // A `--` after the target says: what follows is the job's own (argparse drops it from the arguments).
  const separator = argv.findIndex((element, index) => index > parsed.target!.index && element === "--");
  const jobIndexes = parsed.jobArgs.map((p) => p.index).filter((index) => separator < 0 || index < separator);
  for (let k = 0; k < jobIndexes.length; k++) {
    const index = jobIndexes[k]!;
    const element = argv[index]!;
    if (element === "--") break;
    const eq = element.startsWith("--") ? element.indexOf("=") : -1;
    const name = eq > 0 ? element.slice(0, eq) : element;
    const spec = model.options.find((option) => option.names.includes(name));
    if (!spec) continue;
    const value = spec.value === null ? null : eq > 0 ? element.slice(eq + 1) : (argv[index + 1] ?? null);
    const span = spec.value === null || eq > 0 || value === null ? 1 : 2;
    const flag: JobsFlag = {
      spec,
      name: spec.canonical,
      written: name,
      value,
      negated: false,
      index,
      span,
      valueIndex: spec.value === null ? null : eq > 0 ? index : value === null ? null : index + 1,
      valuePrefix: eq > 0 ? element.slice(0, eq + 1) : "",
      grouped: false,
      afterTarget: true,
      viaNative: parsed.model.native !== undefined,
    };
    const evident = name.startsWith("--")
      ? EVIDENT_LAUNCHER_OPTIONS.has(spec.canonical)
      : (name === "-s" || name === "-e") && value !== null && /^[A-Z_][A-Z0-9_]*(?:=|$)/.test(value);
    if (evident) {
      found.push(flag);
      k += span - 1;
    }
  }
  return found;
}

/** The flag that passes secrets for a model (`--secrets`, `--secret` for hfjobs and hfjs); null when it has none. */
export function secretsFlagOf(model: CommandModel, short: boolean): string | null {
  const canonical = model.channels.secrets;
  if (!canonical) return null;
  const spec = model.options.find((option) => option.canonical === canonical);
  return short ? (spec?.names.find((n) => n.length === 2) ?? canonical) : canonical;
}

/** The flag that passes secrets for `program` as written: the legacy `hfjobs` and hfjs spell it `--secret`. */
export function secretsFlagFor(program: string, short: boolean): string {
  if (short) return "-s";
  return program === "hfjobs" || program === "hfjs" || program === "@huggingface/hub" ? "--secret" : "--secrets";
}

/** Split a `KEY=VALUE` flag value; a bare `KEY` takes its value from the caller's environment. */
export function splitAssignment(value: string): { key: string; value: string | null } {
  const eq = value.indexOf("=");
  return eq < 0 ? { key: value, value: null } : { key: value.slice(0, eq), value: value.slice(eq + 1) };
}

/**
 * argv reordered so that options written after the script or image move just before it (HFJ207's fix).
 * Returns null when nothing needs to move.
 */
export function moveFlagsBeforeTarget(argv: readonly string[], parsed: JobsCommandLine): string[] | null {
  if (!parsed.target || parsed.flagsAfterTarget.length === 0) return null;
  const moved = new Set<number>();
  const flagElements: string[] = [];
  for (const flag of parsed.flagsAfterTarget) {
    for (let k = 0; k < flag.span; k++) {
      moved.add(flag.index + k);
      flagElements.push(argv[flag.index + k]!);
    }
  }
  const insertAt = parsed.schedule && parsed.schedule.index < parsed.target.index ? parsed.schedule.index : parsed.target.index;
  const result: string[] = [];
  argv.forEach((element, index) => {
    if (index === insertAt) for (const flag of flagElements) result.push(flag);
    if (!moved.has(index)) result.push(element);
  });
  return result;
}
