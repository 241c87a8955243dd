/**
 * HFJ103: a token value reaches output (print, logging, warnings, an exception message, a written file).
 * Taint starts at token-like env reads and `get_token()`, follows simple assignments (through the file model),
 * f-strings, concatenation, `%`/`.format`, `str()`/`repr()` and string methods. A prefix slice of at most 10
 * characters (`token[:8]`) is allowed. Limits: no taint through function parameters, containers or attributes.
 */
import { MAX_SHOWN_TOKEN_PREFIX, tokenOutputMessage } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import { isTokenSource } from "../env-reads.js";
import { calleeName, insideError, namedChildren, positionalArguments, unparenthesize } from "../syntax.js";

const MAX_DEPTH = 12;
const PASS_THROUGH_CALLS = new Set(["str", "repr", "format"]);
const PASS_THROUGH_METHODS = new Set(["strip", "lstrip", "rstrip", "upper", "lower", "encode", "decode", "replace", "format", "join"]);
const PREFIX_LIMIT = MAX_SHOWN_TOKEN_PREFIX;

/** `x[:N]` / `x[0:N]` with N <= 10: a prefix short enough to identify a token without leaking it. */
function isShortPrefixSlice(node: SyntaxNode): boolean {
  if (node.type !== "subscript") return false;
  const slice = node.childForFieldName("subscript");
  if (slice?.type !== "slice") return false;
  const text = slice.text.replace(/\s+/g, "");
  const match = /^(?:0)?:(\d+)$/.exec(text);
  return match !== null && Number(match[1]) <= PREFIX_LIMIT;
}

export function taintedExpression(context: Context, node: SyntaxNode | null, depth = 0): boolean {
  const current = unparenthesize(node);
  if (!current || depth > MAX_DEPTH) return false;
  if (isTokenSource(current, context.model)) return true;
  switch (current.type) {
    case "identifier": {
      const value = context.model.resolveValue(current);
      return value !== null && value.id !== current.id && taintedExpression(context, value, depth + 1);
    }
    case "string":
      return namedChildren(current).some(
        (child) => child.type === "interpolation" && taintedExpression(context, child.childForFieldName("expression") ?? child.namedChild(0), depth + 1),
      );
    case "concatenated_string":
      return namedChildren(current).some((child) => taintedExpression(context, child, depth + 1));
    case "binary_operator":
      return taintedExpression(context, current.childForFieldName("left"), depth + 1) || taintedExpression(context, current.childForFieldName("right"), depth + 1);
    case "conditional_expression":
      return namedChildren(current)
        .slice(0, 1)
        .concat(namedChildren(current).slice(2))
        .some((child) => taintedExpression(context, child, depth + 1));
    case "subscript":
      if (isShortPrefixSlice(current)) return false;
      return current.childForFieldName("subscript")?.type === "slice" && taintedExpression(context, current.childForFieldName("value"), depth + 1);
    case "tuple":
    case "list":
      return namedChildren(current).some((child) => taintedExpression(context, child, depth + 1));
    case "call": {
      const callee = current.childForFieldName("function");
      const args = namedChildren(current.childForFieldName("arguments"));
      if (callee?.type === "identifier" && PASS_THROUGH_CALLS.has(callee.text)) return args.some((arg) => taintedExpression(context, arg, depth + 1));
      if (callee?.type === "attribute" && PASS_THROUGH_METHODS.has(callee.childForFieldName("attribute")?.text ?? "")) {
        return (
          taintedExpression(context, callee.childForFieldName("object"), depth + 1) ||
          args.some((arg) => taintedExpression(context, arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg, depth + 1))
        );
      }
      return false;
    }
    default:
      return false;
  }
}

const LOG_METHODS = new Set(["debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"]);
const WRITE_METHODS = new Set(["write", "writelines", "write_text", "write_bytes"]);

/** What kind of output a call is, or null when it is not an output sink. */
function sinkKind(context: Context, call: SyntaxNode): string | null {
  const callee = call.childForFieldName("function");
  if (!callee) return null;
  if (callee.type === "identifier" && callee.text === "print" && !context.model.definedFunctions.has("print")) return "`print`";
  const path = context.model.calleePath(call);
  if (path?.startsWith("logging.") || path === "warnings.warn") return "the log";
  const method = calleeName(call);
  if (callee.type === "attribute" && method) {
    const object = callee.childForFieldName("object");
    if (LOG_METHODS.has(method) && object && /log/i.test(object.text)) return "the log";
    if (WRITE_METHODS.has(method)) return "a written file";
  }
  return null;
}

function reportOutput(context: Context, argument: SyntaxNode, where: string): void {
  report(context, {
    code: "HFJ103",
    message: tokenOutputMessage(where, "token[:8]"),
    start: argument.startIndex,
    end: argument.endIndex,
    related: context.jobScript ? [context.jobScript] : undefined,
  });
}

/**
 * Output is a leak where it is stored and shown: a job's logs (job scripts, inline scripts) and a launcher's
 * output (CI logs). A library or a CLI whose job is to print the token (`hf auth token`) is not judged.
 */
export function checkTokenOutput(context: Context, calls: readonly SyntaxNode[], raises: readonly SyntaxNode[]): void {
  if (!context.jobScript && !context.isLauncher) return;
  for (const call of calls) {
    if (insideError(call)) continue;
    const kind = sinkKind(context, call);
    if (!kind) continue;
    for (const argument of namedChildren(call.childForFieldName("arguments"))) {
      const value = argument.type === "keyword_argument" ? argument.childForFieldName("value") : argument;
      if (argument.type === "keyword_argument" && argument.childForFieldName("name")?.text === "file") continue;
      if (value && taintedExpression(context, value)) reportOutput(context, value, kind);
    }
  }
  for (const statement of raises) {
    if (insideError(statement)) continue;
    const raised = unparenthesize(statement.namedChild(0));
    if (raised?.type !== "call") continue;
    for (const argument of positionalArguments(raised)) {
      if (taintedExpression(context, argument)) reportOutput(context, argument, "an exception message");
    }
  }
}
