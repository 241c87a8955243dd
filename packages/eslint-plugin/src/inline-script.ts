/**
 * Job scripts written inline: the `script` of a `hf_jobs("uv" | "scheduled uv", ...)` call that is Python source
 * (a string holding a newline, or a template literal without substitutions). Findings of the Python analyzer are
 * mapped back into the TS file: exactly when the literal's raw text equals its value (or differs only by CRLF
 * line endings, which template literals normalise), otherwise at the literal itself without a fix.
 * Analysis is synchronous (python-bridge.ts), so the rules stay synchronous; the module has no top-level await.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { type Diagnostic } from "@hf-jobs-lint/core";
import type { ScriptNeeds } from "@hf-jobs-lint/python";
import { scriptFindingsOf, scriptNeedsOf } from "./python-bridge.js";
import { escapeTemplateText, findProperty, propertyValue, resolveValue, type Context } from "./ast.js";
import type { ToolCall } from "./launch/detect.js";

export interface InlineScript {
  /** The string or template literal holding the script. */
  node: TSESTree.Literal | TSESTree.TemplateLiteral;
  /** The script's source (the literal's value). */
  text: string;
  /** TS file offset of a script offset; null when the literal has escapes and offsets cannot be mapped. */
  toFileOffset: ((offset: number) => number) | null;
  /** How a newline is written in the literal (CRLF files keep CRLF in inserted lines). */
  newline: "\n" | "\r\n";
  /** Whether edit contents need template-literal escaping. */
  template: boolean;
}

const scripts = new WeakMap<TSESTree.Node, InlineScript | null>();
const findings = new WeakMap<TSESTree.Node, Diagnostic[]>();
const needs = new WeakMap<TSESTree.Node, ScriptNeeds>();

/** The inline Python script of a `uv` tool call, or null for a path, a URL or a computed value. */
export function inlineScriptOf(context: Context, launch: ToolCall): InlineScript | null {
  if (!launch.operation.endsWith("uv")) return null;
  const property = findProperty(launch.args, "script");
  if (!property) return null;
  const value = resolveValue(context, propertyValue(property));
  if (scripts.has(value)) return scripts.get(value)!;
  const script = readScript(context, value);
  scripts.set(value, script);
  return script;
}

function readScript(context: Context, value: TSESTree.Node): InlineScript | null {
  let text: string;
  let template: boolean;
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === "string") {
    text = value.value;
    template = false;
  } else if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
    const cooked = value.quasis[0]!.value.cooked as string | null;
    if (cooked === null) return null;
    text = cooked;
    template = true;
  } else return null;
  // A single line is a path or a URL; Python source spans lines.
  if (!text.includes("\n")) return null;
  const contentStart = value.range[0] + 1;
  const raw = context.sourceCode.text.slice(contentStart, value.range[1] - 1);
  const newline = raw.includes("\r\n") ? "\r\n" : "\n";
  return { node: value, text, toFileOffset: offsetMap(raw, text, contentStart), newline, template };
}

/** Map value offsets to file offsets when raw and value agree up to CRLF -> LF normalisation. */
function offsetMap(raw: string, cooked: string, contentStart: number): ((offset: number) => number) | null {
  if (raw === cooked) return (offset) => contentStart + offset;
  if (raw.replace(/\r\n?/g, "\n") !== cooked) return null;
  const rawIndex: number[] = [];
  for (let r = 0; r < raw.length; r++) {
    rawIndex.push(r);
    if (raw[r] === "\r" && raw[r + 1] === "\n") r++;
  }
  rawIndex.push(raw.length);
  return (offset) => contentStart + (rawIndex[Math.min(offset, rawIndex.length - 1)] ?? raw.length);
}

/** The Python analyzer's findings for the script (script role), cached per literal. */
export function inlineScriptFindings(context: Context, script: InlineScript): Diagnostic[] {
  let result = findings.get(script.node);
  if (!result) {
    result = scriptFindingsOf(script.text, context.filename, context.cwd);
    findings.set(script.node, result);
  }
  return result;
}

/** What token the script needs, cached per literal. */
export function inlineScriptNeeds(script: InlineScript): ScriptNeeds {
  let result = needs.get(script.node);
  if (!result) {
    result = scriptNeedsOf(script.text);
    needs.set(script.node, result);
  }
  return result;
}

/** Edit content written into the literal: escaped for a template literal, CRLF kept. */
export function encodeForScript(script: InlineScript, content: string): string | null {
  const withNewlines = script.newline === "\r\n" ? content.replace(/\r?\n/g, "\r\n") : content;
  if (script.template) return escapeTemplateText(withNewlines);
  // A plain string can only take content that needs no escaping (its offsets map 1:1 only without escapes).
  return /["'\\\n\r]/.test(withNewlines) ? null : withNewlines;
}
