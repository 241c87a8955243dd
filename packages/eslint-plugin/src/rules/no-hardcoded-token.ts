/**
 * HFJ101: a real-looking token anywhere in the file (strings, template literals, JSX text, comments). The
 * suggestion reads it from the environment instead. Tokens inside an `hf jobs` argv or an inline job script
 * are reported by core's command-line rules and the Python analyzer, whose fixes fit those places.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { findTokens, findTokensInLiteral, hardcodedTokenMessage, redact, tokenReplacement } from "@hf-jobs-lint/core";
import { escapeTemplateText } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { inlineScriptFindings, inlineScriptOf } from "../inline-script.js";
import { commandLineFindings, FORWARDED_MESSAGES, report, reportCommandLineFindings, reportInlineScriptFindings, type Proposal } from "../report.js";

const meta = catalogMeta("HFJ101");
const REPLACEMENT = tokenReplacement("typescript").expression;

type Scanned = TSESTree.Literal | TSESTree.TemplateElement | TSESTree.JSXText;

/** Where a string literal can be swapped for an expression (not an import path, a key, a type or a directive). */
function inExpressionPosition(node: TSESTree.Literal): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSExternalModuleReference:
    case AST_NODE_TYPES.TSModuleDeclaration:
    case AST_NODE_TYPES.TSEnumMember:
    case AST_NODE_TYPES.ImportAttribute:
    case AST_NODE_TYPES.ExpressionStatement: // a directive ("use strict") or a bare string statement
      return false;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
      return parent.key !== node;
    default:
      return true;
  }
}

/** The suggestion for one token: the literal (or the token inside it) becomes an environment lookup. */
function suggestion(node: Scanned, tokenStart: number, tokenEnd: number): Proposal | null {
  const edit = (range: [number, number], text: string): Proposal => ({
    applicability: "unsafe",
    messageId: "useEnvironment",
    data: { replacement: REPLACEMENT },
    edits: [{ range, text }],
  });
  if (node.type === AST_NODE_TYPES.TemplateElement) return edit([tokenStart, tokenEnd], `\${${REPLACEMENT}}`);
  if (node.type !== AST_NODE_TYPES.Literal || typeof node.value !== "string") return null;
  const jsxAttribute = node.parent?.type === AST_NODE_TYPES.JSXAttribute;
  if (!jsxAttribute && !inExpressionPosition(node)) return null;
  const tokens = findTokens(node.value);
  let expression: string;
  if (tokens.length === 1 && tokens[0]!.token === node.value) expression = REPLACEMENT;
  else {
    // Keep the rest of the string: `"Bearer hf_..."` -> `` `Bearer ${process.env.HF_TOKEN}` ``.
    let text = "";
    let last = 0;
    for (const token of tokens) {
      text += escapeTemplateText(node.value.slice(last, token.index)) + `\${${REPLACEMENT}}`;
      last = token.index + token.token.length;
    }
    expression = `\`${text}${escapeTemplateText(node.value.slice(last))}\``;
  }
  return edit(node.range, jsxAttribute ? `{${expression}}` : expression);
}

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      hardcoded: hardcodedTokenMessage("{{token}}"),
      useEnvironment: "Replace the token with `{{replacement}}`",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    const scanned: Scanned[] = [];
    /** File ranges where a token is already reported by core or the Python analyzer. */
    const claimed: [number, number][] = [];
    /** Inline job scripts: a JS expression must not be spliced into Python source. */
    const scripts = new Set<TSESTree.Node>();

    const isClaimed = (offset: number) => claimed.some(([start, end]) => offset >= start && offset < end);

    return {
      Literal(node) {
        if (typeof node.value === "string") scanned.push(node);
      },
      TemplateElement(node) {
        scanned.push(node);
      },
      JSXText(node) {
        scanned.push(node);
      },
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "argv") {
          for (const finding of commandLineFindings(context, launch)) {
            if (finding.code === meta.rule.code) claimed.push([launch.argv.ranges[finding.index]![0], launch.argv.ranges[finding.endIndex]![1]]);
          }
          reportCommandLineFindings(context, meta.rule, launch);
        } else if (launch.kind === "tool") {
          const script = inlineScriptOf(context, launch);
          if (!script) return;
          scripts.add(script.node);
          if (inlineScriptFindings(context, script) && script.toFileOffset) {
            claimed.push(script.node.range);
            reportInlineScriptFindings(context, meta.rule, launch);
          }
        }
      },
      "Program:exit"() {
        const text = context.sourceCode.text;
        const report1 = (node: Scanned | TSESTree.Comment, start: number, end: number) => {
          // In a string or template text the runtime value decides (`"\nhf_…"` holds a bare token); comments and JSX text have no escapes.
          const escaped = (node.type === AST_NODE_TYPES.Literal && node.parent?.type !== AST_NODE_TYPES.JSXAttribute) || node.type === AST_NODE_TYPES.TemplateElement;
          const raw = text.slice(start, end);
          const tokens = escaped
            ? findTokensInLiteral(raw, "js")
            : findTokens(raw).map((match) => ({ token: match.token, start: match.index, end: match.index + match.token.length }));
          for (const token of tokens) {
            const tokenStart = start + token.start;
            if (isClaimed(tokenStart)) continue;
            const tokenEnd = start + token.end;
            const inScript = node.type !== "Line" && node.type !== "Block" && (scripts.has(node) || (node.type === AST_NODE_TYPES.TemplateElement && scripts.has(node.parent)));
            report(context, meta.rule, {
              range: [tokenStart, tokenEnd],
              messageId: "hardcoded",
              data: { token: redact(token.token) },
              proposal: node.type === "Line" || node.type === "Block" || inScript ? null : suggestion(node, tokenStart, tokenEnd),
            });
          }
        };
        for (const node of scanned) report1(node, node.range[0], node.range[1]);
        for (const comment of context.sourceCode.getAllComments()) report1(comment, comment.range[0], comment.range[1]);
      },
    };
  },
});
