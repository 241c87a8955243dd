/**
 * A rule whose decision is core's alone: it reports core's findings of its own code on every launch surface of a
 * call (the launch policy for launch fields, the command-line check for `hf jobs` argv) and on a tool call's
 * inline job script. A rule that also looks at fields only JS has (the launcher's credential) passes `alsoCheck`.
 */
import type { RuleCode, RuleMeta } from "@hf-jobs-lint/core";
import type { Context } from "./ast.js";
import { catalogMeta, createRule } from "./create-rule.js";
import { getLaunch, type Launch } from "./launch/detect.js";
import { FORWARDED_MESSAGES, reportCommandLineFindings, reportInlineScriptFindings, reportLaunchFindings } from "./report.js";
import { reportSandboxToolFindings } from "./launch/sandbox-tools.js";

export interface LaunchRuleOptions {
  /** Core decides the code on `hf jobs` command lines too. */
  commandLines?: boolean;
  /** The Python analyzer decides the code inside a tool call's inline script too. */
  inlineScripts?: boolean;
  /** What the rule checks itself besides core's findings: fields only JS has (a launcher's own credential). */
  alsoCheck?: (context: Context, rule: RuleMeta, launch: Exclude<Launch, { kind: "argv" }>) => void;
}

export function createLaunchRule(code: RuleCode, { commandLines = true, inlineScripts = true, alsoCheck }: LaunchRuleOptions = {}) {
  const meta = catalogMeta(code);
  return createRule({
    name: meta.name,
    meta: { ...meta.eslint, messages: { ...FORWARDED_MESSAGES } },
    create(context) {
      return {
        CallExpression(node) {
          reportSandboxToolFindings(context, meta.rule, node);
          const launch = getLaunch(context, node);
          if (!launch) return;
          if (launch.kind === "argv") {
            if (commandLines) reportCommandLineFindings(context, meta.rule, launch);
            return;
          }
          reportLaunchFindings(context, meta.rule, launch);
          if (inlineScripts && launch.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
          alsoCheck?.(context, meta.rule, launch);
        },
      };
    },
  });
}
