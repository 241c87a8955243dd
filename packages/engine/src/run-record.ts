/**
 * A whole run remembered, as git's untracked cache remembers folder listings: when every folder the run listed and
 * every file it could have read still has the stamp it had, the same command gives the same outcomes, and they are
 * handed on again without discovery, settings, the job-script scan or a look into the results cache.
 *
 * What a record holds, beside the outcomes (kept as the results cache keeps them):
 * - the stamp (modification and change times, inode) of every folder the run listed, and of the folders above the
 *   paths it was given (and the working directory) up to their repository's root: a file added, removed or renamed
 *   there changes it, so a new configuration, ignore file, manifest or `.git` is seen;
 * - the stamp (size, times, inode) of every file in those folders, of `.git/info/exclude`, of every dependency of
 *   an outcome and of every configuration file read (`extend`);
 * - above the repository's root, where only a configuration is looked for, the stamps of `hf-jobs-lint.toml` and
 *   `pyproject.toml` alone (the home folder changes too often to vouch for anything);
 * - `-` for each of those files that did not exist.
 * The stamps are taken after the run, and a record is kept only when every change time is more than `RACY_MS`
 * older than the run's start: a file or folder changed during the run, or just before it, would otherwise be
 * remembered with a stamp that does not vouch for what the run read. Any difference, a record of another build,
 * or one that does not parse, and the run is done in full (and recorded again).
 *
 * The command line, the working directory, the tool's build and the environment are the record's key: a run with
 * other flags or variables is another run. One file per key in `<dir>/<version>/runs/`, the newest `MAX_RECORDS`
 * kept.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FileError } from "@hf-jobs-lint/core";
import { emptyOutcome, type CheckTarget, type FileOutcome } from "./check-file.js";
import { buildFingerprint, digest, isFactOfContent, keptOutcome, RACY_MS, rebuiltOutcome, sanitize, type StoredOutcome } from "./result-cache.js";

const FORMAT = 1;
/**
 * How much older than the run's start every change time must be (default: the results cache's `RACY_MS`). The
 * environment sets it for tests only: 0 records trees made moments before, `Infinity` records nothing.
 */
const trustedAgeMs = (): number => (process.env.HF_JOBS_LINT_RECORD_RACY_MS !== undefined ? Number(process.env.HF_JOBS_LINT_RECORD_RACY_MS) : RACY_MS);
const RUNS_FOLDER = "runs";
/** Records kept per tool version: one per command line a project runs (a hook, an editor task, CI). */
const MAX_RECORDS = 16;

/** Variables that change between shells without changing a run. */
const VOLATILE_VARIABLES = new Set(["_", "OLDPWD", "PWD", "SHLVL", "TERM_SESSION_ID", "WINDOWID", "COLUMNS", "LINES"]);

export interface StoredRecord {
  format: number;
  build: string;
  /** Folder -> stamp, and the stamps of its files by name. */
  folders: [folder: string, stamp: string, files: [name: string, stamp: string][]][];
  /** Other files the run depended on -> stamp (`-`: did not exist). */
  files: [file: string, stamp: string][];
  targets: [filename: string, path: string | null, kind: CheckTarget["kind"]][];
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
  /** The paths the run was given and the working directory (absolute): the folders above them are stamped too. */
  roots: readonly string[];
  /** Configuration files read. */
  configFiles: Iterable<string>;
}

function folderStamp(folder: string): { stamp: string; changed: number } | null {
  try {
    const stat = fs.statSync(folder);
    return stat.isDirectory() ? { stamp: `${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`, changed: stat.ctimeMs } : null;
  } catch {
    return null;
  }
}

/** A file's stamp, `-` when it does not exist, null when it is something else (a folder where a file was). */
function fileStamp(file: string): { stamp: string; changed: number } | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR" ? { stamp: "-", changed: 0 } : null;
  }
  return stat.isFile() ? { stamp: `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`, changed: stat.ctimeMs } : null;
}

/** The files looked for in a folder above the repository root: a configuration there applies, as in Ruff. */
const CONFIG_NAMES = ["hf-jobs-lint.toml", "pyproject.toml"];

/**
 * What a run read above the paths it was given: every folder from `start` up to the repository root (the nearest
 * with `.git`), whose listing and files a run reads (configuration, ignore files, manifests, `.git`), with the root's
 * `.git/info/exclude`; above the root, only the configuration files. With no repository, every folder up.
 */
function above(start: string): { listed: string[]; probed: string[] } {
  const listed: string[] = [];
  const probed: string[] = [];
  let inRepository = true;
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (inRepository) listed.push(folder);
    else for (const name of CONFIG_NAMES) probed.push(path.join(folder, name));
    if (inRepository && fs.existsSync(path.join(folder, ".git"))) {
      probed.push(path.join(folder, ".git", "info", "exclude"));
      inRepository = false;
    }
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
    return digest(JSON.stringify([FORMAT, request, path.resolve(cwd), buildFingerprint(), environment])).replace(/[/+=]/g, "_");
  }

  private fileOf(key: string): string {
    return path.join(this.folder, `${key}.json`);
  }

  /** The recorded run for `key` when nothing it rests on changed since; null otherwise. */
  replay(key: string): RecordedRun | null {
    let record: StoredRecord;
    try {
      record = JSON.parse(fs.readFileSync(this.fileOf(key), "utf8")) as StoredRecord;
      if (record.format !== FORMAT || record.build !== buildFingerprint()) return null;
      for (const [folder, stamp, files] of record.folders) {
        if (folderStamp(folder)?.stamp !== stamp) return null;
        const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
        for (const [name, was] of files) if (fileStamp(prefix + name)?.stamp !== was) return null;
      }
      for (const [file, was] of record.files) if (fileStamp(file)?.stamp !== was) return null;
      const targets: CheckTarget[] = record.targets.map(([filename, filePath, kind]) => ({ filename, path: filePath, kind }));
      const outcomes: FileOutcome[] = targets.map((target) => emptyOutcome(target.filename));
      for (const [index, stored, dependencies] of record.outcomes) {
        const target = targets[index]!;
        const outcome = target.path === null ? null : rebuiltOutcome(target, target.path, stored, dependencies);
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
      let start = path.dirname(root);
      try {
        if (fs.statSync(root).isDirectory()) start = root;
      } catch {
        // A path that does not exist: the folders above it still say whether it appears.
      }
      const found = above(start);
      for (const folder of found.listed) folderSet.add(folder);
      for (const file of found.probed) probed.add(file);
    }

    const stamped = new Set<string>();
    const folders: StoredRecord["folders"] = [];
    for (const folder of folderSet) {
      const before = folderStamp(folder);
      if (before === null || before.changed >= trusted) return null;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        return null;
      }
      const files: [string, string][] = [];
      const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
      for (const entry of entries) {
        if (entry.isDirectory()) continue;
        const found = fileStamp(prefix + entry.name);
        if (found === null || found.stamp === "-") continue; // a socket, a dangling link: nothing is read from it
        if (found.changed >= trusted) return null;
        files.push([entry.name, found.stamp]);
        stamped.add(prefix + entry.name);
      }
      // Looked at again after its files: an entry added meanwhile changes the folder's stamp.
      if (folderStamp(folder)?.stamp !== before.stamp) return null;
      folders.push([folder, before.stamp, files]);
    }

    const files: StoredRecord["files"] = [];
    for (const file of new Set([...probed, ...this.dependencies, ...reads.targets.map((target) => target.path!)])) {
      if (stamped.has(file)) continue;
      const found = fileStamp(file);
      if (found === null || found.changed >= trusted) return null;
      files.push([file, found.stamp]);
    }
    return {
      format: FORMAT,
      build: buildFingerprint(),
      folders,
      files,
      targets: reads.targets.map((target) => [target.filename, target.path, target.kind]),
      errors: reads.errors,
      outcomes: this.outcomes,
    };
  }
}
