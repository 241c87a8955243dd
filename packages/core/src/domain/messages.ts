/** Messages one rule gives on every surface, so HFJ101 reads the same in a Python file, a TS file and a doc. */

/**
 * HFJ101's message. `shown` is the redacted token (`redact(token)`), or ESLint's `{{token}}` placeholder when a
 * rule builds its message template from this. `where` says where it sits on a command line (`in \`--token\``).
 */
export function hardcodedTokenMessage(shown: string, where = "", instead = "read it from the environment"): string {
  return `Hardcoded Hugging Face token \`${shown}\`${where ? ` ${where}` : ""}: revoke it at the Hub's token settings and ${instead} instead`;
}
