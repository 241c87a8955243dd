/**
 * The exact parameters of every launch surface (shared/docs/hf-jobs-surfaces.md). Rules look names up here;
 * no rule invents a parameter.
 */

export interface PythonLaunchFunction {
  name: string;
  /** Positional parameters before `*`. */
  positional: readonly string[];
  /** Keyword-only parameters. */
  keywordOnly: readonly string[];
  /** Whether the first positional is a script (uploaded when local). */
  takesScript: boolean;
}

const COMMON_KEYWORDS = ["env", "secrets", "flavor", "timeout", "name", "labels", "volumes", "expose"] as const;
const TAIL_KEYWORDS = ["resource_group_id", "namespace", "token"] as const;

/** huggingface_hub launch functions, importable from the package and as `HfApi` methods. */
export const PYTHON_LAUNCH_FUNCTIONS: ReadonlyMap<string, PythonLaunchFunction> = new Map(
  [
    {
      name: "run_job",
      positional: [],
      keywordOnly: ["image", "command", ...COMMON_KEYWORDS, "ssh", ...TAIL_KEYWORDS],
      takesScript: false,
    },
    {
      name: "run_uv_job",
      positional: ["script"],
      keywordOnly: ["script_args", "dependencies", "python", "image", ...COMMON_KEYWORDS, "ssh", ...TAIL_KEYWORDS],
      takesScript: true,
    },
    {
      name: "create_scheduled_job",
      positional: [],
      keywordOnly: ["image", "command", "schedule", "suspend", "concurrency", ...COMMON_KEYWORDS, ...TAIL_KEYWORDS],
      takesScript: false,
    },
    {
      name: "create_scheduled_uv_job",
      positional: ["script"],
      keywordOnly: ["script_args", "schedule", "suspend", "concurrency", "dependencies", "python", "image", ...COMMON_KEYWORDS, ...TAIL_KEYWORDS],
      takesScript: true,
    },
  ].map((fn) => [fn.name, fn] as const),
);

/** `hf_jobs(OPERATION, ARGS)` tool-call operations that launch a job, with the keys the server reads. */
export const TOOL_CALL_LAUNCH_KEYS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const run = ["image", "command", "flavor", "env", "secrets", "timeout", "volumes", "detach", "namespace"];
  const uv = ["script", "with_deps", "script_args", "python", "flavor", "env", "secrets", "timeout", "volumes", "detach", "namespace"];
  const scheduled = ["schedule", "suspend"];
  return new Map([
    ["run", new Set(run)],
    ["uv", new Set(uv)],
    ["scheduled run", new Set([...run, ...scheduled])],
    ["scheduled uv", new Set([...uv, ...scheduled])],
  ]);
})();

/** Every `hf_jobs` operation (launches and readers). */
export const TOOL_CALL_OPERATIONS: ReadonlySet<string> = new Set([
  "run",
  "uv",
  "ps",
  "logs",
  "inspect",
  "cancel",
  "scheduled run",
  "scheduled uv",
  "scheduled ps",
  "scheduled inspect",
  "scheduled delete",
  "scheduled suspend",
  "scheduled resume",
]);

/** Tool-call keys that people write but the server drops, with the key that works (HFJ206). */
export const TOOL_CALL_KEY_RENAMES: ReadonlyMap<string, string> = new Map([
  ["dependencies", "with_deps"],
  ["deps", "with_deps"],
]);

/** `@huggingface/hub` job launchers and the REST field names they take. */
export const HUB_JS_LAUNCH_FUNCTIONS: ReadonlySet<string> = new Set(["runJob", "createScheduledJob", "runScheduledJob", "duplicateJob"]);

/** Fields of a REST job spec (and of `runJob`'s options): `environment`, not `env`. */
export const REST_JOB_SPEC_FIELDS: ReadonlySet<string> = new Set([
  "dockerImage",
  "spaceId",
  "command",
  "arguments",
  "environment",
  "secrets",
  "flavor",
  "timeoutSeconds",
  "labels",
  "volumes",
]);

/** REST paths that launch a job. */
export const REST_LAUNCH_PATH = /\/api\/(?:scheduled-)?jobs\//;
