/**
 * Local job scripts a launcher names (`run_uv_job("train.py")`, `hf jobs uv run scripts/x.py`,
 * `hf_jobs("uv", { script: "scripts/x.py" })`): resolved against the launcher's folder, then the repository
 * root, read, and analysed for the token they need. The one implementation behind the Python analyzer, the
 * shell/CI/Markdown analyzers and the ESLint plugin. A URL, a value with a shell or template substitution, or a
 * file that is missing (or does not analyse) resolves to nothing: silence, not a guess.
 */
import path from "node:path";
import type { ScriptFacts } from "@hf-jobs-lint/core";
import { analyzeScriptNeeds } from "./script-needs.js";

/** The part of `ScriptNeeds` resolution needs (callers may analyse with a stand-in). */
export interface ScriptNeedsSummary {
  level: "none" | "read" | "write";
  readsVariables: ReadonlySet<string>;
  /** Secret names the script's PEP 723 header declares (`[tool.hf-jobs] secrets`); absent from stand-ins. */
  declaredSecrets?: ReadonlySet<string>;
  /** Why the script needs a token, first reason first (rows are the script's). */
  evidence?: readonly { row: number; text: string; level?: "read" | "write" }[];
}

/** Analysis results per absolute path: `undefined` = not known yet, `null` = not a usable script. A Map fits. */
export interface ScriptNeedsCache<N> {
  get(absolutePath: string): N | null | undefined;
  set(absolutePath: string, needs: N | null): void;
}

export interface LocalScriptOptions<N extends ScriptNeedsSummary> {
  /** Absolute path of the file naming the script; null when unknown (stdin): only the root is tried. */
  launcherPath: string | null;
  /** The repository root (nearest folder with `.git`). */
  root: string;
  /** Read a file; null when missing, unreadable or not text. */
  readFile(absolutePath: string): string | null;
  /** Defaults to `analyzeScriptNeeds` (the tree-sitter parser must be initialised). */
  analyze?: (text: string) => N;
  cache?: ScriptNeedsCache<N>;
  /** Called when a local script path resolves to no readable, analysable file. */
  onUnresolved?(scriptPath: string): void;
}

export interface ResolvedScript<N extends ScriptNeedsSummary> {
  /** Absolute path of the file that was analysed. */
  path: string;
  /** How messages name it: the path as the launcher wrote it. */
  label: string;
  needs: N;
  facts: ScriptFacts;
}

// Reading a launched script is the engine's too (every analyzer's `readFile`): it lives in core.
export { MAX_SCRIPT_BYTES, readScriptText } from "@hf-jobs-lint/core";

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A value that can name a Python file of this repository: not a URL, no `$`/backtick substitution, one line. */
export function isLocalScriptPath(value: string): boolean {
  return /\.py$/i.test(value) && !URL_SCHEME.test(value) && !/[$`\n\r]/.test(value);
}

/** Where a local script may be, in order: beside the launcher, then at the repository root (no duplicates). */
export function localScriptCandidates(scriptPath: string, launcherPath: string | null, root: string): string[] {
  if (!isLocalScriptPath(scriptPath)) return [];
  const candidates = launcherPath ? [path.resolve(path.dirname(launcherPath), scriptPath)] : [];
  const atRoot = path.resolve(root, scriptPath);
  if (!candidates.includes(atRoot)) candidates.push(atRoot);
  return candidates;
}

/**
 * What core's command-line rules need to know about a script. Only command lines use `declaresSecret`: newer
 * `hf jobs uv run` reads the header's secrets; the Python API and the `hf_jobs` tool call are not documented to
 * (docs/hf-jobs-surfaces.md, section 5), so their HFJ203 check ignores it.
 */
export function scriptFactsOf(needs: ScriptNeedsSummary): ScriptFacts {
  // The first line that explains the level: a write for a script that writes.
  const first = needs.evidence?.find((item) => (item.level ?? "read") === needs.level) ?? needs.evidence?.[0];
  return {
    needsToken: needs.level !== "none",
    readsVariable: (name) => needs.readsVariables.has(name),
    declaresSecret: (name) => needs.declaredSecrets?.has(name) ?? false,
    ...(needs.level !== "none" ? { level: needs.level } : {}),
    ...(first ? { evidence: { text: first.text, row: first.row } } : {}),
  };
}

/** The first candidate that reads and analyses, with what it needs; null when none does. */
export function resolveLocalScript<N extends ScriptNeedsSummary = ReturnType<typeof analyzeScriptNeeds>>(
  scriptPath: string,
  options: LocalScriptOptions<N>,
): ResolvedScript<N> | null {
  const analyze = options.analyze ?? (analyzeScriptNeeds as unknown as (text: string) => N);
  for (const candidate of localScriptCandidates(scriptPath, options.launcherPath, options.root)) {
    let needs = options.cache?.get(candidate);
    if (needs === undefined) {
      const text = options.readFile(candidate);
      needs = null;
      // A script that does not read is not analysed; one that crashes the analysis is an error of the launching file.
      if (text !== null) needs = analyze(text);
      options.cache?.set(candidate, needs);
    }
    if (needs) return { path: candidate, label: `\`${scriptPath}\``, needs, facts: scriptFactsOf(needs) };
  }
  if (isLocalScriptPath(scriptPath)) options.onUnresolved?.(scriptPath);
  return null;
}
