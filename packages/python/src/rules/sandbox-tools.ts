/**
 * The MCP server's `hf_sandbox` / `hf_sandbox_exec` tool calls written in Python: `hf_sandbox_exec("exec", [...])`
 * (the docs' form, as `hf_jobs(OP, ARGS)`), keywords (`cmd=`, `args=`), one `{"cmd": ..., "args": [...]}` dict,
 * and an MCP client's `call_tool("hf_sandbox_exec", {...})`. The `args` list is read element by element (through
 * constants); core's `checkSandboxToolCall` decides.
 */
import { checkSandboxToolCall, isSandboxToolName, type SandboxToolName } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import { insideError, literalString, namedChildren, positionalArguments, unparenthesize } from "../syntax.js";

interface SandboxToolCall {
  tool: SandboxToolName;
  cmdNode: SyntaxNode | null;
  argsNode: SyntaxNode | null;
}

function calleeName(call: SyntaxNode): string | null {
  const callee = call.childForFieldName("function");
  if (callee?.type === "identifier") return callee.text;
  if (callee?.type === "attribute") return callee.childForFieldName("attribute")?.text ?? null;
  return null;
}

function keywordArguments(call: SyntaxNode): Map<string, SyntaxNode | null> {
  const keywords = new Map<string, SyntaxNode | null>();
  for (const argument of namedChildren(call.childForFieldName("arguments"))) {
    if (argument.type === "keyword_argument") keywords.set(argument.childForFieldName("name")!.text, argument.childForFieldName("value"));
  }
  return keywords;
}

/** `{"cmd": ..., "args": [...]}` (through a variable). */
function fromRequest(context: Context, tool: SandboxToolName, node: SyntaxNode | null | undefined): SandboxToolCall | null {
  const dict = context.model.resolveDict(node ?? null);
  const cmd = dict?.entries.find((entry) => entry.key === "cmd");
  if (!dict || !cmd) return null;
  return { tool, cmdNode: cmd.value, argsNode: dict.entries.find((entry) => entry.key === "args")?.value ?? null };
}

function readCall(context: Context, call: SyntaxNode): SandboxToolCall | null {
  const name = calleeName(call);
  if (name === null) return null;
  const positional = positionalArguments(call);
  const keywords = keywordArguments(call);
  if (isSandboxToolName(name)) {
    const request = fromRequest(context, name, positional[0]);
    if (request) return request;
    return { tool: name, cmdNode: positional[0] ?? keywords.get("cmd") ?? null, argsNode: positional[1] ?? keywords.get("args") ?? null };
  }
  // An MCP client: the tool's name as a literal argument is the provenance.
  const values = [...positional, ...keywords.values()];
  const tool = values.map((value) => literalString(value)).find((text): text is SandboxToolName => text !== null && isSandboxToolName(text));
  if (!tool) return null;
  for (const value of values) {
    const request = fromRequest(context, tool, value);
    if (request) return request;
  }
  return null;
}

export function checkSandboxToolCalls(context: Context, calls: readonly SyntaxNode[]): void {
  if (!context.toolCallSyntax) return;
  for (const call of calls) {
    if (insideError(call)) continue;
    const found = readCall(context, call);
    if (!found) continue;
    const cmd = literalString(context.model.resolveValue(found.cmdNode));
    const list = unparenthesize(context.model.resolveValue(found.argsNode));
    const elements = list && (list.type === "list" || list.type === "tuple") ? namedChildren(list) : [];
    // A splat (`*extra`) hides elements and their order: nothing is decided.
    if (elements.some((element) => element.type === "list_splat")) continue;
    const values = elements.map((element) => literalString(context.model.resolveValue(element)));
    for (const finding of checkSandboxToolCall(found.tool, cmd, values)) {
      const first = finding.index < 0 ? found.cmdNode : elements[finding.index];
      const last = finding.endIndex < 0 ? found.cmdNode : (elements[finding.endIndex] ?? first);
      if (!first || !last) continue;
      report(context, { code: finding.code, message: finding.message, start: first.startIndex, end: last.endIndex });
    }
  }
}
