/**
 * Reporting with the catalog's fix policy: a safe fix becomes an ESLint fix, an unsafe one a suggestion.
 * Findings decided in core (argv command lines) or by the Python analyzer (inline scripts) are forwarded with
 * their own messages, which are already redacted.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { checkJobsCommandLine, parseJobsCommandLine, redactText, type Applicability, type ArgvFinding, type RuleMeta, type ScriptFacts } from "@hf-jobs-lint/core";
import type { Context } from "./ast.js";
import type { ArgvCall, Launch, ToolCall } from "./launch/detect.js";
import { launchFindings } from "./launch/policy.js";
import { encodeForScript, inlineScriptFindings, inlineScriptOf } from "./inline-script.js";
import { namedFileFrom, resolveLocalScriptFrom } from "./local-script.js";
import { pluginSettings } from "./settings.js";

export interface SourceEdit {
  range: [number, number];
  text: string;
}

export interface Proposal {
  applicability: Applicability;
  messageId: string;
  data?: Record<string, string>;
  edits: SourceEdit[];
}

export interface Report {
  /** A node, or a file-offset range. */
  node?: TSESTree.Node | TSESTree.Token;
  range?: [number, number];
  messageId: string;
  data?: Record<string, string>;
  proposal?: Proposal | null;
}

/** Message ids every rule declares for forwarded findings and their fixes. */
export const FORWARDED_MESSAGES = {
  forwarded: "{{message}}",
  forwardedFix: "{{message}}",
} as const;

function toFix(edits: readonly SourceEdit[]): TSESLint.ReportFixFunction {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}

export function report(context: Context, rule: RuleMeta, { node, range, messageId, data, proposal }: Report): void {
  const sourceCode = context.sourceCode;
  const span = range ?? node!.range;
  const loc = { start: sourceCode.getLocFromIndex(span[0]), end: sourceCode.getLocFromIndex(span[1]) };
  const safeData = data ? Object.fromEntries(Object.entries(data).map(([key, value]) => [key, redactText(value)])) : undefined;
  let fix: TSESLint.ReportFixFunction | null = null;
  let suggest: TSESLint.SuggestionReportDescriptor<string>[] | null = null;
  if (proposal && proposal.edits.length > 0) {
    if (proposal.applicability === "safe" && rule.fix === "safe") fix = toFix(proposal.edits);
    else if (rule.fix !== "none") {
      const suggestionData = proposal.data ? Object.fromEntries(Object.entries(proposal.data).map(([key, value]) => [key, redactText(value)])) : undefined;
      suggest = [{ messageId: proposal.messageId, ...(suggestionData ? { data: suggestionData } : {}), fix: toFix(proposal.edits) }];
    }
  }
  context.report({ loc, messageId, ...(safeData ? { data: safeData } : {}), ...(fix ? { fix } : {}), ...(suggest ? { suggest } : {}) });
}

const argvFindings = new WeakMap<TSESTree.CallExpression, ArgvFinding[]>();

/**
 * The huggingface_hub version whose `hf jobs` parser reads the file's command lines: the shared setting
 * `settings: { "hf-jobs": { hubVersion: "0.36.2" } }` (the hf-jobs-lint analyzer sets it from the repository's
 * manifests or `hub-version`); the newest when absent.
 */
export function hubVersionSetting(context: Context): string | null {
  return pluginSettings(context).hubVersion;
}

/** Core's findings for an `hf jobs` argv, cached per call (several rules read them). */
export function commandLineFindings(context: Context, launch: ArgvCall): ArgvFinding[] {
  let found = argvFindings.get(launch.call);
  if (!found) {
    found = checkJobsCommandLine(launch.argv.elements, { script: commandLineScript(context, launch), hubVersion: hubVersionSetting(context), ...dotenvFilesOf(context) });
    argvFindings.set(launch.call, found);
  }
  return found;
}

/** The dotenv files an argv names, read beside the linted file, then at its repository root (on disk only). */
function dotenvFilesOf(context: Context): { dotenvFile?: (written: string) => { label: string; text: string } | null } {
  return { dotenvFile: (written) => namedFileFrom(context, written) };
}

/** What the script of an `hf jobs uv run SCRIPT` argv needs, when it is a literal local file that resolves. */
function commandLineScript(context: Context, launch: ArgvCall): ScriptFacts | null {
  const elements = launch.argv.elements;
  const parsed = parseJobsCommandLine(
    elements.map((element) => element.value),
    { hubVersion: hubVersionSetting(context) },
    elements.map((element) => element.literal),
  );
  if (!parsed || !parsed.kind.endsWith("uv") || !parsed.target || !elements[parsed.target.index]?.literal) return null;
  return resolveLocalScriptFrom(context, parsed.target.value)?.facts ?? null;
}

/** Report core's command-line findings of `rule`'s code at the argv elements, with their ops rendered in JS. */
export function reportCommandLineFindings(context: Context, rule: RuleMeta, launch: ArgvCall): void {
  for (const finding of commandLineFindings(context, launch)) {
    if (finding.code !== rule.code) continue;
    const start = launch.argv.ranges[finding.index]![0];
    const end = launch.argv.ranges[finding.endIndex]![1];
    const edits = finding.fix ? launch.argv.render(finding.fix.ops) : null;
    report(context, rule, {
      range: [start, end],
      messageId: "forwarded",
      data: { message: finding.message },
      proposal: finding.fix && edits ? { applicability: finding.fix.applicability, messageId: "forwardedFix", data: { message: finding.fix.message }, edits } : null,
    });
  }
}

/** Report the Python analyzer's findings of `rule`'s code inside a tool call's inline script. */
export function reportInlineScriptFindings(context: Context, rule: RuleMeta, launch: ToolCall): void {
  const script = inlineScriptOf(context, launch);
  if (!script) return;
  for (const diagnostic of inlineScriptFindings(context, script)) {
    if (diagnostic.code !== rule.code) continue;
    const map = script.toFileOffset;
    let proposal: Proposal | null = null;
    if (map && diagnostic.fix) {
      const edits: SourceEdit[] = [];
      for (const edit of diagnostic.fix.edits) {
        const text = encodeForScript(script, edit.content);
        if (text === null) {
          edits.length = 0;
          break;
        }
        edits.push({ range: [map(edit.start), map(edit.end)], text });
      }
      if (edits.length > 0) proposal = { applicability: diagnostic.fix.applicability, messageId: "forwardedFix", data: { message: diagnostic.fix.message }, edits };
    }
    report(context, rule, {
      range: map ? [map(diagnostic.start), map(diagnostic.end)] : script.node.range,
      messageId: "forwarded",
      data: { message: `${diagnostic.message} (in the inline job script)` },
      proposal,
    });
  }
}

/** Report core's launch-policy findings of `rule`'s code for this call (the decision is made once per call). */
export function reportLaunchFindings(context: Context, rule: RuleMeta, launch: Launch): void {
  for (const { finding, edits } of launchFindings(context, launch)) {
    if (finding.code !== rule.code) continue;
    report(context, rule, {
      range: [finding.anchor.range[0], (finding.anchorEnd ?? finding.anchor).range[1]],
      messageId: "forwarded",
      data: { message: finding.message },
      proposal: finding.fix && edits ? { applicability: finding.fix.applicability, messageId: "forwardedFix", data: { message: finding.fix.message }, edits } : null,
    });
  }
}
