/**
 * Which `@huggingface/hub` export a callee refers to, through the file's own bindings: named and aliased
 * imports (`import { runJob as launch }`), namespace imports (`import * as hub`), `require` (destructured or
 * whole) and `await import(...)`. Resolution goes through scope analysis, so a shadowing local `runJob` is not
 * mistaken for the library's.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap, type Context } from "../ast.js";

export const HUB_PACKAGE = "@huggingface/hub";

type Node = TSESTree.Node;

/** `require("@huggingface/hub")` or `await import("@huggingface/hub")` (possibly `(await import(...))`). */
function isHubModuleExpression(node: Node | null | undefined): boolean {
  if (!node) return false;
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (value.type === AST_NODE_TYPES.ImportExpression) {
    return value.source.type === AST_NODE_TYPES.Literal && value.source.value === HUB_PACKAGE;
  }
  return (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === "require" &&
    value.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    value.arguments[0].value === HUB_PACKAGE
  );
}

type Binding = { kind: "export"; name: string } | { kind: "module" };

/** What a local identifier is bound to, when it comes from `@huggingface/hub`. */
function bindingOf(context: Context, identifier: TSESTree.Identifier): Binding | null {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (!def || variable!.defs.length !== 1) return null;
  if (def.type === "ImportBinding") {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.source.value !== HUB_PACKAGE) return null;
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return { kind: "export", name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
    }
    return { kind: "module" };
  }
  if (def.type === "Variable" && isHubModuleExpression(def.node.init)) {
    const id = def.node.id;
    if (id.type === AST_NODE_TYPES.Identifier) return { kind: "module" };
    if (id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value.type !== AST_NODE_TYPES.Identifier || value.name !== identifier.name) continue;
        if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return { kind: "export", name: property.key.name };
        if (property.key.type === AST_NODE_TYPES.Literal) return { kind: "export", name: String(property.key.value) };
      }
    }
  }
  return null;
}

/** The `@huggingface/hub` export a call's callee names (`runJob`), or null when it is not the library's. */
export function hubExportCalled(context: Context, call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(context, callee);
    return binding?.kind === "export" ? binding.name : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    const name = memberName(callee);
    if (name === null) return null;
    if (object.type === AST_NODE_TYPES.Identifier) return bindingOf(context, object)?.kind === "module" ? name : null;
    // `(await import("@huggingface/hub")).runJob(...)`, `require("@huggingface/hub").runJob(...)`
    return isHubModuleExpression(object) ? name : null;
  }
  return null;
}
