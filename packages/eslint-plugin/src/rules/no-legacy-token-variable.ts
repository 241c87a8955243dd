/**
 * HFJ303: reads `HUGGING_FACE_HUB_TOKEN` or another non-standard variable (core LEGACY_TOKEN_VARIABLES) instead
 * of `HF_TOKEN`: `process.env.X`, `process.env["X"]`, `const { X } = process.env`. A fallback after `HF_TOKEN`
 * (`process.env.HF_TOKEN ?? process.env.HUGGING_FACE_HUB_TOKEN`) is left alone. The suggestion renames the read.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { HF_TOKEN, LEGACY_TOKEN_VARIABLES } from "@hf-jobs-lint/core";
import { propertyKeyName, quoteOf, quoteString, unwrap } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { getLaunch } from "../launch/detect.js";
import { FORWARDED_MESSAGES, report, reportInlineScriptFindings, type SourceEdit } from "../report.js";
import { envRead, isProcessEnv } from "../taint.js";

const meta = catalogMeta("HFJ303");

/** `process.env.HF_TOKEN ?? <node>` / `process.env.HF_TOKEN || <node>`: a compatibility fallback. */
function isFallbackAfterHfToken(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.ChainExpression)) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.LogicalExpression || parent.right !== child) return false;
  // `a ?? b ?? c` nests to the left: the first operand of the chain decides.
  let first: TSESTree.Node = parent.left;
  while (first.type === AST_NODE_TYPES.LogicalExpression) first = first.left;
  return envRead(unwrap(first))?.name === HF_TOKEN;
}

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      legacy: "`{{name}}` is a legacy name for the Hugging Face token; read `HF_TOKEN`, which every library and the Jobs tooling use",
      rename: "Read `HF_TOKEN` instead",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    return {
      MemberExpression(node) {
        const read = envRead(node);
        if (!read || !LEGACY_TOKEN_VARIABLES.has(read.name) || isFallbackAfterHfToken(node)) return;
        // `process.env.HUGGING_FACE_HUB_TOKEN = token` writes the old name for older tools: renaming it would break them.
        if (node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node) return;
        const edit: SourceEdit =
          read.nameNode.type === AST_NODE_TYPES.Literal
            ? { range: read.nameNode.range, text: quoteString(HF_TOKEN, quoteOf(context, read.nameNode)) }
            : { range: read.nameNode.range, text: HF_TOKEN };
        report(context, meta.rule, {
          node: read.nameNode,
          messageId: "legacy",
          data: { name: read.name },
          proposal: { applicability: "unsafe", messageId: "rename", edits: [edit] },
        });
      },
      VariableDeclarator(node) {
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !node.init || !isProcessEnv(node.init)) return;
        for (const property of node.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const name = propertyKeyName(property as unknown as TSESTree.Property);
          if (name === null || !LEGACY_TOKEN_VARIABLES.has(name)) continue;
          const edit: SourceEdit = property.shorthand
            ? { range: property.key.range, text: `${HF_TOKEN}: ${context.sourceCode.getText(property.key)}` }
            : { range: property.key.range, text: property.key.type === AST_NODE_TYPES.Literal ? quoteString(HF_TOKEN, quoteOf(context, property.key)) : HF_TOKEN };
          report(context, meta.rule, { node: property.key, messageId: "legacy", data: { name }, proposal: { applicability: "unsafe", messageId: "rename", edits: [edit] } });
        }
      },
      CallExpression(node) {
        const launch = getLaunch(context, node);
        if (launch?.kind === "tool") reportInlineScriptFindings(context, meta.rule, launch);
      },
    };
  },
});
