/**
 * The prefilter: a file (or a Markdown fence) goes to a parser only when some selected rule can fire on it. Each
 * rule needs evidence that shows in the raw text before it can report anything: a real-looking token, a launch
 * surface (a huggingface_hub launch function, an `hf jobs` command line, a tool call), a job script (the
 * repository's evidence or a PEP 723 header), or the one name a narrow rule reads (a legacy token variable).
 * Generic words (`token`, `huggingface`, `_TOKEN`) are never evidence on their own: most files of a Hugging Face
 * repository hold them and no rule fires there.
 *
 * The evidence is necessary, not sufficient: a file that passes may still have no finding. Its soundness is tested
 * by analysing the fixtures and the corpus with and without the prefilter (test/prefilter-identity.test.ts).
 */
import { HF_LIBRARY_ROOTS } from "./domain/hf-libraries.js";
import { JS_FILE_WRITERS, JS_LOG_METHODS, JS_LOGGER_NAMES } from "./domain/js-outputs.js";
import { LAUNCH_COMMAND_HINT } from "./domain/jobs-cli.js";
import { PYTHON_LAUNCH_FUNCTIONS, PYTHON_SANDBOX_FUNCTIONS } from "./domain/surfaces.js";
import { LEGACY_TOKEN_VARIABLES, isTokenLikeKey } from "./domain/token-keys.js";
import { findTokens } from "./tokens.js";
import { isShellShebang, type FileKind } from "./file-kinds.js";

/**
 * The older keyword test, kept for the kinds whose analyzers are cheap (shell, CI YAML, dotenv), where a loose
 * test costs little.
 */
const KEYWORDS =
  /hf_|api_org_|huggingface|hf jobs|hf_sandbox|hf["'`]?\s*,\s*\[?\s*["'`]jobs|hfjobs|hfjs|hf-jobsx|hf sandbox|\bjobs["'`]?\s*,\s*["'`]?run\b|HF_TOKEN|HUGGING_?FACE|_TOKEN|push_to_hub|upload_(?:file|folder|large_folder)|create_(?:repo|commit|branch|tag)|\/api\/(?:scheduled-)?jobs|runJob|createScheduledJob|accessToken|login\(|\btoken\b/i;

export function mayMatter(text: string): boolean {
  return KEYWORDS.test(text);
}

const words = (names: Iterable<string>): RegExp => new RegExp(`\\b(?:${[...names].join("|")})\\b`);

/**
 * A real-looking token, or a run of token characters with an escape in it that could decode to one: string
 * literals are read decoded, so a token after an escape (`"\\nhf_…"`), spelled with escapes (`"\\x68f_…"`) or cut
 * by a line continuation (a backslash before the line break, which the literal's value drops) counts.
 */
const ESCAPED_RUN = /(?:[A-Za-z0-9_{}]|\\\r?\n|\\\S){36,}/g;
/**
 * A decoded token holds `hf_` or `api_org_`: either it is in the text (after an escape letter, as in `\\nhf_…`), or
 * an escape that can spell a letter (`\\x68`, `\\u0068`, `\\N{…}`, octal `\\150`) is. Runs are looked for only
 * around those seeds (a run that decodes to a token holds one), so a file's long identifiers are not all scanned.
 */
const SEED = /\\[xuUN0-7]|hf_|api_org_/g;
/** Far enough that a run holding a seed is seen whole up to the 36 characters that matter (a token spelled in `\\N{…}` escapes is about 900). */
const SEED_REACH = 1000;
/**
 * HFJ101's evidence: whether a Python or JS/TS text may hold a token where the token pass looks (a string literal,
 * decoded; a comment; text the parser could not read). The prefilter asks it, and an analyzer skips its token pass
 * where it says no; the prefilter identity test covers both.
 */
export function mayHoldToken(text: string): boolean {
  if (findTokens(text).length > 0) return true;
  // The runs that matter hold an escape: without a backslash there is none.
  if (!text.includes("\\")) return false;
  let windowStart = -1;
  let windowEnd = -1;
  const runIn = (start: number, end: number): boolean => {
    // A run with an escape holds a backslash: a window without one holds no such run.
    const backslash = text.indexOf("\\", start);
    if (backslash === -1 || backslash >= end) return false;
    for (const run of text.slice(start, end).matchAll(ESCAPED_RUN)) if (run[0].includes("\\")) return true;
    return false;
  };
  for (const seed of text.matchAll(SEED)) {
    const start = Math.max(0, seed.index - SEED_REACH);
    if (windowEnd >= start) {
      windowEnd = seed.index + SEED_REACH;
      continue;
    }
    if (windowEnd > windowStart && runIn(windowStart, windowEnd)) return true;
    windowStart = start;
    windowEnd = seed.index + SEED_REACH;
  }
  return windowEnd > windowStart && runIn(windowStart, windowEnd);
}

/** The cheap test before any regex: most text files of a repository hold no token prefix at all. */
function hasTokenPrefix(text: string): boolean {
  return text.includes("hf_") || text.includes("api_org_");
}

/** The MCP server's tools, as `hf_jobs(...)` calls or `callTool({ name: "hf_jobs" })`. */
const TOOL_CALL = /\bhf_(?:jobs|sandbox)/;

/** An import statement of one of the packages: provenance (which every Python rule but HFJ101 resolves) starts there. */
function importOf(packages: Iterable<string>): RegExp {
  const names = [...packages].join("|");
  return new RegExp(`^[ \\t]*(?:from[ \\t]+(?:${names})\\b|import[ \\t]+(?:[\\w.]+(?:[ \\t]+as[ \\t]+\\w+)?[ \\t]*,[ \\t]*)*(?:${names})\\b)`, "m");
}

/** A huggingface_hub launch function or sandbox: launch calls resolve to the package through an import. */
const HUB_IMPORT = importOf(["huggingface_hub"]);
const HUB_LAUNCH_NAMES = words(new Set([...PYTHON_LAUNCH_FUNCTIONS.values(), ...PYTHON_SANDBOX_FUNCTIONS.values()].map((fn) => fn.name.split(".")[0]!)));
/** A Hugging Face library whose `token=` is the Hub token (HFJ102 resolves the callee to one). */
const HF_LIBRARY_IMPORT = importOf(HF_LIBRARY_ROOTS.keys());
/** Whitespace and line continuations: what may stand between the parts of an argument list. */
const GAP = String.raw`(?:\s|\\\r?\n)*`;
/** Where a keyword argument may start: after `(`, `,` or a comment ending a line of the argument list. */
const ARGUMENT_START = String.raw`(?:[(,]|#.*\n)${GAP}`;
/**
 * Where a token is passed to a call: a `token=`/`use_auth_token=` keyword (after `(`, `,` or a comment ending a
 * line of the argument list; line continuations may stand anywhere around the name), `login(...)`, `save_token(...)`.
 */
const TOKEN_ARGUMENT = new RegExp(String.raw`${ARGUMENT_START}(?:use_auth_)?token${GAP}=(?!=)|\blogin\b|save_token`);
const TOKEN_KEYWORD = new RegExp(String.raw`${ARGUMENT_START}token${GAP}=(?!=)`);
const HF_TOKEN_NAME = /\bHF_TOKEN\b/;
/** The `$HF_TOKEN` placeholder (core's `findPlaceholders` syntax). */
const HF_TOKEN_PLACEHOLDER = /\$\{?HF_TOKEN\b/;
const LEGACY_VARIABLE = words(LEGACY_TOKEN_VARIABLES);
/** PEP 723: a `script` block, the form `hf jobs uv run` runs. */
const SCRIPT_HEADER = "# /// script";
/** `@huggingface/hub` calls (their `accessToken` and the Jobs functions). */
const HUB_JS = /@huggingface\/hub/;

/** Names read from `process.env` (`process.env.X`, `process.env["X"]`, `const { X } = process.env`). */
const ENV_MEMBER = /\benv\s*!?\s*(?:\?\.\s*)?(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*["'`]([^"'`]+)["'`])/g;
const ENV_DESTRUCTURING = /\{([^{}]*)\}\s*=\s*process\s*(?:\?\.|\.)\s*env\b/g;

/** A credential read from `process.env`, which HFJ103 traces to output anywhere in a JS file. */
function readsCredentialFromEnv(text: string): boolean {
  if (!text.includes("process")) return false;
  for (const match of text.matchAll(ENV_MEMBER)) if (isTokenLikeKey(match[1] ?? match[2]!)) return true;
  for (const match of text.matchAll(ENV_DESTRUCTURING)) {
    for (const entry of match[1]!.split(",")) {
      const key = entry.split(":")[0]!.replace(/^\s*(?:\.\.\.)?\s*["'`]?|["'`]?\s*$/g, "");
      if (key && isTokenLikeKey(key)) return true;
    }
  }
  return false;
}

/** What the prefilter is asked about one region of text. */
export interface PrefilterQuery {
  /** The analyzer the text goes to. */
  kind: FileKind;
  text: string;
  /** The rules that can be reported; null: every rule of the catalog. */
  selected: ReadonlySet<string> | null;
  /** The repository says this file is a job script (a launch names it, a `job-scripts` glob). */
  jobScript: boolean;
}

type Evidence = (text: string) => boolean;

function pythonLaunch(text: string): boolean {
  return LAUNCH_COMMAND_HINT.test(text) || TOOL_CALL.test(text) || (HUB_LAUNCH_NAMES.test(text) && HUB_IMPORT.test(text));
}

function jsLaunch(text: string): boolean {
  return LAUNCH_COMMAND_HINT.test(text) || TOOL_CALL.test(text) || HUB_JS.test(text);
}

/**
 * Whether a Python or JS/TS text may hold a launch (an `hf jobs` command line, an argv list, a tool call, a
 * huggingface_hub or `@huggingface/hub` launch): the evidence the prefilter admits launch rules on. An analyzer
 * skips its launch readers where this says no; the prefilter identity test covers both.
 */
export function mayHoldLaunch(kind: "python" | "typescript", text: string): boolean {
  return kind === "python" ? pythonLaunch(text) : jsLaunch(text);
}

/**
 * What each rule needs to see in a Python file, besides a launch or a job script (which every rule but HFJ101 and
 * HFJ303 can use): the rules that also judge files that launch nothing.
 */
const PYTHON_ALSO: Readonly<Record<string, Evidence>> = {
  HFJ101: mayHoldToken,
  // `token="your-token"` to a Hugging Face library call. (The cheaper test first: the token argument's pattern
  // tries its leading alternatives at every offset.)
  HFJ102: (text) => HF_LIBRARY_IMPORT.test(text) && TOKEN_ARGUMENT.test(text),
  // `token="$HF_TOKEN"` to any call.
  HFJ202: (text) => HF_TOKEN_PLACEHOLDER.test(text) && TOKEN_ARGUMENT.test(text),
  // `token=os.environ["HF_TOKEN"]`.
  HFJ302: (text) => HF_TOKEN_NAME.test(text) && TOKEN_KEYWORD.test(text),
  HFJ303: (text) => LEGACY_VARIABLE.test(text),
};

/** A call of an output the plugin's HFJ103 follows a credential to (`domain/js-outputs.ts`), by its names in the text. */
const JS_OUTPUT = new RegExp(
  `(?:${JS_LOGGER_NAMES.join("|")})\\s*(?:\\?\\.|\\.|\\[\\s*["'\`])\\s*(?:${JS_LOG_METHODS.join("|")})\\b|\\bstd(?:out|err)\\s*(?:\\?\\.|\\.)\\s*write\\b|\\b(?:${JS_FILE_WRITERS.join("|")})\\b|Error\\s*\\(`,
  "i",
);

const JS_ALSO: Readonly<Record<string, Evidence>> = {
  HFJ101: mayHoldToken,
  // A credential from `process.env` that reaches an output (a launch's inline script is the launch evidence's).
  HFJ103: (text) => text.includes("process") && JS_OUTPUT.test(text) && readsCredentialFromEnv(text),
  HFJ303: (text) => LEGACY_VARIABLE.test(text),
};

/** Rules that never fire on a parsed file's content by themselves (HFJ901 is decided from the other rules' findings). */
const NOT_CONTENT_RULES: ReadonlySet<string> = new Set(["HFJ901"]);

function anySelected(selected: ReadonlySet<string> | null, also: Readonly<Record<string, Evidence>>, text: string): boolean {
  if (selected === null) return Object.values(also).some((evidence) => evidence(text));
  for (const code of selected) if (also[code]?.(text)) return true;
  return false;
}

/** Whether a selected rule judges launches or job scripts (every content rule but HFJ101 and HFJ303, which have their own evidence). */
function selectsLaunchRules(selected: ReadonlySet<string> | null): boolean {
  if (selected === null) return true;
  for (const code of selected) if (!NOT_CONTENT_RULES.has(code) && code !== "HFJ101" && code !== "HFJ303") return true;
  return false;
}

/**
 * Whether `mayFire` can answer otherwise for a file of this kind once it is known to be a job script; it is also the
 * only kind whose analysis reads that evidence (the engine checks other files before the job-script index exists).
 */
export function judgesJobScripts(kind: FileKind): boolean {
  return kind === "python";
}

/** Whether some selected rule can fire on the text: if not, it is not parsed. */
export function mayFire(query: PrefilterQuery): boolean {
  const { kind, text, selected } = query;
  switch (kind) {
    case "python":
      if (selectsLaunchRules(selected) && (query.jobScript || text.includes(SCRIPT_HEADER) || pythonLaunch(text))) return true;
      // HFJ303 is a job script's rule too, and a launch can carry an inline script that reads a legacy name.
      return anySelected(selected, PYTHON_ALSO, text);
    case "typescript":
      if (selectsLaunchRules(selected) && jsLaunch(text)) return true;
      return anySelected(selected, JS_ALSO, text);
    case "markdown":
      // Prose holds tokens; fences hold Python, TS/JS or shell (command lines), each judged again on its own.
      return (
        mayFire({ ...query, kind: "python", jobScript: false }) || mayFire({ ...query, kind: "typescript" }) || (selectsLaunchRules(selected) && LAUNCH_COMMAND_HINT.test(text))
      );
    case "notebook":
      // The JSON escapes the cells' text (an import line starts with `"`): the loose keyword test on the file, then
      // each cell region is judged again, decoded, before it reaches a parser (the analyzer asks).
      return mayMatter(text);
    case "text":
      // An extension-less shell script named by a path that was not opened (stdin, an editor) reads as shell.
      if (isShellShebang(text)) return mayMatter(text);
      return (selected === null || selected.has("HFJ101")) && hasTokenPrefix(text) && findTokens(text).length > 0;
    default:
      return mayMatter(text);
  }
}
