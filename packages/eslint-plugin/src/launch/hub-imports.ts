/**
 * Which `@huggingface/hub` export a callee refers to, through the file's own bindings: named and aliased
 * imports (`import { runJob as launch }`), namespace imports (`import * as hub`), `require` (destructured or
 * whole) and `await import(...)`. Resolution goes through scope analysis, so a shadowing local `runJob` is not
 * mistaken for the library's. A team's own launcher modules (the `launchers` setting) resolve the same way, each
 * export to the library function it stands for.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import * as ASTUtils from "@typescript-eslint/utils/ast-utils";
import type { TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap, type Context } from "../ast.js";
import { pluginSettings } from "../settings.js";

export const HUB_PACKAGE = "@huggingface/hub";

/** The modules whose exports launch jobs: the library, and the settings' launchers. */
export function launchModules(context: Context): string[] {
  return [HUB_PACKAGE, ...pluginSettings(context).launchers.keys()];
}

/** A call of the library: the function, and the launcher module's export that stands for it (null for the library's own). */
export interface HubExport {
  fn: string;
  via: { module: string; name: string } | null;
}

/** The `@huggingface/hub` function an export of `module` stands for: itself for the library, the setting's mapping for a launcher module. */
function libraryName(context: Context, module: string, name: string): HubExport | null {
  if (module === HUB_PACKAGE) return { fn: name, via: null };
  const fn = pluginSettings(context).launchers.get(module)?.get(name);
  return fn ? { fn, via: { module, name } } : null;
}

function isLaunchModule(context: Context, module: unknown): module is string {
  return typeof module === "string" && (module === HUB_PACKAGE || pluginSettings(context).launchers.has(module));
}

type Node = TSESTree.Node;

/** The module of `require("@huggingface/hub")` or `await import("@huggingface/hub")` (possibly `(await import(...))`), for launch modules. */
function moduleOfExpression(context: Context, node: Node | null | undefined): string | null {
  if (!node) return null;
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (value.type === AST_NODE_TYPES.ImportExpression) {
    return value.source.type === AST_NODE_TYPES.Literal && isLaunchModule(context, value.source.value) ? value.source.value : null;
  }
  if (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === "require" &&
    value.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    isLaunchModule(context, value.arguments[0].value)
  ) {
    return value.arguments[0].value;
  }
  return null;
}

type Binding = { kind: "export"; module: string; name: string } | { kind: "module"; module: string };

/** What a local identifier is bound to, when it comes from `@huggingface/hub` (or a launcher module). */
function bindingOf(context: Context, identifier: TSESTree.Identifier): Binding | null {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (!def || variable!.defs.length !== 1) return null;
  if (def.type === "ImportBinding") {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || !isLaunchModule(context, declaration.source.value)) return null;
    const module = declaration.source.value;
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return { kind: "export", module, name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
    }
    return { kind: "module", module };
  }
  const module = def.type === "Variable" ? moduleOfExpression(context, def.node.init) : null;
  if (def.type === "Variable" && module !== null) {
    const id = def.node.id;
    if (id.type === AST_NODE_TYPES.Identifier) return { kind: "module", module };
    if (id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value.type !== AST_NODE_TYPES.Identifier || value.name !== identifier.name) continue;
        if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return { kind: "export", module, name: property.key.name };
        if (property.key.type === AST_NODE_TYPES.Literal) return { kind: "export", module, name: String(property.key.value) };
      }
    }
  }
  return null;
}

/** The `@huggingface/hub` export a call's callee names (`runJob`), or null when it is not the library's (or a launcher module's). */
export function hubExportCalled(context: Context, call: TSESTree.CallExpression): HubExport | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(context, callee);
    return binding?.kind === "export" ? libraryName(context, binding.module, binding.name) : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    const name = memberName(callee);
    if (name === null) return null;
    if (object.type === AST_NODE_TYPES.Identifier) {
      const binding = bindingOf(context, object);
      return binding?.kind === "module" ? libraryName(context, binding.module, name) : null;
    }
    // `(await import("@huggingface/hub")).runJob(...)`, `require("@huggingface/hub").runJob(...)`
    const module = moduleOfExpression(context, object);
    return module === null ? null : libraryName(context, module, name);
  }
  return null;
}
