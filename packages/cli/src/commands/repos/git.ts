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
 * The environment of every git call: no prompt may wait for a person in a batch run, and LFS content is not
 * downloaded into a worktree (its pointers are what a migration reads and leaves alone).
 */
const GIT_ENV = { GIT_TERMINAL_PROMPT: "0", GIT_LFS_SKIP_SMUDGE: "1", LC_ALL: "C" };

function spawnGit(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }));
    child.stdin.end(input ?? "");
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
    throw new GitError(redactText(`git ${args[0]} failed: ${said.replaceAll(`${cwd}/`, "") || `exit status ${result.code}`}`));
  }
  return result.stdout;
}

/** The checkout's top folder, or null when `dir` is not inside a git work tree. */
export async function topLevel(dir: string): Promise<string | null> {
  const result = await spawnGit(dir, ["rev-parse", "--show-toplevel"]);
  return result.code === 0 ? result.stdout.trim() : null;
}

/** Paths with uncommitted changes, untracked files included (a migration must not mix its change with a person's). */
export async function uncommittedPaths(root: string): Promise<string[]> {
  const out = await git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=normal"]);
  return out
    .split("\0")
    .filter(Boolean)
    .map((entry) => entry.slice(3));
}

export async function headCommit(root: string): Promise<string> {
  return (await git(root, ["rev-parse", "--verify", "HEAD^{commit}"])).trim();
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

/** Commit every change in the worktree; returns the commit. The message goes on stdin: it may be long. */
export async function commitAll(worktree: string, message: string): Promise<string> {
  await git(worktree, ["add", "--all"]);
  await git(worktree, ["commit", "--quiet", "--file=-"], message);
  return headCommit(worktree);
}

/** Create the branch at `commit`; git refuses when it exists (a run on the same checkout at the same time). */
export async function createBranch(root: string, branch: string, commit: string): Promise<void> {
  await git(root, ["branch", "--no-track", branch, commit]);
}
