/**
 * The analyzer for dotenv files found in a repository (`.env`, `.env.*`, `.envrc`, `*.env`; a `.gitignore`d one is
 * not visited): HFJ101 on every real-looking token in them. A token in a file the repository tracks is leaked. The
 * same text named by an `hf jobs --secrets-file` is where a secret belongs, as long as it is not committed; what
 * such a command line gets wrong inside the file is decided with the command line (core dotenv/named-files.ts).
 */
import { hardcodedTokenMessage, redact, type AnalysisInput, type Analyzer } from "@hf-jobs-lint/core";
import { toDiagnostics } from "./analyzer.js";
import { tokenFindings } from "./check.js";

function analyzeDotenv(input: AnalysisInput) {
  return tokenFindings(input.source.text, new Set()).map((finding) => {
    const token = input.source.text.slice(finding.start, finding.end);
    return { ...finding, message: hardcodedTokenMessage(redact(token), "in a dotenv file of the repository", "keep this file out of the repository (list it in `.gitignore`)") };
  });
}

export const dotenvAnalyzer: Analyzer = {
  kinds: ["dotenv"],
  analyze: (input) => toDiagnostics(input, analyzeDotenv(input)),
};
