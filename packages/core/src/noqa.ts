/**
 * `# noqa` suppression, as in Ruff: `# noqa` alone suppresses every code on its line, `# noqa: HFJ101, HFJ201`
 * only those. Rule names (`no-hardcoded-token`) are accepted wherever a code is.
 */
import { findRule } from "./catalog/index.js";
import type { Diagnostic } from "./diagnostic.js";
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
