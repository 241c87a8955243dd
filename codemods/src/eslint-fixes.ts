/**
 * The one adapter behind every TS/JS codemod: run the plugin's rules for some codes through ESLint's `Linter`
 * and apply their fixes (and, for unsafe codemods, their first suggestions) until nothing changes. The decisions
 * stay in the rules; a transform only chooses which rules.
 */
import path from "node:path";
import type { Linter } from "eslint";
import { applyEdits, getRule, type Edit } from "@hf-jobs-lint/core";

type PluginModule = typeof import("eslint-plugin-hf-jobs");

/**
 * ESLint, the parser and the plugin are loaded on first use: the plugin initialises the Python grammar with a
 * top-level await, and jscodeshift `require`s transform modules, which cannot load such a module synchronously.
 */
let loaded: Promise<{ Linter: typeof Linter; parser: unknown; plugin: PluginModule }> | null = null;
function load() {
  loaded ??= (async () => {
    const [eslint, parser, plugin] = await Promise.all([import("eslint"), import("@typescript-eslint/parser"), import("eslint-plugin-hf-jobs")]);
    return { Linter: eslint.Linter, parser: parser.default ?? parser, plugin };
  })();
  return loaded;
}

/** Bound on fix passes: a rule whose fix keeps producing fixes is a bug, not a reason to loop forever. */
const MAX_PASSES = 10;

function overlaps(a: Edit, chosen: readonly Edit[]): boolean {
  return chosen.some((b) => a.start < b.end && b.start < a.end) || chosen.some((b) => a.start === b.start);
}

export interface CodemodResult {
  output: string;
  /** Rule codes whose fixes were applied, once per fix. */
  applied: string[];
  /** Set when the source could not be parsed. */
  parseError: string | null;
}

/** Apply the fixes of `codes` to `source`; returns the source unchanged when nothing applies. */
export async function applyRuleFixes(source: string, filename: string, codes: readonly string[], unsafe: boolean): Promise<CodemodResult> {
  const { Linter, parser, plugin } = await load();
  const names = codes.map((code) => getRule(code).name).filter((name) => name in plugin.rules);
  // `cwd: "/"` so that every absolute path falls under the config's `files` pattern.
  const linter = new Linter({ configType: "flat", cwd: "/" });
  const config = plugin.standaloneConfig(parser, names);
  let output = source;
  const applied: string[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const messages = linter.verify(output, config, { filename: path.resolve(filename) });
    const fatal = messages.find((message) => message.fatal);
    if (fatal) return { output, applied, parseError: fatal.message };
    const edits: Edit[] = [];
    for (const message of messages) {
      const fix = message.fix ?? (unsafe ? message.suggestions?.[0]?.fix : undefined);
      if (!fix || !message.ruleId) continue;
      const edit = { start: fix.range[0], end: fix.range[1], content: fix.text };
      if (overlaps(edit, edits)) continue;
      edits.push(edit);
      applied.push(getRule(message.ruleId.replace(/^hf-jobs\//, "")).code);
    }
    if (edits.length === 0) break;
    output = applyEdits(output, edits);
  }
  return { output, applied, parseError: null };
}
