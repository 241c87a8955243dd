/**
 * CI workflow steps: GitHub Actions `run:` (workflows and composite actions) and GitLab CI `script:`,
 * `before_script:`, `after_script:` (a string or a list of strings). Each command string is analysed as shell
 * where it stands in the YAML file: a block scalar (`|`, `>`) is read line by line at its own offsets, with the
 * line breaks a folded scalar turns into spaces blanked accordingly; plain and quoted scalars likewise. A double
 * quoted scalar with escapes (or a single quoted one with `''`) cannot be mapped character for character: it
 * is analysed from its decoded value, reported on the whole scalar, without fixes.
 * HFJ101 covers the whole file (an `env:` holding a literal token, a comment): report only, no fix. A runner
 * `env:` with `HF_TOKEN: ${{ secrets.HF_TOKEN }}` is the runner's environment, not a job's, and is fine.
 */
import path from "node:path";
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Scalar } from "yaml";
import { namedFileLookup, type AnalysisInput, type Analyzer } from "@hf-jobs-lint/core";
import { checkShellCommand, checkShellRegion, coveredTokenOffsets, tokenFindings, type LocalFinding } from "./check.js";
import { toDiagnostics } from "./analyzer.js";
import { linesIn } from "./mask.js";
import { loadAnalyzeScriptNeeds, scriptFactsLookup, type AnalyzeScriptNeeds, type ScriptFactsLookup } from "./script-facts.js";
import { tokenizeShell } from "./tokenize.js";

export type CiDialect = "github" | "gitlab";

export function ciDialect(filename: string): CiDialect {
  const normalized = filename.split(path.sep).join("/");
  return /(^|\/)\.gitlab-ci\.ya?ml$/.test(normalized) || /(^|\/)\.gitlab\/ci\//.test(normalized) ? "gitlab" : "github";
}

const GITLAB_SCRIPT_KEYS = new Set(["script", "before_script", "after_script"]);
/** `shell:` values of a GitHub step whose `run:` is not shell. */
const NON_SHELL = /^(?:python|pwsh|powershell|cmd)\b/;

/** Every shell command scalar of the document, in source order. */
function commandScalars(root: Node | null, dialect: CiDialect): Scalar[] {
  const found: Scalar[] = [];
  const addScalars = (node: unknown): void => {
    if (isScalar(node) && typeof node.value === "string") found.push(node);
    else if (isSeq(node)) for (const item of node.items) addScalars(item);
  };
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const shell = node.items.find((pair) => isScalar(pair.key) && pair.key.value === "shell");
      const nonShell = shell && isScalar(shell.value) && typeof shell.value.value === "string" && NON_SHELL.test(shell.value.value);
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : null;
        if (dialect === "github" && key === "run" && isScalar(pair.value)) {
          if (!nonShell) addScalars(pair.value);
        } else if (dialect === "gitlab" && typeof key === "string" && GITLAB_SCRIPT_KEYS.has(key)) addScalars(pair.value);
        else visit(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
    else if (isPair(node)) visit(node.value);
  };
  visit(root);
  return found;
}

interface ScalarRegion {
  from: number;
  to: number;
  /** Offsets of line breaks inside the region that YAML folds into spaces. */
  folds: number[];
}

/** Where the scalar's characters are the shell text itself, or null when they are not (escapes). */
function scalarRegion(text: string, scalar: Scalar): ScalarRegion | null {
  const [start, valueEnd] = scalar.range!;
  const token = scalar.srcToken;
  if (scalar.type === "BLOCK_LITERAL" || scalar.type === "BLOCK_FOLDED") {
    if (!token || token.type !== "block-scalar") return null;
    const newline = token.props.find((prop) => prop.type === "newline");
    const from = newline && "source" in newline ? newline.offset + newline.source.length : start;
    const to = from + token.source.length;
    const folds: number[] = [];
    if (scalar.type === "BLOCK_FOLDED") {
      const lines = linesIn(text, from, to);
      const indent = Math.min(...lines.filter((l) => l.end > l.start && text.slice(l.start, l.end).trim() !== "").map((l) => /^ */.exec(text.slice(l.start, l.end))![0].length));
      const plain = (l: { start: number; end: number }) => text.slice(l.start, l.end).trim() !== "" && /^ */.exec(text.slice(l.start, l.end))![0].length === indent;
      for (let k = 0; k + 1 < lines.length; k++) if (plain(lines[k]!) && plain(lines[k + 1]!)) folds.push(lines[k]!.end);
    }
    return { from, to, folds };
  }
  let from = start;
  let to = valueEnd;
  if (scalar.type === "QUOTE_DOUBLE" || scalar.type === "QUOTE_SINGLE") {
    from++;
    to--;
    const inner = text.slice(from, to);
    if (scalar.type === "QUOTE_DOUBLE" && inner.includes("\\")) return null;
    if (scalar.type === "QUOTE_SINGLE" && inner.includes("''")) return null;
  }
  const folds = linesIn(text, from, to)
    .slice(0, -1)
    .map((line) => line.end);
  return { from, to, folds };
}

/** `text` with the folded line breaks (and a CR before them) turned into spaces; same length. */
function applyFolds(text: string, folds: readonly number[]): string {
  if (folds.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const offset of [...folds].sort((a, b) => a - b)) {
    const nl = text.indexOf("\n", offset);
    if (nl < 0) continue;
    parts.push(text.slice(at, offset), " ".repeat(nl + 1 - offset));
    at = nl + 1;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

async function analyzeCiYaml(input: AnalysisInput, analyzeNeeds?: AnalyzeScriptNeeds | null): Promise<LocalFinding[]> {
  const text = input.source.text;
  const findings: LocalFinding[] = [];
  if (/\bjobs\b|hfjobs/.test(text)) {
    const analyze = analyzeNeeds !== undefined ? analyzeNeeds : await loadAnalyzeScriptNeeds();
    const scriptFacts: ScriptFactsLookup = scriptFactsLookup(input, analyze);
    const dialect = ciDialect(input.filename);
    const regions: ScalarRegion[] = [];
    for (const document of parseAllDocuments(text, { keepSourceTokens: true })) {
      if (!("contents" in document)) continue;
      for (const scalar of commandScalars(document.contents, dialect)) {
        const region = scalar.range ? scalarRegion(text, scalar) : null;
        if (region) regions.push(region);
        else if (scalar.range) findings.push(...decodedScalarFindings(String(scalar.value), scalar.range[0], scalar.range[1], scriptFacts));
      }
    }
    const shellText = applyFolds(
      text,
      regions.flatMap((region) => region.folds),
    );
    const dotenvFile = namedFileLookup(input);
    for (const region of regions) findings.push(...checkShellRegion({ text, shellText, makefile: false, scriptFacts, dotenvFile }, region.from, region.to));
  }
  findings.push(...tokenFindings(text, coveredTokenOffsets(findings)));
  return findings;
}

/** A command string that cannot be mapped character for character: findings on the whole scalar, no fixes. */
function decodedScalarFindings(value: string, start: number, end: number, scriptFacts: ScriptFactsLookup): LocalFinding[] {
  const findings: LocalFinding[] = [];
  for (const command of tokenizeShell(value)) {
    for (const finding of checkShellCommand(command, { text: value, shellText: value, makefile: false, scriptFacts })) {
      // HFJ101 inside is left to the whole-file token scan (the raw YAML still holds the token).
      if (finding.code === "HFJ101") continue;
      findings.push({ ...finding, start, end, fix: null });
    }
  }
  return findings;
}

export function createCiYamlAnalyzer(options: { analyzeScriptNeeds?: AnalyzeScriptNeeds | null } = {}): Analyzer {
  return {
    kinds: ["yaml-ci"],
    async analyze(input) {
      return toDiagnostics(input, await analyzeCiYaml(input, options.analyzeScriptNeeds));
    },
  };
}

export const ciYamlAnalyzer: Analyzer = createCiYamlAnalyzer();
