// Per-file configuration (issue 13, item 1): each file gets the nearest configuration from its own folder, so
// the results do not depend on the working directory; `extend`, `--isolated`, `--config FILE` and inline
// `--config` settings; the repository root per file, so HFJ203 finds a launched script from anywhere.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const LEAK = `token = "${FAKE_TOKEN}"\n`;
const PUSH_SCRIPT = `from huggingface_hub import HfApi\n\nHfApi().upload_file(path_or_fileobj="m.bin", path_in_repo="m.bin", repo_id="me/m")\n`;
const LAUNCHER = `from huggingface_hub import run_uv_job\n\nrun_uv_job("scripts/train.py", flavor="a10g-small")\n`;

interface Finding {
  code: string;
  filename: string;
}

async function findings(args: string[], cwd: string): Promise<{ code: number; found: string[]; stderr: string }> {
  const result = await runCli(["check", ...args, "--output-format", "json", "--threads", "1"], { cwd });
  const parsed = JSON.parse(result.stdout) as Finding[];
  return { code: result.code, found: parsed.map((finding) => `${finding.filename} ${finding.code}`).sort(), stderr: result.stderr };
}

/** Two projects side by side, each with its own configuration, in one folder without one. */
function twoProjects(): string {
  return makeTree({
    "a/.git/HEAD": "",
    "a/pyproject.toml": `[project]\nname = "a"\n\n[tool.hf-jobs-lint]\nextend-exclude = ["vendor"]\n\n[tool.hf-jobs-lint.per-file-ignores]\n"legacy/*.py" = ["HFJ101"]\n`,
    "a/vendor/v.py": LEAK,
    "a/legacy/old.py": LEAK,
    "a/src/new.py": LEAK,
    "a/launch.py": LAUNCHER,
    "a/scripts/train.py": PUSH_SCRIPT,
    "b/.git/HEAD": "",
    "b/hf-jobs-lint.toml": `select = ["HFJ2"]\n`,
    "b/leak.py": LEAK,
    "b/env.py": `from huggingface_hub import run_uv_job\n\nrun_uv_job("x.py", env={"HF_TOKEN": "x"})\n`,
  });
}

describe("configuration per file", () => {
  it("gives the same findings from the repository, from its parent and from an unrelated folder", async () => {
    const dir = twoProjects();
    const fromInside = await findings(["."], path.join(dir, "a"));
    const fromParent = await findings(["a"], dir);
    const elsewhere = makeTree({ "x.txt": "" });
    const fromElsewhere = await findings([path.join(dir, "a")], elsewhere);
    const strip = (list: string[], prefix: string) => list.map((entry) => entry.slice(entry.indexOf(prefix) + prefix.length));
    // The job script is HFJ301 (writes without checking HF_TOKEN); vendor/ and legacy/ are configured away.
    expect(fromInside.found).toEqual(["launch.py HFJ203", "scripts/train.py HFJ301", "src/new.py HFJ101"]);
    expect(strip(fromParent.found, "a/")).toEqual(fromInside.found);
    expect(strip(fromElsewhere.found, "a/")).toEqual(fromInside.found);
  });

  it("checks two projects with their own configurations in one run", async () => {
    const dir = twoProjects();
    const { found } = await findings(["a", "b"], dir);
    // b selects only HFJ2xx: its hardcoded token is not reported there, its env token is.
    expect(found).toEqual(["a/launch.py HFJ203", "a/scripts/train.py HFJ301", "a/src/new.py HFJ101", "b/env.py HFJ201"]);
  });

  it("follows `extend`, keeping the base's patterns relative to the base's folder", async () => {
    const dir = makeTree({
      ".git/HEAD": "",
      "base.toml": `extend-exclude = ["generated"]\nignore = ["HFJ301"]\n[per-file-ignores]\n"pkg/legacy.py" = ["HFJ101"]\n`,
      "pkg/hf-jobs-lint.toml": `extend = "../base.toml"\nextend-exclude = ["skip_me.py"]\n`,
      "pkg/legacy.py": LEAK,
      "pkg/skip_me.py": LEAK,
      "pkg/generated/g.py": LEAK,
      "pkg/new.py": LEAK,
    });
    const { found } = await findings(["pkg"], dir);
    expect(found).toEqual(["pkg/new.py HFJ101"]);
    const shown = await runCli(["check", "pkg/new.py", "--show-settings"], { cwd: dir });
    expect(shown.stdout).toContain(`Settings path: "${path.join(dir, "pkg", "hf-jobs-lint.toml")}"`);
    expect(shown.stdout).toContain(`Extends: "${path.join(dir, "base.toml")}"`);
    expect(shown.stdout).not.toMatch(/"HFJ301"/);
  });

  it("rejects an `extend` cycle and a missing base with exit 2", async () => {
    const dir = makeTree({ "hf-jobs-lint.toml": `extend = "other.toml"\n`, "other.toml": `extend = "hf-jobs-lint.toml"\n`, "a.py": LEAK });
    const cycle = await runCli(["check", "."], { cwd: dir });
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toMatch(/`extend` cycle/);
    const missing = makeTree({ "hf-jobs-lint.toml": `extend = "nope.toml"\n`, "a.py": LEAK });
    const result = await runCli(["check", "."], { cwd: missing });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/`extend`: no such file/);
  });

  it("--isolated ignores every configuration file; --config FILE gives one to every file", async () => {
    const dir = twoProjects();
    const isolated = await findings(["b", "--isolated"], dir);
    expect(isolated.found).toEqual(["b/env.py HFJ201", "b/leak.py HFJ101"]);
    fs.writeFileSync(path.join(dir, "only-101.toml"), `select = ["HFJ101"]\n`);
    const named = await findings(["a/src", "b", "--config", "only-101.toml"], dir);
    expect(named.found).toEqual(["a/src/new.py HFJ101", "b/leak.py HFJ101"]);
    const both = await runCli(["check", "b", "--isolated", "--config", "only-101.toml"], { cwd: dir });
    expect(both.code).toBe(2);
  });

  it("takes inline `--config 'key = value'` settings over each file's configuration", async () => {
    const dir = twoProjects();
    const { found } = await findings(["b", "--config", 'select = ["HFJ101"]'], dir);
    expect(found).toEqual(["b/leak.py HFJ101"]);
    const bad = await runCli(["check", "b", "--config", "selekt = 1"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option `selekt`/);
    const neither = await runCli(["check", "b", "--config", "missing.toml"], { cwd: dir });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/neither a configuration file nor a TOML `key = value` setting/);
  });

  it("resolves a launched script against the file's own repository, and says when it is not found", async () => {
    const dir = twoProjects();
    const elsewhere = makeTree({});
    const found = await findings([path.join(dir, "a", "launch.py")], elsewhere);
    expect(found.found.map((entry) => entry.split(" ")[1])).toEqual(["HFJ203"]);
    fs.rmSync(path.join(dir, "a", "scripts", "train.py"));
    const missing = await runCli(["check", path.join(dir, "a", "launch.py"), "--output-format", "concise"], { cwd: elsewhere });
    expect(missing.stderr).toMatch(/note: .*launch\.py: the launched script `scripts\/train\.py` was not found/);
    const quiet = await runCli(["check", path.join(dir, "a", "launch.py"), "--select", "HFJ101"], { cwd: elsewhere });
    expect(quiet.stderr).toBe("");
    // A doc's example command names a script of the reader's project: no note for it.
    fs.writeFileSync(path.join(dir, "a", "guide.md"), "```bash\nhf jobs uv run --secrets HF_TOKEN examples/train.py\n```\n");
    const doc = await runCli(["check", path.join(dir, "a", "guide.md")], { cwd: elsewhere });
    expect(doc.stderr).not.toContain("was not found");
    // Nor for a CLI's help text that shows an example command.
    fs.writeFileSync(path.join(dir, "a", "cli.py"), 'HELP = """Example:\n\n    hf jobs uv run --secrets HF_TOKEN my_script.py\n"""\n');
    const help = await runCli(["check", path.join(dir, "a", "cli.py")], { cwd: elsewhere });
    expect(help.stderr).not.toContain("was not found");
  });
});
