/** The rule catalog's shape: the single source of truth for codes, names, docs and fix safety. */
import type { RuleCode } from "./index.js";

/** `env`: dotenv files (`.env`, `.env.*`, `*.env`), read as `hf jobs` reads `--env-file`/`--secrets-file`. */
export type Surface = "py" | "ts" | "sh" | "md" | "env" | "text";
export type FixKind = "safe" | "unsafe" | "none";
export type Severity = "error" | "warning";
/** `yaml`: a GitHub Actions workflow (CI steps are the `sh` surface). */
export type ExampleLanguage = "python" | "typescript" | "shell" | "markdown" | "yaml";

export interface RuleExample {
  language: ExampleLanguage;
  /** Code that the rule reports. Fake tokens only. */
  bad: string;
  /** The same code written the right way. */
  good: string;
}

export interface RuleDocs {
  /** Ruff's "What it does": one or two sentences. */
  whatItDoes: string;
  /** Ruff's "Why is this bad?". */
  whyBad: string;
  /**
   * Which files and code the rule judges, when that is not every file (the script rules: what counts as a job
   * script, what counts as a check). Rendered as "When it applies".
   */
  whenItApplies?: string;
  /** At least one example; the ESLint docs page uses the `typescript` ones when present. */
  examples: RuleExample[];
  /** Ruff's "Fix safety": why the fix is safe or unsafe, or why there is none. */
  fixSafety: string;
  /** Optional further reading (plain text or Markdown list items). */
  references?: string[];
}

/** A rule of the catalog; `Code` is its literal code (`RuleMeta<string>` for a rule outside the catalog). */
export interface RuleMeta<Code extends string = RuleCode> {
  /** Stable code, never reused: `HFJ101`. */
  code: Code;
  /** The ESLint rule name (`hf-jobs/<name>`), accepted wherever a code is. */
  name: string;
  /** One line, used as ESLint `docs.description` and in the README table. */
  summary: string;
  defaultSeverity: Severity;
  /** Whether the rule runs without `--select` (HFJ302 is opt-in). */
  enabledByDefault: boolean;
  fix: FixKind;
  /** What the fix does, in the catalog table ("env lookup", "move to secrets"). */
  fixSummary: string;
  surfaces: Surface[];
  docs: RuleDocs;
}
