/**
 * CI workflow steps: GitHub Actions `run:` (workflows and composite actions) and GitLab CI `script:`,
 * `before_script:`, `after_script:` (a string or a list of strings); a YAML file elsewhere (another CI system, a
 * task file) is read for the same keys when it has them, and a file with a GitHub workflow's shape (`jobs:` with
 * `runs-on:`/`steps:`) as a workflow. In a GitHub workflow each step's environment (`env:` of the workflow, the
 * job and the step, an earlier login step, the runner) goes to core as a `CiStepContext` (HFJ213, HFJ214). Each command string is analysed as shell
 * where it stands in the YAML file: a block scalar (`|`, `>`) is read line by line at its own offsets, with the
 * line breaks a folded scalar turns into spaces blanked accordingly; plain and quoted scalars likewise. A double
 * quoted scalar with escapes (or a single quoted one with `''`) cannot be mapped character for character: it
 * is analysed from its decoded value, reported on the whole scalar, without fixes.
 * HFJ101 covers the whole file (an `env:` holding a literal token, a comment): report only, no fix. A runner
 * `env:` with `HF_TOKEN: ${{ secrets.HF_TOKEN }}` is the runner's environment, not a job's, and is fine.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Scalar } from "yaml";
import { LAUNCH_COMMAND_HINT, namedFileLookup, ParseError, toSlashes, withLoneCrAsLf, type AnalysisInput, type Analyzer, type CiStepContext } from "@hf-jobs-lint/core";
import { checkShellCommand, checkShellRegion, coveredTokenOffsets, tokenFindings, type LocalFinding } from "./check.js";
import { toDiagnostics, withFileLineEnds } from "./analyzer.js";
import { linesIn } from "./mask.js";
import { loadAnalyzeScriptNeeds, scriptFactsLookup, type AnalyzeScriptNeeds, type ScriptFactsLookup } from "./script-facts.js";
import { tokenizeShell } from "./tokenize.js";

export type CiDialect = "github" | "gitlab" | "generic";

/** The dialect a file's path says; a YAML file elsewhere is read by its shape (`generic`). */
export function ciDialect(filename: string): CiDialect {
  const normalized = toSlashes(filename);
  if (/(^|\/)\.gitlab-ci\.ya?ml$/.test(normalized) || /(^|\/)\.gitlab\/ci\//.test(normalized)) return "gitlab";
  if (/(^|\/)\.github\/(?:workflows|actions)\//.test(normalized)) return "github";
  return "generic";
}

const GITLAB_SCRIPT_KEYS = new Set(["script", "before_script", "after_script"]);
/** `shell:` values of a GitHub step whose `run:` is not shell. */
const WORKFLOW_JOBS_KEY = /^jobs:[ \t]*(?:#.*)?$/gm;
const NON_SHELL = /^(?:python|pwsh|powershell|cmd)\b/;

/** A command scalar with what its step's context says about the environment (GitHub workflows only). */
interface CommandScalar {
  scalar: Scalar;
  ci: CiStepContext | null;
}

const keyOf = (pair: { key: unknown }): unknown => (isScalar(pair.key) ? pair.key.value : null);

function mapGet(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => keyOf(pair) === key)?.value;
}

/** Names an `env:` map defines; null when it is not a plain map (an expression). */
function envNames(node: unknown): string[] | null {
  if (node === undefined || node === null) return [];
  if (!isMap(node)) return null;
  return node.items.map((pair) => keyOf(pair)).filter((key): key is string => typeof key === "string");
}

const scalarText = (node: unknown): string => (isScalar(node) && typeof node.value === "string" ? node.value : "");

/** Text of a step that logs in for the steps after it (or writes HF_TOKEN into the job's environment). */
const LOGIN_STEP = /\bhf\s+auth\s+login\b|\bhuggingface-cli\s+login\b|\blogin\s*\(|HF_TOKEN[^\n]*>>\s*"?\$\{?GITHUB_ENV|GITHUB_ENV[^\n]*HF_TOKEN/;

/** Variables a step's own script sets (`export KEY=...`, `KEY=... cmd`). */
function setByScript(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s;&|(])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!);
}

/** The GitHub workflow shape: `jobs:` whose entries have `runs-on:`/`steps:`. Composite actions: `runs.steps`. */
function isGithubWorkflow(root: unknown): boolean {
  const jobs = mapGet(root, "jobs");
  return isMap(jobs) && jobs.items.some((pair) => isMap(pair.value) && (mapGet(pair.value, "runs-on") !== undefined || isSeq(mapGet(pair.value, "steps"))));
}

function isCompositeAction(root: unknown): boolean {
  return isSeq(mapGet(mapGet(root, "runs"), "steps"));
}

/** Every `run:` of a GitHub workflow's steps, with the step's environment as the file shows it. */
function githubWorkflowScalars(root: unknown, found: CommandScalar[]): void {
  const workflowEnv = envNames(mapGet(root, "env"));
  const jobs = mapGet(root, "jobs");
  if (!isMap(jobs)) return;
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    const steps = mapGet(job, "steps");
    if (!isSeq(steps)) continue;
    const runsOn = mapGet(job, "runs-on");
    const runners = isScalar(runsOn) ? [String(runsOn.value)] : isSeq(runsOn) ? runsOn.items.map((item) => (isScalar(item) ? String(item.value) : "${{")) : null;
    const jobEnv = envNames(mapGet(job, "env"));
    // The environment is not all in the file: a self-hosted runner (variables, a stored login), a container, an expression.
    const opaqueJob = !runners || runners.some((r) => /self-hosted|\$\{\{/.test(r)) || mapGet(job, "container") !== undefined || !workflowEnv || !jobEnv;
    let loggedIn = false;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const run = mapGet(step, "run");
      const stepEnv = envNames(mapGet(step, "env"));
      const shell = scalarText(mapGet(step, "shell"));
      if (isScalar(run) && typeof run.value === "string" && !NON_SHELL.test(shell)) {
        const defined = new Set([...(workflowEnv ?? []), ...(jobEnv ?? []), ...(stepEnv ?? []), ...setByScript(run.value)]);
        const ci: CiStepContext = { definedVariables: defined, loggedIn: loggedIn || LOGIN_STEP.test(run.value), opaqueEnvironment: opaqueJob || !stepEnv };
        found.push({ scalar: run, ci });
      }
      const uses = scalarText(mapGet(step, "uses"));
      if (LOGIN_STEP.test(scalarText(run)) || /huggingface|login/i.test(uses)) loggedIn = true;
    }
  }
}

/** Every shell command scalar of the document, in source order. */
function commandScalars(root: Node | null, dialect: CiDialect): CommandScalar[] {
  const found: CommandScalar[] = [];
  if (dialect !== "gitlab" && isGithubWorkflow(root)) {
    githubWorkflowScalars(root, found);
    return found.sort((a, b) => a.scalar.range![0] - b.scalar.range![0]);
  }
  const addScalars = (node: unknown): void => {
    if (isScalar(node) && typeof node.value === "string") found.push({ scalar: node, ci: null });
    else if (isSeq(node)) for (const item of node.items) addScalars(item);
  };
  // A composite action's steps (`runs.steps[].run`) take their environment from the caller: no step context.
  const githubLike = dialect === "github" || isCompositeAction(root);
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const shell = node.items.find((pair) => isScalar(pair.key) && pair.key.value === "shell");
      const nonShell = shell && isScalar(shell.value) && typeof shell.value.value === "string" && NON_SHELL.test(shell.value.value);
      for (const pair of node.items) {
        const key = keyOf(pair);
        if ((githubLike || dialect === "generic") && key === "run" && isScalar(pair.value)) {
          if (!nonShell) addScalars(pair.value);
        } else if (dialect !== "github" && typeof key === "string" && GITLAB_SCRIPT_KEYS.has(key) && !githubLike) addScalars(pair.value);
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
      const indent = lines
        .filter((l) => l.end > l.start && text.slice(l.start, l.end).trim() !== "")
        .reduce((least, l) => Math.min(least, /^ */.exec(text.slice(l.start, l.end))![0].length), Infinity);
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
  // YAML ends lines at a lone CR too; the parser and the shell scanner read LF (same offsets).
  const text = withLoneCrAsLf(input.source.text);
  const findings: LocalFinding[] = [];
  const dialect = ciDialect(input.filename);
  const regionFindings: LocalFinding[] = [];
  // Every GitHub workflow has a top-level `jobs:` key: that word is structure, not a command line.
  if (LAUNCH_COMMAND_HINT.test(text.replace(WORKFLOW_JOBS_KEY, ""))) {
    const analyze = analyzeNeeds !== undefined ? analyzeNeeds : await loadAnalyzeScriptNeeds();
    const scriptFacts: ScriptFactsLookup = scriptFactsLookup(input, analyze);
    const regions: (ScalarRegion & { ci: CiStepContext | null })[] = [];
    for (const document of parseAllDocuments(text, { keepSourceTokens: true })) {
      if (!("contents" in document)) continue;
      const invalid = document.errors[0];
      if (invalid && dialect !== "generic") {
        // Not YAML the CI runner would accept: a per-file error, with the tokens the text holds still reported. (A
        // YAML file outside the CI folders may be a template, `{{ ... }}`, and is left alone.)
        const where = invalid.linePos ? ` at ${invalid.linePos[0].line}:${invalid.linePos[0].col}` : "";
        throw new ParseError(`invalid YAML${where}: ${invalid.message.split("\n")[0]}`, toDiagnostics(input, tokenFindings(text, new Set())));
      }
      for (const { scalar, ci } of commandScalars(document.contents, dialect)) {
        const region = scalar.range ? scalarRegion(text, scalar) : null;
        if (region) regions.push({ ...region, ci });
        else if (scalar.range) {
          for (const finding of decodedScalarFindings(String(scalar.value), scalar.range[0], scalar.range[1], scriptFacts, input.hubVersion ?? null, ci))
            regionFindings.push(finding);
        }
      }
    }
    const shellText = applyFolds(
      text,
      regions.flatMap((region) => region.folds),
    );
    const dotenvFile = namedFileLookup(input);
    for (const region of regions) {
      const context = { text, shellText, makefile: false, scriptFacts, hubVersion: input.hubVersion ?? null, ci: region.ci, dotenvFile };
      for (const finding of checkShellRegion(context, region.from, region.to)) regionFindings.push(finding);
    }
  }
  for (const finding of regionFindings) findings.push(finding);
  // A YAML file outside the CI folders is read only for its command steps; its other text is not a workflow's.
  if (dialect !== "generic") for (const finding of tokenFindings(text, coveredTokenOffsets(findings))) findings.push(finding);
  return findings;
}

/** A command string that cannot be mapped character for character: findings on the whole scalar, no fixes. */
function decodedScalarFindings(value: string, start: number, end: number, scriptFacts: ScriptFactsLookup, hubVersion: string | null, ci: CiStepContext | null): LocalFinding[] {
  const findings: LocalFinding[] = [];
  for (const command of tokenizeShell(value)) {
    for (const finding of checkShellCommand(command, { text: value, shellText: value, makefile: false, scriptFacts, hubVersion, ci })) {
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
      return toDiagnostics(input, withFileLineEnds(input, await analyzeCiYaml(input, options.analyzeScriptNeeds)));
    },
  };
}

export const ciYamlAnalyzer: Analyzer = createCiYamlAnalyzer();
