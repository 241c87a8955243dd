/** Which analyzer a file goes to, decided from its path alone. */
import path from "node:path";

export type FileKind = "python" | "typescript" | "shell" | "yaml-ci" | "markdown";

const BY_EXTENSION: Record<string, FileKind> = {
  ".py": "python",
  ".pyi": "python",
  ".ts": "typescript",
  ".tsx": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".js": "typescript",
  ".jsx": "typescript",
  ".mjs": "typescript",
  ".cjs": "typescript",
  ".sh": "shell",
  ".bash": "shell",
  ".zsh": "shell",
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdx": "markdown",
};

/** The kind of a file, or null when no analyzer reads it. */
export function fileKind(filePath: string): FileKind | null {
  const normalized = filePath.split(path.sep).join("/");
  const base = path.posix.basename(normalized);
  if (base === "Makefile" || base === "makefile" || base === "GNUmakefile" || base.endsWith(".mk")) return "shell";
  const extension = path.posix.extname(base).toLowerCase();
  // Every YAML file: GitHub Actions and GitLab CI files by their paths, any other by its shape (command steps
  // holding launch lines), which the CI analyzer decides.
  if (extension === ".yml" || extension === ".yaml") return "yaml-ci";
  if (base.endsWith(".d.ts")) return null;
  return BY_EXTENSION[extension] ?? null;
}
