/** Turning core's token replacement decision into Python edits (the expression plus the import it needs). */
import { tokenReplacement, type Edit } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "./parser.js";
import type { Context } from "./context.js";
import { importEdit } from "./edits.js";

export interface PythonReplacement {
  expression: string;
  edits: Edit[];
  description: string;
}

/** Replace `node` with the token lookup that fits this file (launcher: `get_token()`, script: env lookup). */
export function tokenLookupReplacement(context: Context, node: SyntaxNode, variable = "HF_TOKEN"): PythonReplacement {
  const replacement = tokenReplacement(context.isLauncher ? "python-launcher" : "python-script", variable);
  const edits: Edit[] = [{ start: node.startIndex, end: node.endIndex, content: replacement.expression }];
  const imp = replacement.pythonImport;
  if (imp) {
    const edit = importEdit(context, imp.module, imp.name);
    if (edit && edit.start !== node.startIndex) edits.push(edit);
  }
  return { expression: replacement.expression, edits, description: `Use \`${replacement.expression}\`` };
}
