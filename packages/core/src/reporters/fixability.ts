/** Whether a fix is offered at the enabled applicability, as Ruff decides its `[*]` marker and summary. */
import type { Diagnostic, Fix } from "../diagnostic.js";

export function isFixAvailable(fix: Fix | null, unsafeFixesEnabled: boolean): boolean {
  if (!fix || fix.edits.length === 0) return false;
  return fix.applicability === "safe" || unsafeFixesEnabled;
}

export interface FixableCounts {
  /** Fixes `--fix` would apply now. */
  applicable: number;
  /** Unsafe fixes that `--unsafe-fixes` would enable. */
  hiddenUnsafe: number;
}

export function countFixable(diagnostics: readonly Diagnostic[], unsafeFixesEnabled: boolean): FixableCounts {
  let applicable = 0;
  let hiddenUnsafe = 0;
  for (const diagnostic of diagnostics) {
    if (isFixAvailable(diagnostic.fix, unsafeFixesEnabled)) applicable++;
    else if (diagnostic.fix && diagnostic.fix.edits.length > 0) hiddenUnsafe++;
  }
  return { applicable, hiddenUnsafe };
}

/** The `[*] ` marker Ruff prints between the code and the message. */
export function fixMarker(fix: Fix | null, unsafeFixesEnabled: boolean): string {
  return isFixAvailable(fix, unsafeFixesEnabled) ? "[*] " : "";
}
