// No code of the checked repository runs: its ESLint configs, package.json scripts, node_modules, tsconfig plugins,
// Python files and shell scripts are read as text (or not at all). Each trap writes a marker file when executed.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { GIT_ENV } from "./helpers/bulk-repos.js";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");

afterEach(removeTrees);

/** A line of JS that leaves `name` in the folder named by the environment (or beside itself) when it runs. */
const trapJs = (name: string) => `require("fs").writeFileSync(require("path").join(__dirname, ${JSON.stringify(`TRAP-${name}`)}), "ran");\nmodule.exports = {};\n`;
const trapEsm = (name: string) => `import fs from "node:fs";\nfs.writeFileSync(new URL(${JSON.stringify(`./TRAP-${name}`)}, import.meta.url), "ran");\nexport default [];\n`;
const trapPy = (name: string) => `open(__file__ + ${JSON.stringify(`.TRAP-${name}`)}, "w").write("ran")\n`;

function traps(): Record<string, string> {
  return {
    "eslint.config.js": trapEsm("eslint-config"),
    "eslint.config.mjs": trapEsm("eslint-config-mjs"),
    ".eslintrc.js": trapJs("eslintrc"),
    "package.json": JSON.stringify({
      name: "trap",
      type: "commonjs",
      scripts: { preinstall: "touch TRAP-preinstall", lint: "touch TRAP-lint" },
      eslintConfig: { plugins: ["trap"] },
    }),
    "node_modules/@typescript-eslint/parser/package.json": JSON.stringify({ name: "@typescript-eslint/parser", main: "index.js" }),
    "node_modules/@typescript-eslint/parser/index.js": trapJs("parser"),
    "node_modules/eslint-plugin-trap/index.js": trapJs("plugin"),
    "node_modules/eslint-plugin-hf-jobs/index.js": trapJs("own-plugin-shadow"),
    "node_modules/web-tree-sitter/index.js": trapJs("tree-sitter-shadow"),
    "tsconfig.json": JSON.stringify({ compilerOptions: { plugins: [{ name: "trap-ts-plugin" }] } }),
    "node_modules/trap-ts-plugin/index.js": trapJs("ts-plugin"),
    "conftest.py": trapPy("conftest"),
    "sitecustomize.py": trapPy("sitecustomize"),
    "setup.py": trapPy("setup"),
    "train.py": `${trapPy("job-script")}from huggingface_hub import HfApi\nHfApi().upload_folder(folder_path=".", repo_id="o/r")\n`,
    "launch.py": 'from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "$HF_TOKEN"})\n',
    "launch.ts": `import { runJob } from "@huggingface/hub";\nawait runJob({ namespace: "o", dockerImage: "x", command: ["y"], accessToken: "${FAKE_TOKEN}", environment: { HF_TOKEN: process.env.HF_TOKEN } });\n`,
    "run.sh": "touch TRAP-shell\nhf jobs uv run -e HF_TOKEN train.py\n",
    Makefile: "all:\n\ttouch TRAP-make\n\thf jobs uv run -e HF_TOKEN train.py\n",
    "README.md": "```bash\ntouch TRAP-doc && hf jobs uv run -e HF_TOKEN train.py\n```\n",
    ".github/workflows/jobs.yml": "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: touch TRAP-ci && hf jobs uv run -e HF_TOKEN train.py\n",
  };
}

/** Every marker a trap left, anywhere in the tree. */
function sprung(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => path.basename(name).includes("TRAP-"));
}

describe("no code of the checked repository is executed", () => {
  it("by check, check --fix, --diff and migrate", async () => {
    const dir = makeTree(traps());
    for (const argv of [
      ["check", "."],
      ["check", ".", "--no-respect-gitignore", "--output-format", "json"],
      ["check", ".", "--diff", "--unsafe-fixes"],
      ["check", ".", "--fix", "--unsafe-fixes"],
      ["migrate", ".", "--dry-run"],
      ["migrate", "."],
      ["scope", "train.py"],
    ]) {
      const result = await runCli(argv, { cwd: dir });
      expect(result.stderr, argv.join(" ")).not.toMatch(/internal error/);
    }
    // The run did check the files (so the traps were in reach), and changed the launchers it should.
    expect(fs.readFileSync(path.join(dir, "launch.py"), "utf8")).toContain("secrets=");
    expect(sprung(dir)).toEqual([]);
  }, 60_000);
});

describe("no hook of a migrated repository runs", () => {
  it("migrate --repos --branch makes its worktree, commit and branch with the repository's hooks off", () => {
    const root = makeTree({ "repos/app/launch.py": 'from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "$HF_TOKEN"})\n', "repos.txt": "repos/app\n" });
    const repo = path.join(root, "repos", "app");
    const env = { ...process.env, ...GIT_ENV };
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    git("init", "--quiet", "--initial-branch=main");
    git("add", ".");
    git("commit", "--quiet", "-m", "initial");
    const marker = path.join(root, "hooks-ran");
    for (const hook of ["post-checkout", "pre-commit", "commit-msg", "post-commit", "reference-transaction", "pre-auto-gc"]) {
      const file = path.join(repo, ".git", "hooks", hook);
      fs.writeFileSync(file, `#!/bin/sh\necho ${hook} >> "${marker}"\n`);
      fs.chmodSync(file, 0o755);
    }
    const result = spawnSync(process.execPath, [bin, "migrate", "--repos", "repos.txt", "--branch", "hf-jobs-lint/fix", "--report", "report"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(git("branch", "--list", "hf-jobs-lint/fix")).toMatch(/hf-jobs-lint\/fix/);
    expect(fs.existsSync(marker) ? fs.readFileSync(marker, "utf8") : "").toBe("");
  }, 60_000);
});
