/** Reading a launch's fields: credentials, `environment`/`env`, `secrets` and the string values inside them. */
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { findProperty, namedProperties, propertyValue, resolveObject, resolveValue, type Context, type NamedProperty } from "../ast.js";
import { jobFields, type Launch } from "./detect.js";

export interface FieldObject {
  /** The `secrets: ...` property in the launch. */
  property: TSESTree.Property;
  /** Its object, when written inline or in a `const`. */
  object: TSESTree.ObjectExpression | null;
  /** The object is written right in the property (edits that move entries stay local). */
  inline: boolean;
  entries: NamedProperty[];
}

export function fieldObject(context: Context, launch: Launch, field: string): FieldObject | null {
  const property = findProperty(jobFields(launch), field);
  if (!property) return null;
  const object = resolveObject(context, propertyValue(property));
  const value = propertyValue(property);
  return { property, object, inline: object !== null && object === value, entries: object ? namedProperties(object) : [] };
}

export interface StringValue {
  value: string;
  /** The literal the value is written in (possibly in a `const` elsewhere). */
  node: TSESTree.Literal | TSESTree.TemplateLiteral;
}

/** A value written as a string literal or a template literal without substitutions (through `const`s). */
export function literalString(context: Context, node: TSESTree.Node | null | undefined): StringValue | null {
  if (!node) return null;
  const value = resolveValue(context, node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === "string") return { value: value.value, node: value };
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0 && value.quasis[0]!.value.cooked !== null) {
    return { value: value.quasis[0]!.value.cooked, node: value };
  }
  return null;
}

export interface CredentialValue {
  /** What the credential is: `accessToken`, `credentials.accessToken`, `Authorization`. */
  label: string;
  property: TSESTree.Property;
  value: TSESTree.Expression;
}

/** Where a launcher's own credential goes: `accessToken`/`credentials.accessToken` (hub), `Authorization` (REST). */
export function credentialValues(context: Context, launch: Launch): CredentialValue[] {
  const found: CredentialValue[] = [];
  if (launch.kind === "hub") {
    const accessToken = findProperty(launch.options, "accessToken");
    if (accessToken) found.push({ label: "accessToken", property: accessToken, value: propertyValue(accessToken) });
    const credentials = findProperty(launch.options, "credentials");
    const nested = credentials ? findProperty(resolveObject(context, propertyValue(credentials)), "accessToken") : null;
    if (nested) found.push({ label: "credentials.accessToken", property: nested, value: propertyValue(nested) });
  } else if (launch.kind === "rest" && launch.headers) {
    for (const entry of namedProperties(launch.headers)) {
      if (entry.name.toLowerCase() === "authorization") found.push({ label: entry.name, property: entry.property, value: propertyValue(entry.property) });
    }
  }
  return found;
}
