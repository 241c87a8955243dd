import type { RuleCode } from "./catalog/index.js";
import type { Position, SourceText } from "./source.js";

export type Applicability = "safe" | "unsafe";

/** A replacement of `text.slice(start, end)` by `content`; offsets are UTF-16 indices into the file. */
export interface Edit {
  start: number;
  end: number;
  content: string;
}

export interface Fix {
  applicability: Applicability;
  /** What the fix does, e.g. "Move `HF_TOKEN` from `env` to `secrets`". Never contains a whole token. */
  message: string;
  edits: Edit[];
}

/** Why a finding applies, shown with it: a `note:` line, SARIF `relatedLocations`, `related` in JSON. */
export interface RelatedInformation {
  message: string;
  /** Where the evidence is (display name, as `Diagnostic.filename`), when it is a place in some file. */
  filename?: string;
  /** 1-based row in that file. */
  row?: number;
}

export interface Diagnostic {
  /** Catalog code, e.g. `HFJ101`. */
  code: RuleCode;
  /** Never contains a whole token: build messages with `redact()`. */
  message: string;
  filename: string;
  start: number;
  end: number;
  location: Position;
  endLocation: Position;
  fix: Fix | null;
  /** The row a `# noqa` comment for this diagnostic goes on. */
  noqaRow: number;
  /** Evidence the finding rests on (the script rules: why this file is a job script). Absent when there is none. */
  related?: RelatedInformation[];
  /**
   * In a notebook, the cell the finding is in (1-based, among all cells, as Ruff counts them) and its position
   * there; `location` stays the position in the file (the JSON), which annotations and code frames use.
   */
  cell?: { index: number; location: Position; endLocation: Position };
}

export interface DiagnosticInput {
  code: RuleCode;
  message: string;
  start: number;
  end: number;
  fix?: Fix | null;
  /** Defaults to the row of `start`. */
  noqaRow?: number;
  related?: RelatedInformation[];
}

export function makeDiagnostic(source: SourceText, filename: string, input: DiagnosticInput): Diagnostic {
  const location = source.positionAt(input.start);
  return {
    code: input.code,
    message: input.message,
    filename,
    start: input.start,
    end: input.end,
    location,
    endLocation: source.positionAt(input.end),
    fix: input.fix ?? null,
    noqaRow: input.noqaRow ?? location.row,
    ...(input.related && input.related.length > 0 ? { related: input.related } : {}),
  };
}

/** A file that could not be checked; reported per file, the run goes on. */
export interface FileError {
  filename: string;
  message: string;
}

/** By file, position, code: code-unit order, so output does not depend on the machine's locale. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const byString = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return byString(a.filename, b.filename) || a.start - b.start || byString(a.code, b.code) || a.end - b.end;
}
