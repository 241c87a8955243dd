/**
 * One model per command-line program that launches Hugging Face Jobs: which options exist, which take a value
 * (and of what type), which are booleans with a `--no-` form, where positional arguments start, whether options
 * are still read after them, and what an unknown option becomes. Every fact names its source:
 *
 * - `hf jobs` [huggingface_hub src/huggingface_hub/cli/jobs.py, cli/_cli_utils.py, cli/_framework.py at every
 *   release tag from 0.34.0]: argparse with `nargs="..."` before 1.0 (options before the script only; everything
 *   after it goes to the script); Click from 1.0 with interspersed arguments (every known option before `--` is
 *   taken, even after the script); from 1.3 (PR #3614) with `ignore_unknown_options`, so an unknown option is a
 *   positional: before the script it becomes the script, after it it goes to the script. Before 1.3 an unknown
 *   option anywhere before `--` is an error.
 * - `hfjobs` [lhoestq/hfjobs hfjobs/commands/run.py, uv.py]: argparse with `nargs="..."`, `-s/--secret`,
 *   `--secret-env-file`.
 * - `hfjs jobs run` [huggingface.js packages/hub/cli.ts]: Node's `util.parseArgs` (options anywhere before `--`,
 *   greedy values, short groups), every unknown option an error, `-e`/`-s` need `KEY=VALUE`.
 * - `hf jobsx run` [davanstrien/hf-jobsx src/hf_jobsx/__main__.py, cli.py]: Click without interspersed arguments
 *   (options before the script only, unknown ones an error); the script and everything after it are handed to
 *   `hf jobs uv run` unchanged, without a `--`, so the native parser then reads them.
 * - `hf sandbox create|exec|spawn` [huggingface_hub cli/sandbox.py, from 1.22.0]: Click; `exec`/`spawn` with
 *   `ignore_unknown_options`.
 */
import { hubAtLeast } from "./hub-versions.js";

export type ProgramId = "hf jobs" | "hfjobs" | "hfjs" | "hf jobsx" | "hf sandbox";

export type JobsLaunchKind = "run" | "uv" | "scheduled run" | "scheduled uv";
export type CommandKind = JobsLaunchKind | "sandbox create" | "sandbox exec" | "sandbox spawn";

/** How a parser reads its arguments. */
export type ParserStyle = "click" | "argparse" | "node";

export type OptionValue = "string" | "integer" | "float" | null;

export interface OptionSpec {
  /** Every spelling, short ones first: `["-e", "--env"]`. */
  names: readonly string[];
  /** The long spelling used in messages: `--env`. */
  canonical: string;
  /** The type of the value, or null for a flag. */
  value: OptionValue;
  /** The `--no-x` spelling of a Click boolean declared without names (`--suspend/--no-suspend`). */
  negation?: string;
}

export interface CommandModel {
  program: ProgramId;
  kind: CommandKind;
  /** Says which parser and version the model is, for messages: `hf jobs uv run` (huggingface_hub 1.29.0). */
  label: string;
  /** The program as users write it in messages: `hf jobs uv run`, `hfjs jobs run`. */
  command: string;
  style: ParserStyle;
  options: readonly OptionSpec[];
  /** Names of the fixed positionals; the last is the target (script, image, sandbox id). */
  positionals: readonly string[];
  /** False when the target may be left out (`hf sandbox create` defaults the image). */
  targetRequired: boolean;
  /** Whether further positionals (the job's command or the script's arguments) follow the target. */
  rest: boolean;
  /** Options are still read after the first positional (Click's default, Node's parseArgs). */
  interspersed: boolean;
  /** After the target nothing is parsed: everything goes to the job (argparse `nargs="..."`). */
  remainderAfterTarget: boolean;
  /** What an unknown option is: a positional (Click `ignore_unknown_options`) or an error. */
  unknownOptions: "positional" | "error";
  /** argparse's `allow_abbrev`: a unique prefix of a long option is that option. */
  abbreviations: boolean;
  /** Canonical names of options whose value must be `KEY=VALUE` (hfjs throws on a bare key). */
  assignmentRequired: ReadonlySet<string>;
  /** The canonical names of the env and secrets channels, and of the files that fill them. */
  channels: { env: string; secrets: string | null; envFile: string | null; secretsFile: string | null };
  /**
   * `hf jobsx run`: the target and everything after it are handed to this model's command (`hf jobs uv run`)
   * as its script and arguments, so that parser reads them.
   */
  native?: CommandModel;
  /** The huggingface_hub version the model is for (null for programs that do not depend on it). */
  hubVersion: string | null;
}

interface HubOption {
  names: string[];
  value: OptionValue;
  /** Commands that have the option (all launch kinds when absent). */
  kinds?: readonly JobsLaunchKind[];
  since?: string;
  /** First version without it. */
  until?: string;
  /** From which version a boolean has its `--no-` form (Click booleans declared without names). */
  negatableSince?: string;
}

const UV_KINDS: readonly JobsLaunchKind[] = ["uv", "scheduled uv"];
const SCHEDULED_KINDS: readonly JobsLaunchKind[] = ["scheduled run", "scheduled uv"];

/** `hf jobs` launch options by release (cli/jobs.py at each tag; `since` is the first release that has it). */
const HF_JOBS_OPTIONS: readonly HubOption[] = [
  { names: ["-e", "--env"], value: "string" },
  { names: ["-s", "--secrets"], value: "string" },
  { names: ["--env-file"], value: "string" },
  { names: ["--secrets-file"], value: "string" },
  { names: ["--token"], value: "string" },
  { names: ["--flavor"], value: "string" },
  { names: ["--timeout"], value: "string" },
  { names: ["--namespace"], value: "string" },
  { names: ["-d", "--detach"], value: null, kinds: ["run", "uv"] },
  // argparse `scheduled uv run` had `-d` too; the Click command never did.
  { names: ["-d", "--detach"], value: null, kinds: ["scheduled uv"], until: "1.0.0" },
  { names: ["--image"], value: "string", kinds: UV_KINDS },
  { names: ["--with"], value: "string", kinds: UV_KINDS },
  { names: ["-p", "--python"], value: "string", kinds: UV_KINDS },
  { names: ["--repo"], value: "string", kinds: UV_KINDS, until: "1.3.0" },
  { names: ["--suspend"], value: null, kinds: SCHEDULED_KINDS, negatableSince: "1.0.0" },
  { names: ["--concurrency"], value: null, kinds: SCHEDULED_KINDS, negatableSince: "1.0.0" },
  { names: ["-l", "--label"], value: "string", since: "1.4.0" },
  { names: ["-v", "--volume"], value: "string", since: "1.8.0" },
  { names: ["--expose"], value: "integer", since: "1.19.0" },
  { names: ["--ssh"], value: null, kinds: ["run", "uv"], since: "1.20.0" },
  { names: ["--name"], value: "string", since: "1.24.0" },
  { names: ["--resource-group-id"], value: "string", since: "1.26.0" },
  // argparse adds `-h/--help`; Click has `--help`, and `-h` since 1.5 (`help_option_names` in typer_factory).
  { names: ["-h", "--help"], value: null, until: "1.0.0" },
  { names: ["--help"], value: null, since: "1.0.0", until: "1.5.0" },
  { names: ["-h", "--help"], value: null, since: "1.5.0" },
];

function spec(names: readonly string[], value: OptionValue, negation?: string): OptionSpec {
  return { names, canonical: names[names.length - 1]!, value, ...(negation ? { negation } : {}) };
}

const HF_JOBS_POSITIONALS: Record<JobsLaunchKind, readonly string[]> = {
  run: ["image"],
  uv: ["script"],
  "scheduled run": ["schedule", "image"],
  "scheduled uv": ["schedule", "script"],
};

const HF_JOBS_WORDS: Record<JobsLaunchKind, string> = { run: "run", uv: "uv run", "scheduled run": "scheduled run", "scheduled uv": "scheduled uv run" };

const NO_ASSIGNMENT = new Set<string>();

/** The `hf jobs` command `kind` as huggingface_hub `version` parses it; null when that release has no such command. */
export function hfJobsModel(kind: JobsLaunchKind, version: string): CommandModel | null {
  if (kind.startsWith("scheduled") && !hubAtLeast(version, "0.35.0")) return null;
  const argparse = !hubAtLeast(version, "1.0.0");
  const options = HF_JOBS_OPTIONS.filter(
    (option) => (!option.kinds || option.kinds.includes(kind)) && (!option.since || hubAtLeast(version, option.since)) && (!option.until || !hubAtLeast(version, option.until)),
  ).map((option) => {
    const long = option.names[option.names.length - 1]!;
    const negatable = option.value === null && option.negatableSince && hubAtLeast(version, option.negatableSince);
    return spec(option.names, option.value, negatable ? `--no-${long.slice(2)}` : undefined);
  });
  return {
    program: "hf jobs",
    kind,
    command: `hf jobs ${HF_JOBS_WORDS[kind]}`,
    label: `\`hf jobs ${HF_JOBS_WORDS[kind]}\` (huggingface_hub ${version})`,
    style: argparse ? "argparse" : "click",
    options,
    positionals: HF_JOBS_POSITIONALS[kind],
    targetRequired: true,
    rest: true,
    interspersed: !argparse,
    remainderAfterTarget: argparse,
    unknownOptions: hubAtLeast(version, "1.3.0") ? "positional" : "error",
    abbreviations: argparse,
    assignmentRequired: NO_ASSIGNMENT,
    channels: { env: "--env", secrets: "--secrets", envFile: "--env-file", secretsFile: "--secrets-file" },
    hubVersion: version,
  };
}

/** The legacy `hfjobs` tool (lhoestq/hfjobs): argparse, `run IMAGE CMD...` and `uv run SCRIPT ARGS...`. */
export function hfjobsModel(kind: "run" | "uv"): CommandModel {
  const common = [
    spec(["-e", "--env"], "string"),
    spec(["-s", "--secret"], "string"),
    spec(["--env-file"], "string"),
    spec(["--secret-env-file"], "string"),
    spec(["--flavor"], "string"),
    spec(["--timeout"], "string"),
    spec(["-d", "--detach"], null),
    spec(["--token"], "string"),
    spec(["-h", "--help"], null),
  ];
  const uv = [spec(["--repo"], "string"), spec(["--with"], "string"), spec(["-p", "--python"], "string")];
  return {
    program: "hfjobs",
    kind,
    command: kind === "run" ? "hfjobs run" : "hfjobs uv run",
    label: kind === "run" ? "`hfjobs run`" : "`hfjobs uv run`",
    style: "argparse",
    options: kind === "uv" ? [...common, ...uv] : common,
    positionals: [kind === "run" ? "image" : "script"],
    targetRequired: true,
    rest: true,
    interspersed: false,
    remainderAfterTarget: true,
    unknownOptions: "error",
    abbreviations: true,
    assignmentRequired: NO_ASSIGNMENT,
    channels: { env: "--env", secrets: "--secret", envFile: "--env-file", secretsFile: "--secret-env-file" },
    hubVersion: null,
  };
}

/** `hfjs jobs run` / `npx @huggingface/hub jobs run` (huggingface.js packages/hub/cli.ts). */
export function hfjsModel(): CommandModel {
  return {
    program: "hfjs",
    kind: "run",
    command: "hfjs jobs run",
    label: "`hfjs jobs run` (@huggingface/hub)",
    style: "node",
    options: [
      spec(["-e", "--env"], "string"),
      spec(["-s", "--secret"], "string"),
      spec(["-l", "--label"], "string"),
      spec(["-v", "--volume"], "string"),
      spec(["--flavor"], "string"),
      spec(["--attempts"], "string"),
      spec(["--namespace"], "string"),
      spec(["--token"], "string"),
      spec(["-d", "--detach"], null),
    ],
    positionals: ["image"],
    targetRequired: true,
    rest: true,
    interspersed: true,
    remainderAfterTarget: false,
    unknownOptions: "error",
    abbreviations: false,
    assignmentRequired: new Set(["--env", "--secret"]),
    channels: { env: "--env", secrets: "--secret", envFile: null, secretsFile: null },
    hubVersion: null,
  };
}

/** `hf jobsx run` (davanstrien/hf-jobsx): its own options before the script, the rest handed to `hf jobs uv run`. */
export function hfJobsxModel(version: string): CommandModel {
  const native = hfJobsModel("uv", version)!;
  return {
    program: "hf jobsx",
    kind: "uv",
    command: "hf jobsx run",
    label: "`hf jobsx run`",
    style: "click",
    options: [
      spec(["--image"], "string"),
      spec(["--flavor"], "string"),
      spec(["-p", "--python"], "string"),
      spec(["--timeout"], "string"),
      spec(["-e", "--env"], "string"),
      spec(["-s", "--secrets"], "string"),
      spec(["-d", "--detach"], null),
      spec(["--namespace"], "string"),
      spec(["--token"], "string"),
      spec(["--dry-run"], null),
      spec(["--help"], null),
    ],
    positionals: ["script"],
    targetRequired: true,
    rest: true,
    interspersed: false,
    remainderAfterTarget: false,
    unknownOptions: "error",
    abbreviations: false,
    assignmentRequired: NO_ASSIGNMENT,
    channels: { env: "--env", secrets: "--secrets", envFile: null, secretsFile: null },
    native,
    hubVersion: version,
  };
}

/** `hf sandbox create|exec|spawn` (huggingface_hub cli/sandbox.py, from 1.22.0); null before that release. */
export function hfSandboxModel(kind: "sandbox create" | "sandbox exec" | "sandbox spawn", version: string): CommandModel | null {
  if (!hubAtLeast(version, "1.22.0")) return null;
  const create = kind === "sandbox create";
  const options = create
    ? [
        spec(["--pool"], "string"),
        spec(["--flavor"], "string"),
        spec(["--idle-timeout"], "string"),
        spec(["-e", "--env"], "string"),
        spec(["-s", "--secrets"], "string"),
        spec(["--env-file"], "string"),
        spec(["--secrets-file"], "string"),
        spec(["-v", "--volume"], "string"),
        spec(["--namespace"], "string"),
        spec(["--forward-hf-token"], null),
        spec(["--token"], "string"),
        spec(["-h", "--help"], null),
        // The global output flags every command without `ignore_unknown_options` strips before parsing, since 1.13
        // (`_consume_format_flags_for_leaf` in cli/_cli_utils.py); `exec`/`spawn` pass them through.
        spec(["--format"], "string"),
        spec(["--json"], null),
        spec(["-q", "--quiet"], null),
        spec(["--no-truncate"], null),
      ]
    : [
        spec(["-w", "--workdir"], "string"),
        spec(["-e", "--env"], "string"),
        spec(["--env-file"], "string"),
        ...(kind === "sandbox exec" ? [spec(["--timeout"], "float")] : []),
        spec(["--namespace"], "string"),
        spec(["--token"], "string"),
        spec(["-h", "--help"], null),
      ];
  const words = kind.slice("sandbox ".length);
  return {
    program: "hf sandbox",
    kind,
    command: `hf sandbox ${words}`,
    label: `\`hf sandbox ${words}\` (huggingface_hub ${version})`,
    style: "click",
    options,
    positionals: [create ? "image" : "sandbox id"],
    targetRequired: !create,
    rest: !create,
    interspersed: true,
    remainderAfterTarget: false,
    unknownOptions: create ? "error" : "positional",
    abbreviations: false,
    assignmentRequired: NO_ASSIGNMENT,
    channels: { env: "--env", secrets: create ? "--secrets" : null, envFile: "--env-file", secretsFile: create ? "--secrets-file" : null },
    hubVersion: version,
  };
}
