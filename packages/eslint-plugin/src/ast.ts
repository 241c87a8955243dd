/**
 * Small, language-level AST helpers shared by the launch detection and the rules: static strings, objects and
 * arrays built inline or in a `const`, property lookup, and the source ranges that removing a property or an
 * element needs. Nothing here knows about Hugging Face Jobs.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import * as ASTUtils from "@typescript-eslint/utils/ast-utils";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Node = TSESTree.Node;

/** How far a `const` chain is followed (`const a = b; const b = {...}`). */
const MAX_RESOLVE_DEPTH = 5;

/** Strip what does not change a value: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b` wrappers. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
}

/** The `const` initialiser an identifier stands for, or null (let/var, parameters, imports, reassigned, unknown). */
function constInitializer(context: Context, identifier: TSESTree.Identifier): Node | null {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== "Variable" || def.parent.kind !== "const") return null;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return null;
  return def.node.init;
}

/** Follow identifiers through `const` declarations to the expression they stand for. */
export function resolveValue(context: Context, node: Node): Node {
  let current = unwrap(node);
  for (let depth = 0; depth < MAX_RESOLVE_DEPTH && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = constInitializer(context, current);
    if (!init) break;
    current = unwrap(init);
  }
  return current;
}

/** An object literal written inline or in a `const`. */
export function resolveObject(context: Context, node: Node | null | undefined): TSESTree.ObjectExpression | null {
  if (!node) return null;
  const value = resolveValue(context, node);
  return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

/** An array literal written inline or in a `const`. */
export function resolveArray(context: Context, node: Node | null | undefined): TSESTree.ArrayExpression | null {
  if (!node) return null;
  const value = resolveValue(context, node);
  return value.type === AST_NODE_TYPES.ArrayExpression ? value : null;
}

/** The object inside `JSON.stringify(obj)` (the usual REST body), or the object itself. */
export function resolveJsonBody(context: Context, node: Node | null | undefined): TSESTree.ObjectExpression | null {
  if (!node) return null;
  const value = resolveValue(context, node);
  if (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.MemberExpression &&
    isNamed(value.callee.object, "JSON") &&
    isNamed(value.callee.property, "stringify") &&
    value.arguments[0]
  ) {
    return resolveObject(context, value.arguments[0]);
  }
  return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

function isNamed(node: Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** A string known without running the code: a literal, a template without substitutions, `const`, `"a" + "b"`. */
export function staticString(context: Context, node: Node | null | undefined): string | null {
  if (!node) return null;
  const value = resolveValue(context, node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === "string" ? value.value : null;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]!.value.cooked ?? null;
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === "+") {
    const left = staticString(context, value.left);
    const right = left === null ? null : staticString(context, value.right);
    return left !== null && right !== null ? left + right : null;
  }
  return null;
}

/** Marks an unknown part in `stringShape`. */
export const UNKNOWN_PART = "\u0000";

/** The known parts of a string expression with each unknown part as `UNKNOWN_PART` (for matching URLs). */
export function stringShape(context: Context, node: Node, depth = 0): string {
  if (depth > MAX_RESOLVE_DEPTH) return UNKNOWN_PART;
  const value = resolveValue(context, node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === "string" ? value.value : UNKNOWN_PART;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) {
    return value.quasis.map((quasi) => quasi.value.cooked ?? UNKNOWN_PART).join(UNKNOWN_PART);
  }
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === "+") {
    return stringShape(context, value.left, depth + 1) + stringShape(context, value.right, depth + 1);
  }
  return UNKNOWN_PART;
}

/** The name of a non-computed key (`a`, `"a"`), or a computed string literal key (`["a"]`). */
export function propertyKeyName(property: TSESTree.Property): string | null {
  const key = property.key;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === "string") return key.value;
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]!.value.cooked ?? null;
  return null;
}

export interface NamedProperty {
  name: string;
  property: TSESTree.Property;
}

/** The object's plain `key: value` properties with known names, in source order. */
export function namedProperties(object: TSESTree.ObjectExpression): NamedProperty[] {
  const result: NamedProperty[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== "init") continue;
    const name = propertyKeyName(property);
    if (name !== null) result.push({ name, property });
  }
  return result;
}

/** Whether the object spreads another one in (`{ ...base }`): then its full content is unknown. */
export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

/** The last property named `name` (the one that wins at run time). */
export function findProperty(object: TSESTree.ObjectExpression | null, name: string): TSESTree.Property | null {
  if (!object) return null;
  let found: TSESTree.Property | null = null;
  for (const entry of namedProperties(object)) if (entry.name === name) found = entry.property;
  return found;
}

/** The value node of a property (the expression, not a pattern). */
export function propertyValue(property: TSESTree.Property): TSESTree.Expression {
  return property.value as TSESTree.Expression;
}

/**
 * The first character outside whitespace and comments after `offset` (forward) or before it (backward), with its
 * offset; null at either end of the text. The rules read the text, not parser tokens: the CLI's parser gives none.
 */
export function significantCharacter(context: Context, offset: number, direction: "forward" | "backward"): { char: string; offset: number } | null {
  const { text } = context.sourceCode;
  const comments = context.sourceCode.getAllComments();
  let at = direction === "forward" ? offset : offset - 1;
  while (at >= 0 && at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at += direction === "forward" ? 1 : -1;
      continue;
    }
    const comment = comments.find((candidate) => candidate.range[0] <= at && at < candidate.range[1]);
    if (!comment) return { char, offset: at };
    at = direction === "forward" ? comment.range[1] : comment.range[0] - 1;
  }
  return null;
}

/**
 * Ranges removing several elements of one list at once (each run of neighbours as one range, so the ranges never
 * overlap). Removing every element leaves the list empty.
 */
export function listRemovalRanges(context: Context, items: readonly Node[], indices: readonly number[]): [number, number][] {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (let k = 0; k < sorted.length;) {
    let j = k;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = sorted[k]!;
    const last = sorted[j]!;
    if (first > 0) ranges.push([items[first - 1]!.range[1], items[last]!.range[1]]);
    else if (last + 1 < items.length) ranges.push([items[first]!.range[0], items[last + 1]!.range[0]]);
    else {
      const after = significantCharacter(context, items[last]!.range[1], "forward");
      ranges.push([items[first]!.range[0], after?.char === "," ? after.offset + 1 : items[last]!.range[1]]);
    }
    k = j + 1;
  }
  return ranges;
}

/** The quote a string literal was written with (`"` by default). */
export function quoteOf(context: Context, node: Node): string {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return "`";
  const first = context.sourceCode.getText(node)[0];
  return first === "'" || first === '"' ? first : '"';
}

/** A JS string literal for `value` written with `quote`. */
export function quoteString(value: string, quote: string): string {
  if (quote === "`") return `\`${escapeTemplateText(value)}\``;
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** Text that stands for itself inside a template literal. */
export function escapeTemplateText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}

/** The callee's name: `f` for `f()`, `b` for `a.b()` / `a["b"]()`; null otherwise. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return null;
}

/** The property name of `a.b` / `a["b"]`. */
export function memberName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === "string") return member.property.value;
  return null;
}
