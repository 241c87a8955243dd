/**
 * The Python analyzer: one parse per file, one walk collecting the nodes the rules read, then every `py` rule.
 * Inline scripts of `hf_jobs("uv", {"script": """..."""})` are analysed recursively as job scripts, with their
 * findings mapped back into the outer file.
 */
import { SourceText, withLoneCrAsLf, type AnalysisInput, type Diagnostic, type RelatedInformation, type ScriptFacts } from "@hf-jobs-lint/core";
import { nodesOfTypes, withPythonTree, type SyntaxNode, type TypedNode } from "./parser.js";
import { FileModel, MODEL_NODE_TYPES } from "./model.js";
import { toDiagnostics, type Context, type Finding, type Role } from "./context.js";
import { findLaunches, type Launch } from "./launch.js";
import { checkSandboxToolCalls } from "./rules/sandbox-tools.js";
import { checkLaunch, type KnownScript } from "./rules/launch-rules.js";
import { checkTokenArguments, checkTokenLiterals } from "./rules/literals.js";
import { checkTokenOutput } from "./rules/output.js";
import { checkArgvLaunches, checkUsageText } from "./rules/argv.js";
import { checkScriptHeader } from "./rules/pep723-rules.js";
import { checkLegacyVariables, checkRedundantTokenArgument, checkTokenEarly, checkTokenFromArgv } from "./rules/script-rules.js";
import { SCRIPT_NODE_TYPES, analyzeScriptNeeds, scriptFindings, type ScriptNeeds } from "./script-needs.js";
import { readString, registerErrorRanges, unparenthesize } from "./syntax.js";
import { resolveLocalScript, scriptFactsOf } from "./script-resolution.js";
import { findScriptBlock, readScriptHeader } from "./pep723.js";

export interface AnalyzeOptions {
  /** `script`: the text is a job script (an inline tool-call script); `launcher`: it launches jobs; `auto`: decide. */
  role?: Role;
  /** Recognise `hf_jobs(OPERATION, {...})` tool calls (default true). */
  toolCallSyntax?: boolean;
}

interface Collected {
  calls: SyntaxNode[];
  strings: SyntaxNode[];
  comments: SyntaxNode[];
  lists: SyntaxNode[];
  raises: SyntaxNode[];
  assignments: SyntaxNode[];
  envCandidates: SyntaxNode[];
  errors: SyntaxNode[];
}

const ANALYZER_NODE_TYPES: ReadonlySet<string> = new Set([...MODEL_NODE_TYPES, ...SCRIPT_NODE_TYPES, "string", "comment", "list", "raise_statement", "ERROR"]);

function collect(nodes: readonly TypedNode[]): Collected {
  const collected: Collected = { calls: [], strings: [], comments: [], lists: [], raises: [], assignments: [], envCandidates: [], errors: [] };
  for (const { node, type } of nodes) {
    switch (type) {
      case "call":
        collected.calls.push(node);
        collected.envCandidates.push(node);
        break;
      case "string":
        collected.strings.push(node);
        break;
      case "comment":
        collected.comments.push(node);
        break;
      case "list":
        collected.lists.push(node);
        break;
      case "raise_statement":
        collected.raises.push(node);
        break;
      case "assignment":
        collected.assignments.push(node);
        break;
      case "subscript":
      case "comparison_operator":
        collected.envCandidates.push(node);
        break;
      case "ERROR":
        {
          // Outermost ERROR subtrees only (pre-order: a nested one starts inside the last one kept).
          const last = collected.errors[collected.errors.length - 1];
          if (!last || node.startIndex >= last.endIndex) collected.errors.push(node);
        }
        break;
    }
  }
  return collected;
}

const MAX_INLINE_DEPTH = 2;

/** The needs of a file not analysed as a job script (never read: only a job script's or an inline script's are). */
const NO_NEEDS: ScriptNeeds = { level: "none", evidence: [], readsVariables: new Set(), checksTokenEarly: false, declaredSecrets: new Set() };

interface TextAnalysis {
  findings: Finding[];
  needs: ScriptNeeds;
}

/** Read and analyse a local script a launch names: relative to the launcher first, then to the repository root. */
function resolveScriptFile(input: AnalysisInput, scriptPath: string, cache: Map<string, ScriptNeeds | null>, reportMissing = true): { label: string; needs: ScriptNeeds } | null {
  return resolveLocalScript(scriptPath, {
    launcherPath: input.path,
    root: input.root,
    readFile: input.readFile,
    analyze: analyzeScriptNeeds,
    cache,
    ...(reportMissing ? { onUnresolved: input.reportUnresolvedScript } : {}),
  });
}

// The launch policy never asks `declaresSecret`: the Python API (`run_uv_job`) and the `hf_jobs` tool call are not documented to read
// the script's PEP 723 `[tool.hf-jobs]` header (docs/hf-jobs-surfaces.md, section 5), so HFJ203 on those
// launches ignores it. `hf jobs uv run` command lines get it through `scriptFactsOf`.
function knownScript(label: string, needs: ScriptNeeds): KnownScript {
  return { label, facts: scriptFactsOf(needs) };
}

/** Shift an inline script's findings into the outer file; fixes that could break the outer string are dropped. */
function mapInlineFindings(findings: Finding[], offset: number, quote: string): Finding[] {
  return findings.map((finding) => {
    const fixSafe = finding.fix?.edits.every((edit) => !edit.content.includes("\\") && !edit.content.includes(quote));
    return {
      ...finding,
      start: finding.start + offset,
      end: finding.end + offset,
      fix: finding.fix && fixSafe ? { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, start: edit.start + offset, end: edit.end + offset })) } : null,
    };
  });
}

function analyzeText(input: AnalysisInput, source: SourceText, options: AnalyzeOptions, depth: number): TextAnalysis {
  return withPythonTree(source.text, (tree) => {
    const root = tree.rootNode;
    // One walk: every later pass reads this pre-order list of the node types the rules need.
    const nodes = nodesOfTypes(root, ANALYZER_NODE_TYPES);
    const collected = collect(nodes);
    registerErrorRanges(
      tree,
      collected.errors.map((error) => [error.startIndex, error.endIndex] as [number, number]),
    );
    const model = new FileModel(root, nodes);
    const toolCallSyntax = options.toolCallSyntax ?? true;
    const role = options.role ?? "auto";
    // Most files the prefilter lets through (for a token, say) hold no launch: its launch readers are not run.
    const mayLaunch = input.mayHoldLaunch?.("python", source.text) ?? true;
    const launches = mayLaunch ? findLaunches(collected.calls, model, toolCallSyntax) : [];
    const context: Context = {
      input,
      source,
      root,
      model,
      // Refined below once `hf jobs` command lines are found (before any rule that depends on it runs).
      isLauncher: role === "launcher" || (role === "auto" && launches.length > 0),
      role,
      jobScript: null, // decided below, once launches are known: a launcher is not judged as a job script
      toolCallSyntax,
      handledTokenStrings: new Set(),
      checkedCommandStrings: new Set(),
      toolCallRanges: launches.filter((launch) => launch.kind === "tool").map((launch) => [launch.call.startIndex, launch.call.endIndex] as [number, number]),
      findings: [],
    };
    const cache = new Map<string, ScriptNeeds | null>();

    const resolveLaunchScript = (launch: Launch): KnownScript | null => {
      const argument = launch.args.get("script");
      const value = unparenthesize(model.resolveValue(argument?.value ?? null));
      if (!value) return null;
      const read = value.type === "string" ? readString(value) : null;
      if (!read || !read.literal || read.prefix.includes("b")) return null;
      if (launch.kind === "tool" && read.value.includes("\n")) return inlineScript(value, read);
      const file = resolveScriptFile(input, read.value, cache);
      return file ? knownScript(file.label, file.needs) : null;
    };

    const inlineScript = (node: SyntaxNode, read: NonNullable<ReturnType<typeof readString>>): KnownScript | null => {
      if (depth >= MAX_INLINE_DEPTH) return null;
      const mappable = !read.hasEscapes && read.quote.length === 3;
      if (!mappable) return knownScript("the inline script", analyzeScriptNeeds(read.value));
      const inner = analyzeText(input, new SourceText(read.value), { role: "script", toolCallSyntax: false }, depth + 1);
      context.handledTokenStrings.add(node.startIndex);
      for (const finding of mapInlineFindings(inner.findings, read.contentStart, read.quote)) context.findings.push(finding);
      return knownScript("the inline script", inner.needs);
    };

    for (const launch of launches) checkLaunch(context, launch, resolveLaunchScript);

    const argvScriptResolver =
      (reportMissing: boolean) =>
      (scriptPath: string): ScriptFacts | null => {
        const file = resolveScriptFile(input, scriptPath, cache, reportMissing);
        return file ? scriptFactsOf(file.needs) : null;
      };
    const argvLaunch = mayLaunch && checkArgvLaunches(context, collected.lists, collected.calls, argvScriptResolver(true));
    if (argvLaunch && role === "auto") context.isLauncher = true;
    // Usage text names example scripts (`hf jobs uv run my_script.py` in a CLI's help): a missing one is not news.
    if (mayLaunch) checkUsageText(context, collected.strings, argvScriptResolver(false));

    context.jobScript = context.isLauncher ? null : jobScriptEvidence(input, source, role);

    if (mayLaunch) checkSandboxToolCalls(context, collected.calls);
    // Most files hold no token: their strings are not read for one (141 of the 142 Python files analysed on issue
    // 12's checkouts).
    if (input.mayHoldToken?.(source.text) ?? true) checkTokenLiterals(context, collected.strings, collected.comments, collected.errors);
    checkTokenArguments(context, collected.calls);
    checkTokenOutput(context, collected.calls, collected.raises);
    checkTokenFromArgv(context, collected.calls, collected.assignments);
    checkRedundantTokenArgument(context, collected.calls);
    checkLegacyVariables(context, collected.envCandidates);

    // What the file needs as a job script: for HFJ301 on a job script, its PEP 723 header's rules, and an inline
    // script's caller; a plain module's top-level analysis has no use for it.
    if (depth === 0 && context.jobScript === null && readScriptHeader(source.text) === null) return { findings: dedupe(context.findings), needs: NO_NEEDS };
    const script = scriptFindings(root, model, source, nodes);
    checkTokenEarly(context, script);
    checkScriptHeader(context, (name) => script.needs.readsVariables.has(name));

    return { findings: dedupe(context.findings), needs: script.needs };
  });
}

/** What says this file is a job script: its role as an inline script, the repository (engine), or its own PEP 723 header. */
function jobScriptEvidence(input: AnalysisInput, source: SourceText, role: Role): RelatedInformation | null {
  if (role === "script") return { message: "job script: the inline script of a launch" };
  if (role === "launcher") return null;
  return input.jobScript ?? headerEvidence(source, input.filename);
}

/** A PEP 723 `script` header as evidence that a file is a job script (`hf jobs uv run` runs uv scripts). */
export function headerEvidence(source: SourceText, filename: string): RelatedInformation | null {
  const block = findScriptBlock(source.text);
  if (!block) return null;
  const opening = block.lines[0] ? source.positionAt(block.lines[0].lineStart).row - 1 : source.positionAt(block.closeStart).row - 1;
  return { message: "job script: it has a PEP 723 `# /// script` header, the form `hf jobs uv run` runs", filename, row: Math.max(1, opening) };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const result: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.code}:${finding.start}:${finding.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(finding);
  }
  return result.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

/** Every `py` rule's findings for one file (select/ignore and noqa are the caller's). */
export function analyzePython(input: AnalysisInput, options: AnalyzeOptions = {}): Diagnostic[] {
  // A file whose lines end in lone CRs is analysed as LF text (same offsets), and the lines its fixes insert end
  // in CR again, as the file's own lines do.
  const text = input.source.text;
  const normalised = withLoneCrAsLf(text);
  const source = normalised === text ? input.source : new SourceText(normalised);
  const { findings } = analyzeText(source === input.source ? input : { ...input, source }, source, options, 0);
  return toDiagnostics(input.source, input.filename, input.source.eol === "\r" ? findings.map(withCrLineEnds) : findings);
}

function withCrLineEnds(finding: Finding): Finding {
  if (!finding.fix) return finding;
  return { ...finding, fix: { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, content: edit.content.replace(/\r?\n/g, "\r") })) } };
}
