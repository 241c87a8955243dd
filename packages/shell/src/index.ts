/** @hf-jobs-lint/shell: the analyzers for shell files, Makefile recipes and CI workflow steps (GitHub Actions, GitLab CI). */
export { shellAnalyzer, createShellAnalyzer, analyzeShellFile, isMakefile, toDiagnostics } from "./analyzer.js";
export { tokenizeShell, tokenizeRange, type ShellWord, type ShellCommand } from "./tokenize.js";
export { checkShellRegion, tokenFindings, coveredTokenOffsets, type LocalFinding, type ShellCheckContext } from "./check.js";
export { blankRanges, promptBlanks, makefileBlanks, linesIn, type PromptMode, type Range } from "./mask.js";
export { loadAnalyzeScriptNeeds, scriptFactsLookup, type ScriptFactsLookup, type AnalyzeScriptNeeds } from "./script-facts.js";
export { quoteShellWord, renderArgvFix } from "./render.js";
export { ciYamlAnalyzer, createCiYamlAnalyzer, analyzeCiYaml, ciDialect, type CiDialect } from "./ci-yaml.js";
