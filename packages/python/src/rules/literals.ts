/**
 * HFJ101 (a real-looking token anywhere: strings, f-string parts, bytes, comments) and HFJ102/HFJ202 for the
 * places a token goes outside launches: `token=`/`use_auth_token=` keywords, `login(...)`.
 */
import {
  HF_TOKEN_PLACEHOLDER,
  findTokens,
  findTokensInLiteral,
  hardcodedTokenMessage,
  isHuggingFaceLibraryPath,
  isSubstitutedPlaceholder,
  literalTokenMessage,
  mentionsHfTokenPlaceholder,
  placeholderSentLiterallyMessage,
  redact,
  type Edit,
} from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import { calleeName, insideError, keywordArguments, positionalArguments, readString, readStringish } from "../syntax.js";
import { tokenLookupReplacement } from "../replacement.js";

function tokenMessage(token: string): string {
  return hardcodedTokenMessage(redact(token));
}

/** May this string node be replaced by an expression (not a docstring, not part of implicit concatenation)? */
function replaceable(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "concatenated_string") return false;
  if (parent.type === "expression_statement") return false;
  return true;
}

/** Inside a tool call's env/secrets the right value is the substituted placeholder, not a Python lookup. */
function inToolCallArgs(context: Context, node: SyntaxNode): boolean {
  return context.toolCallRanges.some(([start, end]) => node.startIndex >= start && node.endIndex <= end);
}

function literalTokenFix(context: Context, node: SyntaxNode, exact: boolean): { applicability: "unsafe"; message: string; edits: Edit[] } | null {
  if (!exact || !replaceable(node)) return null;
  if (inToolCallArgs(context, node)) {
    const read = readString(node)!;
    return {
      applicability: "unsafe",
      message: `Use the \`${HF_TOKEN_PLACEHOLDER}\` placeholder`,
      edits: [{ start: read.contentStart, end: read.contentEnd, content: HF_TOKEN_PLACEHOLDER }],
    };
  }
  const replacement = tokenLookupReplacement(context, node);
  return { applicability: "unsafe", message: replacement.description, edits: replacement.edits };
}

export function checkTokenLiterals(context: Context, strings: readonly SyntaxNode[], comments: readonly SyntaxNode[], errors: readonly SyntaxNode[]): void {
  const covered: [number, number][] = [];
  for (const node of strings) {
    covered.push([node.startIndex, node.endIndex]);
    if (context.handledTokenStrings.has(node.startIndex)) continue;
    const read = readString(node);
    if (!read) continue;
    // In text the parser could not read, report the token but offer no edit.
    const broken = insideError(node);
    const text = context.source.text.slice(read.contentStart, read.contentEnd);
    // The runtime value decides (`"\nhf_…"` holds a bare token); a raw string's value is its source text.
    const tokens = read.prefix.includes("r")
      ? findTokens(text).map((match) => ({ token: match.token, start: match.index, end: match.index + match.token.length }))
      : findTokensInLiteral(text, read.prefix.includes("b") ? "python-bytes" : "python");
    for (const match of tokens) {
      const start = read.contentStart + match.start;
      const exact = tokens.length === 1 && read.literal && !read.prefix.includes("b") && read.value === match.token && !read.hasEscapes;
      report(context, {
        code: "HFJ101",
        message: tokenMessage(match.token),
        start,
        end: read.contentStart + match.end,
        fix: broken ? null : literalTokenFix(context, node, exact),
      });
    }
  }
  for (const node of comments) {
    covered.push([node.startIndex, node.endIndex]);
    for (const match of findTokens(node.text)) {
      const start = node.startIndex + match.index;
      report(context, { code: "HFJ101", message: tokenMessage(match.token), start, end: start + match.token.length, fix: null });
    }
  }
  // Text the parser could not read: report tokens found there (no fix), once.
  for (const error of errors) {
    for (const match of findTokens(error.text)) {
      const start = error.startIndex + match.index;
      if (covered.some(([from, to]) => start >= from && start < to)) continue;
      if (context.findings.some((finding) => finding.code === "HFJ101" && finding.start === start)) continue;
      report(context, { code: "HFJ101", message: tokenMessage(match.token), start, end: start + match.token.length, fix: null });
    }
  }
}

/**
 * HFJ102/HFJ202 for one value where a token goes. A real-looking token is HFJ101's alone; the exact `$HF_TOKEN`
 * placeholder is HFJ202 (nothing substitutes it in Python); any other non-empty literal is HFJ102, only where
 * the token goes to a Hugging Face library (`hfSurface`): `WebClient(token="xoxb-...")` takes someone else's token.
 */
export function checkTokenValue(context: Context, written: SyntaxNode | null, where: string, hfSurface: boolean): void {
  if (!written || insideError(written)) return;
  // `token = "hf_..."; HfApi(token=token)`: the literal is reported where it is written.
  const value = written.type === "identifier" ? context.model.resolveValue(written) : written;
  if (!value || insideError(value)) return;
  const read = readStringish(value);
  if (!read || !read.literal || read.value === "") return;
  if (findTokens(read.value).length > 0) return;
  if (mentionsHfTokenPlaceholder(read.value)) {
    const exact = isSubstitutedPlaceholder(read.value) && value.type === "string";
    const replacement = exact ? tokenLookupReplacement({ ...context, isLauncher: true }, value) : null;
    report(context, {
      code: "HFJ202",
      message: placeholderSentLiterallyMessage(read.value, where),
      start: value.startIndex,
      end: value.endIndex,
      fix: replacement ? { applicability: "safe", message: replacement.description, edits: replacement.edits } : null,
    });
    return;
  }
  if (!hfSurface) return;
  const replacement = value.type === "string" && replaceable(value) ? tokenLookupReplacement(context, value) : null;
  reportLiteralToken(context, value, read.value, where, replacement ? { applicability: "unsafe", message: replacement.description, edits: replacement.edits } : null);
}

/** HFJ102 for a literal value (placeholder or any other text) where a token goes. */
function reportLiteralToken(context: Context, value: SyntaxNode, text: string, where: string, fix: { applicability: "unsafe"; message: string; edits: Edit[] } | null): void {
  report(context, { code: "HFJ102", message: literalTokenMessage(text, where), start: value.startIndex, end: value.endIndex, fix });
}

const LOGIN_PATHS = new Set(["huggingface_hub.login", "huggingface_hub.HfFolder.save_token", "huggingface_hub.interpreter_login"]);

const JOBS_API_NAME = /_jobs?(?:_|$)|^jobs?_/;

/**
 * `token=`/`use_auth_token=` on a call, and the token given to `login(...)`. HFJ102 only when the callee resolves
 * by provenance to a Hugging Face library (core's `isHuggingFaceLibraryPath`); an unresolved callee is silent.
 */
export function checkTokenArguments(context: Context, calls: readonly SyntaxNode[]): void {
  const documentation = context.input.inDocumentation === true;
  for (const call of calls) {
    if (insideError(call)) continue;
    // In docs, only the Jobs API's own `token=` (`run_uv_job(..., token=...)`): elsewhere the placeholder is for the reader.
    if (documentation && !JOBS_API_NAME.test(calleeName(call) ?? "")) continue;
    const keywords = keywordArguments(call);
    for (const name of ["token", "use_auth_token"]) {
      const keyword = keywords.get(name);
      // Provenance is resolved only for the calls that pass a token: every other call of the file skips it.
      if (keyword) checkTokenValue(context, keyword.childForFieldName("value"), `passed as \`${name}=\``, isHuggingFaceLibraryPath(context.model.provenancePath(call)));
    }
    if (!keywords.has("token") && LOGIN_PATHS.has(context.model.calleePath(call) ?? "")) {
      checkTokenValue(context, positionalArguments(call)[0] ?? null, "passed to `login()`", true);
    }
  }
}
