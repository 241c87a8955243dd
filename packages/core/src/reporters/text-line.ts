/** The one-line forms shared by the `full` and `concise` formats. */
import type { Diagnostic, FileError } from "../diagnostic.js";
import { redactText } from "../tokens.js";
import { fixMarker } from "./fixability.js";

/** `path:row:col: CODE [*] message`, Ruff's header line; in a notebook cell `path:cell N:row:col`, as Ruff writes it. */
export function diagnosticLine(diagnostic: Diagnostic, unsafeFixesEnabled: boolean): string {
  const { filename, code, message, fix, cell } = diagnostic;
  const where = cell ? `cell ${cell.index}:${cell.location.row}:${cell.location.column}` : `${diagnostic.location.row}:${diagnostic.location.column}`;
  return redactText(`${filename}:${where}: ${code} ${fixMarker(fix, unsafeFixesEnabled)}${message}`);
}

/**
 * A file that could not be checked: `path: error: message`. Ruff reports these as `E902` diagnostics at 1:1;
 * a file error is not a rule finding (it has no code to select or ignore), so it gets its own clear form.
 */
export function fileErrorLine(error: FileError): string {
  return redactText(`${error.filename}: error: ${error.message}`);
}
