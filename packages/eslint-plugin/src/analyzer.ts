/**
 * `eslint-plugin-hf-jobs/analyzer`: hf-jobs-lint's TypeScript/JavaScript analyzer (the engine's registry loads it;
 * the plugin's own entry never does). The file's text is linted by ESLint's `Linter` with this plugin and the
 * given parser (the engine's oxc adapter, or typescript-eslint's), under a flat config of our own (no user config
 * is read): every rule of the plugin is on, the engine applies select/ignore itself. ESLint messages become core
 * diagnostics: the code from the rule name, offsets from ESLint's line/column, an ESLint fix -> a safe fix, the
 * first suggestion -> an unsafe fix.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Linter } from "eslint/universal";
import { pythonReady, standaloneConfig } from "./index.js";
import { withFileAccess } from "./local-script.js";
import {
  findRule,
  makeDiagnostic,
  ParseError,
  redactText,
  SourceText,
  tokenOnlyDiagnostics,
  type Analyzer,
  type AnalysisInput,
  type Diagnostic,
  type Edit,
  type Fix,
} from "@hf-jobs-lint/core";

// `cwd: "/"` so that every absolute path falls under the config's `files` pattern.
const LINTER_CWD = path.parse(process.cwd()).root;
const linter = new Linter({ configType: "flat", cwd: LINTER_CWD });

/** ESLint's config array class: `verify` takes an instance as it is (anything with `getConfig`). */
type ConfigArrayClass = new (configs: Linter.Config[], options: { basePath: string }) => Linter.Config[] & { normalizeSync(): void };

/**
 * Given a plain array, `verify` builds and validates a new config array for every file (rule options against their
 * schemas included): 0.19 s over the 93 TS files of issue 12's checkouts. ESLint's own `FlatConfigArray`, built once,
 * keeps the merged config. The class is not public API: it is taken from the installed ESLint where ESLint 10 keeps
 * it, and when it is not there the plain array is passed (the same findings, slower; a test pins the location).
 */
export function loadConfigArrayClass(): ConfigArrayClass | null {
  try {
    const require = createRequire(import.meta.url);
    const internal = path.join(path.dirname(require.resolve("eslint")), "config", "flat-config-array.js");
    const loaded = (require(internal) as { FlatConfigArray?: unknown }).FlatConfigArray;
    return typeof loaded === "function" && typeof (loaded.prototype as { getConfig?: unknown }).getConfig === "function" ? (loaded as ConfigArrayClass) : null;
  } catch {
    return null;
  }
}

let configArrayClass: ConfigArrayClass | null | undefined;
/** Built config arrays, by config and the huggingface_hub version setting added to it. */
const builtConfigs = new WeakMap<Linter.Config[], Map<string, Linter.Config[]>>();

/** `config` with the repository's huggingface_hub version as a shared setting (the command-line rules read it), built once. */
function configFor(config: Linter.Config[], hubVersion: string | null | undefined): Linter.Config[] {
  let built = builtConfigs.get(config);
  if (!built) builtConfigs.set(config, (built = new Map()));
  const key = hubVersion ?? "";
  let ready = built.get(key);
  if (!ready) {
    const entries = hubVersion ? [...config, { settings: { "hf-jobs": { hubVersion } } }] : config;
    const ConfigArray = (configArrayClass ??= loadConfigArrayClass());
    if (ConfigArray) {
      const array = new ConfigArray(entries, { basePath: LINTER_CWD });
      array.normalizeSync();
      ready = array;
    } else ready = entries;
    built.set(key, ready);
  }
  return ready;
}

function lint(config: Linter.Config[], input: AnalysisInput): { messages: Linter.LintMessage[]; toOffset(line: number, column: number): number } {
  const filename = input.path ?? path.resolve(input.root, input.filename);
  const ready = configFor(config, input.hubVersion);
  // Scripts the launches name are read through the engine, which then knows what the findings depend on.
  const messages = withFileAccess(input.readFile, () => linter.verify(input.source.text, ready, { filename }));
  const sourceCode = linter.getSourceCode();
  // ESLint lints the text without its BOM; core offsets count it.
  const bom = input.source.hasBom ? 1 : 0;
  return {
    messages,
    toOffset: (line, column) => sourceCode.getIndexFromLoc({ line, column: column - 1 }) + bom,
  };
}

function toEdits(fix: { range: [number, number]; text: string }, bom: number): Edit[] {
  return [{ start: fix.range[0] + bom, end: fix.range[1] + bom, content: fix.text }];
}

/**
 * ESLint fixes carry no description: name a small single-line change by what it does (as Ruff's fix titles
 * do), else fall back to the catalog's summary of the rule's fix.
 */
function describeFix(text: string, fix: { range: [number, number]; text: string }, fallback: string): string {
  const before = text.slice(fix.range[0], fix.range[1]);
  const short = (value: string) => value.length <= 60 && !value.includes("\n");
  if (short(before) && short(fix.text)) {
    if (before === "") return `Insert \`${fix.text.trim()}\``;
    if (fix.text === "") return `Remove \`${before.trim()}\``;
    return `Replace \`${before}\` with \`${fix.text}\``;
  }
  return fallback.charAt(0).toUpperCase() + fallback.slice(1);
}

function analyzeTypeScript(config: Linter.Config[], input: AnalysisInput): Diagnostic[] {
  const { messages, toOffset } = lint(config, input);
  const bom = input.source.hasBom ? 1 : 0;
  const diagnostics: Diagnostic[] = [];
  for (const message of messages) {
    if (message.fatal) {
      const reason = redactText(message.message.replace(/^Parsing error: /, ""));
      // A parser that gave up without a place (its stack overflowed on deep nesting) has no line to name.
      const where = message.line ? `syntax error at ${message.line}:${Math.max(1, message.column)}` : /call stack/i.test(reason) ? "nested too deeply" : "parser error";
      throw new ParseError(`${where}: ${reason}`, tokenOnlyDiagnostics(input.source, input.filename));
    }
    if (!message.ruleId) throw new Error(redactText(message.message)); // e.g. no configuration matched the file
    const rule = findRule(message.ruleId);
    if (!rule) continue;
    const start = toOffset(message.line, message.column);
    const end = message.endLine !== undefined && message.endColumn !== undefined ? toOffset(message.endLine, message.endColumn) : start;
    let fix: Fix | null = null;
    if (message.fix) {
      fix = { applicability: "safe", message: redactText(describeFix(input.source.text.slice(bom), message.fix, rule.fixSummary)), edits: toEdits(message.fix, bom) };
    } else if (message.suggestions?.[0]) {
      const suggestion = message.suggestions[0];
      fix = { applicability: "unsafe", message: redactText(suggestion.desc), edits: toEdits(suggestion.fix, bom) };
    }
    diagnostics.push(makeDiagnostic(input.source, input.filename, { code: rule.code, message: redactText(message.message), start, end, fix }));
  }
  return diagnostics;
}

/** 1 when the file does not parse, else 0 (a fix must not add syntax errors). */
function countTypeScriptSyntaxErrors(config: Linter.Config[], text: string, filename: string): number {
  const input = { filename, path: null, source: new SourceText(text), root: ".", readFile: () => null, includeCounterexamples: false };
  return lint(config, input).messages.some((message) => message.fatal) ? 1 : 0;
}

/**
 * The analyzer linting with `parser` (an ESLint parser: `parseForESLint` giving a TS-ESTree AST and its scopes), and
 * documentation snippets (Markdown fences) with `snippetParser`, by default the same one.
 */
export function createTypeScriptAnalyzer(parser: Linter.Parser, snippetParser: Linter.Parser = parser): Analyzer {
  const config = standaloneConfig(parser);
  const snippetConfig = snippetParser === parser ? config : standaloneConfig(snippetParser);
  return {
    kinds: ["typescript"],
    // Inline and local Python scripts are analysed in this thread once the grammar is loaded (no worker).
    init: () => pythonReady,
    analyze: (input) => analyzeTypeScript(input.inDocumentation ? snippetConfig : config, input),
    countSyntaxErrors: (text, filename) => countTypeScriptSyntaxErrors(config, text, filename),
  };
}
