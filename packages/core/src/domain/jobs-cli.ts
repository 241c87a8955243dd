/**
 * The `hf jobs` command line (huggingface_hub cli/jobs.py), parsed from an argv list. Shared by the shell
 * rules, Python argv lists given to `subprocess` and TS argv arrays given to `spawn`/`execa`, so that what is
 * a flag, what is the script and what goes to the job is decided once.
 */

export type JobsLaunchKind = "run" | "uv" | "scheduled run" | "scheduled uv";

/** Flags that take a value (`--flag VALUE` or `--flag=VALUE`). */
const VALUE_FLAGS = new Map<string, string>([
  ["-e", "--env"],
  ["--env", "--env"],
  ["-s", "--secrets"],
  ["--secrets", "--secrets"],
  ["--secret", "--secrets"], // legacy `hfjobs` spelling
  ["--env-file", "--env-file"],
  ["--secrets-file", "--secrets-file"],
  ["--token", "--token"],
  ["--flavor", "--flavor"],
  ["--timeout", "--timeout"],
  ["--namespace", "--namespace"],
  ["--name", "--name"],
  ["-l", "--label"],
  ["--label", "--label"],
  ["-v", "--volume"],
  ["--volume", "--volume"],
  ["--image", "--image"],
  ["--with", "--with"],
  ["-p", "--python"],
  ["--python", "--python"],
  ["--concurrency", "--concurrency"],
  ["--expose", "--expose"], // a container port (`--expose 8000`), huggingface_hub cli/jobs.py
]);

/** Flags without a value. */
const BOOLEAN_FLAGS = new Map<string, string>([
  ["-d", "--detach"],
  ["--detach", "--detach"],
  ["--suspend", "--suspend"],
  ["--ssh", "--ssh"],
]);

export interface JobsFlag {
  /** Canonical long name: `--secrets`, `--env`, `--token`, ... */
  name: string;
  /** As written: `-s`, `--secrets`, `--secrets=HF_TOKEN`. */
  written: string;
  /** The value (`HF_TOKEN`, `HF_TOKEN=hf_...`), or null for a boolean flag. */
  value: string | null;
  /** Index of the flag's first argv element. */
  index: number;
  /** How many argv elements the flag spans (1 for `--x=v` and booleans, 2 for `--x v`). */
  span: number;
}

export interface JobsCommandLine {
  kind: JobsLaunchKind;
  /** The program as written: `hf`, `huggingface-cli`, `hfjobs`. */
  program: string;
  /** Flags parsed by `hf jobs` itself (before the script or image). */
  flags: JobsFlag[];
  /** For `uv`: the script; for `run`: the image. */
  target: { value: string; index: number } | null;
  /** For scheduled launches: the schedule. */
  schedule: { value: string; index: number } | null;
  /** Index of the first element passed to the job (the script's arguments, or the image's command). */
  jobArgsIndex: number;
  /** Elements after the script (uv) or the image (run), passed to the job untouched. */
  jobArgs: string[];
  /** Known `hf jobs` flags written among `jobArgs`: they go to the job, not to `hf jobs` (HFJ207). */
  flagsAfterTarget: JobsFlag[];
}

/** Parse a single `--flag`/`--flag=value` at `argv[index]`; null when it is not a known `hf jobs` flag. */
function readFlag(argv: readonly string[], index: number): JobsFlag | null {
  const element = argv[index]!;
  const eq = element.indexOf("=");
  const head = element.startsWith("--") && eq > 0 ? element.slice(0, eq) : element;
  const valueName = VALUE_FLAGS.get(head);
  if (valueName) {
    if (head !== element) return { name: valueName, written: element, value: element.slice(eq + 1), index, span: 1 };
    const value = argv[index + 1];
    return { name: valueName, written: element, value: value ?? null, index, span: value === undefined ? 1 : 2 };
  }
  const booleanName = BOOLEAN_FLAGS.get(element);
  if (booleanName) return { name: booleanName, written: element, value: null, index, span: 1 };
  return null;
}

/**
 * Where `hf jobs` starts in argv: `hf jobs`, `huggingface-cli jobs`, `hfjobs` (legacy), or behind `python -m
 * huggingface_hub.cli`/`uvx`/`uv run`. Returns the index of the first element after `jobs`.
 */
function findJobsPrefix(argv: readonly string[]): { program: string; next: number } | null {
  for (let i = 0; i < argv.length; i++) {
    const element = argv[i] ?? "";
    const base = element.slice(element.lastIndexOf("/") + 1);
    if ((base === "hf" || base === "huggingface-cli") && argv[i + 1] === "jobs") return { program: base, next: i + 2 };
    if (base === "hfjobs") return { program: base, next: i + 1 };
  }
  return null;
}

/** Parse `hf jobs (run|uv run|scheduled run|scheduled uv run) ...`; null for other commands (`ps`, `logs`, ...). */
export function parseJobsCommandLine(argv: readonly string[]): JobsCommandLine | null {
  const prefix = findJobsPrefix(argv);
  if (!prefix) return null;
  let i = prefix.next;
  const flags: JobsFlag[] = [];
  // Flags may come before the subcommand words too (rare, but cheap to accept).
  const words: string[] = [];
  let kind: JobsLaunchKind | null = null;
  while (i < argv.length && kind === null) {
    const flag = readFlag(argv, i);
    if (flag) {
      flags.push(flag);
      i += flag.span;
      continue;
    }
    words.push(argv[i]!);
    i++;
    const joined = words.join(" ");
    if (joined === "run") kind = "run";
    else if (joined === "uv run") kind = "uv";
    else if (joined === "scheduled run") kind = "scheduled run";
    else if (joined === "scheduled uv run") kind = "scheduled uv";
    else if (!["uv", "scheduled", "scheduled uv"].includes(joined)) return null;
  }
  if (kind === null) return null;

  const positionalsBeforeTarget = kind.startsWith("scheduled") ? 1 : 0;
  let schedule: JobsCommandLine["schedule"] = null;
  let target: JobsCommandLine["target"] = null;
  let positionals = 0;
  // After `--`, everything is positional (a script or image name may then start with `-`).
  let positionalOnly = false;
  while (i < argv.length) {
    const element = argv[i]!;
    if (element === "--" && !positionalOnly) {
      positionalOnly = true;
      i++;
      continue;
    }
    const flag = element.startsWith("-") && !positionalOnly ? readFlag(argv, i) : null;
    if (flag) {
      flags.push(flag);
      i += flag.span;
      continue;
    }
    if (element.startsWith("-") && !positionalOnly) {
      // An unknown flag: assume it is a boolean of a newer CLI and keep going.
      i++;
      continue;
    }
    if (positionals < positionalsBeforeTarget) {
      schedule = { value: element, index: i };
      positionals++;
      i++;
      continue;
    }
    target = { value: element, index: i };
    i++;
    break;
  }

  const jobArgsIndex = i;
  const jobArgs = argv.slice(jobArgsIndex);
  const flagsAfterTarget: JobsFlag[] = [];
  for (let j = jobArgsIndex; j < argv.length;) {
    // An explicit `--` after the script says: what follows is the script's own.
    if (argv[j] === "--") break;
    const flag = readFlag(argv, j);
    if (flag && isJobFlagAfterTarget(flag)) {
      flagsAfterTarget.push(flag);
      j += flag.span;
    } else j++;
  }
  return { kind, program: prefix.program, flags, target, schedule, jobArgsIndex, jobArgs, flagsAfterTarget };
}

/**
 * Long flags that, written after the script or image, evidently meant to configure the job. Short flags
 * (`-d`, `-v`, `-l`, `-p`) and `--name`, `--python`, `--timeout` are common options of scripts themselves, so
 * they are not reported; `-s`/`-e` are, when their value is an environment name (`-e HF_TOKEN`, `-s KEY=v`).
 */
const JOB_FLAGS_AFTER_TARGET = new Set([
  "--env",
  "--secrets",
  "--env-file",
  "--secrets-file",
  "--token",
  "--flavor",
  "--namespace",
  "--label",
  "--volume",
  "--image",
  "--with",
  "--detach",
]);

function isJobFlagAfterTarget(flag: JobsFlag): boolean {
  const written = flag.written.split("=")[0]!;
  if (written.startsWith("--")) return JOB_FLAGS_AFTER_TARGET.has(flag.name);
  if (written === "-s" || written === "-e") return flag.value !== null && /^[A-Z_][A-Z0-9_]*(?:=|$)/.test(flag.value);
  return false;
}

/** The flag that passes secrets for `program`: the legacy `hfjobs` spells it `--secret`, `hf jobs` `--secrets`. */
export function secretsFlagFor(program: string, short: boolean): string {
  if (short) return "-s";
  return program === "hfjobs" ? "--secret" : "--secrets";
}

/** Split a `KEY=VALUE` flag value; a bare `KEY` takes its value from the caller's environment. */
export function splitAssignment(value: string): { key: string; value: string | null } {
  const eq = value.indexOf("=");
  return eq < 0 ? { key: value, value: null } : { key: value.slice(0, eq), value: value.slice(eq + 1) };
}

/**
 * argv reordered so that `hf jobs` flags written after the script or image move just before it (HFJ207's fix).
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
