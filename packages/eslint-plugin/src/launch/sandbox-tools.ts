/**
 * The MCP server's `hf_sandbox` / `hf_sandbox_exec` tool calls in TS/JS: `hf_sandbox_exec("exec", [...])`,
 * `hf_sandbox_exec({ cmd, args })` and `client.callTool({ name: "hf_sandbox_exec", arguments: { cmd, args } })`.
 * The `args` array is read element by element (through `const`s); core's `checkSandboxToolCall` decides, and the
 * findings are reported at the elements.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { checkSandboxToolCall, isSandboxToolName, type RuleMeta, type SandboxToolFinding } from "@hf-jobs-lint/core";
import { calleeName, findProperty, propertyValue, resolveObject, resolveValue, staticString, type Context } from "../ast.js";
import { report } from "../report.js";

type Node = TSESTree.Node;

interface SandboxToolCall {
  cmdNode: Node | null;
  elements: Node[];
  findings: SandboxToolFinding[];
}

const decided = new WeakMap<TSESTree.CallExpression, SandboxToolCall | null>();

function argument(call: TSESTree.CallExpression, index: number): Node | null {
  const value = call.arguments[index];
  return value && value.type !== AST_NODE_TYPES.SpreadElement ? value : null;
}

function property(object: TSESTree.ObjectExpression | null, name: string): Node | null {
  const found = findProperty(object, name);
  return found ? propertyValue(found) : null;
}

function read(context: Context, call: TSESTree.CallExpression): SandboxToolCall | null {
  const name = calleeName(call);
  let tool: string | null = null;
  let cmdNode: Node | null = null;
  let argsNode: Node | null = null;
  if (name !== null && isSandboxToolName(name)) {
    tool = name;
    const request = resolveObject(context, argument(call, 0));
    if (request) {
      cmdNode = property(request, "cmd");
      argsNode = property(request, "args");
    } else {
      cmdNode = argument(call, 0);
      argsNode = argument(call, 1);
    }
  } else if (name === "callTool") {
    const request = resolveObject(context, argument(call, 0));
    tool = staticString(context, property(request, "name"));
    const toolArguments = resolveObject(context, property(request, "arguments"));
    cmdNode = property(toolArguments, "cmd");
    argsNode = property(toolArguments, "args");
  }
  if (tool === null || !isSandboxToolName(tool)) return null;
  const list = argsNode ? resolveValue(context, argsNode) : null;
  const elements: Node[] = [];
  if (list?.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of list.elements) {
      // A spread or a hole hides elements and their order: nothing is decided.
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) return null;
      elements.push(element);
    }
  }
  const findings = checkSandboxToolCall(
    tool,
    staticString(context, cmdNode),
    elements.map((element) => staticString(context, element)),
  );
  return { cmdNode, elements, findings };
}

/** Report core's findings of `rule`'s code on a sandbox tool call (nothing for other calls). */
export function reportSandboxToolFindings(context: Context, rule: RuleMeta, call: TSESTree.CallExpression): void {
  let found = decided.get(call);
  if (found === undefined) decided.set(call, (found = read(context, call)));
  if (!found) return;
  for (const finding of found.findings) {
    if (finding.code !== rule.code) continue;
    const first = finding.index < 0 ? found.cmdNode : found.elements[finding.index];
    const last = finding.endIndex < 0 ? found.cmdNode : (found.elements[finding.endIndex] ?? first);
    if (!first || !last) continue;
    report(context, rule, { range: [first.range[0], last.range[1]], messageId: "forwarded", data: { message: finding.message } });
  }
}
