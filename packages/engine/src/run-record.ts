/**
 * A whole run remembered, as git's untracked cache remembers folder listings: when every folder the run listed and
 * every file it could have read still has the stamp it had, the same command gives the same outcomes, and they are
 * handed on again without discovery, settings, the job-script scan or a look into the results cache.
 *
 * What a record holds, beside the outcomes (kept as the results cache keeps them):
 * - the stamp (modification and change times, inode) of every folder the run listed, and of the folders from each
 *   path it was given (and the working directory) up to that path's repository root (the nearest `.git`, else the
 *   root the analysis falls back to): a file added, removed or renamed there changes it, so a new configuration,
 *   ignore file, manifest or `.git` is seen;
 * - the stamp (size, times, inode) of every file in those folders, of every dependency of an outcome and of every
 *   configuration file read (`extend`);
 * - at and above a repository root, where only a configuration, an ignore file or `.git` is looked for, the stamps
 *   of those names alone (a home folder changes too often to vouch for anything: its listing is not kept);
 * - that each of those files did not exist, or was a folder (`.git`), when so.
 * All stamps go into one digest as numbers (`StampDigest`): a replay compares one value.
 * The stamps are taken after the run, and a record is kept only when every change time is more than `RACY_MS`
 * older than the run's start: a file or folder changed during the run, or just before it, would otherwise be
 * remembered with a stamp that does not vouch for what the run read. Any difference, or a record that does not
 * parse, and the run is done in full (and recorded again).
 *
 * The command line, the working directory, the tool's build, Node's version and the environment are the record's key: a run with
 * other flags or variables is another run. One file per key in `<dir>/<version>/runs/`, the newest `MAX_RECORDS`
 * kept.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FileError } from "@hf-jobs-lint/core";
import { emptyOutcome, type CheckTarget, type FileOutcome } from "./check-file.js";
import { buildFingerprint, digest, isFactOfContent, keptOutcome, RACY_MS, rebuiltOutcome, sanitize, type StoredOutcome } from "./result-cache.js";

const FORMAT = 4;
/**
 * How much older than the run's start every change time must be (default: the results cache's `RACY_MS`). The
 * environment sets it for tests only: a few milliseconds record trees made moments before, `Infinity` nothing.
 */
const trustedAgeMs = (): number => (process.env.HF_JOBS_LINT_RECORD_RACY_MS !== undefined ? Number(process.env.HF_JOBS_LINT_RECORD_RACY_MS) : RACY_MS);
const RUNS_FOLDER = "runs";
/** Records kept per tool version: one per command line a project runs (a hook, an editor task, CI). */
const MAX_RECORDS = 16;

/** Variables that change between shells without changing a run. */
const VOLATILE_VARIABLES = new Set(["_", "OLDPWD", "PWD", "SHLVL", "TERM_SESSION_ID", "WINDOWID", "COLUMNS", "LINES"]);

export interface StoredRecord {
  /** The layout (a record of another build or layout has another key, and is never looked at). */
  format: number;
  /** Each folder with the names of its files (`/`-separated: no name holds one). */
  folders: [folder: string, names: string][];
  /** Other files the run depended on (they may not exist). */
  files: string[];
  /** The digest of the stamps of each folder then its files, then of `files`, in order (`StampDigest`). */
  stamps: string;
  /** Each target's name and kind, and its path when it is not the working directory's joined with the name (`folderPrefix`). */
  targets: ([filename: string, kind: CheckTarget["kind"]] | [filename: string, kind: CheckTarget["kind"], path: string])[];
  errors: FileError[];
  /** Outcomes other than the empty one, by target index, with their dependencies. */
  outcomes: [index: number, outcome: StoredOutcome, dependencies: string[]][];
}

/** A replayed run: the files checked, the paths that could not be walked, and an outcome per file. */
export interface RecordedRun {
  targets: CheckTarget[];
  errors: FileError[];
  outcomes: FileOutcome[];
}

/** What a finished run read besides its files' outcomes. */
export interface RunReads {
  targets: readonly CheckTarget[];
  errors: FileError[];
  /** Folders whose entries the run listed. */
  listed: Iterable<string>;
  /**
   * The folder of each path the run was given (the path itself when it is a folder) and the working directory, with
   * the repository root the analysis uses for it: the folders above are stamped too.
   */
  roots: readonly { folder: string; repositoryRoot: string }[];
  /** Configuration files read. */
  configFiles: Iterable<string>;
  /** The working directory, that the targets' names are relative to. */
  cwd: string;
}

/** What a stamp is of: a file that became a folder, or went, is a change whatever the times say. */
const enum StampKind {
  Missing = 0,
  File = 1,
  Folder = 2,
  /** A socket or a device: nothing a run reads. */
  Other = 3,
}

/**
 * The stamps of a record, as numbers in one digest: comparing a digest is one comparison, and the numbers are hashed
 * as they are (as text, hashed line by line, the 13k stamps of a replay of issue 12's checkouts took 125 ms to
 * stamp instead of 90).
 */
class StampDigest {
  private values = new Float64Array(4096);
  private length = 0;

  /** A folder whose listing the run used: its times change when an entry is added, removed or renamed. */
  addFolder(stat: fs.Stats): void {
    this.push(StampKind.Folder, stat.mtimeMs, stat.ctimeMs, stat.ino, 0);
  }

  /** A file the run could have read (its size, times and inode); of a folder there (`.git`, a link), only that it is one. */
  addFile(stat: Stat): void {
    if (stat?.isFile()) this.push(StampKind.File, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino);
    else this.push(stat === undefined ? StampKind.Missing : stat?.isDirectory() ? StampKind.Folder : StampKind.Other, 0, 0, 0, 0);
  }

  private push(kind: StampKind, a: number, b: number, c: number, d: number): void {
    if (this.length + 5 > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const values = this.values;
    values[this.length] = kind;
    values[this.length + 1] = a;
    values[this.length + 2] = b;
    values[this.length + 3] = c;
    values[this.length + 4] = d;
    this.length += 5;
  }

  digest(): string {
    return crypto.createHash("sha256").update(this.values.subarray(0, this.length)).digest("base64");
  }
}

/** A path's metadata: undefined when nothing is there (or a file is in the way), null when it cannot be looked at. */
type Stat = fs.Stats | undefined | null;

function statOf(file: string): Stat {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOTDIR" ? undefined : null;
  }
}

/** Only files, folders and nothing at all are stamped: a socket is read from by no run. */
const isStampable = (stat: Stat): boolean => stat === undefined || Boolean(stat?.isFile() || stat?.isDirectory());
/** Folders change with every entry made in them (`.git`): as a file, only a file's change time can be too recent. */
const changedSince = (stat: Stat, trusted: number): boolean => Boolean(stat?.isFile() && stat.ctimeMs >= trusted);

/**
 * A folder's path with the separator a name is joined on. A target's path is stored only when it is not this plus
 * its name (a name shown as `../x`, another separator): replaying 5k targets then needs no `path.resolve`.
 */
const folderPrefix = (folder: string): string => (folder.endsWith(path.sep) ? folder : folder + path.sep);

/** What a run can read in a folder at or above a repository root (config-discovery.ts, discovery.ts). */
const NAMES_ABOVE = ["hf-jobs-lint.toml", "pyproject.toml", ".gitignore", ".git", path.join(".git", "info", "exclude")];

/**
 * What a run read above a path it was given: every folder from `start` up to its repository root, whose listing
 * and files a run reads (configuration, ignore files, manifests), then, at the root and above it, `NAMES_ABOVE`.
 */
function above(start: string, repositoryRoot: string): { listed: string[]; probed: string[] } {
  const listed: string[] = [];
  const probed: string[] = [];
  const root = path.resolve(repositoryRoot);
  // Not below its own root (it is the root, or the analysis roots it elsewhere): only the folder itself is listed.
  let inside = start === root || start.startsWith(folderPrefix(root));
  listed.push(start);
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (inside && folder !== start) listed.push(folder);
    if (!inside || folder === root) for (const name of NAMES_ABOVE) probed.push(path.join(folder, name));
    if (folder === root) inside = false;
    if (path.dirname(folder) === folder) return { listed, probed };
  }
}

export class RunRecords {
  private readonly folder: string;

  constructor(dir: string, version: string) {
    this.folder = path.join(path.resolve(dir), sanitize(version), RUNS_FOLDER);
  }

  /** The key of a run: what it was asked (the command line, as parsed) and where, with the build and the environment. */
  static keyOf(request: unknown, cwd: string): string {
    const environment = Object.entries(process.env)
      .filter(([name]) => !VOLATILE_VARIABLES.has(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // A digest: the environment holds tokens, and none is ever written down.
    return digest(JSON.stringify([FORMAT, request, path.resolve(cwd), buildFingerprint(), process.version, process.platform, environment])).replace(/[/+=]/g, "_");
  }

  private fileOf(key: string): string {
    return path.join(this.folder, `${key}.json`);
  }

  /** The recorded run for `key` when nothing it rests on changed since; null otherwise. */
  replay(key: string, cwd: string): RecordedRun | null {
    let record: StoredRecord;
    try {
      record = JSON.parse(fs.readFileSync(this.fileOf(key), "utf8")) as StoredRecord;
      if (record.format !== FORMAT) return null;
      const stamps = new StampDigest();
      for (const [folder, names] of record.folders) {
        const stat = statOf(folder);
        if (!stat?.isDirectory()) return null;
        stamps.addFolder(stat);
        const prefix = folderPrefix(folder);
        if (names !== "") for (const name of names.split("/")) stamps.addFile(statOf(prefix + name));
      }
      for (const file of record.files) stamps.addFile(statOf(file));
      if (stamps.digest() !== record.stamps) return null;
      const prefix = folderPrefix(cwd);
      const targets: CheckTarget[] = record.targets.map(([filename, kind, filePath]) => ({ filename, path: filePath ?? prefix + filename, kind }));
      const outcomes: FileOutcome[] = targets.map((target) => emptyOutcome(target.filename));
      for (const [index, stored, dependencies] of record.outcomes) {
        const target = targets[index]!;
        const outcome = rebuiltOutcome(target, target.path!, stored, dependencies);
        if (!outcome) return null;
        outcomes[index] = outcome;
      }
      return { targets, errors: record.errors, outcomes };
    } catch {
      return null; // none yet, unreadable, corrupt or of an unexpected shape: the run is done in full
    }
  }

  /** A recorder for a run with this key that starts now (before it reads anything). */
  recorder(key: string): RunRecorder {
    return new RunRecorder(this, key, Date.now());
  }

  /** Write (or, with null, remove) the record of `key`. Returns an error message when that failed. */
  write(key: string, record: StoredRecord | null): string | null {
    const file = this.fileOf(key);
    try {
      if (!record) {
        fs.rmSync(file, { force: true });
        return null;
      }
      fs.mkdirSync(this.folder, { recursive: true });
      const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
      try {
        fs.writeFileSync(temporary, JSON.stringify(record));
        fs.renameSync(temporary, file);
      } finally {
        fs.rmSync(temporary, { force: true });
      }
      this.prune();
      return null;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
  }

  /** Keep the newest records only. */
  private prune(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder).filter((name) => name.endsWith(".json"));
    } catch {
      return;
    }
    if (names.length <= MAX_RECORDS) return;
    const byAge = names.map((name) => ({ name, time: fs.statSync(path.join(this.folder, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => b.time - a.time);
    for (const { name } of byAge.slice(MAX_RECORDS)) fs.rmSync(path.join(this.folder, name), { force: true });
  }
}

/** Collects a run's outcomes as they are handed on (only those with something in them are kept), then records it. */
export class RunRecorder {
  private readonly outcomes: StoredRecord["outcomes"] = [];
  private readonly dependencies = new Set<string>();
  /** False once an outcome is not a fact of the files (a timeout, a crash): such a run is not recorded. */
  private facts = true;

  constructor(
    private readonly records: RunRecords,
    private readonly key: string,
    private readonly started: number,
  ) {}

  note(index: number, outcome: FileOutcome): void {
    if (!isFactOfContent(outcome)) this.facts = false;
    for (const dependency of outcome.dependencies) this.dependencies.add(dependency);
    const kept = keptOutcome(outcome);
    if (Object.keys(kept).length > 0 || outcome.dependencies.length > 0) this.outcomes.push([index, kept, [...outcome.dependencies]]);
  }

  /** Record the run (or remove an older record when it cannot be vouched for); an error message when writing failed. */
  finish(reads: RunReads): string | null {
    return this.records.write(this.key, this.facts ? this.recordOf(reads) : null);
  }

  private recordOf(reads: RunReads): StoredRecord | null {
    if (reads.targets.some((target) => target.path === null)) return null;
    const trusted = this.started - trustedAgeMs();
    const folderSet = new Set(reads.listed);
    const probed = new Set(reads.configFiles);
    for (const root of reads.roots) {
      const found = above(path.resolve(root.folder), root.repositoryRoot);
      for (const folder of found.listed) folderSet.add(folder);
      for (const file of found.probed) probed.add(file);
    }

    const stamped = new Set<string>();
    const stamps = new StampDigest();
    const folders: StoredRecord["folders"] = [];
    for (const folder of folderSet) {
      const before = statOf(folder);
      if (!before?.isDirectory() || before.ctimeMs >= trusted) return null;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        return null;
      }
      const names: string[] = [];
      const prefix = folderPrefix(folder);
      const files: Stat[] = [];
      for (const entry of entries) {
        if (entry.isDirectory()) continue;
        const stat = statOf(prefix + entry.name);
        // A socket: nothing is read from it. A dangling link is kept (missing): it may come to point at a file.
        if (!isStampable(stat)) continue;
        if (changedSince(stat, trusted)) return null;
        names.push(entry.name);
        files.push(stat);
        stamped.add(prefix + entry.name);
      }
      // Looked at again after its files: an entry added meanwhile changes the folder's stamp.
      const after = statOf(folder);
      if (after?.mtimeMs !== before.mtimeMs || after.ctimeMs !== before.ctimeMs || after.ino !== before.ino) return null;
      stamps.addFolder(before);
      for (const stat of files) stamps.addFile(stat);
      folders.push([folder, names.join("/")]);
    }

    const cwdPrefix = folderPrefix(reads.cwd);
    const files: string[] = [];
    for (const file of new Set([...probed, ...this.dependencies, ...reads.targets.map((target) => target.path!)])) {
      if (stamped.has(file)) continue;
      const stat = statOf(file);
      if (!isStampable(stat) || changedSince(stat, trusted)) return null;
      files.push(file);
      stamps.addFile(stat);
    }
    return {
      format: FORMAT,
      folders,
      files,
      stamps: stamps.digest(),
      targets: reads.targets.map((target) => (target.path === cwdPrefix + target.filename ? [target.filename, target.kind] : [target.filename, target.kind, target.path!])),
      errors: reads.errors,
      outcomes: this.outcomes,
    };
  }
}
