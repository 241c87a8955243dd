/** Reporters print in one stable order: diagnostics by file, offset, code; file errors by file. */
import { compareDiagnostics, type Diagnostic, type FileError } from "../diagnostic.js";

export function sortedDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** Code-unit order, not `localeCompare`: output must not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedErrors(errors: readonly FileError[]): FileError[] {
  return [...errors].sort((a, b) => compareStrings(a.filename, b.filename) || compareStrings(a.message, b.message));
}
