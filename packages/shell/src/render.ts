// Shell argv fixes are rendered in core (shared with Python and TS/JS command strings).
export { quoteShellWord, renderArgvFix, type ShellRenderContext } from "@hf-jobs-lint/core";
