/** @hf-jobs-lint/codemods: jscodeshift transforms for TS/JS, one per named codemod in core's CODEMODS. */
export { applyRuleFixes, type CodemodResult } from "./eslint-fixes.js";
export { createTransform, type Transform } from "./create-transform.js";
