/** A jscodeshift transform for one named codemod (core's CODEMODS). */
import { findCodemod } from "@hf-jobs-lint/core";
import { applyRuleFixes } from "./eslint-fixes.js";

export interface FileInfo {
  path: string;
  source: string;
}

export interface TransformApi {
  report?: (message: string) => void;
}

/** jscodeshift awaits a transform that returns a promise. */
export type Transform = ((file: FileInfo, api: TransformApi, options?: Record<string, unknown>) => Promise<string | undefined>) & { parser: string };

export function createTransform(codemodName: string): Transform {
  const codemod = findCodemod(codemodName);
  if (!codemod) throw new Error(`unknown codemod ${codemodName}`);
  const transform = async (file: FileInfo, api: TransformApi): Promise<string | undefined> => {
    const result = await applyRuleFixes(file.source, file.path, codemod.codes, codemod.unsafe);
    if (result.parseError) {
      // jscodeshift counts an exception as an error for this file and goes on with the rest.
      throw new Error(`${file.path}: cannot parse: ${result.parseError}`);
    }
    if (result.output === file.source) return undefined;
    api.report?.(`${file.path}: ${result.applied.length} fix${result.applied.length === 1 ? "" : "es"} (${[...new Set(result.applied)].join(", ")})`);
    return result.output;
  };
  // jscodeshift reads `parser` from the module; the rules need TypeScript syntax.
  return Object.assign(transform, { parser: "ts" });
}
