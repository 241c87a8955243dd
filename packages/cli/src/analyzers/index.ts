/**
 * The analyzers the CLI runs, by file kind. Each is loaded on first use, so a Python-only repository never
 * pays for starting ESLint.
 */
import { SourceText, type Analyzer, type FileKind } from "@hf-jobs-lint/core";

async function loadPython(): Promise<Analyzer> {
  const python = await import("@hf-jobs-lint/python");
  await python.initPythonParser();
  return { ...python.pythonAnalyzer, countSyntaxErrors: (text) => python.withPythonTree(text, (tree) => countErrorNodes(tree.rootNode, python.walk)) };
}

async function loadTypeScript(): Promise<Analyzer> {
  const typescript = await import("./typescript.js");
  return {
    ...typescript.typescriptAnalyzer,
    countSyntaxErrors: (text, filename) =>
      typescript.countTypeScriptSyntaxErrors({ filename, path: null, source: new SourceText(text), root: ".", readFile: () => null, includeCounterexamples: false }),
  };
}

/** An analyzer loaded on its first use: Markdown needs ESLint only for a file with a TS/JS fence. */
function loadedOnUse(kind: FileKind, load: () => Promise<Analyzer>): Analyzer {
  return { kinds: [kind], analyze: async (input) => (await load()).analyze(input) };
}

const loaders: Record<FileKind, (registry: AnalyzerRegistry) => Promise<Analyzer>> = {
  python: loadPython,
  typescript: loadTypeScript,
  shell: async () => (await import("./shell/index.js")).shellAnalyzer,
  "yaml-ci": async () => (await import("./ci-yaml.js")).ciYamlAnalyzer,
  markdown: async (registry) => {
    const [{ createMarkdownAnalyzer }, python] = await Promise.all([import("./markdown/index.js"), registry.get("python")]);
    return createMarkdownAnalyzer({ python, typescript: loadedOnUse("typescript", () => registry.get("typescript")) });
  },
};

/** ERROR and MISSING nodes: a fix must not add any. */
function countErrorNodes<N extends { type: string; isMissing: boolean; hasError: boolean }>(root: N, walk: (node: N) => Iterable<N>): number {
  if (!root.hasError) return 0;
  let count = 0;
  for (const node of walk(root)) if (node.type === "ERROR" || node.isMissing) count++;
  return count;
}

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
