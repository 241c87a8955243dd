/**
 * A generated organisation of small git repositories for the `--repos` tests: clean ones, one for each kind of
 * mistake, ones whose own configuration changes the outcome, and the awkward ones (uncommitted changes, the branch
 * already there, unreadable files, a broken configuration, a locked ref, a folder that is not a checkout, a path
 * that does not exist). Generated once per test file and copied for each run that changes it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FAKE_TOKEN, PUSH_SCRIPT } from "./run-cli.js";

export const BRANCH = "hf-jobs-lint/token-handling";

/**
 * Git's identity, dates and configuration set explicitly, so commits are the same on every machine and in every
 * run (a resumed run's commits can be compared with an uninterrupted one's) and no global configuration
 * (signing, hooks, a default branch) changes what the tests see.
 */
export const GIT_ENV: Record<string, string> = {
  GIT_AUTHOR_NAME: "Bulk Test",
  GIT_AUTHOR_EMAIL: "bulk-test@example.com",
  GIT_AUTHOR_DATE: "2025-01-02T03:04:05Z",
  GIT_COMMITTER_NAME: "Bulk Test",
  GIT_COMMITTER_EMAIL: "bulk-test@example.com",
  GIT_COMMITTER_DATE: "2025-01-02T03:04:05Z",
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: "1",
};

export function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const TRAIN_SCRIPT = 'print("training")\n';

const ENV_TOKEN_LAUNCHER = ["from huggingface_hub import get_token, run_uv_job", "", 'run_uv_job("train.py", env={"HF_TOKEN": get_token(), "EPOCHS": "3"})', ""].join("\n");

interface RepositorySpec {
  files: Record<string, string | Buffer>;
  /** Symlinks to commit: name -> target. */
  links?: Record<string, string>;
  /** After the commit: files changed without committing them. */
  uncommitted?: Record<string, string>;
  /** After the commit: branches to create. */
  branches?: string[];
  /** After the commit: files to create inside `.git`. */
  gitFiles?: Record<string, string>;
}

/** Every repository by name; the comment says what its run must show. */
export const REPOSITORIES: Record<string, RepositorySpec> = {
  // Nothing to change.
  "clean-launcher": {
    files: { "launch.py": 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("push.py", secrets={"HF_TOKEN": get_token()})\n', "push.py": PUSH_SCRIPT },
  },
  "clean-docs": {
    files: {
      "README.md": "# Clean docs\n",
      "docs/jobs.md": '# Jobs\n\n```python\nhf_jobs("uv", {"script": "train.py", "with_deps": ["trl"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n```\n',
      "docs/train.py": TRAIN_SCRIPT,
    },
  },
  // One kind of mistake each (HFJ206 and HFJ207 are in several-surfaces).
  "hardcoded-token": {
    files: { "launch.py": `from huggingface_hub import run_uv_job\n\nrun_uv_job("train.py", secrets={"HF_TOKEN": "${FAKE_TOKEN}"})\n`, "train.py": TRAIN_SCRIPT },
  },
  "literal-token": { files: { "login.py": 'from huggingface_hub import login\n\nlogin(token="hf_...")\n' } },
  // A job script by its PEP 723 header: the script rules judge job scripts only.
  "token-output": { files: { "job.py": '# /// script\n# dependencies = []\n# ///\nimport os\n\ntoken = os.environ["HF_TOKEN"]\nprint(f"Using token {token}")\n' } },
  "token-in-arguments": {
    files: { "launch.py": 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("train.py", script_args=["--hf-token", get_token()])\n', "train.py": TRAIN_SCRIPT },
  },
  // (Python only: a TS launcher would make every process of the tests load ESLint; the bulk run does not care
  // which analyzer found a mistake, and the TS surface has its own tests.)
  "env-token": { files: { "launch.py": ENV_TOKEN_LAUNCHER, "train.py": TRAIN_SCRIPT } },
  placeholder: { files: { "launch.py": 'from huggingface_hub import run_uv_job\n\nrun_uv_job("train.py", secrets={"HF_TOKEN": "$HF_TOKEN"})\n', "train.py": TRAIN_SCRIPT } },
  "missing-secret": { files: { "launch.py": 'from huggingface_hub import run_uv_job\n\nrun_uv_job("scripts/push.py", flavor="cpu-upgrade")\n', "scripts/push.py": PUSH_SCRIPT } },
  "secret-name": {
    files: {
      "launch.py": 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("scripts/push.py", secrets={"HF_API_TOKEN": get_token()})\n',
      "scripts/push.py": PUSH_SCRIPT,
    },
  },
  unsubstituted: {
    files: {
      "docs/jobs.md": '# Jobs\n\n```python\nhf_jobs("uv", {"script": "train.py", "secrets": {"HF_TOKEN": "$HF_TOKEN", "WANDB_API_KEY": "$WANDB_API_KEY"}})\n```\n',
      "docs/train.py": TRAIN_SCRIPT,
    },
  },
  "check-token-early": {
    files: {
      "clean.py": [
        "# /// script",
        '# dependencies = ["datasets"]',
        "# ///",
        "from datasets import load_dataset",
        "",
        'dataset = load_dataset("my-org/raw", split="train")',
        'dataset.push_to_hub("my-org/clean")',
        "",
      ].join("\n"),
    },
  },
  "legacy-variable": { files: { "job.py": 'import os\n\nfrom huggingface_hub import HfApi\n\nHfApi(token=os.environ.get("HUGGING_FACE_HUB_TOKEN")).whoami()\n' } },
  // The repository's own configuration decides.
  "config-ignores": { files: { "hf-jobs-lint.toml": 'ignore = ["HFJ201"]\n', "launch.py": ENV_TOKEN_LAUNCHER, "train.py": TRAIN_SCRIPT } },
  "config-extends": {
    files: {
      "pyproject.toml": '[project]\nname = "config-extends"\n\n[tool.hf-jobs-lint]\nextend-select = ["HFJ302"]\n',
      "whoami.py": 'import os\n\nfrom huggingface_hub import HfApi\n\nprint(HfApi(token=os.environ["HF_TOKEN"]).whoami()["name"])\n',
    },
  },
  "unresolved-script": {
    files: { "launch.py": 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("jobs/missing.py", secrets={"HF_TOKEN": get_token()})\n' },
  },
  "several-surfaces": {
    files: {
      ".gitignore": "build/\n",
      // huggingface_hub before 1.0 passes everything after the script to it: the flags on run.sh's line are HFJ207.
      "requirements.txt": "huggingface_hub>=0.34,<1.0\n",
      "launch.py": ENV_TOKEN_LAUNCHER.replaceAll("\n", "\r\n"),
      "train.py": TRAIN_SCRIPT,
      "run.sh": "#!/bin/sh\nhf jobs uv run train.py --flavor a10g-small -e HF_TOKEN\n",
      "docs/jobs.md": '# Jobs\n\n```python\nhf_jobs("uv", {"script": "train.py", "dependencies": ["trl"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n```\n',
      "docs/train.py": TRAIN_SCRIPT,
      // Ignored, so never committed and never migrated.
      "build/launch.py": ENV_TOKEN_LAUNCHER,
    },
  },
  // Not touched on purpose.
  dirty: { files: { "launch.py": ENV_TOKEN_LAUNCHER, "train.py": TRAIN_SCRIPT }, uncommitted: { "train.py": 'print("training, edited")\n' } },
  "branch-exists": { files: { "launch.py": ENV_TOKEN_LAUNCHER, "train.py": TRAIN_SCRIPT }, branches: [BRANCH] },
  // Files that cannot be read: reported, and the rest of the repository is migrated.
  unreadable: {
    files: { "launch.py": ENV_TOKEN_LAUNCHER, "train.py": TRAIN_SCRIPT, "latin1.py": Buffer.from('print("caf\xe9")\n', "latin1") },
    links: { "loop.py": "loop.py" },
  },
  // Failures of the repository itself: reported, and the run goes on.
  "bad-config": { files: { "hf-jobs-lint.toml": 'select = ["HFJ999"]\n', "launch.py": ENV_TOKEN_LAUNCHER } },
  "ref-locked": { files: { "launch.py": ENV_TOKEN_LAUNCHER, "train.py": TRAIN_SCRIPT }, gitFiles: { [`refs/heads/${BRANCH}.lock`]: "" } },
};

/** The list's lines: every repository, a folder that is no checkout, a path that does not exist, comments. */
export const LIST_NAMES = [...Object.keys(REPOSITORIES).map((name) => `repos/${name}`), "repos/not-a-checkout", "repos/missing"];

function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

function createRepository(dir: string, spec: RepositorySpec, skeleton: string, commit: boolean): void {
  writeFiles(dir, spec.files);
  for (const [name, target] of Object.entries(spec.links ?? {})) fs.symlinkSync(target, path.join(dir, name));
  // A copy of one `git init`: what it would write, without a process per repository.
  fs.cpSync(skeleton, path.join(dir, ".git"), { recursive: true });
  if (!commit) return;
  git(dir, ["add", "--all"]);
  git(dir, ["commit", "--quiet", "--message=Initial commit"]);
  // A branch is a file naming its commit: written as `git branch` would, without a process.
  const main = fs.readFileSync(path.join(dir, ".git", "refs", "heads", "main"), "utf8");
  for (const branch of spec.branches ?? []) writeFiles(path.join(dir, ".git", "refs", "heads"), { [branch]: main });
  writeFiles(dir, spec.uncommitted ?? {});
  writeFiles(path.join(dir, ".git"), spec.gitFiles ?? {});
}

/**
 * The organisation in `root`: `repos/` with the repositories (every one, or those `names` lists), `repos.txt`
 * listing them in that order, and a configuration in `root` that would select only HFJ303: it is not
 * any repository's own, and no repository's run may use it. Without `commit` (an audit needs no history), each
 * repository is a fresh `git init` holding its files, written without a git process per repository.
 */
export function generateOrganisation(root: string, names: readonly string[] = LIST_NAMES, options: { commit?: boolean } = {}): { list: string; names: string[] } {
  const listed = names.filter((name) => LIST_NAMES.includes(name));
  const skeleton = path.join(root, ".skeleton");
  fs.mkdirSync(root, { recursive: true });
  git(root, ["init", "--quiet", "--initial-branch=main", skeleton]);
  fs.rmSync(path.join(skeleton, ".git", "hooks"), { recursive: true });
  for (const name of listed) {
    const spec = REPOSITORIES[name.slice("repos/".length)];
    if (spec) createRepository(path.join(root, name), spec, path.join(skeleton, ".git"), options.commit ?? true);
    else if (name === "repos/not-a-checkout") writeFiles(path.join(root, name), { "launch.py": ENV_TOKEN_LAUNCHER });
  }
  fs.rmSync(skeleton, { recursive: true });
  writeFiles(root, {
    "hf-jobs-lint.toml": 'select = ["HFJ303"]\n',
    "repos.txt": `# The organisation's checkouts, relative to this file.\n\n${listed.join("\n")}\n`,
  });
  return { list: path.join(root, "repos.txt"), names: listed };
}

/** A copy of the organisation for a run that changes it (symlinks copied as links). */
export function copyOrganisation(template: string, destination: string): void {
  fs.cpSync(template, destination, { recursive: true, verbatimSymlinks: true });
}

/**
 * What a run left in a repository's git, in one process: every commit on a branch with the branches pointing at it,
 * its parent, tree, message and the files it changed; HEAD; and the worktrees still registered.
 */
export function gitState(dir: string): string {
  if (!fs.existsSync(path.join(dir, ".git"))) return "(not a checkout)";
  const log = git(dir, ["log", "--branches", "--name-only", "--format=%x00%D%n%H %P %T%n%B"]);
  const worktrees = fs.existsSync(path.join(dir, ".git", "worktrees")) ? fs.readdirSync(path.join(dir, ".git", "worktrees")) : [];
  return `${log}\nHEAD: ${fs.readFileSync(path.join(dir, ".git", "HEAD"), "utf8")}worktrees: ${JSON.stringify(worktrees)}\n`;
}

/**
 * What a run could have changed in a repository's git, read from its files without a process (the tests make
 * hundreds of these): HEAD, every local branch and the commit it points at, and the worktrees registered.
 */
export function refsState(dir: string): Record<string, string> {
  const gitDir = path.join(dir, ".git");
  if (!fs.existsSync(gitDir)) return {};
  const state: Record<string, string> = { HEAD: fs.readFileSync(path.join(gitDir, "HEAD"), "utf8") };
  for (const name of fs
    .readdirSync(path.join(gitDir, "refs", "heads"), { recursive: true })
    .map(String)
    .sort()) {
    const file = path.join(gitDir, "refs", "heads", name);
    if (fs.statSync(file).isFile()) state[`refs/heads/${name}`] = fs.readFileSync(file, "utf8");
  }
  if (fs.existsSync(path.join(gitDir, "packed-refs"))) state["packed-refs"] = fs.readFileSync(path.join(gitDir, "packed-refs"), "utf8");
  const worktrees = path.join(gitDir, "worktrees");
  state.worktrees = JSON.stringify(fs.existsSync(worktrees) ? fs.readdirSync(worktrees) : []);
  return state;
}
