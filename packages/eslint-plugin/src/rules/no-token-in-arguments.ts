/**
 * HFJ104: a token in a job's command line, which is stored and shown with the job: the `command`/`arguments`
 * of `runJob` and REST launches, `command`/`script_args` of tool calls, and argv after the script of an
 * `hf jobs` command (decided in core). Reported: token values (`process.env.HF_TOKEN`, variables from it) and
 * `--token`/`--hf-token` options, which make the job script read its token from argv.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { findTokens } from "@hf-jobs-lint/core";
import { findProperty, propertyValue, resolveValue } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { commandFieldNames, getLaunch, jobFields } from "../launch/detect.js";
import { literalString } from "../launch/fields.js";
import { FORWARDED_MESSAGES, report, reportCommandLineFindings, reportInlineScriptFindings } from "../report.js";
import { isTokenExpression } from "../taint.js";

const meta = catalogMeta("HFJ104");

/** `--token`, `--hf-token`, `--hf_token`, `--token=...` as an element, or inside a command string. */
const TOKEN_OPTION = /(?:^|\s)--?(?:hf[-_])?token(?:=|\s|$)/i;

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      tokenValue:
        "The Hugging Face token is passed in the job's `{{field}}`, which is stored and shown with the job; pass it as the `HF_TOKEN` secret and read it from the environment",
      tokenOption:
        "`{{option}}` in the job's `{{field}}` makes the script read its token from the command line, which is stored and shown with the job; pass the `HF_TOKEN` secret and read it from the environment",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    function checkValue(field: string, node: TSESTree.Node): void {
      if (isTokenExpression(context, node)) {
        report(context, meta.rule, { node, messageId: "tokenValue", data: { field } });
        return;
      }
      const literal = literalString(context, node);
      if (!literal) return;
      const option = TOKEN_OPTION.exec(literal.value);
      // A literal real-looking token is HFJ101's; its presence here is still a token in the arguments.
      if (option) report(context, meta.rule, { node, messageId: "tokenOption", data: { field, option: option[0].trim().split("=")[0]! } });
      else if (findTokens(literal.value).length > 0) report(context, meta.rule, { node, messageId: "tokenValue", data: { field } });
    }

    return {
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "argv") return reportCommandLineFindings(context, meta.rule, launch);
        const fields = jobFields(launch);
        for (const field of commandFieldNames(launch)) {
          const property = findProperty(fields, field);
          if (!property) continue;
          const value = resolveValue(context, propertyValue(property));
          if (value.type === AST_NODE_TYPES.ArrayExpression) {
            for (const element of value.elements) {
              if (element) checkValue(field, element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
            }
          } else checkValue(field, value);
        }
        if (launch.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
