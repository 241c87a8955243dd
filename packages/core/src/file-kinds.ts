/** Which analyzer a file goes to, decided from its path alone. */
import path from "node:path";

export type FileKind = "python" | "typescript" | "shell" | "yaml-ci" | "markdown" | "dotenv";

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

/** Extensions that make a `.env.*` name something else (`.env.d.ts`, `.env.schema.json`). */
const NOT_DOTENV_EXTENSIONS = new Set([...Object.keys(BY_EXTENSION), ".json", ".yml", ".yaml", ".toml", ".lock"]);

/** `.env`, `.env.local`, `.env.example`, `.envrc`, `secrets.env`: where tokens are kept, and sometimes committed. */
function isDotenvName(base: string): boolean {
  if (base === ".env" || base === ".envrc") return true;
  if (base.startsWith(".env.")) return !NOT_DOTENV_EXTENSIONS.has(path.posix.extname(base).toLowerCase());
  return base.endsWith(".env") && base.length > 4;
}

/**
 * The kind of a file, or null when no analyzer reads it. Every YAML file goes to the CI analyzer (GitHub Actions
 * and GitLab CI by their paths, others by their shape). A
 * dotenv file in a repository is checked for tokens; a `.gitignore`d one is skipped like any ignored file.
 */
export function fileKind(filePath: string): FileKind | null {
  const normalized = filePath.split(path.sep).join("/");
  const base = path.posix.basename(normalized);
  if (base === "Makefile" || base === "makefile" || base === "GNUmakefile" || base.endsWith(".mk")) return "shell";
  if (isDotenvName(base)) return "dotenv";
  const extension = path.posix.extname(base).toLowerCase();
  // Every YAML file: GitHub Actions and GitLab CI files by their paths, any other by its shape (command steps
  // holding launch lines), which the CI analyzer decides.
  if (extension === ".yml" || extension === ".yaml") return "yaml-ci";
  if (base.endsWith(".d.ts")) return null;
  return BY_EXTENSION[extension] ?? null;
}
