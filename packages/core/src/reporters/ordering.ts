/** Reporters print in one stable order: diagnostics by file, offset, code; file errors by file. */
import { compareDiagnostics, type Diagnostic, type FileError } from "../diagnostic.js";

export function sortedDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function sortedErrors(errors: readonly FileError[]): FileError[] {
  return [...errors].sort((a, b) => a.filename.localeCompare(b.filename) || a.message.localeCompare(b.message));
}
