/** @hf-jobs-lint/core: rule catalog, token patterns and redaction, diagnostics, edits, reporters, config, discovery. */
export * from "./catalog/index.js";
export * from "./catalog/render.js";
export * from "./source.js";
export * from "./diagnostic.js";
export * from "./tokens.js";
export * from "./domain/jobs-cli.js";
export * from "./domain/token-keys.js";
export * from "./domain/surfaces.js";
export * from "./domain/replacements.js";
export * from "./edits.js";
export * from "./noqa.js";
export * from "./prefilter.js";
export * from "./file-kinds.js";
export * from "./domain/check-command-line.js";
export * from "./analyzer.js";
export * from "./reporters/index.js";
