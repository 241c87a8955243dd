/**
 * The git operations of a bulk migration, through the git command line with argument arrays (never a shell):
 * the checks that keep a run off a repository (uncommitted changes, an existing branch) and the steps that make
 * the branch without touching the checkout (a detached worktree, a commit there, the branch created last).
 */
import { spawn } from "node:child_process";
import { redactText } from "@hf-jobs-lint/core";

export class GitError extends Error {}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of every git call: no prompt may wait for a person in a batch run, `git status` does not
 * rewrite a checkout's index on the side (a dry run changes nothing, and a person's git is not locked out), and LFS
 * content is not downloaded into a worktree (its pointers are what a migration reads and leaves alone).
 */
const GIT_ENV = { GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", GIT_LFS_SKIP_SMUDGE: "1", LC_ALL: "C" };

/**
 * Settings of every git call: no hook of the repository runs (a checkout, a commit, a branch would run its
 * post-checkout, pre-commit, commit-msg, post-commit and reference-transaction hooks), nor its fsmonitor program:
 * migrating a repository never executes code of it (SECURITY.md).
 */
const NO_REPOSITORY_CODE = ["-c", `core.hooksPath=${process.platform === "win32" ? "NUL" : "/dev/null"}`, "-c", "core.fsmonitor=false"];

function spawnGit(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", [...NO_REPOSITORY_CODE, ...args], { cwd, env: { ...process.env, ...GIT_ENV }, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }));
    if (input !== undefined) {
      // git may exit before reading all of it (it failed): that is reported by its status, not as a broken pipe.
      child.stdin!.on("error", () => {});
      child.stdin!.end(input);
    }
  });
}

/** Run git and return its output; a failure is a GitError naming the command and git's first line of complaint. */
async function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  const result = await spawnGit(cwd, args, input);
  if (result.code !== 0) {
    const said =
      result.stderr
        .trim()
        .split("\n")
        .find((line) => /^(fatal|error):/.test(line)) ??
      result.stderr.trim().split("\n")[0] ??
      "";
    // Paths inside the checkout are shown relative to it, so a report reads the same wherever the checkout sits.
    const command = args[0] === "-c" ? args[2] : args[0];
    throw new GitError(redactText(`git ${command} failed: ${said.replaceAll(`${cwd}/`, "") || `exit status ${result.code}`}`));
  }
  return result.stdout;
}

export interface CheckoutState {
  /** The commit HEAD is on; null in a repository with no commit yet. */
  head: string | null;
  /** Paths with uncommitted changes, untracked files included (a migration must not mix its change with a person's). */
  changes: string[];
}

/** HEAD and the uncommitted changes of a checkout, in one call (a bulk run makes thousands of them). */
export async function checkoutState(root: string): Promise<CheckoutState> {
  const fields = (await git(root, ["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=normal"])).split("\0");
  let head: string | null = null;
  const changes: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.startsWith("# branch.oid ")) head = /^[0-9a-f]{40,64}$/.test(field.slice(13)) ? field.slice(13) : null;
    else if (field === "" || field.startsWith("# ")) continue;
    else {
      // A rename or copy ("2 ...") is followed by its original path in a field of its own.
      if (field.startsWith("2 ")) i++;
      changes.push(field.slice(field.lastIndexOf(" ") + 1));
    }
  }
  return { head, changes };
}

/** The commit a local branch points at, or null when there is no such branch. */
export async function branchTip(root: string, branch: string): Promise<string | null> {
  const result = await spawnGit(root, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`]);
  return result.code === 0 ? result.stdout.trim() : null;
}

export async function isValidBranchName(branch: string, cwd: string): Promise<boolean> {
  return (await spawnGit(cwd, ["check-ref-format", `refs/heads/${branch}`])).code === 0;
}

/** A worktree at `dir` on HEAD, detached: the branch does not exist until its commit does. */
export async function addWorktree(root: string, dir: string): Promise<void> {
  const args = ["worktree", "add", "--detach", "--quiet", dir, "HEAD"];
  try {
    await git(root, args);
  } catch {
    // A worktree left registered by a run that was killed, whose folder is gone: prune it and try once more.
    await git(root, ["worktree", "prune"]);
    await git(root, args);
  }
}

export async function removeWorktree(root: string, dir: string): Promise<void> {
  const removed = await spawnGit(root, ["worktree", "remove", "--force", dir]);
  if (removed.code !== 0) await spawnGit(root, ["worktree", "prune"]);
}

/**
 * Commit the migration in the worktree; returns the commit. `--all` stages what the fixes wrote: they only ever
 * rewrite files the checkout tracks. The message goes on stdin: it may be long.
 */
export async function commitAll(worktree: string, message: string): Promise<string> {
  // Unabbreviated, git's own summary line names the commit (`[detached HEAD <id>] subject`): one process less per
  // repository; asked for separately when a hook or an older git says it otherwise.
  const said = await git(worktree, ["-c", "core.abbrev=no", "commit", "--all", "--file=-"], redactText(message));
  const named = /^\[detached HEAD ([0-9a-f]{40}|[0-9a-f]{64})\] /m.exec(said)?.[1];
  return named ?? (await git(worktree, ["rev-parse", "--verify", "HEAD^{commit}"])).trim();
}

/** Create the branch at `commit`; git refuses when it exists (a run on the same checkout at the same time). */
export async function createBranch(root: string, branch: string, commit: string): Promise<void> {
  await git(root, ["branch", "--no-track", branch, commit]);
}
