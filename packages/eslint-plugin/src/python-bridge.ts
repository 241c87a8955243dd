/**
 * The Python analyzer, for job scripts written inline in a `hf_jobs("uv", { script })` call. Its parser loads
 * asynchronously once (the plugin module awaits `initInlineScriptAnalysis()` at top level); after that analysis
 * is synchronous, so the rules stay synchronous.
 */
import * as python from "@hf-jobs-lint/python";
import type { AnalysisInput, Diagnostic } from "@hf-jobs-lint/core";
import type { LocalScriptOptions, ResolvedScript } from "@hf-jobs-lint/python";

export interface ScriptNeeds {
  level: "none" | "read" | "write";
  readsVariables: ReadonlySet<string>;
  checksTokenEarly: boolean;
}

/** The part of `@hf-jobs-lint/python` this plugin uses. */
interface PythonAnalyzerApi {
  initPythonParser(): Promise<unknown>;
  analyzePython(input: AnalysisInput, options?: { role?: "auto" | "script" | "launcher" }): Diagnostic[];
  analyzeScriptNeeds(text: string): ScriptNeeds;
  resolveLocalScript(scriptPath: string, options: LocalScriptOptions<ScriptNeeds>): ResolvedScript<ScriptNeeds> | null;
}

// Read through a partial view: the functions are looked up at run time, so a build of the Python package that
// lacks one of them turns inline-script analysis off instead of failing to load the plugin.
const api = python as unknown as Partial<PythonAnalyzerApi>;

let ready = false;

/** Load the Python grammar. Never throws: without it, inline scripts are simply not analysed. */
export async function initInlineScriptAnalysis(): Promise<boolean> {
  if (ready) return true;
  if (!api.initPythonParser || !api.analyzePython || !api.analyzeScriptNeeds) return false;
  try {
    await api.initPythonParser();
    ready = true;
  } catch {
    ready = false;
  }
  return ready;
}

// Loaded when the first rule module is imported (top-level await), so every rule can analyse scripts synchronously.
await initInlineScriptAnalysis();

/** Whether inline scripts can be analysed in this process. */
export function inlineScriptAnalysisReady(): boolean {
  return ready;
}

export function analyzePythonScript(input: AnalysisInput): Diagnostic[] | null {
  return ready && api.analyzePython ? api.analyzePython(input, { role: "script" }) : null;
}

export function analyzePythonScriptNeeds(text: string): ScriptNeeds | null {
  return ready && api.analyzeScriptNeeds ? api.analyzeScriptNeeds(text) : null;
}

/**
 * A local job script resolved and analysed by the Python package's `resolveLocalScript` (beside the launcher,
 * then at the repository root); null when the analyzer is unavailable or nothing resolves.
 */
export function resolvePythonScriptFile(scriptPath: string, options: Omit<LocalScriptOptions<ScriptNeeds>, "analyze">): ResolvedScript<ScriptNeeds> | null {
  if (!ready || !api.resolveLocalScript || !api.analyzeScriptNeeds) return null;
  return api.resolveLocalScript(scriptPath, { ...options, analyze: api.analyzeScriptNeeds });
}
