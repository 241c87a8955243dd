/** Applying fixes: edits never overlap, are applied back to front, and keep every byte outside them. */
import type { Diagnostic, Edit, Fix } from "./diagnostic.js";

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) throw new Error("overlapping edits in one fix");
  }
  let result = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const edit = sorted[i]!;
    result = result.slice(0, edit.start) + edit.content + result.slice(edit.end);
  }
  return result;
}

function fixSpan(fix: Fix): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const edit of fix.edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return { start, end };
}

/** Two fixes conflict when any of their edits touch or overlap (two inserts at one offset conflict too). */
function fixesConflict(a: Fix, b: Fix): boolean {
  for (const x of a.edits) {
    for (const y of b.edits) {
      if (x.start < y.end && y.start < x.end) return true;
      if (x.start === y.start || x.end === y.end) return true;
      if (x.start === x.end && x.start > y.start && x.start < y.end) return true;
    }
  }
  return false;
}

export interface FixSelection {
  /** Diagnostics whose fix is applied in this pass. */
  applied: Diagnostic[];
  /** The union of their edits. */
  edits: Edit[];
}

/**
 * Choose, in source order, the fixes of one file that can be applied together in one pass. A fix that
 * conflicts with one already chosen waits for the next pass (the caller re-analyses and tries again).
 */
export function selectFixes(diagnostics: readonly Diagnostic[], allowUnsafe: boolean): FixSelection {
  const candidates = diagnostics
    .filter((d) => d.fix && d.fix.edits.length > 0 && (d.fix.applicability === "safe" || allowUnsafe))
    .sort((a, b) => fixSpan(a.fix!).start - fixSpan(b.fix!).start);
  const applied: Diagnostic[] = [];
  const chosen: Fix[] = [];
  const seen = new Set<string>();
  for (const diagnostic of candidates) {
    const fix = diagnostic.fix!;
    // Identical fixes from two rules (or two findings on one literal) are applied once.
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) {
      applied.push(diagnostic);
      continue;
    }
    if (chosen.some((other) => fixesConflict(other, fix))) continue;
    seen.add(key);
    chosen.push(fix);
    applied.push(diagnostic);
  }
  return { applied, edits: chosen.flatMap((fix) => fix.edits) };
}
