/** @hf-jobs-lint/shell: the analyzers for shell files, Makefile recipes and CI workflow steps (GitHub Actions, GitLab CI). */
export { shellAnalyzer, createShellAnalyzer, toDiagnostics } from "./analyzer.js";
export { ciYamlAnalyzer, createCiYamlAnalyzer } from "./ci-yaml.js";
export { dotenvAnalyzer } from "./dotenv.js";
export { dockerfileAnalyzer, createDockerfileAnalyzer, dockerfileShellText } from "./dockerfile.js";
// The building blocks the Markdown analyzer runs on shell fences.
export { checkShellRegion, tokenFindings, coveredTokenOffsets, type LocalFinding, type ShellCheckContext } from "./check.js";
export { blankRanges, promptBlanks, type PromptMode, type Range } from "./mask.js";
export { loadAnalyzeScriptNeeds, scriptFactsLookup, type ScriptFactsLookup, type AnalyzeScriptNeeds } from "./script-facts.js";
