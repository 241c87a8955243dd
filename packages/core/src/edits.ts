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

/** Anything that may carry a fix: a diagnostic, or a finding of another linter (the codemods' ESLint messages). */
export interface Fixable {
  fix: Fix | null;
}

export interface FixSelection<D extends Fixable = Diagnostic> {
  /** Diagnostics whose fix is applied in this pass. */
  applied: D[];
  /** The union of their edits. */
  edits: Edit[];
}

/**
 * Choose, in source order, the fixes of one file that can be applied together in one pass. A fix that
 * conflicts with one already chosen waits for the next pass (the caller re-analyses and tries again).
 */
export function selectFixes<D extends Fixable = Diagnostic>(diagnostics: readonly D[], allowUnsafe: boolean): FixSelection<D> {
  const candidates = diagnostics
    .filter((d) => d.fix && d.fix.edits.length > 0 && (d.fix.applicability === "safe" || allowUnsafe))
    .sort((a, b) => fixSpan(a.fix!).start - fixSpan(b.fix!).start);
  const applied: D[] = [];
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

/** Passes of analyse-and-fix before giving up: fixes that keep producing fixes are a bug worth reporting. */
export const MAX_FIX_PASSES = 10;

export interface FixLoopOptions<D extends Fixable> {
  unsafe: boolean;
  /** The findings of `text` when the caller has them already (saves one analysis). */
  initial?: readonly D[];
  /** Why `next` must not be written (it adds syntax errors, say), or null when it may. */
  refuse?(next: string, applied: readonly D[]): string | null;
}

export interface FixLoopResult<D extends Fixable> {
  text: string;
  /** The findings of the final text. */
  diagnostics: readonly D[];
  /** Every finding whose fix was applied, pass after pass. */
  applied: D[];
  /** Set when a pass was refused or the fixes did not converge; `text` is the last accepted pass. */
  error: string | null;
}

/**
 * The one fix loop: apply the fixes that fit together, analyse again, repeat until nothing is left to apply
 * (bounded). The engine runs it over every analyzer, the codemods over ESLint's fixes and suggestions.
 */
export async function runFixLoop<D extends Fixable>(
  text: string,
  analyze: (text: string) => readonly D[] | Promise<readonly D[]>,
  options: FixLoopOptions<D>,
): Promise<FixLoopResult<D>> {
  let diagnostics = options.initial ?? (await analyze(text));
  let working = text;
  const applied: D[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const selection = selectFixes(diagnostics, options.unsafe);
    if (selection.edits.length === 0) return { text: working, diagnostics, applied, error: null };
    const next = applyEdits(working, selection.edits);
    const refused = options.refuse?.(next, selection.applied) ?? null;
    if (refused) return { text: working, diagnostics, applied, error: refused };
    for (const diagnostic of selection.applied) applied.push(diagnostic);
    working = next;
    diagnostics = await analyze(working);
  }
  const converged = selectFixes(diagnostics, options.unsafe).edits.length === 0;
  return { text: working, diagnostics, applied, error: converged ? null : `fixes did not converge after ${MAX_FIX_PASSES} passes; the last pass is kept (please report this)` };
}
