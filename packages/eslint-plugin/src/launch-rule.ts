/**
 * A rule whose decision is core's alone: it reports core's findings of its own code on every launch surface of a
 * call (the launch policy for launch fields, the command-line check for `hf jobs` argv) and on a tool call's
 * inline job script. The rules that also look at JS-only fields (credentials, `@huggingface/hub` job fields)
 * are written out in their own files.
 */
import type { RuleCode } from "@hf-jobs-lint/core";
import { catalogMeta, createRule } from "./create-rule.js";
import { getLaunch } from "./launch/detect.js";
import { FORWARDED_MESSAGES, reportCommandLineFindings, reportInlineScriptFindings, reportLaunchFindings } from "./report.js";

export interface LaunchRuleOptions {
  /** Core decides the code on `hf jobs` command lines too. */
  commandLines?: boolean;
  /** The Python analyzer decides the code inside a tool call's inline script too. */
  inlineScripts?: boolean;
}

export function createLaunchRule(code: RuleCode, { commandLines = true, inlineScripts = true }: LaunchRuleOptions = {}) {
  const meta = catalogMeta(code);
  return createRule({
    name: meta.name,
    meta: { ...meta.eslint, messages: { ...FORWARDED_MESSAGES } },
    create(context) {
      return {
        CallExpression(node) {
          const launch = getLaunch(context, node);
          if (!launch) return;
          if (launch.kind === "argv") {
            if (commandLines) reportCommandLineFindings(context, meta.rule, launch);
            return;
          }
          reportLaunchFindings(context, meta.rule, launch);
          if (inlineScripts && launch.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
        },
      };
    },
  });
}
