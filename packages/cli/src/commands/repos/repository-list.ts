/**
 * The repositories of `--repos LIST`: a file of checkout paths (one a line; `#` comments and blank lines skipped;
 * relative paths from the file's folder, so the list works whatever the working directory), or a folder whose
 * subfolders holding a `.git` are the checkouts (in name order). Each repository is named as the list names it,
 * and that name keys its record in the report, so a resumed run and the shards of a CI matrix agree on it.
 */
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { UsageError } from "../../io.js";

export interface RepositoryEntry {
  /** As the list names it: the line of the list file, or the subfolder's name. */
  name: string;
  /** Absolute path of the checkout. */
  path: string;
  /** A file name for the repository's patch or results, unique over the whole list (every shard computes the same). */
  slug: string;
  /** Position in the whole list, before sharding. */
  index: number;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function readRepositoryList(list: string, cwd: string): RepositoryEntry[] {
  const absolute = path.resolve(cwd, list);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new UsageError(`--repos: no such file or folder: ${list}`);
  }
  const named: { name: string; path: string }[] = [];
  if (stat.isDirectory()) {
    for (const dirent of fs.readdirSync(absolute, { withFileTypes: true }).sort((a, b) => byString(a.name, b.name))) {
      if (dirent.name.startsWith(".") || !dirent.isDirectory()) continue;
      const folder = path.join(absolute, dirent.name);
      if (fs.existsSync(path.join(folder, ".git"))) named.push({ name: dirent.name, path: folder });
    }
  } else {
    const base = path.dirname(absolute);
    for (const raw of fs.readFileSync(absolute, "utf8").split(/\r?\n/)) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      const name = line.length > 1 ? line.replace(/[\\/]+$/, "") : line;
      named.push({ name, path: path.resolve(base, name) });
    }
  }
  // The same checkout listed twice (under two names, or through a symlink) is one repository: the first name wins.
  const seen = new Set<string>();
  const unique = named.filter((entry) => {
    const real = realpathOrSelf(entry.path);
    return !seen.has(real) && seen.add(real);
  });
  if (unique.length === 0) throw new UsageError(`--repos: ${list} names no repository`);
  return assignSlugs(unique).map((entry, index) => ({ ...entry, index }));
}

function assignSlugs(entries: { name: string; path: string }[]): { name: string; path: string; slug: string }[] {
  const plain = entries.map((entry) => entry.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "") || "repository");
  const counts = new Map<string, number>();
  for (const slug of plain) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return entries.map((entry, i) => {
    const slug = plain[i]!;
    // Two names that read alike as file names (`a/b`, `a-b`) each get a hash of their name.
    const unique = counts.get(slug)! > 1 ? `${slug}-${createHash("sha256").update(entry.name).digest("hex").slice(0, 8)}` : slug;
    return { ...entry, slug: unique };
  });
}

function realpathOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

export interface Shard {
  /** 1-based, as a CI matrix counts. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard: expected I/N with 1 <= I <= N (such as 2/5), got \`${value}\``);
  return { index, count };
}

/** Every N-th repository of the list from the I-th: the shards of a list cover it exactly once, and are within one of the same size. */
export function selectShard(entries: readonly RepositoryEntry[], shard: Shard | null): RepositoryEntry[] {
  if (!shard) return [...entries];
  return entries.filter((entry) => entry.index % shard.count === shard.index - 1);
}
