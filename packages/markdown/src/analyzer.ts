/**
 * Markdown docs: fenced code blocks are dispatched by language to the Python, TypeScript or shell analysis and
 * their findings mapped back into the Markdown file; HFJ101 covers the whole file, prose included. Blocks after
 * `<!-- hf-jobs-lint-disable-next-block -->` are not reported, nor are deliberate counter-examples (see
 * counterexamples.ts) unless `includeCounterexamples`. Sub-analyzers are injected so that this module does not
 * load the Python grammar or ESLint; the engine's registry wires them.
 */
import path from "node:path";
import { LAUNCH_COMMAND_HINT, findRule, findTokens, namedFileLookup, ParseError, SourceText, type AnalysisInput, type Analyzer, type Diagnostic } from "@hf-jobs-lint/core";
import {
  blankRanges,
  checkShellRegion,
  coveredTokenOffsets,
  loadAnalyzeScriptNeeds,
  promptBlanks,
  scriptFactsLookup,
  tokenFindings,
  toDiagnostics,
  type AnalyzeScriptNeeds,
  type LocalFinding,
  type PromptMode,
  type Range,
} from "@hf-jobs-lint/shell";
import { lineVerdicts, markOf, type CommentStyle, type Verdict } from "./counterexamples.js";
import { findFences, type FenceBlock } from "./fences.js";
import { FenceText } from "./mapping.js";
import { firstPromptedLine, isPythonSession, pythonSessionLines } from "./sessions.js";

export interface MarkdownSubAnalyzers {
  python?: Analyzer;
  typescript?: Analyzer;
  /** What a job script needs (HFJ203 in shell fences); defaults to `@hf-jobs-lint/python`'s, loaded lazily. */
  analyzeScriptNeeds?: AnalyzeScriptNeeds | null;
}

type FenceKind = { analyzer: "python"; ext: "py" } | { analyzer: "typescript"; ext: string } | { analyzer: "shell"; mode: PromptMode };

const TS_EXTENSIONS: Record<string, string> = { ts: "ts", typescript: "ts", tsx: "tsx", js: "js", javascript: "js", jsx: "jsx", mjs: "mjs", cjs: "cjs" };

/** A session line that is a shell command (`>>> hf jobs run ...` in hub-docs), not a Python statement. */
const SHELL_COMMAND = /^(?:hf|huggingface-cli|hfjobs|hfjs|hf-jobsx|uv|uvx|pip|pip3|curl|export|docker|git|npm|npx)(?:\s|$)/;
const JOBS_COMMAND = /^(?:(?:\$|>>>|%)\s+)?(?:(?:hf|huggingface-cli)\s+(?:jobs|jobsx|sandbox)\b|hfjobs\b|hf-jobsx\b|hfjs\s+jobs\b)/;

function fenceKind(fence: FenceBlock, text: string): FenceKind | null {
  const lang = fence.lang;
  if (lang === "python" || lang === "py" || lang === "python3" || lang === "pycon") return { analyzer: "python", ext: "py" };
  if (TS_EXTENSIONS[lang]) return { analyzer: "typescript", ext: TS_EXTENSIONS[lang] };
  if (lang === "bash" || lang === "sh" || lang === "shell" || lang === "zsh") return { analyzer: "shell", mode: "doc" };
  if (lang === "console" || lang === "shell-session" || lang === "sh-session") return { analyzer: "shell", mode: "console" };
  if (lang === "") {
    const first = fence.lines.map((line) => text.slice(line.start, line.end).trim()).find((line) => line !== "");
    if (first && JOBS_COMMAND.test(first)) return { analyzer: "shell", mode: "doc" };
    // An unlabelled session: shell when its first statement is a command, Python otherwise.
    const prompted = isPythonSession(fence.lines, text) ? firstPromptedLine(fence.lines, text) : null;
    if (prompted !== null) return SHELL_COMMAND.test(prompted) ? { analyzer: "shell", mode: "doc" } : { analyzer: "python", ext: "py" };
  }
  return null;
}

/** Codes whose catalog surfaces include Markdown (HFJ301 is about job script files, not doc snippets). */
function appliesToMarkdown(code: string): boolean {
  const rule = findRule(code);
  return !rule || rule.surfaces.includes("md");
}

interface PlacedFinding extends LocalFinding {
  noqaRow?: number;
}

interface FenceScope {
  fence: FenceBlock;
  /** Markdown offsets covered by the fence's content. */
  from: number;
  to: number;
  verdicts: (Verdict | null)[];
  fenceVerdict: Verdict | null;
}

function commentStyle(kind: FenceKind | null): CommentStyle {
  return kind?.analyzer === "typescript" ? "slash" : "hash";
}

export function createMarkdownAnalyzer(sub: MarkdownSubAnalyzers = {}): Analyzer {
  const subFor = (kind: FenceKind): Analyzer | undefined => (kind.analyzer === "python" ? sub.python : kind.analyzer === "typescript" ? sub.typescript : undefined);
  return {
    kinds: ["markdown"],
    async init() {
      await Promise.all([sub.python?.init?.(), sub.typescript?.init?.()]);
    },
    async analyze(input) {
      const text = input.source.text;
      const fences = findFences(input.source);
      const findings: PlacedFinding[] = [];
      const scopes: FenceScope[] = [];
      const shellRegions: { from: number; to: number; mode: PromptMode }[] = [];

      for (const fence of fences) {
        if (!fence.mappable || fence.lines.length === 0) continue;
        const kind = fenceKind(fence, text);
        const from = fence.lines[0]!.start;
        const to = fence.lines[fence.lines.length - 1]!.end;
        const lineTexts = fence.lines.map((line) => text.slice(line.start, line.end));
        scopes.push({ fence, from, to, verdicts: lineVerdicts(lineTexts, commentStyle(kind)), fenceVerdict: markOf(`${fence.intro ?? ""} ${fence.info}`) });
        if (!kind) continue;
        if (kind.analyzer === "shell") {
          shellRegions.push({ from, to, mode: kind.mode });
          continue;
        }
        const analyzer = subFor(kind);
        if (!analyzer) continue;
        for (const finding of await analyzeFence(analyzer, input, fence, kind.ext)) findings.push(finding);
      }

      if (shellRegions.length > 0) for (const finding of await analyzeShellFences(input, fences, shellRegions, sub.analyzeScriptNeeds)) findings.push(finding);

      // HFJ101 on every token not already reported (prose, unknown fence languages, HTML comments).
      for (const finding of tokenFindings(text, coveredTokenOffsets(findings))) findings.push(finding);

      const reported = findings.filter((finding) => {
        if (!appliesToMarkdown(finding.code)) return false;
        const scope = scopeAt(scopes, finding.start);
        if (scope?.fence.disabled) return false;
        return input.includeCounterexamples || !isCounterexample(finding, scope, input.source);
      });
      return toDiagnostics(input, reported);
    },
  };
}

/** The fence holding `offset` (fences are in file order and do not overlap): a binary search, not a scan per finding. */
function scopeAt(scopes: readonly FenceScope[], offset: number): FenceScope | undefined {
  let low = 0;
  let high = scopes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const scope = scopes[mid]!;
    if (offset < scope.from) high = mid - 1;
    else if (offset > scope.to) low = mid + 1;
    else return scope;
  }
  return undefined;
}

/**
 * Counter-example marks are read in code (a comment on the line or above it) and in the text introducing a
 * fence (SPEC, Suppression). Prose has no comments: a real-looking token in a sentence that says "do not" or
 * "bad" is still a token that reached the file, and is reported (and listed for revocation by `migrate`).
 */
function isCounterexample(finding: LocalFinding, scope: FenceScope | undefined, source: SourceText): boolean {
  if (!scope) return false;
  const row = source.positionAt(finding.start).row;
  const lineIndex = row - source.positionAt(scope.from).row;
  const verdict = scope.verdicts[lineIndex] ?? null;
  return (verdict ?? scope.fenceVerdict) === "bad";
}

/** Run a sub-analyzer on a fence's content and map its findings into the Markdown file. */
async function analyzeFence(analyzer: Analyzer, input: AnalysisInput, fence: FenceBlock, ext: string): Promise<PlacedFinding[]> {
  // A doctest session is analysed as the code typed at its prompts (prompts and output removed, offsets kept).
  const lines = ext === "py" && isPythonSession(fence.lines, input.source.text) ? pythonSessionLines(fence.lines, input.source.text) : fence.lines;
  const content = new FenceText(lines, input.source.text);
  // A fence no selected rule can fire on is not parsed (most fences of a docs site).
  const kind = analyzer.kinds[0];
  if (kind && input.mayFire && !input.mayFire(kind, content.text)) return [];
  const suffix = `.block-${fence.openRow}.${ext}`;
  const subInput: AnalysisInput = {
    ...input,
    filename: `${input.filename}${suffix}`,
    // Scripts a snippet names resolve next to the Markdown file.
    path: input.path ? path.join(path.dirname(input.path), `${path.basename(input.path)}${suffix}`) : null,
    source: new SourceText(content.text),
    // The engine's evidence is about the Markdown file, not the snippet; a snippet's own header still counts.
    jobScript: null,
    inDocumentation: true,
  };
  let found: Diagnostic[];
  try {
    found = await analyzer.analyze(subInput);
  } catch (error) {
    // A snippet the sub-analyzer cannot parse (a fragment, pseudo-code) is not an error of the doc; a crash is.
    if (error instanceof ParseError) return [];
    throw error;
  }
  const firstRow = input.source.positionAt(fence.lines[0]!.start).row;
  // A session keeps one line of `content` per fence line, so rows still map by index.
  return found.map((diagnostic) => {
    const start = content.toMarkdown(diagnostic.start);
    const end = content.toMarkdown(diagnostic.end);
    const placed: PlacedFinding = {
      code: diagnostic.code,
      message: diagnostic.message,
      start,
      end,
      fix: content.mapFix(diagnostic.fix),
      noqaRow: firstRow + diagnostic.noqaRow - 1,
    };
    if (diagnostic.code === "HFJ101") {
      const token = findTokens(input.source.text.slice(start, end))[0];
      if (token) placed.tokenOffset = start + token.index;
    }
    return placed;
  });
}

/** Shell fences are analysed in place: container prefixes and prompts are blanked in a copy of the file. */
async function analyzeShellFences(
  input: AnalysisInput,
  fences: readonly FenceBlock[],
  regions: readonly { from: number; to: number; mode: PromptMode }[],
  injected: AnalyzeScriptNeeds | null | undefined,
): Promise<LocalFinding[]> {
  const text = input.source.text;
  const prefixBlanks: Range[] = [];
  for (const fence of fences) for (const line of fence.lines) if (line.prefix !== "") prefixBlanks.push([line.start - line.prefix.length, line.start]);
  let shellText = blankRanges(text, prefixBlanks);
  shellText = blankRanges(
    shellText,
    regions.flatMap((region) => promptBlanks(shellText, region.from, region.to, region.mode)),
  );
  const hasLaunch = regions.some((region) => LAUNCH_COMMAND_HINT.test(shellText.slice(region.from, region.to)));
  const analyze = injected !== undefined ? injected : hasLaunch ? await loadAnalyzeScriptNeeds() : null;
  const context = { text, shellText, makefile: false, scriptFacts: scriptFactsLookup(input, analyze), hubVersion: input.hubVersion ?? null, dotenvFile: namedFileLookup(input) };
  return regions.flatMap((region) => checkShellRegion(context, region.from, region.to));
}
