/**
 * Job launches in a Python file: `huggingface_hub` calls (resolved by provenance: imports, aliases, `HfApi()`
 * instances) and `hf_jobs(OPERATION, {...})` tool calls. Each launch is read into one shape the rules share.
 */
import { PYTHON_LAUNCH_FUNCTIONS, PYTHON_SANDBOX_FUNCTIONS, TOOL_CALL_LAUNCH_KEYS, isForeignFlatToolCall, toolCallOperation, type PythonLaunchFunction } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "./parser.js";
import type { DictModel, FileModel } from "./model.js";
import { literalString, namedChildren, positionalArguments, unparenthesize } from "./syntax.js";

export interface LaunchArgument {
  name: string;
  /** The node holding name and value: a `keyword_argument`, a `pair`, or an entry reached through `**kwargs`. */
  entryNode: SyntaxNode;
  nameNode: SyntaxNode;
  value: SyntaxNode | null;
  /** Written in place in the call (or the tool call's args literal), so fixes may edit it. */
  direct: boolean;
}

export interface Launch {
  kind: "api" | "tool";
  call: SyntaxNode;
  /** `run_uv_job`, ... for the API; the operation (`uv`, `scheduled run`, ...) for a tool call. */
  operation: string;
  fn: PythonLaunchFunction | null;
  /** Where new arguments go: the call's argument list, or the tool call's args dict literal (null if not literal). */
  container: SyntaxNode | null;
  args: Map<string, LaunchArgument>;
  /** Unknown arguments may exist (an unresolved `**kwargs`, a non-literal args dict). */
  complete: boolean;
  /** Positional arguments of an API call (script first for uv launches). */
  positional: SyntaxNode[];
  /** For tool calls: the quote used by the args dict's keys. */
  keyQuote: string;
}

const HUB_PREFIXES = ["huggingface_hub.", "huggingface_hub.HfApi."];

function apiFunction(path: string | null): PythonLaunchFunction | null {
  if (!path) return null;
  for (const prefix of HUB_PREFIXES) {
    if (path.startsWith(prefix)) {
      const name = path.slice(prefix.length);
      const fn = PYTHON_LAUNCH_FUNCTIONS.get(name);
      if (fn) return fn;
    }
  }
  return null;
}

/** Methods whose names sandbox calls have: other calls skip the provenance walk. */
const SANDBOX_METHODS = new Set(["create", "run"]);

/** `Sandbox.create(...)`, `pool.create(...)`, `sbx.run(...)` on objects that came from huggingface_hub's sandboxes. */
function sandboxFunction(call: SyntaxNode, model: FileModel): PythonLaunchFunction | null {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || !SANDBOX_METHODS.has(callee.childForFieldName("attribute")?.text ?? "")) return null;
  const path = model.provenancePath(call);
  return path ? (PYTHON_SANDBOX_FUNCTIONS.get(path) ?? null) : null;
}

function readApiLaunch(call: SyntaxNode, fn: PythonLaunchFunction, model: FileModel): Launch {
  const container = call.childForFieldName("arguments");
  const args = new Map<string, LaunchArgument>();
  let complete = true;
  const positional = container ? positionalArguments(call) : [];
  positional.forEach((value, index) => {
    const name = fn.positional[index];
    if (name) args.set(name, { name, entryNode: value, nameNode: value, value, direct: true });
  });
  for (const argument of namedChildren(container)) {
    if (argument.type === "keyword_argument") {
      const nameNode = argument.childForFieldName("name")!;
      args.set(nameNode.text, { name: nameNode.text, entryNode: argument, nameNode, value: argument.childForFieldName("value"), direct: true });
    } else if (argument.type === "dictionary_splat") {
      const splat = model.resolveDict(argument.namedChild(0));
      if (!splat) {
        complete = false;
        continue;
      }
      complete &&= splat.complete;
      for (const entry of splat.entries) {
        if (!args.has(entry.key)) args.set(entry.key, { name: entry.key, entryNode: entry.entryNode, nameNode: entry.keyNode, value: entry.value, direct: false });
      }
    } else if (argument.type === "list_splat") complete = false;
  }
  return { kind: "api", call, operation: fn.name, fn, container, args, complete, positional, keyQuote: '"' };
}

function isToolCallCallee(call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  if (!callee) return false;
  if (callee.type === "identifier") return callee.text === "hf_jobs";
  return callee.type === "attribute" && callee.childForFieldName("attribute")?.text === "hf_jobs";
}

function readToolCall(call: SyntaxNode, model: FileModel): Launch | null {
  const positional = positionalArguments(call);
  const keywords = new Map<string, SyntaxNode | null>();
  for (const argument of namedChildren(call.childForFieldName("arguments"))) {
    if (argument.type === "keyword_argument") keywords.set(argument.childForFieldName("name")!.text, argument.childForFieldName("value"));
  }
  const operationNode = positional[0] ?? keywords.get("operation") ?? null;
  const argsNode = positional[1] ?? keywords.get("args") ?? null;
  // `hf_jobs(operation="run", script=..., hardware_flavor=...)`: another server's flat tool, not the MCP schema.
  const operation = operationOf(operationNode);
  if (!argsNode && operation && isForeignFlatToolCall(operation, [...keywords.keys()])) return null;
  return toolCallLaunch(call, operation, unparenthesize(argsNode), model);
}

/** The operation the MCP server runs for what is written (it lower-cases it), or null. */
function operationOf(node: SyntaxNode | null | undefined): string | null {
  const written = literalString(node);
  return written === null ? null : toolCallOperation(written);
}

/**
 * The server schema written out by agent code: `session.call_tool("hf_jobs", {"operation": "uv", "args": {...}})`
 * (or `name="hf_jobs", arguments={...}`). The tool name as a literal argument is the provenance.
 */
function readToolCallSchema(call: SyntaxNode, model: FileModel): Launch | null {
  const values = namedChildren(call.childForFieldName("arguments")).map((argument) => (argument.type === "keyword_argument" ? argument.childForFieldName("value") : argument));
  if (!values.some((value) => literalString(value) === "hf_jobs")) return null;
  for (const value of values) {
    const schema = model.resolveDict(value);
    const operationEntry = schema?.entries.find((entry) => entry.key === "operation");
    if (!schema || !operationEntry) continue;
    const operation = operationOf(operationEntry.value);
    const args = schema.entries.find((entry) => entry.key === "args");
    if (args) return toolCallLaunch(call, operation, unparenthesize(args.value), model);
    // The flat form: the MCP server reads the top-level keys as `args` (its legacy shape), unless the keys are
    // another server's flat `hf_jobs` (docs/hf-jobs-surfaces.md section 3).
    if (
      !operation ||
      isForeignFlatToolCall(
        operation,
        schema.entries.map((entry) => entry.key),
      )
    )
      return null;
    return toolCallLaunch(call, operation, unparenthesize(value), model, "operation");
  }
  return null;
}

/** `skipKey`: the flat form's `operation`, which sits among the job's keys but is not one of them. */
function toolCallLaunch(call: SyntaxNode, operation: string | null, argsNode: SyntaxNode | null, model: FileModel, skipKey?: string): Launch | null {
  if (!operation || !TOOL_CALL_LAUNCH_KEYS.has(operation)) return null;
  const dict: DictModel | null = model.resolveDict(argsNode);
  const args = new Map<string, LaunchArgument>();
  let keyQuote = '"';
  if (dict) {
    const written = new Set(namedChildren(dict.literal).map((child) => child.id));
    for (const entry of dict.entries) {
      if (entry.key === skipKey) continue;
      const direct = written.has(entry.entryNode.id);
      if (direct && entry.keyNode.type === "string") keyQuote = entry.keyNode.text.startsWith("'") ? "'" : '"';
      args.set(entry.key, { name: entry.key, entryNode: entry.entryNode, nameNode: entry.keyNode, value: entry.value, direct });
    }
  }
  return {
    kind: "tool",
    call,
    operation,
    fn: null,
    container: dict?.literal ?? null,
    args,
    complete: dict?.complete ?? false,
    positional: [],
    keyQuote,
  };
}

/** Every launch in the file, in source order. `calls` are the file's call nodes. */
export function findLaunches(calls: readonly SyntaxNode[], model: FileModel, toolCallSyntax: boolean): Launch[] {
  const launches: Launch[] = [];
  for (const call of calls) {
    if (toolCallSyntax && isToolCallCallee(call)) {
      const launch = readToolCall(call, model);
      if (launch) launches.push(launch);
      continue;
    }
    const schemaLaunch = toolCallSyntax ? readToolCallSchema(call, model) : null;
    if (schemaLaunch) {
      launches.push(schemaLaunch);
      continue;
    }
    const fn = apiFunction(model.calleePath(call)) ?? sandboxFunction(call, model);
    if (fn) launches.push(readApiLaunch(call, fn, model));
  }
  return launches;
}

export function isUvLaunch(launch: Launch): boolean {
  return launch.kind === "api" ? Boolean(launch.fn?.takesScript) : launch.operation.endsWith("uv");
}
