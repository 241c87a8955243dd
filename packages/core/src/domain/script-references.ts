/**
 * Where a repository says that a file is a job script: text that launches it. One scan over any text file
 * (Python, TS/JS, shell, YAML, Markdown, docstrings and usage text alike), cheap enough to run on every
 * discovered file before the analyzers:
 * - `hf jobs [scheduled] uv run ... SCRIPT`, `hf jobs run IMAGE ... python SCRIPT`, `hfjobs ...` command lines,
 *   with `\` continuations and `$ `/`>>> ` prompts, wherever they are written;
 * - `run_uv_job("SCRIPT")` / `create_scheduled_uv_job(script="SCRIPT")` and a tool call's `"script": "SCRIPT"`.
 * A target may be a path or a URL of a file (Hub `resolve`/`raw`/`blob`, raw GitHub): the engine's
 * `indexJobScripts` turns it into a file of the repository, or nothing. A file name alone is never evidence.
 */
import { parseJobsCommandLine } from "./jobs-cli.js";
import { tokenizeShell } from "../shell/words.js";
import { SourceText } from "../source.js";

export interface ScriptReference {
  /** As written: a relative path, an absolute path or a URL. */
  target: string;
  /** 1-based row of the text that names it. */
  row: number;
  /** What names it, for the evidence note: `hf jobs uv run`, `run_uv_job`, `a tool call's script`. */
  via: string;
}

const JOBS_COMMAND = /(?:^|[\s`"'(=$>])((?:hf|huggingface-cli)\s+jobs\s|hfjobs\s)/g;
const API_LAUNCH = /\b(run_uv_job|create_scheduled_uv_job)\s*\(/g;
const TOOL_SCRIPT = /["']script["']\s*:\s*(["'])([^"'\n]{1,300}?\.(?:py|sh))\1/g;
const SCRIPT_FILE = /\.(?:py|sh)$/;
/** How far after `run_uv_job(` its `script` argument is looked for. */
const API_WINDOW = 600;

/** The command text from `start`: the rest of the line, joined with the next while a line ends with `\`. */
function logicalLine(text: string, start: number): string {
  const parts: string[] = [];
  let from = start;
  for (let lines = 0; lines < 60; lines++) {
    let end = text.indexOf("\n", from);
    if (end < 0) end = text.length;
    // A backtick ends a Markdown code span (`hf jobs uv run x.py`); in a shell line it would open a substitution.
    let line = text.slice(from, end).replace(/\r$/, "").replace(/`.*$/, "");
    const continued = /\\\s*$/.test(line);
    if (continued) line = line.replace(/\\\s*$/, " ");
    parts.push(line);
    if (!continued || end >= text.length) break;
    // The next line of a session or a comment block keeps its prompt: drop it.
    from = end + 1;
    const prompt = /^[ \t]*(?:#|>>>|\.\.\.|\$)?[ \t]?/.exec(text.slice(from, from + 8));
    from += prompt ? prompt[0].length : 0;
  }
  return parts.join("");
}

/** Scripts a job command line runs: the `uv run` script, or a `.py`/`.sh` the image's command runs. */
function commandLineTargets(line: string): { target: string; via: string }[] {
  const [command] = tokenizeShell(line);
  if (!command) return [];
  const argv = command.words.map((word) => word.value);
  const parsed = parseJobsCommandLine(argv);
  if (!parsed?.target) return [];
  const program = parsed.program === "hfjobs" ? "hfjobs" : `${parsed.program} jobs`;
  if (parsed.kind === "uv" || parsed.kind === "scheduled uv") {
    return SCRIPT_FILE.test(parsed.target.value) ? [{ target: parsed.target.value, via: `\`${program} ${parsed.kind === "uv" ? "uv run" : "scheduled uv run"}\`` }] : [];
  }
  // `hf jobs run IMAGE python train.py` / `uv run train.py` / `bash job.sh`: the first script-looking argument.
  const script = parsed.jobArgs.find((arg) => SCRIPT_FILE.test(arg) && !arg.startsWith("-"));
  return script ? [{ target: script, via: `\`${program} run\`` }] : [];
}

function apiLaunchTarget(text: string, from: number): string | null {
  const window = text.slice(from, from + API_WINDOW);
  const keyword = /\bscript\s*=\s*(?:[rfbu]{0,2})(["'])([^"'\n]{1,300}?)\1/.exec(window);
  if (keyword) return keyword[2]!;
  const positional = /^\s*(?:[rbu]{0,2})(["'])([^"'\n]{1,300}?)\1\s*[,)]/.exec(window);
  return positional ? positional[2]! : null;
}

/**
 * A copy of `value` that keeps nothing of the text it was cut from. V8 makes a substring of 13 characters or more a
 * view of the whole string, and references live for the whole run: one `create_scheduled_uv_job` in a 680 KB
 * file kept that file's text in memory until the end (ten copies of a tree: 13 MB).
 */
const detached = (value: string): string => JSON.parse(JSON.stringify(value)) as string;

/** Every script the text names as run by a job. */
export function findScriptReferences(text: string): ScriptReference[] {
  // Each pattern only where its literal is: most files name no launch at all, and the patterns' leading
  // alternatives are tried at every offset (`typescript` holds `script`, so the words alone were no gate).
  const commands = text.includes("jobs");
  const apiLaunches = text.includes("uv_job");
  const toolScripts = text.includes('script"') || text.includes("script'");
  if (!commands && !apiLaunches && !toolScripts) return [];
  // The line table only when something is found.
  let source: SourceText | null = null;
  const rowAt = (index: number): number => (source ??= new SourceText(text)).positionAt(index).row;
  const references: ScriptReference[] = [];
  const add = (target: string, row: number, via: string) => references.push({ target: detached(target), row, via: detached(via) });
  if (commands) {
    for (const match of text.matchAll(JOBS_COMMAND)) {
      const start = match.index + match[0].length - match[1]!.length;
      for (const { target, via } of commandLineTargets(logicalLine(text, start))) add(target, rowAt(start), via);
    }
  }
  if (apiLaunches) {
    for (const match of text.matchAll(API_LAUNCH)) {
      const target = apiLaunchTarget(text, match.index + match[0].length);
      if (target && !target.includes("\n") && SCRIPT_FILE.test(target)) add(target, rowAt(match.index), `\`${match[1]}\``);
    }
  }
  if (toolScripts) for (const match of text.matchAll(TOOL_SCRIPT)) add(match[2]!, rowAt(match.index), "a tool call's `script`");
  return references;
}

const HUB_FILE_URL = /^https?:\/\/(?:huggingface\.co|hf\.co)\/(?:datasets\/|spaces\/|buckets\/)?[^/]+\/[^/]+\/(?:resolve|raw|blob)\/[^/]+\/(.+)$/;
const GITHUB_RAW_URL = /^https?:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/(?:refs\/heads\/)?[^/]+\/(.+)$/;
const GITHUB_BLOB_URL = /^https?:\/\/github\.com\/[^/]+\/[^/]+\/(?:blob|raw)\/[^/]+\/(.+)$/;

/**
 * The path inside its repository that a file URL points at (`scripts/train.py`), or null when the target is
 * not a URL of a file. Query strings and fragments are dropped.
 */
export function urlFilePath(target: string): string | null {
  const clean = target.replace(/[?#].*$/, "");
  for (const pattern of [HUB_FILE_URL, GITHUB_RAW_URL, GITHUB_BLOB_URL]) {
    const match = pattern.exec(clean);
    if (match) return decodeURIComponent(match[1]!);
  }
  return null;
}
