/**
 * What the job-script scan's reading tells the triage. The scan reads every file before any analysis can start,
 * and the triage read each again to ask the prefilter; the prefilter's answer from the text alone is kept instead
 * (per file, not the text), so the triage reads only the files that may go to an analyzer.
 *
 * Only a file the triage would judge the same is settled: one whose text, as the scan decoded it, is what the
 * triage would decode (no NUL byte, no invalid UTF-8: those are the triage's per-file errors to report), and for
 * which no selected rule can fire, or none unless the repository names it a job script, which the triage then
 * asks the index.
 */
import type { CheckSettings, CheckTarget } from "./check-file.js";
import { createLintContext } from "./check-file.js";
import { analysisByText, type LintContext } from "./lint-file.js";
import { AnalyzerRegistry } from "./registry.js";

type SettledVerdict = "no" | "unless-job-script";

export class ScanVerdicts {
  private readonly verdicts = new Map<CheckTarget, SettledVerdict>();
  private readonly contexts = new Map<string, LintContext>();
  /** Never asked for an analyzer: the contexts here only answer which rules are selected. */
  private readonly registry = new AnalyzerRegistry();

  constructor(
    private readonly targets: readonly CheckTarget[],
    private readonly settingsOf: (index: number) => { key: string; settings: CheckSettings },
  ) {}

  /**
   * The scan read target `index` as `text`, decoded as `readFileSync(path, "utf8")` decodes (U+FFFD for bad bytes).
   * Returns whether the file needs an analyzer, from its text alone (null: left to the triage).
   */
  note(index: number, text: string): ReturnType<typeof analysisByText> | null {
    const target = this.targets[index]!;
    if (target.path === null || target.text !== undefined) return null;
    // A NUL or a replacement character may be what the triage refuses (binary, not UTF-8): it reads the file itself.
    if (text.includes("\0") || text.includes("\uFFFD")) return null;
    const { key, settings } = this.settingsOf(index);
    let context = this.contexts.get(key);
    if (!context) this.contexts.set(key, (context = createLintContext(settings, this.registry)));
    // The triage reads the text without its BOM.
    const verdict = analysisByText(target.kind, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, context);
    if (verdict !== "yes") this.verdicts.set(target, verdict);
    return verdict;
  }

  /** How many of `targets` may need an analyzer (a job script the index names counts as settled): the run's work ahead. */
  unsettled(targets: readonly CheckTarget[]): number {
    let count = 0;
    for (const target of targets) if (!this.verdicts.has(target)) count++;
    return count;
  }

  /** Whether `target` needs neither a read nor an analyzer, with `context`'s job-script index. */
  settles(target: CheckTarget, context: LintContext): boolean {
    const verdict = this.verdicts.get(target);
    return verdict === "no" || (verdict === "unless-job-script" && context.jobScripts[target.path!] === undefined);
  }
}
