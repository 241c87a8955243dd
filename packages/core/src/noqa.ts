/**
 * `# noqa` suppression, as in Ruff: `# noqa` alone suppresses every code on its line, `# noqa: HFJ101, HFJ201`
 * only those. Rule names (`no-hardcoded-token`) are accepted wherever a code is.
 */
import { findRule } from "./catalog/index.js";
import { makeDiagnostic, type Diagnostic } from "./diagnostic.js";
import type { SourceText } from "./source.js";

export type NoqaDirective = "all" | ReadonlySet<string>;

const NOQA = /#\s*noqa(?::\s*([A-Za-z0-9_/-]+(?:[\s,]+[A-Za-z0-9_/-]+)*))?/i;

/** The directive on one line of text, or null. */
export function parseNoqa(line: string): NoqaDirective | null {
  const match = NOQA.exec(line);
  if (!match) return null;
  if (!match[1]) return "all";
  const codes = new Set<string>();
  for (const part of match[1].split(/[\s,]+/)) {
    const rule = findRule(part);
    if (rule) codes.add(rule.code);
    else if (part) codes.add(part.toUpperCase());
  }
  return codes;
}

export function isSuppressedByNoqa(diagnostic: Diagnostic, source: SourceText): boolean {
  const directive = parseNoqa(source.lineText(diagnostic.noqaRow));
  if (!directive) return false;
  return directive === "all" || directive.has(diagnostic.code);
}

/** `isSuppressedByNoqa` for many findings of one file: each line's directive is read once (a long line holding thousands of findings is not re-scanned for each). */
export function noqaSuppressor(source: SourceText): (diagnostic: Diagnostic) => boolean {
  const directives = new Map<number, NoqaDirective | null>();
  return (diagnostic) => {
    let directive = directives.get(diagnostic.noqaRow);
    if (directive === undefined) directives.set(diagnostic.noqaRow, (directive = parseNoqa(source.lineText(diagnostic.noqaRow))));
    return directive !== null && (directive === "all" || directive.has(diagnostic.code));
  };
}

/** The codes of a `# noqa: ...` directive as written, known or not (null for none, "all" for a bare `# noqa`). */
export function noqaCodesAsWritten(line: string): "all" | string[] | null {
  const match = NOQA.exec(line);
  if (!match) return null;
  if (!match[1]) return "all";
  return match[1].split(/[\s,]+/).filter(Boolean);
}

/**
 * `line` with `codes` suppressed by a `# noqa` directive (`--add-noqa`, the language server's code action): the
 * codes are added to an existing `# noqa: ...` directive, or a new one is appended after two spaces, as Ruff writes
 * it. A bare `# noqa` already covers everything and is left alone.
 */
export function addNoqaCodes(line: string, codes: readonly string[]): string {
  const match = NOQA.exec(line);
  if (match && !match[1]) return line;
  const directive = match ? directiveCodes(line) : null;
  if (directive) {
    const known = new Set(directive.parts.map((part) => findRule(part)?.code ?? part.toUpperCase()));
    const added = codes.filter((code) => !known.has(code));
    if (added.length === 0) return line;
    return `${line.slice(0, directive.end)}, ${added.join(", ")}${line.slice(directive.end)}`;
  }
  const trimmed = line.replace(/\s+$/u, "");
  return `${trimmed}  # noqa: ${[...new Set(codes)].sort().join(", ")}`;
}

/**
 * File-level suppression, as Ruff's `# ruff: noqa`: a line of its own reading `# hf-jobs-lint: noqa` turns every
 * rule off for the file, `# hf-jobs-lint: noqa: HFJ101, HFJ201` those rules. `//` and `<!-- ... -->` work too, so
 * TS/JS and Markdown files can say it in their own comments.
 */
const FILE_NOQA = /^\s*(?:#|\/\/|<!--)\s*hf-jobs-lint:\s*noqa(?::\s*([A-Za-z0-9_/-]+(?:[\s,]+[A-Za-z0-9_/-]+)*))?\s*(?:-->)?\s*$/i;

export function parseFileNoqa(source: SourceText): NoqaDirective | null {
  if (!/hf-jobs-lint:\s*noqa/i.test(source.text)) return null;
  let codes: Set<string> | null = null;
  for (let row = 1; row <= source.lineCount; row++) {
    const match = FILE_NOQA.exec(source.lineText(row));
    if (!match) continue;
    if (!match[1]) return "all";
    codes ??= new Set();
    for (const part of match[1].split(/[\s,]+/)) if (part) codes.add(findRule(part)?.code ?? part.toUpperCase());
  }
  return codes;
}

export function isSuppressedInFile(diagnostic: Diagnostic, directive: NoqaDirective | null): boolean {
  return directive !== null && (directive === "all" || directive.has(diagnostic.code));
}

/**
 * The codes of a line's `# noqa: ...` directive and where it is: the codes run while they look like codes
 * (`E501`, `HFJ101`) or name a rule; the first other word ends the directive, as in Ruff, so a comment after it
 * (`# noqa: HFJ101 revoked in #12`) is not taken for codes. Null for no directive or a bare `# noqa`.
 */
function directiveCodes(line: string): { start: number; end: number; parts: string[] } | null {
  const match = NOQA.exec(line);
  if (!match?.[1]) return null;
  const codesStart = match.index + match[0].length - match[1].length;
  const parts: string[] = [];
  let end = codesStart;
  for (const word of match[1].matchAll(/[A-Za-z0-9_/-]+/g)) {
    if (!/^[A-Za-z]+[0-9]+$/.test(word[0]) && !findRule(word[0])) break;
    parts.push(word[0]);
    end = codesStart + word.index + word[0].length;
  }
  return parts.length > 0 ? { start: match.index, end, parts } : null;
}

/** A code of this tool's shape (`HFJ123`): other linters' codes in a shared `# noqa` (`E501`) are theirs. */
const OWN_CODE_SHAPE = /^HFJ\d+$/i;

export interface NoqaHygiene {
  /** HFJ901 findings: directive codes that suppress nothing on their line. */
  unused: Diagnostic[];
  /** `# noqa` codes of this tool's shape that the catalog does not know (`HFJ999`), as warning texts. */
  unknown: string[];
}

/**
 * The `# noqa` directives of a file checked against what its analyzer found (before any filtering): a catalog
 * code that has no finding on its directive's line is unused (HFJ901, whose fix takes the code out, and the
 * whole comment when nothing is left); an unknown code of this tool's shape is a warning. Other linters' codes
 * and a bare `# noqa` are left alone: they may be Ruff's or flake8's.
 */
export function checkNoqaDirectives(source: SourceText, filename: string, found: readonly Diagnostic[]): NoqaHygiene {
  const hygiene: NoqaHygiene = { unused: [], unknown: [] };
  if (!/noqa/i.test(source.text)) return hygiene;
  const fired = firedByRow(found);
  for (let row = 1; row <= source.lineCount; row++) {
    const line = source.lineText(row);
    const checked = checkNoqaLine(line, fired.get(row) ?? new Set<string>());
    if (!checked) continue;
    for (const part of checked.unknown) hygiene.unknown.push(`line ${row}: \`# noqa\` names an unknown rule \`${part}\``);
    const unused = checked.unused;
    if (!unused) continue;
    const lineStart = source.lineStart(row);
    hygiene.unused.push(
      makeDiagnostic(source, filename, {
        code: "HFJ901",
        message: unused.message,
        start: lineStart + unused.start,
        end: lineStart + unused.end,
        fix: { applicability: "unsafe", message: unused.fixMessage, edits: [{ start: lineStart + unused.removeFrom, end: lineStart + unused.end, content: unused.content }] },
      }),
    );
  }
  return hygiene;
}

/** The codes that have a finding on each `# noqa` row. */
export function firedByRow(found: readonly Diagnostic[]): Map<number, Set<string>> {
  const firedOnRow = new Map<number, Set<string>>();
  for (const diagnostic of found) {
    let codes = firedOnRow.get(diagnostic.noqaRow);
    if (!codes) firedOnRow.set(diagnostic.noqaRow, (codes = new Set()));
    codes.add(diagnostic.code);
  }
  return firedOnRow;
}

/** What `checkNoqaLine` says of one line: offsets are in the line. */
export interface NoqaLineCheck {
  /** Codes of this tool's shape the catalog does not know, as written. */
  unknown: string[];
  /** The unused codes' finding: the directive's range, and the edit that takes them out (`removeFrom`..`end` becomes `content`). */
  unused: { start: number; end: number; removeFrom: number; content: string; message: string; fixMessage: string } | null;
}

/**
 * One line's `# noqa: ...` directive against the codes that fired on it (`fired`): what `checkNoqaDirectives` does
 * per line, for analyzers whose lines are not the file's (a notebook's cells). Null for no directive with codes.
 */
export function checkNoqaLine(line: string, fired: ReadonlySet<string>): NoqaLineCheck | null {
  const directive = directiveCodes(line);
  if (!directive) return null;
  const { parts } = directive;
  const result: NoqaLineCheck = { unknown: [], unused: null };
  const unused: string[] = [];
  for (const part of parts) {
    const rule = findRule(part);
    if (rule) {
      // A directive for HFJ901 itself is checked by nothing else: it is never reported as unused.
      if (!fired.has(rule.code) && rule.code !== "HFJ901") unused.push(part);
    } else if (OWN_CODE_SHAPE.test(part)) result.unknown.push(part);
  }
  if (unused.length === 0) return result;
  const kept = parts.filter((part) => !unused.includes(part));
  // With nothing left the comment goes, and the spaces before it (text after it, if any, stays a comment).
  const rest = line.slice(directive.end);
  const removeFrom = kept.length > 0 || rest.trim() ? directive.start : line.slice(0, directive.start).replace(/\s+$/u, "").length;
  const content = kept.length > 0 ? `# noqa: ${kept.join(", ")}` : rest.trim() ? "#" : "";
  const codes = unused.map((part) => findRule(part)!.code);
  result.unused = {
    start: directive.start,
    end: directive.end,
    removeFrom,
    content,
    message: `Unused \`noqa\` directive (${codes.map((code) => `\`${code}\``).join(", ")} reported nothing on this line)`,
    fixMessage: kept.length > 0 ? `Remove ${codes.join(", ")} from the directive` : "Remove the unused `noqa` directive",
  };
  return result;
}
