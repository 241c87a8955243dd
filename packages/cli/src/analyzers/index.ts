/**
 * The analyzers the CLI runs, by file kind. Each is loaded on first use, so a Python-only repository never
 * pays for starting ESLint.
 */
import type { Analyzer, FileKind } from "@hf-jobs-lint/core";

const loaders: Record<FileKind, () => Promise<Analyzer>> = {
  python: async () => {
    const python = await import("@hf-jobs-lint/python");
    return { ...python.pythonAnalyzer, countSyntaxErrors: (text: string) => python.withPythonTree(text, (tree) => countErrorNodes(tree.rootNode, python.walk)) };
  },
  typescript: unavailable("typescript"),
  shell: unavailable("shell"),
  "yaml-ci": unavailable("yaml-ci"),
  markdown: unavailable("markdown"),
};

/** ERROR and MISSING nodes: a fix must not add any. */
function countErrorNodes<N extends { type: string; isMissing: boolean; hasError: boolean }>(root: N, walk: (node: N) => Iterable<N>): number {
  if (!root.hasError) return 0;
  let count = 0;
  for (const node of walk(root)) if (node.type === "ERROR" || node.isMissing) count++;
  return count;
}

function unavailable(kind: FileKind): () => Promise<Analyzer> {
  return async () => ({ kinds: [kind], analyze: () => [] });
}

export class AnalyzerRegistry {
  private readonly loaded = new Map<FileKind, Promise<Analyzer>>();

  get(kind: FileKind): Promise<Analyzer> {
    let analyzer = this.loaded.get(kind);
    if (!analyzer) {
      analyzer = loaders[kind]().then(async (loadedAnalyzer) => {
        await loadedAnalyzer.init?.();
        return loadedAnalyzer;
      });
      this.loaded.set(kind, analyzer);
    }
    return analyzer;
  }
}
