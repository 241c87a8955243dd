/** `hf-jobs-lint rule CODE|NAME` prints a rule's documentation; `--all` lists every rule. */
import { findRule, redactText, RULES, renderRuleList, renderRuleText } from "@hf-jobs-lint/core";
import { UsageError, type Io } from "../io.js";

export function ruleCommand(codeOrName: string | undefined, options: { all?: boolean; outputFormat?: "text" | "json" }, io: Io): number {
  if (options.all) {
    io.stdout(options.outputFormat === "json" ? redactText(`${JSON.stringify(RULES, null, 2)}\n`) : renderRuleList(RULES));
    return 0;
  }
  if (!codeOrName) throw new UsageError("name a rule (`hf-jobs-lint rule HFJ101`) or pass --all");
  const rule = findRule(codeOrName);
  if (!rule) throw new UsageError(`unknown rule \`${codeOrName}\`; \`hf-jobs-lint rule --all\` lists them`);
  io.stdout(options.outputFormat === "json" ? redactText(`${JSON.stringify(rule, null, 2)}\n`) : renderRuleText(rule));
  return 0;
}
