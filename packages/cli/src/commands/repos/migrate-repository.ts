/**
 * `migrate` on one repository of a bulk run, with that repository's own configuration. The checkout itself is never
 * written: `--dry-run` only reads it, and `--branch` migrates a detached worktree of HEAD, commits there, and
 * creates the branch last, so a repository is either untouched or has its whole branch.
 */
import fs from "node:fs";
import path from "node:path";
import type { Io } from "../../io.js";
import { runMigration } from "../migrate.js";
import { summariseMigration } from "../migration-summary.js";
import { commitMessage } from "./commit-message.js";
import { addWorktree, branchTip, checkoutState, commitAll, createBranch, removeWorktree } from "./git.js";
import { crashPoint } from "./crash-point.js";
import { emptyRecord, recordFromSummary, type RepositoryRecord } from "./record.js";
import type { RepositoryEntry } from "./repository-list.js";
import type { ReportFolder } from "./report-folder.js";

export interface BulkMigrateOptions {
  dryRun: boolean;
  branch: string | null;
  only?: string[];
  threads?: number;
  respectGitignore: boolean;
}

/** The engine's view of a repository: its folder as the working directory, nothing printed. */
export function quietIo(cwd: string): Io {
  return { cwd, stdout: () => {}, stderr: () => {}, readStdin: async () => "", stderrIsTTY: false };
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

async function migrateIn(root: string, entry: RepositoryEntry, options: BulkMigrateOptions): Promise<{ record: RepositoryRecord; patch: string }> {
  const run = await runMigration(
    [],
    {
      dryRun: options.dryRun,
      respectGitignore: options.respectGitignore,
      configBoundary: root,
      ...(options.only ? { only: options.only } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
    },
    quietIo(root),
  );
  const summary = summariseMigration(run);
  const status = summary.changedFiles.length === 0 ? "unchanged" : options.dryRun ? "would-change" : "changed";
  const patch = run.outcomes.flatMap((outcome) => (outcome.diff ? [outcome.diff] : [])).join("");
  return { record: recordFromSummary(entry.name, status, summary), patch };
}

export async function migrateRepository(entry: RepositoryEntry, options: BulkMigrateOptions, report: ReportFolder): Promise<RepositoryRecord> {
  if (!fs.existsSync(entry.path)) return emptyRecord(entry.name, "failed", "no such folder");
  // The top folder of a checkout holds its `.git`; a folder inside a checkout is not a repository of the list.
  if (!fs.existsSync(path.join(entry.path, ".git"))) return emptyRecord(entry.name, "failed", "not the top folder of a git checkout");
  const root = fs.realpathSync(entry.path);
  if (isInside(fs.realpathSync(report.dir), root)) return emptyRecord(entry.name, "failed", "the report folder is inside this checkout");

  const worktree = report.worktreeDir(entry.slug);
  if (fs.existsSync(worktree)) {
    // Left by a killed run: nothing in it was committed to a branch.
    await removeWorktree(root, worktree);
    fs.rmSync(worktree, { recursive: true, force: true });
  }
  const tip = options.branch ? await branchTip(root, options.branch) : null;
  const pending = report.pending.get(entry.name);
  if (pending && tip !== null && tip === pending.commit) {
    // A killed run created this branch with this commit and did not get to record it.
    return pending;
  }
  const { head, changes } = await checkoutState(root);
  if (changes.length > 0) return emptyRecord(entry.name, "skipped", `uncommitted changes (${changes.length === 1 ? "1 path" : `${changes.length} paths`})`);
  if (tip !== null) return emptyRecord(entry.name, "skipped", `branch ${options.branch} exists already`);

  // Read in place first (the checkout is clean, so it is HEAD): most repositories have nothing to change, and
  // they need no worktree at all.
  const preview = await migrateIn(root, entry, { ...options, dryRun: true });
  if (options.dryRun) {
    if (preview.patch) preview.record.output = report.writeOutput("patches", `${entry.slug}.patch`, preview.patch);
    return preview.record;
  }
  if (preview.record.status === "unchanged") return preview.record;

  if (head === null) return emptyRecord(entry.name, "failed", "no commit to branch from");
  fs.mkdirSync(path.dirname(worktree), { recursive: true });
  await addWorktree(root, worktree);
  try {
    const { record } = await migrateIn(worktree, entry, options);
    if (record.status === "unchanged") return record;
    record.branch = options.branch;
    record.commit = await commitAll(worktree, commitMessage(record));
    report.addPending(record);
    crashPoint("committed");
    await createBranch(root, options.branch!, record.commit);
    crashPoint("branched");
    return record;
  } finally {
    await removeWorktree(root, worktree);
    fs.rmSync(worktree, { recursive: true, force: true });
  }
}
