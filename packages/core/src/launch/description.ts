/**
 * A job launch described without its language: the Python analyzer and the ESLint plugin read their syntax into
 * this shape, `decideLaunch` (policy.ts) decides the rules on it once, and each language renders the resulting
 * edit operations. `H` is the adapter's handle for a piece of source (a tree-sitter node, an ESTree node): the
 * policy never looks inside it, it only hands it back as an anchor or an edit target.
 */
import type { ScriptFacts } from "../domain/check-command-line.js";

/**
 * Where the launch is written. Only the tool call substitutes the `$HF_TOKEN` placeholder
 * (shared/docs/hf-jobs-surfaces.md sections 3 and 4); the library functions and REST send values as written.
 */
export type LaunchSurface = "python-api" | "tool-call" | "hub-js" | "rest";

/** What an entry's value is, as far as the adapter can tell. */
export type LaunchValue =
  /** A string whose whole text is known (through constants). `editable`: its content can be replaced in place. */
  | { kind: "string"; text: string; editable: boolean }
  /** Evaluates to the Hugging Face token: `get_token()`, `os.environ["HF_TOKEN"]`, `process.env.HF_TOKEN`, a variable holding one. */
  | { kind: "hf-token" }
  /** Evaluates to (a string holding) another credential read from the environment (`WANDB_API_KEY`), or is built from one. */
  | { kind: "credential" }
  /** A number literal, as written (`3600`, `1.5`); `editable`: written right there, not through a constant. */
  | { kind: "number"; text: string; editable: boolean }
  /** Anything else: unknown to the rules. */
  | { kind: "other" };

export interface LaunchEntry<H> {
  /** The key as the job sees it (`HF_TOKEN`). */
  key: string;
  value: LaunchValue;
  /** The whole entry (`"K": v`, `K=v`, a property). */
  entry: H;
  /** The key as written: findings on the name anchor here. */
  keyNode: H;
  /** The value as written, where it is written (possibly a constant elsewhere). */
  valueNode: H | null;
  /** Written inside the launch's own literal, so moving or removing it is a local edit. */
  inPlace: boolean;
}

export interface LaunchMap<H> {
  /** The field name as written (`env`, `environment`, `secrets`). */
  field: string;
  /** The property or argument holding the map. */
  node: H;
  entries: LaunchEntry<H>[];
  /** Every entry is known: no spread, no unresolved `**kwargs`, the value is a dict/object at all. */
  complete: boolean;
  /** The map is a literal written in the launch: entries can be added and removed there. */
  inPlace: boolean;
}

export interface LaunchDescription<H> {
  surface: LaunchSurface;
  /** How messages name the launch: "`run_uv_job`", "the `hf_jobs(\"uv\")` tool call". */
  label: string;
  /** `run_uv_job`, `runJob`; for tool calls the operation (`uv`, `scheduled run`). */
  operation: string;
  /** The launch runs a script (the `uv` launches): HFJ203 and HFJ204 look at what it needs. */
  runsScript: boolean;
  /** Every field of the launch is known (no unresolved `**kwargs` or spread). */
  complete: boolean;
  /** A new field can be written into the launch (its arguments or object are a literal here). */
  canAddField: boolean;
  /**
   * The plain environment is stored with a job and shown in full (HFJ201). False for a pooled sandbox's and a
   * sandbox command's `env`, which no job holds.
   */
  envShown: boolean;
  /** The launch's own switch that gives the job the caller's HF token (`forward_hf_token=True`), for messages. */
  tokenOption?: string;
  /** More names whose values are credentials (upper-cased), from the user's settings, besides `isTokenLikeKey`. */
  credentialKeys?: ReadonlySet<string>;
  /** The plain environment: `env` (Python, tool call) or `environment` (`@huggingface/hub`, REST); null when absent. */
  env: LaunchMap<H> | null;
  secrets: LaunchMap<H> | null;
  /**
   * The fields the launch passes, for the tool call's checks (HFJ206: unknown keys, and values its schema rejects).
   * `valueNode` is where the value is written (an edit target), null when unknown.
   */
  fields: { name: string; node: H; inPlace: boolean; value: LaunchValue; valueNode: H | null }[];
  /**
   * The job's command line as the launch writes it, per field (`command`, `script_args`, `arguments`), element by
   * element (a single string is one element): HFJ104 looks for a token in them, HFJ205 for placeholders in a tool
   * call's `script_args`.
   */
  commandLine: { field: string; elements: { value: LaunchValue; node: H }[] }[];
  /** The `script` argument when it is a literal string, where it is written (HFJ206: inline code where a path goes). */
  scriptValue: { text: string; node: H } | null;
  /** What the script needs, when it is known (inline, or a local file that resolves), and where it is named. */
  script: { facts: ScriptFacts; label: string; anchor: H } | null;
}

/** The edit operations a launch finding asks for; each adapter renders them in its own syntax. */
export type LaunchEditOp<H> =
  /** Move the entry from the plain environment into `secrets` (creating `secrets`, or turning a lone `env` into it). */
  | { op: "move-to-secrets"; entry: LaunchEntry<H> }
  /** Rename a key as written (a secret's name, a tool-call field). */
  | { op: "rename-key"; keyNode: H; to: string }
  /** Replace an entry's value by the surface's way to pass the HF token (`get_token()`, `process.env.HF_TOKEN`, `"$HF_TOKEN"`). */
  | { op: "use-token-value"; entry: LaunchEntry<H> }
  /** Replace each `$HF_TOKEN` inside a longer string by the token (a template string where the language has one). */
  | { op: "substitute-placeholders"; entry: LaunchEntry<H> }
  /** Add an `HF_TOKEN` secret carrying the surface's HF token value. */
  | { op: "add-token-secret" }
  /** Replace a value with a string literal of `text` (the timeout `3600` becomes `"3600"`), in the language's quotes. */
  | { op: "replace-value"; node: H; text: string };

export interface LaunchFix<H> {
  applicability: "safe" | "unsafe";
  message: string;
  ops: LaunchEditOp<H>[];
}

export interface LaunchFinding<H> {
  code: "HFJ102" | "HFJ104" | "HFJ201" | "HFJ202" | "HFJ203" | "HFJ204" | "HFJ205" | "HFJ206";
  message: string;
  anchor: H;
  /** Where the finding ends, when it spans two handles (`"--hf-token", token`); else it ends with `anchor`. */
  anchorEnd?: H;
  fix: LaunchFix<H> | null;
}
