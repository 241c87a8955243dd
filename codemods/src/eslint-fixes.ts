/**
 * The one adapter behind every TS/JS codemod: run the plugin's rules for some codes through ESLint's `Linter`
 * and apply their fixes (and, for unsafe codemods, their first suggestions) until nothing changes. The decisions
 * stay in the rules; a transform only chooses which rules.
 */
import path from "node:path";
import type { Linter } from "eslint";
import { getRule, runFixLoop, type Edit, type Fix } from "@hf-jobs-lint/core";

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

export interface CodemodResult {
  output: string;
  /** Rule codes whose fixes were applied, once per fix. */
  applied: string[];
  /** Set when the source could not be parsed. */
  parseError: string | null;
}

interface RuleFix {
  code: string;
  fix: Fix | null;
}

/** Apply the fixes of `codes` to `source` through core's fix loop; returns the source unchanged when nothing applies. */
export async function applyRuleFixes(source: string, filename: string, codes: readonly string[], unsafe: boolean): Promise<CodemodResult> {
  const { Linter, parser, plugin } = await load();
  const names = codes.map((code) => getRule(code).name).filter((name) => name in plugin.rules);
  // `cwd: "/"` so that every absolute path falls under the config's `files` pattern.
  const linter = new Linter({ configType: "flat", cwd: "/" });
  const config = plugin.standaloneConfig(parser, names);
  let parseError: string | null = null;
  // An ESLint fix is a safe fix, a rule's first suggestion an unsafe one (the plugin's policy for catalog fixes).
  const analyze = (text: string): RuleFix[] => {
    const messages = linter.verify(text, config, { filename: path.resolve(filename) });
    const fatal = messages.find((message) => message.fatal);
    if (fatal) {
      parseError = fatal.message;
      return [];
    }
    return messages.flatMap((message): RuleFix[] => {
      const fix = message.fix ?? message.suggestions?.[0]?.fix;
      if (!fix || !message.ruleId) return [];
      const edit: Edit = { start: fix.range[0], end: fix.range[1], content: fix.text };
      return [{ code: getRule(message.ruleId.replace(/^hf-jobs\//, "")).code, fix: { applicability: message.fix ? "safe" : "unsafe", message: message.message, edits: [edit] } }];
    });
  };
  const result = await runFixLoop(source, analyze, { unsafe });
  return { output: result.text, applied: result.applied.map((finding) => finding.code), parseError };
}
