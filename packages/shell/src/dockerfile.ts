/**
 * The analyzer for Dockerfiles (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`): each shell-form
 * `RUN` instruction, continuation lines included, is analysed as shell in place (everything else blanked, offsets
 * kept, so rows and columns are the Dockerfile's own), and HFJ101 covers the rest of the file: a token in an `ENV`
 * or `ARG` line is baked into the image, where `docker history` shows it to everyone who pulls it.
 */
import { hardcodedTokenMessage, namedFileLookup, redact, withLoneCrAsLf, type AnalysisInput, type Analyzer } from "@hf-jobs-lint/core";
import { toDiagnostics, withFileLineEnds } from "./analyzer.js";
import { LAUNCH_HINT, checkShellRegion, coveredTokenOffsets, tokenFindings, type LocalFinding } from "./check.js";
import { linesIn } from "./mask.js";
import { loadAnalyzeScriptNeeds, scriptFactsLookup, type AnalyzeScriptNeeds } from "./script-facts.js";

/** `# escape=\`` among the parser directives at the top: the line continuation character (default `\`). */
function escapeCharacter(text: string): string {
  for (const line of text.split("\n")) {
    const directive = /^\s*#\s*([a-z]+)\s*=\s*(\S*)/i.exec(line);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === "escape" && (directive[2] === "`" || directive[2] === "\\")) return directive[2];
  }
  return "\\";
}

const INSTRUCTION = /^\s*([A-Za-z]+)(?=\s|$)/;
/** `RUN` flags before the command: `--mount=type=cache,target=/root/.cache`, `--network=none`, `--security=insecure`. */
const RUN_FLAGS = /^(?:\s+--[a-z-]+(?:=\S*)?)*\s*/;

/**
 * The Dockerfile as the shell tokenizer should read it (same length, line breaks kept): the command of every
 * shell-form `RUN`, with its keyword and flags blanked, comment lines inside it turned into bare continuations
 * (Docker drops them; a shell would end the command there) and a backtick escape made a backslash. Everything
 * else is blanked. Exec form (`RUN ["bash", "-c", ...]`) and heredocs (`RUN <<EOF`) are not read.
 */
export function dockerfileShellText(text: string): string {
  const escape = escapeCharacter(text);
  const out = text.replace(/[^\r\n]/g, " ").split("");
  const lines = linesIn(text, 0, text.length);
  const continues = (line: { start: number; end: number }): number | null => {
    const content = text.slice(line.start, line.end).trimEnd();
    return content.endsWith(escape) ? line.start + content.length - 1 : null;
  };
  const isCommentOrEmpty = (line: { start: number; end: number }) => /^\s*(?:#.*)?$/.test(text.slice(line.start, line.end));
  for (let i = 0; i < lines.length;) {
    const first = lines[i]!;
    if (isCommentOrEmpty(first)) {
      i++;
      continue;
    }
    // The instruction's lines: continuations, with Docker's comment and empty lines inside them.
    let last = i;
    for (let k = i; continues(lines[k]!) !== null && k + 1 < lines.length;) {
      k++;
      while (k + 1 < lines.length && isCommentOrEmpty(lines[k]!)) k++;
      last = k;
    }
    const keyword = INSTRUCTION.exec(text.slice(first.start, first.end));
    const afterKeyword = first.start + (keyword ? keyword[0].length : 0);
    const flags = RUN_FLAGS.exec(text.slice(afterKeyword, first.end))![0].length;
    const commandStart = afterKeyword + flags;
    const form = text.slice(commandStart, commandStart + 2);
    if (keyword && keyword[1]!.toUpperCase() === "RUN" && !form.startsWith("[") && form !== "<<") {
      for (let k = i; k <= last; k++) {
        const line = lines[k]!;
        const from = k === i ? commandStart : line.start;
        if (k > i && isCommentOrEmpty(line)) {
          // A continuation that carries nothing (an empty line cannot carry one: the command ends there, as before).
          if (line.end > line.start) out[line.end - 1] = "\\";
          continue;
        }
        for (let at = from; at < line.end; at++) out[at] = text[at]!;
        const escapeAt = k < last ? continues(line) : null;
        if (escapeAt !== null) {
          // The escape goes last on the line for the shell (Docker allows trailing blanks after it).
          for (let at = escapeAt; at < line.end; at++) out[at] = " ";
          out[line.end - 1] = "\\";
        }
      }
    }
    i = last + 1;
  }
  return out.join("");
}

async function analyzeDockerfile(input: AnalysisInput, analyzeNeeds?: AnalyzeScriptNeeds | null): Promise<LocalFinding[]> {
  const text = withLoneCrAsLf(input.source.text);
  const shellText = dockerfileShellText(text);
  const analyze = analyzeNeeds !== undefined ? analyzeNeeds : LAUNCH_HINT.test(shellText) ? await loadAnalyzeScriptNeeds() : null;
  const findings = checkShellRegion(
    { text, shellText, makefile: false, scriptFacts: scriptFactsLookup(input, analyze), hubVersion: input.hubVersion ?? null, dotenvFile: namedFileLookup(input) },
    0,
    text.length,
  );
  for (const finding of tokenFindings(text, coveredTokenOffsets(findings))) {
    const token = text.slice(finding.start, finding.end);
    findings.push({
      ...finding,
      message: hardcodedTokenMessage(redact(token), "in a Dockerfile (image layers keep it)", "pass it as a build secret (`RUN --mount=type=secret,id=HF_TOKEN`) or at run time"),
    });
  }
  return findings;
}

export function createDockerfileAnalyzer(options: { analyzeScriptNeeds?: AnalyzeScriptNeeds | null } = {}): Analyzer {
  return {
    kinds: ["dockerfile"],
    async analyze(input) {
      return toDiagnostics(input, withFileLineEnds(input, await analyzeDockerfile(input, options.analyzeScriptNeeds)));
    },
  };
}

export const dockerfileAnalyzer: Analyzer = createDockerfileAnalyzer();
