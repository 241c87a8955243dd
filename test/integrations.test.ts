// .pre-commit-hooks.yaml and action.yml: their shape, and the commands they run, run here on a fresh project. The
// action's shell steps are executed as a runner would (bash, step env, GITHUB_OUTPUT), its `uses:` steps are not.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { OUTPUT_FORMATS } from "@hf-jobs-lint/core";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const CLI_BIN = path.join(ROOT, "packages/cli/bin/hf-jobs-lint.js");
const CLI_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string }).version;

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  additional_dependencies?: string[];
  types?: string[];
  require_serial?: boolean;
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  "working-directory"?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const hooks = parseYaml(fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const action = parseYaml(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8")) as Action;

const leakyLauncher = `from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("train.py", env={"HF_TOKEN": get_token()})\n`;
const hardcoded = `from huggingface_hub import login\n\nlogin(token="${FAKE_TOKEN}")\n`;

/** A project as a user has it: a configuration with an `exclude`, a launcher with a fixable finding, other files. */
function freshProject(): string {
  return makeTree({
    "pyproject.toml": '[project]\nname = "demo"\n\n[tool.hf-jobs-lint]\nexclude = ["vendor"]\n',
    "launch.py": leakyLauncher,
    "vendor/old.py": hardcoded,
    "notes.txt": "see launch.py\n",
    "config.yml": "key: value\n",
  });
}

/** The CLI words of a command line that runs hf-jobs-lint (the part after the program). */
function cliWords(command: string): string[] {
  const words = command.trim().split(/\s+/);
  expect(words[0]).toBe("hf-jobs-lint");
  return words.slice(1);
}

/** Every `--flag` in `words` is one `check --help` lists, and output formats are real ones. */
async function expectKnownFlags(words: readonly string[]): Promise<void> {
  const help = (await runCli(["check", "--help"], { cwd: ROOT })).stdout;
  for (const [index, word] of words.entries()) {
    if (!word.startsWith("--")) continue;
    expect(help, `check --help lists ${word}`).toMatch(new RegExp(`(^|\\s)${word}(\\s|,|$)`, "m"));
    if (word === "--output-format") expect(OUTPUT_FORMATS).toContain(words[index + 1]);
  }
}

describe(".pre-commit-hooks.yaml", () => {
  it("declares a check hook and a fix hook of pre-commit's manifest shape, pinned to this release", () => {
    expect(hooks.map((hook) => hook.id)).toEqual(["hf-jobs-lint", "hf-jobs-lint-fix"]);
    for (const hook of hooks) {
      expect(hook).toMatchObject({ language: "node", require_serial: true });
      expect(typeof hook.name).toBe("string");
      // pre-commit installs the published CLI of the same version as the tag it checks out.
      expect(hook.additional_dependencies).toEqual([`hf-jobs-lint@${CLI_VERSION}`]);
      // Every text file: `.env` has no type tag of its own, and check skips the kinds it does not read.
      expect(hook.types).toEqual(["text"]);
      expect(cliWords(hook.entry)).toEqual(expect.arrayContaining(["check", "--force-exclude"]));
    }
    expect(cliWords(hooks[1]!.entry)).toContain("--fix");
  });

  it("the check hook's entry, given the staged files, reports the launcher and skips excluded and unknown files", async () => {
    const dir = freshProject();
    await expectKnownFlags(cliWords(hooks[0]!.entry));
    const staged = ["launch.py", "vendor/old.py", "notes.txt", "config.yml", "pyproject.toml"];
    const result = await runCli([...cliWords(hooks[0]!.entry), ...staged], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^launch\.py:3:\d+: HFJ201 /m);
    expect(result.stdout).not.toContain("vendor/old.py");
    // Only notes (a launched script the fresh project lacks), never an error about the skipped files.
    expect(result.stderr).not.toMatch(/error|vendor\/old\.py|notes\.txt/);
    expect(result.stdout).not.toContain(FAKE_TOKEN);
  });

  it("the fix hook's entry fixes the staged launcher and leaves the excluded file alone", async () => {
    const dir = freshProject();
    await expectKnownFlags(cliWords(hooks[1]!.entry));
    const result = await runCli([...cliWords(hooks[1]!.entry), "launch.py", "vendor/old.py", "notes.txt"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "launch.py"), "utf8")).toMatch(/secrets=\{"HF_TOKEN": /);
    expect(fs.readFileSync(path.join(dir, "vendor/old.py"), "utf8")).toBe(hardcoded);
  });
});

/** `${{ ... }}` references: inputs, github context, step outputs; anything else is a mistake in action.yml. */
function evaluate(text: string, context: { inputs: Record<string, string>; github: Record<string, string>; steps: Record<string, Record<string, string>> }): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) {
      expect(Object.keys(action.inputs), `action.yml uses an undeclared input: ${expression}`).toContain(input[1]);
      return context.inputs[input[1]!] ?? "";
    }
    const github = /^github\.(\w+)$/.exec(expression);
    if (github) return context.github[github[1]!] ?? expect.fail(`unknown github context ${expression}`);
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) {
      expect(
        action.runs.steps.map((step) => step.id),
        `no step ${output[1]}`,
      ).toContain(output[1]);
      return context.steps[output[1]!]?.[output[2]!] ?? "";
    }
    return expect.fail(`an expression this test does not evaluate: ${expression}`);
  });
}

interface ActionRun {
  status: number;
  stdout: string;
  outputs: Record<string, Record<string, string>>;
}

/** The action's shell steps, in order, as a runner runs them; it stops at the first that fails. */
function runAction(workspace: string, given: Record<string, string>): ActionRun {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? ""]));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-action-"));
  const context = { inputs, github: { action_path: ROOT, workspace }, steps: {} as Record<string, Record<string, string>> };
  let stdout = "";
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      if (step.uses) continue;
      expect(step.shell, `step ${step.name ?? index} names its shell`).toBe("bash");
      const outputFile = path.join(temp, `output-${index}`);
      fs.writeFileSync(outputFile, "");
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(value, context)]));
      const script = path.join(temp, `step-${index}.sh`);
      fs.writeFileSync(script, evaluate(step.run!, context));
      const ran = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
        cwd: step["working-directory"] ? evaluate(step["working-directory"], context) : workspace,
        env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: temp, CI: "true" },
        encoding: "utf8",
      });
      stdout += ran.stdout;
      if (step.id) {
        context.steps[step.id] = Object.fromEntries(
          fs
            .readFileSync(outputFile, "utf8")
            .split("\n")
            .filter(Boolean)
            .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
        );
      }
      if (ran.status !== 0) return { status: ran.status ?? 1, stdout, outputs: context.steps };
    }
    return { status: 0, stdout, outputs: context.steps };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

describe("action.yml", () => {
  it("is a composite action with args, version and path inputs, SARIF upload and annotations", () => {
    expect(action.runs.using).toBe("composite");
    for (const name of ["args", "version", "path", "upload-sarif", "sarif-file"]) {
      expect(action.inputs[name], name).toBeDefined();
      expect(action.inputs[name]!.description.length, name).toBeGreaterThan(10);
    }
    const uses = action.runs.steps.flatMap((step) => step.uses ?? []);
    expect(uses).toContain("github/codeql-action/upload-sarif@v4");
    const upload = action.runs.steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.with?.sarif_file).toBe("${{ steps.check.outputs.sarif-file }}");
    for (const output of Object.values(action.outputs)) expect(output.value).toMatch(/^\$\{\{ steps\.check\.outputs\.[\w-]+ \}\}$/);
  });

  it("runs only commands and flags the CLI has", async () => {
    const check = action.runs.steps.find((step) => step.id === "check")!.run!;
    const commands = [...check.matchAll(/^\s*\$COMMAND (check .*?)(?:\s*>.*)?$/gm)].map((match) => match[1]!.replace(/\$ARGS/, "").trim());
    expect(commands).toHaveLength(2);
    for (const command of commands) await expectKnownFlags(cliWords(`hf-jobs-lint ${command}`));
    expect(commands.join(" ")).toMatch(/--output-format sarif/);
    expect(commands.join(" ")).toMatch(/--output-format github/);
  });

  it("on a fresh project with a finding: annotations, a SARIF report, and a failing status", () => {
    const workspace = freshProject();
    const run = runAction(workspace, { path: CLI_BIN, args: ". --ignore HFJ302" });
    expect(run.status).toBe(1);
    expect(run.outputs.check).toEqual({ "sarif-file": "hf-jobs-lint.sarif", "exit-code": "1" });
    expect(run.stdout).toMatch(/^::error file=launch\.py,line=3,col=\d+,.*title=HFJ201::/m);
    expect(run.stdout).not.toContain("vendor/");
    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, "hf-jobs-lint.sarif"), "utf8")) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(["HFJ201"]);
    expect(fs.readFileSync(path.join(workspace, "hf-jobs-lint.sarif"), "utf8")).not.toContain(FAKE_TOKEN);
  });

  it("with its own checkout (the default) on a clean project: passes, and a configuration error fails with no upload", () => {
    const clean = makeTree({ "launch.py": 'from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("train.py", secrets={"HF_TOKEN": get_token()})\n' });
    const passed = runAction(clean, {});
    expect(passed.status).toBe(0);
    expect(passed.outputs.install!.command).toBe(`node ${CLI_BIN}`);
    expect(passed.outputs.check!["exit-code"]).toBe("0");

    const broken = makeTree({ "hf-jobs-lint.toml": "select = 3\n", "launch.py": leakyLauncher });
    const failed = runAction(broken, { path: CLI_BIN });
    expect(failed.status).toBe(2);
    expect(failed.outputs.check!["sarif-file"]).toBeUndefined();
  });
});
