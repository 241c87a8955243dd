/**
 * The one place that decides whether a call launches a Hugging Face Job, and through which surface
 * (shared/docs/hf-jobs-surfaces.md sections 3 and 4):
 * - `@huggingface/hub` functions (`runJob`, `createScheduledJob`, ... and every other export taking credentials);
 * - hand-written REST launchers: `fetch(url, { method: "POST", headers, body: JSON.stringify(spec) })` and
 *   `axios.post(url, spec, { headers })` where the URL holds `/api/jobs/` or `/api/scheduled-jobs/`;
 * - `hf_jobs("uv" | "run" | ..., args)` tool calls (and `callTool({ name: "hf_jobs", arguments })`);
 * - `hf jobs ...` argv given to `spawn`/`execFile`/`execa`, or a command string given to `exec`.
 * Anything else (Docker `Env`, Kubernetes, SageMaker `Environment`, any object with `env`) is not a launch.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { HUB_JS_LAUNCH_FUNCTIONS, REST_LAUNCH_PATH, TOOL_CALL_LAUNCH_KEYS, isForeignFlatToolCall, toolCallOperation } from "@hf-jobs-lint/core";
import { calleeName, findProperty, namedProperties, propertyValue, resolveJsonBody, resolveObject, staticString, stringShape, unwrap, type Context } from "../ast.js";
import { argvOfCall, type ArgvLaunch } from "./argv.js";
import { hubExportCalled, launchModules, type HubExport } from "./hub-imports.js";

type ObjectNode = TSESTree.ObjectExpression;

/** A call to any `@huggingface/hub` export; `launches` for the job launchers. */
export interface HubCall {
  kind: "hub";
  call: TSESTree.CallExpression;
  fn: string;
  /** The team's own launcher it was called through (the `launchers` setting), for messages; null for the library's own function. */
  via: { module: string; name: string } | null;
  launches: boolean;
  /** The options object (`runJob({...})`), inline or in a `const`. */
  options: ObjectNode | null;
  /** Where the job's fields live: the options for `runJob`, `jobSpec` for `createScheduledJob`. */
  spec: ObjectNode | null;
}

export interface RestLaunch {
  kind: "rest";
  call: TSESTree.CallExpression;
  scheduled: boolean;
  /** The JSON body (`jobSpec` of it for scheduled jobs). */
  spec: ObjectNode | null;
  /** The body object itself (holds `jobSpec` for scheduled jobs). */
  body: ObjectNode | null;
  headers: ObjectNode | null;
}

export interface ToolCall {
  kind: "tool";
  call: TSESTree.CallExpression;
  operation: string;
  /** The operation launches a job (`run`, `uv`, `scheduled run`, `scheduled uv`). */
  launches: boolean;
  args: ObjectNode | null;
  /** The flat form: `operation` sits among the job's keys in `args` (the MCP server's legacy shape). */
  flat: boolean;
}

export interface ArgvCall {
  kind: "argv";
  call: TSESTree.CallExpression;
  argv: ArgvLaunch;
}

export type Launch = HubCall | RestLaunch | ToolCall | ArgvCall;

const cache = new WeakMap<TSESTree.CallExpression, Launch | null>();
const importsHub = new WeakMap<object, boolean>();

/** Scope lookups are the costly part: only files that name the package (or a launcher module of the settings) can call it. */
function fileMentionsHub(context: Context): boolean {
  let mentions = importsHub.get(context.sourceCode);
  if (mentions === undefined) {
    const text = context.sourceCode.text;
    mentions = launchModules(context).some((module) => text.includes(module));
    importsHub.set(context.sourceCode, mentions);
  }
  return mentions;
}

/** What a call is, as a launch surface; null for everything else. Cached per node (rules share the AST). */
export function getLaunch(context: Context, call: TSESTree.CallExpression): Launch | null {
  if (cache.has(call)) return cache.get(call)!;
  const launch = detect(context, call);
  cache.set(call, launch);
  return launch;
}

function detect(context: Context, call: TSESTree.CallExpression): Launch | null {
  const name = calleeName(call);
  if (name === null) return null;
  if (name === "hf_jobs") return toolCall(context, call);
  if (name === "callTool") return mcpCallTool(context, call);
  if (name === "fetch") return fetchLaunch(context, call);
  const hub = fileMentionsHub(context) ? hubExportCalled(context, call) : null;
  if (hub !== null) return hubCall(context, call, hub);
  if (name === "post" || name === "axios" || name === "request") {
    const rest = axiosLaunch(context, call, name);
    if (rest) return rest;
  }
  const argv = argvOfCall(context, call);
  return argv ? { kind: "argv", call, argv } : null;
}

function hubCall(context: Context, call: TSESTree.CallExpression, { fn, via }: HubExport): HubCall {
  const options = resolveObject(context, call.arguments[0]);
  let spec: ObjectNode | null = null;
  if (fn === "runJob") spec = options;
  else if (fn === "createScheduledJob") spec = resolveObject(context, propertyOf(options, "jobSpec"));
  return { kind: "hub", call, fn, via, launches: HUB_JS_LAUNCH_FUNCTIONS.has(fn), options, spec };
}

function propertyOf(object: ObjectNode | null, name: string): TSESTree.Node | null {
  const property = findProperty(object, name);
  return property ? propertyValue(property) : null;
}

function isLaunchUrl(context: Context, node: TSESTree.Node | undefined): { scheduled: boolean } | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  const shape = stringShape(context, node);
  const match = REST_LAUNCH_PATH.exec(shape);
  return match ? { scheduled: match[0].includes("scheduled") } : null;
}

function restLaunch(context: Context, call: TSESTree.CallExpression, scheduled: boolean, bodyNode: TSESTree.Node | null, headersNode: TSESTree.Node | null): RestLaunch {
  const body = resolveJsonBody(context, bodyNode);
  const spec = scheduled ? resolveObject(context, propertyOf(body, "jobSpec")) : body;
  let headers = resolveObject(context, headersNode);
  // `headers: new Headers({ ... })`
  const headersValue = headersNode ? unwrap(headersNode) : null;
  if (!headers && headersValue?.type === AST_NODE_TYPES.NewExpression && headersValue.callee.type === AST_NODE_TYPES.Identifier && headersValue.callee.name === "Headers") {
    headers = resolveObject(context, headersValue.arguments[0]);
  }
  return { kind: "rest", call, scheduled, spec, body, headers };
}

/** `fetch(url, { method: "POST", headers, body })`. */
function fetchLaunch(context: Context, call: TSESTree.CallExpression): RestLaunch | null {
  const url = isLaunchUrl(context, call.arguments[0]);
  if (!url) return null;
  const init = resolveObject(context, call.arguments[1]);
  if (!init || staticString(context, propertyOf(init, "method"))?.toUpperCase() !== "POST") return null;
  return restLaunch(context, call, url.scheduled, propertyOf(init, "body"), propertyOf(init, "headers"));
}

/** `axios.post(url, spec, { headers })`, `axios({ method: "post", url, data, headers })`. */
function axiosLaunch(context: Context, call: TSESTree.CallExpression, name: string): RestLaunch | null {
  if (name === "post") {
    const url = isLaunchUrl(context, call.arguments[0]);
    if (!url) return null;
    const config = resolveObject(context, call.arguments[2]);
    return restLaunch(context, call, url.scheduled, call.arguments[1] ?? null, propertyOf(config, "headers"));
  }
  const config = resolveObject(context, call.arguments[0]);
  const url = isLaunchUrl(context, propertyOf(config, "url") ?? undefined);
  if (!config || !url || staticString(context, propertyOf(config, "method"))?.toUpperCase() !== "POST") return null;
  return restLaunch(context, call, url.scheduled, propertyOf(config, "data"), propertyOf(config, "headers"));
}

function toolLaunch(context: Context, call: TSESTree.CallExpression, operationNode: TSESTree.Node | null, argsNode: TSESTree.Node | null, flat = false): ToolCall | null {
  // The server lower-cases the operation and does nothing else to it (`"UV"` is `uv`, `" uv"` is unknown).
  const written = staticString(context, operationNode);
  const operation = written === null ? null : toolCallOperation(written);
  if (!operation) return null;
  return { kind: "tool", call, operation, launches: TOOL_CALL_LAUNCH_KEYS.has(operation), args: resolveObject(context, argsNode), flat };
}

/** `hf_jobs("uv", { ... })`. */
function toolCall(context: Context, call: TSESTree.CallExpression): ToolCall | null {
  const [operation, args] = call.arguments;
  if (!operation || operation.type === AST_NODE_TYPES.SpreadElement) return null;
  return toolLaunch(context, call, operation, args && args.type !== AST_NODE_TYPES.SpreadElement ? args : null);
}

/** `client.callTool({ name: "hf_jobs", arguments: { operation: "uv", args: { ... } } })`: the server's schema. */
function mcpCallTool(context: Context, call: TSESTree.CallExpression): ToolCall | null {
  const request = resolveObject(context, call.arguments[0]);
  if (staticString(context, propertyOf(request, "name")) !== "hf_jobs") return null;
  const toolArguments = resolveObject(context, propertyOf(request, "arguments"));
  const args = propertyOf(toolArguments, "args");
  if (args || !toolArguments) return toolLaunch(context, call, propertyOf(toolArguments, "operation"), args);
  // The flat form (`{ operation, script, ... }`): the MCP server reads the top-level keys as `args`, unless they
  // are another server's flat `hf_jobs` (docs/hf-jobs-surfaces.md section 3), which the MCP schema does not judge.
  const launch = toolLaunch(context, call, propertyOf(toolArguments, "operation"), toolArguments, true);
  if (
    !launch ||
    isForeignFlatToolCall(
      launch.operation,
      namedProperties(toolArguments).map(({ name }) => name),
    )
  )
    return null;
  return launch;
}

/** The object where a launch's job fields live (`environment`, `secrets`, `command`, ...). */
export function jobFields(launch: Launch): ObjectNode | null {
  switch (launch.kind) {
    case "hub":
      return launch.spec;
    case "rest":
      return launch.spec;
    case "tool":
      return launch.launches ? launch.args : null;
    case "argv":
      return null;
  }
}

/** The plain-environment field: `env` in a tool call, `environment` in `@huggingface/hub` and REST. */
export function envFieldName(launch: Launch): string {
  return launch.kind === "tool" ? "env" : "environment";
}

/** Fields that carry the job's command line: passed to the job and shown with it. */
export function commandFieldNames(launch: Launch): readonly string[] {
  return launch.kind === "tool" ? ["command", "script_args"] : ["command", "arguments"];
}
