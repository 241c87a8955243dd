import path from "node:path";

/**
 * A path with `/` between its parts, as globs, URLs and output show it: the path itself on POSIX (no copy, which
 * matters for tables that keep one per file), its `\` turned into `/` on Windows.
 */
export function toSlashes(filePath: string): string {
  return path.sep === "/" ? filePath : filePath.split(path.sep).join("/");
}
