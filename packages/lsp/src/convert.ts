/** Between the engine's findings (UTF-16 offsets into the text after a BOM) and LSP's shapes (URIs, line/character ranges). */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { findRule, redactText, ruleUrl, type Diagnostic, type Edit } from "@hf-jobs-lint/core";

export const SOURCE = "hf-jobs-lint";

/** The file a `file:` URI names, or null for any other scheme (an unsaved buffer). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null; // a file: URI of another host
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Where the engine's text starts in the document: after a BOM, which checkFile strips from given text. */
export function bomShift(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function rangeOf(document: TextDocument, start: number, end: number, shift: number): Range {
  return { start: document.positionAt(start + shift), end: document.positionAt(end + shift) };
}

export function textEditOf(document: TextDocument, edit: Edit, shift: number): TextEdit {
  return { range: rangeOf(document, edit.start, edit.end, shift), newText: edit.content };
}

export interface RelatedPlaces {
  uri: string;
  /** The absolute path of a file named by its display name (relative to the document's workspace folder). */
  resolve(filename: string): string;
}

/** The LSP form of a finding: the catalog's severity and docs link, every text redacted, the evidence as related information. */
export function toLspDiagnostic(diagnostic: Diagnostic, document: TextDocument, shift: number, places: RelatedPlaces): LspDiagnostic {
  const rule = findRule(diagnostic.code);
  const range = rangeOf(document, diagnostic.start, diagnostic.end, shift);
  const related: DiagnosticRelatedInformation[] = (diagnostic.related ?? []).map((evidence) => {
    const line = Math.max(0, (evidence.row ?? 1) - 1);
    const uri = evidence.filename ? pathToUri(places.resolve(evidence.filename)) : places.uri;
    const where =
      evidence.row !== undefined
        ? { start: { line, character: 0 }, end: { line, character: 0 } }
        : evidence.filename
          ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
          : range;
    return { location: { uri, range: where }, message: redactText(evidence.message) };
  });
  return {
    range,
    severity: rule?.defaultSeverity === "warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    code: diagnostic.code,
    ...(rule ? { codeDescription: { href: ruleUrl(rule) } } : {}),
    source: SOURCE,
    message: redactText(diagnostic.message),
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}

/** A finding about the file as a whole (it could not be checked, its configuration is broken): at its start. */
export function fileNotice(message: string, severity: DiagnosticSeverity): LspDiagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: SOURCE, message: redactText(message) };
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (x: Range["start"], y: Range["start"]) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Display names are relative to the workspace folder (as the CLI run there shows them). */
export function resolveDisplayName(filename: string, folder: string | null, documentPath: string | null): string {
  if (path.isAbsolute(filename)) return filename;
  return path.resolve(folder ?? (documentPath ? path.dirname(documentPath) : process.cwd()), filename);
}
