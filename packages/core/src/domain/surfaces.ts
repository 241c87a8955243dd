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
  /**
   * The plain `env` is stored with a job and shown in full (`hf jobs inspect`). False where it is not: a pooled
   * sandbox's env goes to its host's server at creation, a command's env to the sandbox server with the command.
   * Default true.
   */
  envShown?: boolean;
  /** The call's own way to give the job the caller's HF token, for messages (`forward_hf_token=True`). */
  tokenOption?: string;
  /** Why a parameter people write is not there, for HFJ206's message (`secrets` on a pool). */
  missingParameterHints?: Readonly<Record<string, string>>;
}

/**
 * Sandboxes run on Jobs (huggingface_hub `_sandbox.py`, ee0a451): `Sandbox.create` starts a job whose `env` and
 * `secrets` are that job's (`_bootstrap_job_spec`), so the launch rules apply as to `run_job`; `forward_hf_token=True`
 * puts the caller's token into its secrets. `SandboxPool(...).create(env=...)` has no secrets channel and its env
 * is "never stored in any job's metadata" (the guide says to pass would-be secrets there), and `sandbox.run(cmd,
 * env=...)` sends the env with the command: neither is a token in a job's env, but both send values as written,
 * so a placeholder or a literal stands in for the token. Keyed by the callee's provenance path (the object the
 * method is called on, followed through assignments and `with ... as`).
 */
export const PYTHON_SANDBOX_FUNCTIONS: ReadonlyMap<string, PythonLaunchFunction> = (() => {
  const create: PythonLaunchFunction = {
    name: "Sandbox.create",
    positional: ["image"],
    keywordOnly: ["flavor", "idle_timeout", "env", "secrets", "volumes", "namespace", "forward_hf_token", "start_timeout", "token"],
    takesScript: false,
    envShown: true,
    tokenOption: "forward_hf_token=True",
  };
  const poolCreate: PythonLaunchFunction = {
    name: "SandboxPool.create",
    positional: [],
    keywordOnly: ["env", "idle_timeout", "forward_hf_token"],
    takesScript: false,
    envShown: false,
    tokenOption: "forward_hf_token=True",
    missingParameterHints: {
      secrets: "a pooled sandbox has no secrets channel, and its `env` is stored in no job: pass the value in `env`, or `forward_hf_token=True` for the HF token",
      image: "a pool's sandboxes share the image set on `SandboxPool(image=...)`",
      flavor: "a pool's sandboxes share the flavor set on `SandboxPool(flavor=...)`",
      volumes: "a pooled sandbox cannot mount volumes (they are mounted when the host boots)",
    },
  };
  const run: PythonLaunchFunction = {
    name: "Sandbox.run",
    positional: ["cmd"],
    keywordOnly: ["shell", "env", "cwd", "timeout", "stdin", "on_stdout", "on_stderr", "check", "background"],
    takesScript: false,
    envShown: false,
  };
  const hub = "huggingface_hub";
  // Sandboxes come from `Sandbox.create`, `Sandbox.connect`, and a pool's `create` (a pool from `SandboxPool(...)` or `SandboxPool.connect`).
  const sandboxes = [`${hub}.Sandbox.create`, `${hub}.Sandbox.connect`, `${hub}.SandboxPool.create`, `${hub}.SandboxPool.connect.create`];
  return new Map<string, PythonLaunchFunction>([
    [`${hub}.Sandbox.create`, create],
    [`${hub}.SandboxPool.create`, poolCreate],
    [`${hub}.SandboxPool.connect.create`, poolCreate],
    ...sandboxes.map((sandbox) => [`${sandbox}.run`, run] as const),
  ]);
})();

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

/**
 * The operation the MCP server looks up for what a call writes: it lower-cases the operation and nothing else
 * (hf-mcp-server packages/mcp/src/jobs/jobs-tool.ts, `requestedOperation.toLowerCase()`), so `"UV"` is the `uv`
 * operation and `" uv"` is unknown. Null when the result is no operation of the tool.
 */
export function toolCallOperation(written: string): string | null {
  const operation = written.toLowerCase();
  return TOOL_CALL_OPERATIONS.has(operation) ? operation : null;
}

/**
 * The `flavor` values the MCP server's schema accepts (a `z.enum`; anything else is rejected with a validation
 * error): hf-mcp-server v0.4.12, packages/mcp/src/jobs/types.ts `ALL_FLAVORS`. Narrower than `hf jobs`, which
 * also knows `h200` and `rtx-pro-6000` flavors.
 */
export const TOOL_CALL_FLAVORS: ReadonlySet<string> = new Set([
  "cpu-basic",
  "cpu-upgrade",
  "cpu-performance",
  "cpu-xl",
  "sprx8",
  "zero-a10g",
  "t4-small",
  "t4-medium",
  "l4x1",
  "l4x4",
  "l40sx1",
  "l40sx4",
  "l40sx8",
  "a10g-small",
  "a10g-large",
  "a10g-largex2",
  "a10g-largex4",
  "a100-large",
  "a100x4",
  "a100x8",
  "inf2x6",
]);

/**
 * How the MCP server reads a `timeout` string (its `parseTimeout`, packages/mcp/src/jobs/commands/utils.ts): a
 * number with one of the units `s`, `m`, `h`, `d`, or plain seconds; anything else that starts with digits is
 * read by `parseInt` as that many seconds (`"90min"` is 90 seconds, `"2 hours"` is 2), and the rest is rejected.
 */
export function readToolCallTimeout(text: string): { kind: "ok" } | { kind: "misread"; seconds: number } | { kind: "rejected" } {
  if (/^\d+(?:\.\d+)?[smhd]$/.test(text) || /^\d+$/.test(text)) return { kind: "ok" };
  const seconds = Number.parseInt(text, 10);
  return Number.isNaN(seconds) ? { kind: "rejected" } : { kind: "misread", seconds };
}

/**
 * Keys of another server's flat `hf_jobs` tool (ml-intern: `{operation, script|command, dependencies, image,
 * hardware_flavor, timeout, env, secrets}`, no `uv` operation; huggingface/ml-intern agent/tools/jobs_tool.py)
 * that the MCP server's `run` operations do not have. A flat call (`operation` beside the job's keys, no `args`)
 * that uses one of them on `run` is that tool, not the MCP server's legacy flat form, and is not judged by the MCP
 * schema.
 */
const FOREIGN_FLAT_RUN_KEYS: ReadonlySet<string> = new Set(["script", "dependencies", "hardware_flavor"]);

/** Is a flat tool call (`{"operation": ..., ...keys}`) another server's `hf_jobs` rather than the MCP server's? */
export function isForeignFlatToolCall(operation: string, keys: Iterable<string>): boolean {
  if (operation.endsWith("uv")) return false;
  for (const key of keys) if (FOREIGN_FLAT_RUN_KEYS.has(key)) return true;
  return false;
}

/** Tool-call keys that people write but the server drops, with the key that works (HFJ206). */
export const TOOL_CALL_KEY_RENAMES: ReadonlyMap<string, string> = new Map([
  ["dependencies", "with_deps"],
  ["deps", "with_deps"],
]);

/** `@huggingface/hub` job launchers and the REST field names they take. */
export const HUB_JS_LAUNCH_FUNCTIONS: ReadonlySet<string> = new Set(["runJob", "createScheduledJob", "runScheduledJob", "duplicateJob"]);

/**
 * `@huggingface/hub` exports that put `accessToken` in the `Authorization` header without `checkCredentials`
 * (huggingface.js packages/hub/src/lib at fe42e68: create-branch.ts, delete-branch.ts, repo-exists.ts). Every
 * other export taking credentials runs `checkCredentials`, which throws a `TypeError` before any request when the
 * token does not start with `hf_`.
 */
export const HUB_JS_UNCHECKED_CREDENTIAL_FUNCTIONS: ReadonlySet<string> = new Set(["createBranch", "deleteBranch", "repoExists"]);

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
