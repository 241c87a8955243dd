// The shell tokenizer lives in core (one splitter for shell files, Python and TS/JS command strings).
export { tokenizeShell, tokenizeRange, type ShellWord, type ShellCommand, type ShellQuote, type ShellTokenizeOptions } from "@hf-jobs-lint/core";
