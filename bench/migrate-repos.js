// Benchmark: `hf-jobs-lint migrate --repos` over an organisation of generated git repositories (a few files each:
// launchers, job scripts, shell, docs; about half with mistakes to fix). Times a dry run, a run that creates a
// branch and a commit in each repository that needs one, and a second run on the same report (all finished), and
// prints repositories/s and the peak memory (maximum resident set size) of each run, measured in a child process.
// Usage: node bench/migrate-repos.js [REPOSITORIES=200]   (run `npm run build` first)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, "..", "packages", "cli", "bin", "hf-jobs-lint.js");
const count = Number(process.argv[2] ?? 200);
const root = fs.mkdtempSync(path.join(os.tmpdir(), `hf-jobs-lint-bench-repos-${count}-`));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: "Bench",
  GIT_AUTHOR_EMAIL: "bench@example.com",
  GIT_COMMITTER_NAME: "Bench",
  GIT_COMMITTER_EMAIL: "bench@example.com",
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: "1",
};

const push =
  '# /// script\n# dependencies = ["datasets"]\n# ///\nimport os\nfrom datasets import load_dataset\n\nif not os.environ.get("HF_TOKEN"):\n    raise SystemExit("HF_TOKEN is not set")\nload_dataset("org/raw")["train"].push_to_hub("org/clean")\n';
const utils = (i) => `"""Helpers of repository ${i}."""\n\n\ndef shard(rows, n):\n    return [rows[k::n] for k in range(n)]\n`;
/** What one repository holds; every other one has mistakes of one kind or another. */
function repository(i) {
  const files = {
    "README.md": `# Repository ${i}\n\nTrain with \`hf jobs uv run --secrets HF_TOKEN jobs/push.py\`.\n`,
    "jobs/push.py": push,
    "src/utils.py": utils(i),
    "pyproject.toml": `[project]\nname = "repo-${i}"\n`,
  };
  switch (i % 6) {
    case 1:
      files["launch.py"] = 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("jobs/push.py", env={"HF_TOKEN": get_token()})\n';
      break;
    case 3:
      files["run.sh"] = "#!/bin/sh\nhf jobs uv run jobs/push.py --flavor a10g-small -e HF_TOKEN\n";
      break;
    case 5:
      files["docs/jobs.md"] = '# Jobs\n\n```python\nhf_jobs("uv", {"script": "jobs/push.py", "dependencies": ["datasets"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n```\n';
      break;
    default:
      files["launch.py"] = 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("jobs/push.py", secrets={"HF_TOKEN": get_token()})\n';
  }
  return files;
}

const started = performance.now();
const skeleton = path.join(root, ".skeleton");
execFileSync("git", ["init", "--quiet", "--initial-branch=main", skeleton], { env });
const names = [];
for (let i = 0; i < count; i++) {
  const dir = path.join(root, "repos", `repo-${String(i).padStart(4, "0")}`);
  for (const [name, text] of Object.entries(repository(i))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.cpSync(path.join(skeleton, ".git"), path.join(dir, ".git"), { recursive: true });
  execFileSync("git", ["add", "--all"], { cwd: dir, env });
  execFileSync("git", ["commit", "--quiet", "--message=Initial commit"], { cwd: dir, env });
  names.push(path.relative(root, dir));
}
fs.writeFileSync(path.join(root, "repos.txt"), `${names.join("\n")}\n`);
console.log(`organisation: ${count} repositories in ${root} (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

function run(label, argv) {
  const time = performance.now();
  // /usr/bin/time would be one more dependency: the child reports its own peak RSS on exit instead.
  const result = spawnSync(
    process.execPath,
    ["--import", "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))", bin, ...argv],
    {
      cwd: root,
      env,
      encoding: "utf8",
    },
  );
  const seconds = (performance.now() - time) / 1000;
  const rss = Number(/maxrss (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  const statusLine = result.stdout.split("\n").find((line) => /^\d+ repositor/.test(line)) ?? result.stderr.trim();
  console.log(`${label.padEnd(22)} ${seconds.toFixed(2)} s, ${(count / seconds).toFixed(1)} repositories/s, peak RSS ${rss.toFixed(0)} MB  (${statusLine})`);
}

run("migrate --dry-run", ["migrate", "--repos", "repos.txt", "--dry-run", "--report", "dry-report"]);
run("migrate --branch", ["migrate", "--repos", "repos.txt", "--branch", "hf-jobs-lint/tokens", "--report", "report"]);
run("same report again", ["migrate", "--repos", "repos.txt", "--branch", "hf-jobs-lint/tokens", "--report", "report"]);
fs.rmSync(root, { recursive: true, force: true });
