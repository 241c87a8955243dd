/**
 * Where the Hugging Face token's value flows in a JS file: reads of `process.env.HF_TOKEN` (and the legacy and
 * misnamed variables), and variables assigned from them. Used by HFJ103 (token reaches output) and HFJ104
 * (token in a job's command). A prefix slice of at most 10 characters (`token.slice(0, 8)`) is not the token.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import * as ASTUtils from "@typescript-eslint/utils/ast-utils";
import type { TSESTree } from "@typescript-eslint/utils";
import { MAX_SHOWN_TOKEN_PREFIX, isHfTokenVariable } from "@hf-jobs-lint/core";
import { memberName, propertyKeyName, unwrap, type Context } from "./ast.js";
import { isCredentialKey } from "./settings.js";

type Node = TSESTree.Node;

/** Longest prefix of a token that may be shown (`hf_Abc1234`). */
export const MAX_SHOWN_PREFIX = MAX_SHOWN_TOKEN_PREFIX;

/** Which environment variables count as the token: any credential (output, arguments) or the HF token only. */
type Source = (variable: string) => boolean;

/** A credential of any kind, as Python's HFJ103/HFJ104 count it: `HF_TOKEN`, `WANDB_API_KEY`, `DB_PASSWORD`, and the settings' `tokenKeys`. */
const anyCredential =
  (context: Context): Source =>
  (name) =>
    isHfTokenVariable(name) || isCredentialKey(context, name);

/** `process.env` itself. */
export function isProcessEnv(node: Node): boolean {
  const value = unwrap(node);
  return (
    value.type === AST_NODE_TYPES.MemberExpression &&
    memberName(value) === "env" &&
    unwrap(value.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(value.object) as TSESTree.Identifier).name === "process"
  );
}

export interface EnvRead {
  /** The variable read. */
  name: string;
  /** The node naming it (`HF_TOKEN` in `process.env.HF_TOKEN`, the string in `process.env["HF_TOKEN"]`). */
  nameNode: Node;
}

/** `process.env.NAME` / `process.env["NAME"]`. */
export function envRead(node: Node): EnvRead | null {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression || !isProcessEnv(value.object)) return null;
  const name = memberName(value);
  return name === null ? null : { name, nameNode: value.property };
}

/** String methods whose result still holds the whole token. */
const TOKEN_PRESERVING_METHODS = new Set(["toString", "valueOf", "trim", "trimStart", "trimEnd", "concat", "padStart", "padEnd", "toUpperCase", "toLowerCase", "normalize"]);
const PREFIX_METHODS = new Set(["slice", "substring", "substr"]);

function numberLiteral(node: Node | undefined): number | null {
  if (!node) return null;
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === "number" ? value.value : null;
}

/** Does the value of this identifier come from the token? (`const token = process.env.HF_TOKEN ?? ""`) */
function isTokenIdentifier(context: Context, identifier: TSESTree.Identifier, seen: Set<unknown>, source: Source): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  if (!variable || seen.has(variable)) return false;
  seen.add(variable);
  for (const def of variable.defs) {
    if (def.type !== "Variable") continue;
    const declarator = def.node;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      if (declarator.init && isToken(context, declarator.init, seen, source)) return true;
      continue;
    }
    // `const { HF_TOKEN } = process.env` / `const { HF_TOKEN: token } = process.env`
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init && isProcessEnv(declarator.init)) {
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        const key = propertyKeyName(property as unknown as TSESTree.Property);
        if (target.type === AST_NODE_TYPES.Identifier && target.name === identifier.name && key && source(key)) return true;
      }
    }
  }
  // Later assignments (`token = process.env.HF_TOKEN`).
  return variable.references.some((reference) => reference.writeExpr && reference.writeExpr !== reference.identifier && isToken(context, reference.writeExpr, seen, source));
}

function isToken(context: Context, node: Node, seen: Set<unknown>, source: Source): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      return isTokenIdentifier(context, value, seen, source);
    case AST_NODE_TYPES.MemberExpression: {
      const read = envRead(value);
      return read !== null && source(read.name);
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.some((expression) => isToken(context, expression, seen, source));
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === "+" && (isToken(context, value.left, seen, source) || isToken(context, value.right, seen, source));
    case AST_NODE_TYPES.LogicalExpression:
      return isToken(context, value.left, seen, source) || isToken(context, value.right, seen, source);
    case AST_NODE_TYPES.ConditionalExpression:
      return isToken(context, value.consequent, seen, source) || isToken(context, value.alternate, seen, source);
    case AST_NODE_TYPES.AwaitExpression:
      return isToken(context, value.argument, seen, source);
    case AST_NODE_TYPES.AssignmentExpression:
      return isToken(context, value.right, seen, source);
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.some((property) =>
        property.type === AST_NODE_TYPES.SpreadElement ? isToken(context, property.argument, seen, source) : isToken(context, property.value, seen, source),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.some((element) => element !== null && isToken(context, element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, seen, source));
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(value.callee);
      // `String(token)`
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === "String") return value.arguments.some((arg) => isToken(context, arg, seen, source));
      // `JSON.stringify({ token })`
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        memberName(callee) === "stringify" &&
        unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
        (unwrap(callee.object) as TSESTree.Identifier).name === "JSON"
      ) {
        return value.arguments[0] !== undefined && isToken(context, value.arguments[0], seen, source);
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = memberName(callee);
      if (method === null || !isToken(context, callee.object, seen, source)) return false;
      if (PREFIX_METHODS.has(method)) {
        const start = numberLiteral(value.arguments[0]);
        const end = numberLiteral(value.arguments[1]);
        const shown = method === "substr" ? end : end !== null && start !== null ? end - start : null;
        return !(start === 0 && shown !== null && shown <= MAX_SHOWN_PREFIX);
      }
      return TOKEN_PRESERVING_METHODS.has(method);
    }
    default:
      return false;
  }
}

/** Does this expression evaluate to (a string holding) a credential read from the environment? (HFJ103, HFJ104) */
export function isTokenExpression(context: Context, node: Node): boolean {
  return isToken(context, node, new Set(), anyCredential(context));
}

/** Does it evaluate to the Hugging Face token itself (`HF_TOKEN` or a legacy name), as Python's `isHfTokenSource`? */
export function isHfTokenExpression(context: Context, node: Node): boolean {
  return isToken(context, node, new Set(), isHfTokenVariable);
}
