// `check --diff` prints patches that `git apply` and `patch` take as they are when no token is shown (BOM, CRLF,
// C-quoted file names), and marks the ones where a redacted token will stop them from applying.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const launcher = (eol: string) => ["from huggingface_hub import run_uv_job", 'run_uv_job("train.py", env={"HF_TOKEN": "$HF_TOKEN"})', ""].join(eol);

function treeFiles(): Record<string, string> {
  return {
    "bom.py": `\ufeff${launcher("\n")}`,
    "crlf.py": launcher("\r\n"),
    "lone-cr.py": launcher("\r"),
    "ü name.py": launcher("\n"),
    "tab\tname.py": launcher("\n"),
    "docs/guide.md": `# Guide\n\n\`\`\`python\n${launcher("\n")}\`\`\`\n`,
  };
}

/** Every file of `dir`, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), "latin1");
  }
  return files;
}

const hasTool = (tool: string) => spawnSync(tool, ["--version"]).status === 0;

describe("check --diff patches", () => {
  it.runIf(hasTool("git"))("apply with git apply to exactly what --fix writes when no token is shown", async () => {
    const diffTree = makeTree(treeFiles());
    const fixTree = makeTree(treeFiles());
    const shown = await runCli(["check", ".", "--diff"], { cwd: diffTree });
    expect(shown.stdout).toContain('"a/\\303\\274 name.py"');
    expect(shown.stdout).not.toContain("# hf-jobs-lint:");
    expect(shown.stderr).not.toMatch(/will not apply/);
    await runCli(["check", ".", "--fix"], { cwd: fixTree });
    const patchFile = path.join(diffTree, "..", `${path.basename(diffTree)}.diff`);
    fs.writeFileSync(patchFile, shown.stdout);
    try {
      execFileSync("git", ["apply", "--unsafe-paths", patchFile], { cwd: diffTree });
    } finally {
      fs.rmSync(patchFile);
    }
    expect(snapshot(diffTree)).toEqual(snapshot(fixTree));
  });

  it.runIf(hasTool("patch"))("apply with patch -p1 as well", async () => {
    const dir = makeTree(treeFiles());
    const shown = await runCli(["check", ".", "--diff"], { cwd: dir });
    const result = spawnSync("patch", ["-p1", "--dry-run"], { cwd: dir, input: shown.stdout, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("mark a patch whose lines show a redacted token, and say so", async () => {
    const dir = makeTree({ "clean.py": launcher("\n"), "leaky.py": `x = 1  # ${FAKE_TOKEN}\n${launcher("\n")}` });
    const shown = await runCli(["check", ".", "--diff"], { cwd: dir });
    expect(shown.stdout).not.toContain(FAKE_TOKEN);
    const marked = shown.stdout.split("\n").filter((line) => line.startsWith("# hf-jobs-lint:"));
    expect(marked).toHaveLength(1);
    expect(shown.stdout.indexOf(marked[0]!)).toBeGreaterThan(shown.stdout.indexOf("+++ b/clean.py"));
    expect(shown.stderr).toContain("1 of 2 patches show redacted tokens and will not apply as printed");
    const dry = await runCli(["migrate", ".", "--dry-run"], { cwd: dir });
    expect(dry.stdout).toContain("# hf-jobs-lint: this patch shows redacted tokens");
    expect(dry.stderr).toMatch(/of 2 patches show redacted tokens/);
  });
});
