/**
 * A persistent results cache, as Ruff's `.ruff_cache`: a file whose content, settings and dependencies are
 * unchanged since a previous run gets that run's outcome back without being analysed, its job-script references
 * without being scanned, and (for the token pass's files) its kind without being read at discovery. A warm run
 * over an unchanged tree stats every file, checks the launched scripts the cached findings rest on, and hands the
 * stored outcomes on.
 *
 * A file is unchanged when its stamp (size, modification and change times, inode) is the one stored with its
 * digest, as Ruff and git trust a file's metadata; the file is then not read. A stamp is stored only when it was
 * taken before the bytes it vouches for were read, and only when the file's last modification is more than
 * `RACY_MS` older than that moment: a file changed again within the same timestamp tick (a few milliseconds on
 * ext4, one or two seconds on FAT, HFS+ and some network filesystems) would keep its stamp, so such a file is
 * read and hashed instead (git's "racily clean" entries). Any other file is read and hashed.
 *
 * An outcome is reused when all of these are the same as when it was stored:
 * - the tool (version folder, and the build of the analyzers in the file's header: a rebuilt checkout misses);
 * - the file's bytes (SHA-256: on the 4,869 files, 29.5 MB, of four real repositories it takes 34 ms, SHA-1
 *   26 ms, MD5 50 ms; the few milliseconds buy a digest no crafted collision can make two files share);
 * - the settings the file is checked with (enabled rules after per-file-ignores and test-files, roots,
 *   hub-version, counterexamples, the prefilter), the name it is shown with, its kind, its job-script
 *   evidence, and the huggingface_hub version its folder's manifests give;
 * - every other file the analysis read (`FileOutcome.dependencies`: launched scripts, named files, also the
 *   candidates that did not exist, so a script that appears since invalidates its launcher).
 * Only outcomes that are facts of the file are stored: findings, parse errors, binary or undecodable files; a
 * timeout, a crashed worker or an unreadable file is checked again next time.
 *
 * One file per cache folder and tool version (`<dir>/<version>/results.json`), loaded once and written once at
 * the end of a run that changed it (write to a temporary file, then rename: concurrent runs never leave a torn
 * file; the last writer wins). Entries of files that no longer exist are dropped. A cache that cannot be read,
 * does not parse, or was written by another build is ignored and rewritten, never an error.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  fileSystemManifestReader,
  FolderListings,
  HubVersionResolver,
  kindOfBytes,
  readTextSample,
  type Diagnostic,
  type FileKind,
  type ManifestReader,
  type ScriptReference,
} from "@hf-jobs-lint/core";
import { checkFiles, type RunOptions, type SettingsOf } from "./run-checks.js";
import { emptyOutcome, type CheckSettings, type CheckTarget, type FileOutcome } from "./check-file.js";
import type { ScriptReferenceCache } from "./job-scripts.js";
import { MAX_FILE_BYTES, readSourceFile } from "./read-source.js";

/** The folder name of the cache, at the project root unless `cache-dir` says otherwise. */
export const DEFAULT_CACHE_DIR_NAME = ".hf-jobs-lint_cache";

/** The layout of `results.json`; a file of another layout is ignored. */
const FORMAT = 2;
const RESULTS_FILE = "results.json";
const HASH = "sha256";
/** How much older than the moment it is taken a file's modification time must be for its stamp to be trusted. */
export const RACY_MS = 2000;

/** The tag backup and archiving tools know (https://bford.info/cachedir/). */
const CACHEDIR_TAG =
  "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by hf-jobs-lint.\n# For information about cache directory tags, see https://bford.info/cachedir/\n";
const GITIGNORE = "# Automatically created by hf-jobs-lint.\n*\n";

/** What is kept of an outcome: the rest of a `FileOutcome` is rebuilt (the text is read again from the file). */
export interface StoredOutcome {
  /** Diagnostics, when there are any. */
  g?: Diagnostic[];
  /** The per-file error. */
  e?: string;
  /** Digest of `FileOutcome.text` when it was not null: the text is the file's, read again and checked. */
  t?: string;
  /** Unresolved scripts. */
  u?: string[];
  /** Warnings. */
  w?: string[];
  /** Dependencies with the digest of what each was then (`-`: missing or not a file). */
  p?: [string, string][];
}

interface StoredFile {
  /** Digest of the file's bytes. */
  d: string;
  /** Its stamp when `d` was taken (absent: not trusted, the file is hashed again). */
  m?: string;
  /** Its job-script references (absent: not scanned). */
  r?: ScriptReference[];
  /** Its kind from its bytes, for a `text`-kind file (`-`: none, the file is not checked). */
  v?: string;
  /** The key of everything else the outcome depends on, and the outcome. */
  k?: string;
  o?: StoredOutcome;
}

interface StoredCache {
  format: number;
  build: string;
  files: Record<string, StoredFile>;
}

/** A target whose stored outcome holds (`ResultCache.probe`). */
export interface CacheHit {
  path: string;
  digest: string;
  stored: StoredOutcome;
}

export interface ResultCacheOptions {
  /** The cache folder; created with a `.gitignore` and a `CACHEDIR.TAG` on the first write. */
  dir: string;
  /** The tool's version: each version keeps its own folder inside `dir`. */
  version: string;
  /** What else identifies the tool's code (default: `buildFingerprint()`); a cache of another build is ignored. */
  build?: string;
}

export const digest = (data: Buffer | string): string => crypto.createHash(HASH).update(data).digest("base64");

/**
 * The analyzers' build: the time and size of each workspace package's `.tsbuildinfo` where one exists (a checkout
 * that was rebuilt after an edit), so a developer's cache never outlives the code that wrote it. Installed packages
 * ship no `.tsbuildinfo`: their version alone decides.
 */
export function buildFingerprint(): string {
  const require = createRequire(import.meta.url);
  const parts: string[] = [];
  for (const name of ["@hf-jobs-lint/core", "@hf-jobs-lint/engine", "@hf-jobs-lint/python", "@hf-jobs-lint/shell", "@hf-jobs-lint/markdown", "eslint-plugin-hf-jobs"]) {
    try {
      parts.push(`${name}@${packageBuild(path.dirname(require.resolve(`${name}/package.json`)))}`);
    } catch {
      // The package is elsewhere: the version decides.
    }
  }
  return parts.join(",");
}

/** The build of one package folder: its `.tsbuildinfo`'s time and size in a built checkout, "" in an installed package. */
export function packageBuild(packageRoot: string): string {
  const stat = fs.statSync(path.join(packageRoot, "dist", ".tsbuildinfo"), { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : "";
}

function loadStored(file: string, build: string): Record<string, StoredFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return {}; // none yet, unreadable or corrupt: start over
  }
  const stored = parsed as Partial<StoredCache> | null;
  if (!stored || typeof stored !== "object" || stored.format !== FORMAT || stored.build !== build) return {};
  if (!stored.files || typeof stored.files !== "object" || Array.isArray(stored.files)) return {};
  return stored.files;
}

const isStoredFile = (value: unknown): value is StoredFile => typeof value === "object" && value !== null && typeof (value as StoredFile).d === "string";

/** A file's stamp: what says it is unchanged without reading it (size, modification and change times, inode). */
export function stampOf(stat: fs.Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** Errors that are facts of the file's content, worth remembering; anything else (a timeout, a crash) is tried again. */
const CONTENT_ERROR = /^(?:cannot parse: |binary file |not valid UTF-8|cannot check: nested too deeply)/;

/** Whether an outcome may be remembered: nothing was fixed or diffed, and any error is a fact of the file's content. */
export function isFactOfContent(outcome: FileOutcome): boolean {
  if (outcome.fixed.length > 0 || outcome.diff !== null || outcome.fixedText !== null) return false;
  return outcome.error === null || CONTENT_ERROR.test(outcome.error);
}

/** What is kept of an outcome, its dependencies apart (the results cache keeps their digests, a run record their stamps). */
export function keptOutcome(outcome: FileOutcome): StoredOutcome {
  const stored: StoredOutcome = {};
  if (outcome.diagnostics.length > 0) stored.g = outcome.diagnostics;
  if (outcome.error !== null) stored.e = outcome.error;
  if (outcome.text !== null) stored.t = digest(outcome.text);
  if (outcome.unresolvedScripts.length > 0) stored.u = outcome.unresolvedScripts;
  if (outcome.warnings.length > 0) stored.w = outcome.warnings;
  return stored;
}

/**
 * The outcome a kept one stands for; null when the file's text (read again, it is not kept) is no longer the one
 * checked, or the kept outcome is of an unexpected shape. `bytesDigest`: the file's bytes must have it too.
 */
export function rebuiltOutcome(target: CheckTarget, filePath: string, stored: StoredOutcome, dependencies: string[], bytesDigest?: string): FileOutcome | null {
  try {
    let text: string | null = null;
    if (stored.t !== undefined) {
      const read = readSourceFile(filePath);
      if (!read.ok || (bytesDigest !== undefined && digest(read.file.bytes) !== bytesDigest) || digest(read.file.text) !== stored.t) return null;
      text = read.file.text;
    }
    return {
      ...emptyOutcome(target.filename),
      diagnostics: stored.g ? [...stored.g] : [],
      text,
      error: stored.e ?? null,
      unresolvedScripts: stored.u ? [...stored.u] : [],
      dependencies: [...dependencies],
      warnings: stored.w ? [...stored.w] : [],
    };
  } catch {
    return null;
  }
}

export class ResultCache {
  private readonly file: string;
  private readonly build: string;
  private readonly stored: Record<string, StoredFile>;
  /** This run's entries, by absolute path. */
  private readonly fresh = new Map<string, StoredFile>();
  /** Digests of files read this run (targets and dependencies; `-`: missing or not a file). */
  private readonly digests = new Map<string, string>();
  /** Stamps taken this run, each before the file's first read (null: not a regular file, or changed too recently). */
  private readonly stamps = new Map<string, string | null>();
  private readonly settingsDigests = new WeakMap<CheckSettings, string>();
  private readonly hubVersions = new Map<string, { resolver: HubVersionResolver; byFolder: Map<string, string> }>();
  /** Folder listings of this run's discovery (`useListings`). */
  private listings: FolderListings = new FolderListings();
  private readonly manifests: ManifestReader = {
    list: (dir) => this.listings.names(dir) ?? fileSystemManifestReader.list(dir),
    read: (file) => fileSystemManifestReader.read(file),
  };
  private changed = false;

  /** The scan's side: references by stamp, else by content. */
  readonly references: ScriptReferenceCache = {
    unchanged: (filePath) => {
      const known = this.stampedDigest(filePath);
      return known === null ? undefined : this.entryFor(filePath, known)?.r;
    },
    get: (filePath, bytes) => this.entryFor(filePath, digest(bytes))?.r,
    set: (filePath, bytes, references) => {
      this.update(filePath, this.entryFor(filePath, digest(bytes), true)!, { r: references });
    },
  };

  /**
   * Discovery's `kindOnDisk`: the kind of a `text`-kind file from its bytes, stored by its digest, so an unchanged
   * file is not read at all.
   */
  readonly kindOnDisk = (filePath: string, kind: FileKind): FileKind | null => {
    if (kind !== "text") return kind;
    const known = this.stampedDigest(filePath);
    const entry = known === null ? null : this.entryFor(filePath, known);
    if (entry?.v !== undefined) return entry.v === "-" ? null : (entry.v as FileKind);
    const bytes = readTextSample(filePath);
    if (!bytes) return null;
    const verdict = kindOfBytes(filePath, bytes);
    this.update(filePath, this.entryFor(filePath, digest(bytes), true)!, { v: verdict ?? "-" });
    return verdict;
  };

  private constructor(
    readonly dir: string,
    options: ResultCacheOptions,
  ) {
    this.build = options.build ?? buildFingerprint();
    this.file = path.join(dir, sanitize(options.version), RESULTS_FILE);
    this.stored = loadStored(this.file, this.build);
  }

  static open(options: ResultCacheOptions): ResultCache {
    return new ResultCache(path.resolve(options.dir), options);
  }

  /**
   * This run's entry for a file whose bytes have `contentDigest`: the stored one when the content is the same,
   * else (with `create`) a new one. The digest is remembered for the outcome's key, and the entry carries the
   * stamp taken before the file was first read this run.
   */
  private entryFor(filePath: string, contentDigest: string, create = false): StoredFile | null {
    this.digests.set(filePath, contentDigest);
    const current = this.fresh.get(filePath);
    if (current && current.d === contentDigest) return current;
    const old = this.stored[filePath];
    const stamp = this.stamps.get(filePath) ?? undefined;
    if (!current && isStoredFile(old) && old.d === contentDigest) {
      this.fresh.set(filePath, old);
      // Same content, new stamp (touched, checked out again): stored with the new one.
      if (old.m !== stamp) return this.update(filePath, old, { m: stamp });
      return old;
    }
    if (!create) return null;
    const entry: StoredFile = stamp === undefined ? { d: contentDigest } : { d: contentDigest, m: stamp };
    this.fresh.set(filePath, entry);
    this.changed = true;
    return entry;
  }

  /** `entry` of `filePath` with `fields` changed; a loaded entry is copied rather than changed. */
  private update(filePath: string, entry: StoredFile, fields: Partial<StoredFile>): StoredFile {
    const updated: StoredFile = entry === this.stored[filePath] ? { ...entry } : entry;
    for (const [name, value] of Object.entries(fields) as [keyof StoredFile, never][]) {
      if (value === undefined) delete updated[name];
      else updated[name] = value;
    }
    this.fresh.set(filePath, updated);
    this.changed = true;
    return updated;
  }

  /**
   * The file's stamp as it is now, taken once per run and before any read of it; null when it vouches for
   * nothing: not a regular file, or modified less than `RACY_MS` ago.
   */
  private stampNow(filePath: string): string | null {
    let known = this.stamps.get(filePath);
    if (known === undefined) {
      known = null;
      try {
        const stat = fs.statSync(filePath);
        if (stat.isFile() && stat.mtimeMs < Date.now() - RACY_MS) known = stampOf(stat);
      } catch {
        // Missing: the read that follows says so.
      }
      this.stamps.set(filePath, known);
    }
    return known;
  }

  /** The stored digest of a file whose stamp is the one stored with it (the file is not read); null otherwise. */
  private stampedDigest(filePath: string): string | null {
    const known = this.digests.get(filePath);
    if (known !== undefined) return known;
    const stamp = this.stampNow(filePath);
    if (stamp === null) return null;
    const entry = this.fresh.get(filePath) ?? this.stored[filePath];
    return isStoredFile(entry) && entry.m === stamp ? entry.d : null;
  }

  /** The digest of a file's bytes as they are now, once per run; `-` when it is missing or not a regular file. */
  private digestOf(filePath: string): string {
    let known = this.digests.get(filePath);
    if (known === undefined) known = this.stampedDigest(filePath) ?? undefined;
    if (known === undefined) {
      try {
        const stat = fs.statSync(filePath);
        // Larger files are an error of their own (read-source.ts) and are not cached: a digest no entry matches.
        known = !stat.isFile() ? "-" : stat.size > MAX_FILE_BYTES ? `large:${stat.size}:${stat.mtimeMs}` : digest(fs.readFileSync(filePath));
      } catch {
        known = "-";
      }
    }
    this.digests.set(filePath, known);
    return known;
  }

  private settingsDigest(settings: CheckSettings): string {
    let known = this.settingsDigests.get(settings);
    if (known === undefined) {
      // Everything of the settings but what is per file (job scripts: the file's own entry goes in its key) or per
      // command line (write roots: only fixes use them).
      known = digest(JSON.stringify({ ...settings, jobScripts: null, writeRoots: null, prefilter: settings.prefilter ?? process.env.HF_JOBS_LINT_PREFILTER !== "off" }));
      this.settingsDigests.set(settings, known);
    }
    return known;
  }

  /** Nothing stored yet (a first run, or a new tool version): every file will be checked. */
  get isEmpty(): boolean {
    return Object.keys(this.stored).length === 0;
  }

  /** The folder listings this run's discovery fills as it walks: the hub-version lookup does not list those folders again. */
  useListings(listings: FolderListings): void {
    this.listings = listings;
  }

  /** The huggingface_hub version the file's manifests give (read as the analysis reads them); "" when the setting decides. */
  private hubVersionOf(filePath: string, settings: CheckSettings): string {
    if (settings.hubVersion !== null) return "";
    let byRoot = this.hubVersions.get(settings.repoRoot);
    if (!byRoot) this.hubVersions.set(settings.repoRoot, (byRoot = { resolver: new HubVersionResolver(settings.repoRoot, this.manifests), byFolder: new Map() }));
    // Per folder: the resolver's own answer is per folder too, but it resolves each file's path first.
    const folder = path.dirname(filePath);
    let version = byRoot.byFolder.get(folder);
    if (version === undefined) byRoot.byFolder.set(folder, (version = byRoot.resolver.forFile(filePath)?.version ?? "none"));
    return version;
  }

  /** The key of everything but the file's bytes and dependencies that its outcome depends on. */
  private outcomeKey(target: CheckTarget & { path: string }, settings: CheckSettings): string {
    const evidence = settings.jobScripts?.[target.path] ?? null;
    return digest(JSON.stringify([this.settingsDigest(settings), target.filename, target.kind satisfies FileKind, evidence, this.hubVersionOf(target.path, settings)]));
  }

  /** Whether outcomes of these settings may be stored and reused: a plain check, nothing written or diffed. */
  private static usable(target: CheckTarget, settings: CheckSettings): target is CheckTarget & { path: string } {
    return target.path !== null && target.text === undefined && !settings.fix && !settings.diff;
  }

  /**
   * Whether the stored outcome of a target holds: its file, key and dependencies are unchanged. The entry is
   * what `outcomeOf` rebuilds the outcome from, when its turn comes.
   */
  probe(target: CheckTarget, settings: CheckSettings): CacheHit | null {
    if (!ResultCache.usable(target, settings)) return null;
    const entry = this.entryFor(target.path, this.digestOf(target.path));
    const stored = entry?.o;
    if (!entry || !stored || typeof stored !== "object" || entry.k !== this.outcomeKey(target, settings)) return null;
    try {
      for (const [dependency, was] of stored.p ?? []) if (this.digestOf(dependency) !== was) return null;
    } catch {
      return null; // an entry of an unexpected shape: checked again, and overwritten
    }
    return { path: target.path, digest: entry.d, stored };
  }

  /** The outcome of a hit; null when its file changed since it was probed (or the entry is of an unexpected shape). */
  outcomeOf(target: CheckTarget, hit: CacheHit): FileOutcome | null {
    return rebuiltOutcome(
      target,
      hit.path,
      hit.stored,
      (hit.stored.p ?? []).map(([dependency]) => dependency),
      hit.digest,
    );
  }

  /** Remember a fresh outcome (when it is a fact of the file and its dependencies). */
  store(target: CheckTarget, settings: CheckSettings, outcome: FileOutcome): void {
    if (!ResultCache.usable(target, settings) || !isFactOfContent(outcome)) return;
    const contentDigest = this.digestOf(target.path);
    if (contentDigest === "-" || contentDigest.startsWith("large:")) return;
    const entry = this.entryFor(target.path, contentDigest, true)!;
    const stored: StoredOutcome = keptOutcome(outcome);
    if (outcome.dependencies.length > 0) stored.p = outcome.dependencies.map((dependency) => [dependency, this.digestOf(dependency)]);
    if (entry === this.stored[target.path]) {
      // The stored entry is this run's too (same content): replace it rather than change what was loaded.
      const replaced: StoredFile = { ...entry };
      this.fresh.set(target.path, replaced);
      replaced.k = this.outcomeKey(target, settings);
      replaced.o = stored;
    } else {
      entry.k = this.outcomeKey(target, settings);
      entry.o = stored;
    }
    this.changed = true;
  }

  /**
   * Write the cache when this run changed it: this run's entries, and the stored entries of files this run did not
   * look at that still exist. Returns an error message when it could not be written (the run is not affected).
   */
  save(): string | null {
    const files: Record<string, StoredFile> = {};
    for (const [filePath, entry] of Object.entries(this.stored)) {
      if (this.fresh.has(filePath)) continue;
      const known = this.digests.get(filePath);
      if (isStoredFile(entry) && (known !== undefined ? known !== "-" : fs.existsSync(filePath))) files[filePath] = entry;
      else this.changed = true;
    }
    if (!this.changed) return null;
    for (const [filePath, entry] of this.fresh) files[filePath] = entry;
    const data: StoredCache = { format: FORMAT, build: this.build, files };
    try {
      prepareCacheDir(this.dir);
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
      try {
        fs.writeFileSync(temporary, JSON.stringify(data));
        fs.renameSync(temporary, this.file);
      } finally {
        fs.rmSync(temporary, { force: true });
      }
      this.changed = false;
      return null;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
  }
}

/** A version as a folder name. */
export function sanitize(version: string): string {
  return version.replace(/[^A-Za-z0-9._+-]/g, "_") || "unknown";
}

/** The cache folder with what Ruff puts in its own: a `.gitignore` of everything, and a `CACHEDIR.TAG`. */
export function prepareCacheDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of [
    [".gitignore", GITIGNORE],
    ["CACHEDIR.TAG", CACHEDIR_TAG],
  ] as const) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, content);
  }
}

/** Whether `dir` is a cache folder this tool made (its tag is there): `clean` removes only such folders. */
export function isCacheDir(dir: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, "CACHEDIR.TAG"), "utf8") === CACHEDIR_TAG;
  } catch {
    return false;
  }
}

/**
 * `checkFiles` with a results cache: targets whose stored outcome holds are not checked; the others go to
 * `checkFiles` (their settings already carry the job-script index) and are stored. Every outcome reaches
 * `onOutcome` in input order: a hit waits for the misses before it, and the misses' outcomes wait only while
 * the hits before them are handed on (their texts are read at their turn, not held).
 */
export async function checkFilesCached(targets: readonly CheckTarget[], settingsOf: SettingsOf, options: RunOptions, cache: ResultCache): Promise<void> {
  const misses: number[] = [];
  const hits: (CacheHit | null)[] = new Array(targets.length);
  for (let index = 0; index < targets.length; index++) {
    hits[index] = cache.probe(targets[index]!, settingsOf(index).settings);
    if (hits[index] === null) misses.push(index);
  }

  const ready = new Map<number, FileOutcome>();
  let wake: (() => void) | null = null;
  let settled: { error: unknown } | null = null;
  const running =
    misses.length === 0
      ? Promise.resolve()
      : checkFiles(
          misses.map((index) => targets[index]!),
          (k) => settingsOf(misses[k]!),
          {
            threads: options.threads,
            ...(options.verdicts ? { verdicts: options.verdicts } : {}),
            onOutcome: (k, outcome) => {
              const index = misses[k]!;
              cache.store(targets[index]!, settingsOf(index).settings, outcome);
              ready.set(index, outcome);
              wake?.();
            },
          },
        );
  running.then(
    () => ((settled = { error: null }), wake?.()),
    (error: unknown) => ((settled = { error: error ?? new Error("checking failed") }), wake?.()),
  );

  for (let index = 0; index < targets.length; index++) {
    const hit = hits[index];
    let outcome: FileOutcome | null;
    if (!hit) {
      while (!ready.has(index)) {
        if (settled) throw (settled as { error: unknown }).error ?? new Error(`no outcome for ${targets[index]!.filename}`);
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      outcome = ready.get(index)!;
      ready.delete(index);
    } else {
      hits[index] = null;
      outcome = cache.outcomeOf(targets[index]!, hit);
      if (outcome === null) {
        // Its file changed since it was probed, during this very run: checked on its own.
        const { settings } = settingsOf(index);
        outcome = await checkOne(targets[index]!, settings, options.threads);
        cache.store(targets[index]!, settings, outcome);
      }
    }
    options.onOutcome(index, outcome);
    options.onProgress?.(index + 1);
  }
  await running;
}

async function checkOne(target: CheckTarget, settings: CheckSettings, threads: number): Promise<FileOutcome> {
  let result: FileOutcome | null = null;
  await checkFiles([target], settings, { threads, onOutcome: (_index, outcome) => (result = outcome) });
  return result!;
}
