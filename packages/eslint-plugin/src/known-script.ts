/**
 * What is known about the job script a `hf_jobs("uv" | "scheduled uv", { script })` tool call runs: Python source
 * written inline, or a local file it names (a one-line string or `const` ending in `.py`). HFJ203 and HFJ204 read
 * this; anything else (a URL, a computed value, a missing file) is unknown, and unknown means no finding.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { findProperty, propertyValue, type Context } from "./ast.js";
import type { ToolCall } from "./launch/detect.js";
import { literalString } from "./launch/fields.js";
import { inlineScriptNeeds, inlineScriptOf } from "./inline-script.js";
import { resolveLocalScriptFrom } from "./local-script.js";
import type { ScriptNeeds } from "@hf-jobs-lint/python";

export interface KnownScript {
  /** How messages name it, as the Python analyzer does: "the inline script", "`scripts/train.py`". */
  label: string;
  needs: ScriptNeeds;
}

const known = new WeakMap<TSESTree.CallExpression, KnownScript | null>();

export function knownScriptOf(context: Context, launch: ToolCall): KnownScript | null {
  if (known.has(launch.call)) return known.get(launch.call)!;
  const script = findScript(context, launch);
  known.set(launch.call, script);
  return script;
}

function findScript(context: Context, launch: ToolCall): KnownScript | null {
  if (!launch.operation.endsWith("uv")) return null;
  const inline = inlineScriptOf(context, launch);
  if (inline) {
    return { label: "the inline script", needs: inlineScriptNeeds(inline) };
  }
  const property = findProperty(launch.args, "script");
  const value = property ? literalString(context, propertyValue(property)) : null;
  if (!value) return null;
  const file = resolveLocalScriptFrom(context, value.value);
  return file ? { label: file.label, needs: file.needs } : null;
}
