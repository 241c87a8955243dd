/**
 * HFJ103: the token's value reaches output: `console.*`, a logger (`logger.info`, `log.debug`, `pino`...),
 * `process.stdout.write`, a written file, or an Error's message. Values are traced from credentials read from the
 * environment (`process.env.HF_TOKEN`, the legacy names, any `*_TOKEN`/`*_API_KEY`/`*_SECRET`/`*PASSWORD*`, as in
 * Python files) through variables; a prefix slice of at most 10 characters is allowed. The message is core's.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName, memberName, unwrap } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, report, reportInlineScriptFindings } from "../report.js";
import { JS_FILE_WRITERS, JS_LOG_METHODS, JS_LOGGER_RECEIVER, tokenOutputMessage } from "@hf-jobs-lint/core";
import { isTokenExpression } from "../taint.js";

const meta = catalogMeta("HFJ103");
const PREFIX_EXAMPLE = "token.slice(0, 8)";

const LOG_METHODS = new Set(JS_LOG_METHODS);
const FILE_WRITERS = new Set(JS_FILE_WRITERS);

/** The name of what a member call is called on: `logger` in `logger.info()`, `this.logger.info()`. */
function receiverName(callee: TSESTree.MemberExpression): string | null {
  const object = unwrap(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name;
  if (object.type === AST_NODE_TYPES.MemberExpression) return memberName(object);
  return null;
}

/** Which arguments of a call are output, and what kind of output it is. */
function outputArguments(call: TSESTree.CallExpression): { sink: string; args: TSESTree.CallExpressionArgument[] } | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const receiver = receiverName(callee);
  if (LOG_METHODS.has(method) && receiver !== null && JS_LOGGER_RECEIVER.test(receiver)) return { sink: `${receiver}.${method}()`, args: call.arguments };
  if (method === "write" && (receiver === "stdout" || receiver === "stderr")) return { sink: `process.${receiver}.write()`, args: call.arguments };
  if (FILE_WRITERS.has(method)) return { sink: `${method}()`, args: call.arguments.slice(1, 2) };
  return null;
}

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: { ...FORWARDED_MESSAGES },
  },
  create(context) {
    function checkErrorConstructor(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const name = calleeName(node);
      if (name === null || !/Error$/.test(name)) return;
      const argument = node.arguments.find((arg) => isTokenExpression(context, arg));
      if (argument) report(context, meta.rule, { node: argument, messageId: "forwarded", data: { message: tokenOutputMessage("an exception message", PREFIX_EXAMPLE) } });
    }
    return {
      NewExpression: checkErrorConstructor,
      CallExpression(node) {
        const output = outputArguments(node);
        if (output) {
          for (const argument of output.args) {
            if (isTokenExpression(context, argument)) {
              report(context, meta.rule, { node: argument, messageId: "forwarded", data: { message: tokenOutputMessage(`\`${output.sink}\``, PREFIX_EXAMPLE) } });
            }
          }
          return;
        }
        checkErrorConstructor(node);
        const launch = getLaunch(context, node);
        if (launch?.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
