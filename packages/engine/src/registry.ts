/**
 * The analyzer registry: the analyzer for each file kind. Each is loaded on first use, so a Python-only
 * repository never pays for starting ESLint.
 */
import type { Analyzer, FileKind } from "@hf-jobs-lint/core";

/** An analyzer loaded on its first use: Markdown needs ESLint only for a file with a TS/JS fence. */
function loadedOnUse(kind: FileKind, load: () => Promise<Analyzer>): Analyzer {
  return { kinds: [kind], analyze: async (input) => (await load()).analyze(input) };
}

const loaders: Record<FileKind, (registry: AnalyzerRegistry) => Promise<Analyzer>> = {
  python: async () => (await import("@hf-jobs-lint/python")).pythonAnalyzer,
  typescript: async () => {
    // Loaded here, not at the top: the parser brings oxc and the scope analysis, which a run without TS never needs.
    const [{ createTypeScriptAnalyzer }, { loadTypeScriptParsers }] = await Promise.all([import("eslint-plugin-hf-jobs/analyzer"), import("./typescript-parser.js")]);
    const parsers = await loadTypeScriptParsers();
    return createTypeScriptAnalyzer(parsers.parser, parsers.snippetParser);
  },
  shell: async () => (await import("@hf-jobs-lint/shell")).shellAnalyzer,
  "yaml-ci": async () => (await import("@hf-jobs-lint/shell")).ciYamlAnalyzer,
  dotenv: async () => (await import("@hf-jobs-lint/shell")).dotenvAnalyzer,
  notebook: async (registry) => {
    const { createNotebookAnalyzer } = await import("@hf-jobs-lint/markdown");
    // Each sub-analyzer is loaded when a cell needs it: a notebook with no evidence never loads the Python grammar.
    return createNotebookAnalyzer({ python: () => registry.get("python"), markdown: () => registry.get("markdown") });
  },
  dockerfile: async () => (await import("@hf-jobs-lint/shell")).dockerfileAnalyzer,
  text: async () => (await import("@hf-jobs-lint/core")).textAnalyzer,
  markdown: async (registry) => {
    const [{ createMarkdownAnalyzer }, python] = await Promise.all([import("@hf-jobs-lint/markdown"), registry.get("python")]);
    return createMarkdownAnalyzer({ python, typescript: loadedOnUse("typescript", () => registry.get("typescript")) });
  },
};

export class AnalyzerRegistry {
  private readonly loaded = new Map<FileKind, Promise<Analyzer>>();

  get(kind: FileKind): Promise<Analyzer> {
    let analyzer = this.loaded.get(kind);
    if (!analyzer) {
      analyzer = loaders[kind](this).then(async (loadedAnalyzer) => {
        await loadedAnalyzer.init?.();
        return loadedAnalyzer;
      });
      this.loaded.set(kind, analyzer);
    }
    return analyzer;
  }
}
