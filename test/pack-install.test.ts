// The packages as a user gets them (issue 13, item 8): `npm pack` every workspace (its `prepack` builds it),
// install the tarballs into a fresh project outside the repository (from the npm cache where it can, the
// package registry otherwise), and run the CLI, the ESLint plugin (from an eslint.config.cjs) and a codemod
// there. It takes a minute or two, so it runs under CI (`.ci/run` sets CI) or with HF_JOBS_LINT_PACK_TEST=1.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isCI } from "./helpers/golden.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const enabled = isCI() || process.env.HF_JOBS_LINT_PACK_TEST === "1";
const work = enabled ? fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-pack-")) : "";
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Each package by name, with its folder. */
const WORKSPACES: Record<string, string> = {
  "@hf-jobs-lint/core": "packages/core",
  "@hf-jobs-lint/python": "packages/python",
  "@hf-jobs-lint/shell": "packages/shell",
  "@hf-jobs-lint/markdown": "packages/markdown",
  "eslint-plugin-hf-jobs": "packages/eslint-plugin",
  "@hf-jobs-lint/engine": "packages/engine",
  "@hf-jobs-lint/lsp": "packages/lsp",
  "hf-jobs-lint": "packages/cli",
  "@hf-jobs-lint/codemods": "codemods",
};
const JSCODESHIFT = "jscodeshift@17.4.0";

function run(command: string, args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe.runIf(enabled)("packed and installed outside the repository", () => {
  const tarballs = path.join(work, "tarballs");
  const project = path.join(work, "project");

  it("npm pack gives every package with its LICENSE, README and built JavaScript, no tree-sitter-python", () => {
    fs.mkdirSync(tarballs);
    const packed = run("npm", ["pack", "--workspaces", "--pack-destination", tarballs, "--json"], repoRoot);
    expect(packed.code, packed.stderr).toBe(0);
    const manifests = JSON.parse(packed.stdout) as { name: string; version: string; files: { path: string }[] }[];
    expect(manifests.map((manifest) => manifest.name).sort()).toEqual(Object.keys(WORKSPACES).sort());
    const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, "packages/cli/package.json"), "utf8")) as { version: string }).version;
    for (const manifest of manifests) {
      const files = manifest.files.map((file) => file.path);
      expect(manifest.version, manifest.name).toBe(version);
      expect(files, manifest.name).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json", "dist/index.js"]));
      expect(
        files.some((file) => file.endsWith(".tsbuildinfo")),
        manifest.name,
      ).toBe(false);
      const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, WORKSPACES[manifest.name]!, "package.json"), "utf8"));
      expect(pkg.engines, manifest.name).toEqual({ node: ">=20.19" });
      expect(pkg.repository?.url, manifest.name).toMatch(/hf-jobs-lint/);
      expect(pkg.homepage, manifest.name).toBeTruthy();
      expect(pkg.scripts?.prepack, manifest.name).toMatch(/tsc -b/);
      expect(pkg.license, manifest.name).toBe("MIT");
    }
    const engine = manifests.find((manifest) => manifest.name === "@hf-jobs-lint/engine")!;
    expect(engine.files.map((file) => file.path)).toEqual(expect.arrayContaining(["dist/worker.bundle.js", "dist/worker.bundle.json"]));
    const python = manifests.find((manifest) => manifest.name === "@hf-jobs-lint/python")!;
    expect(python.files.map((file) => file.path)).toContain("grammar/tree-sitter-python.wasm");
  }, 300_000);

  it("installs into a fresh project, without tree-sitter-python's native install script", () => {
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "fresh-project", private: true, type: "module" }));
    const files = fs.readdirSync(tarballs).map((file) => path.join(tarballs, file));
    const installed = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...files, JSCODESHIFT], project);
    expect(installed.code, installed.stderr).toBe(0);
    expect(fs.existsSync(path.join(project, "node_modules", "tree-sitter-python"))).toBe(false);
    expect(installed.stderr).not.toMatch(/install-scripts|node-gyp/);
  }, 300_000);

  it("runs the CLI, the ESLint plugin from an eslint.config.cjs, and a codemod", () => {
    fs.mkdirSync(path.join(project, "src"));
    const launcherTs =
      'import { runJob } from "@huggingface/hub";\n\nawait runJob({ namespace: "org", dockerImage: "python:3.12", command: ["python", "x.py"], environment: { HF_TOKEN: process.env.HF_TOKEN } });\n';
    fs.writeFileSync(
      path.join(project, "src", "launch.py"),
      'import os\n\nfrom huggingface_hub import run_uv_job\n\nrun_uv_job("x.py", env={"HF_TOKEN": os.environ["HF_TOKEN"]})\n',
    );
    fs.writeFileSync(path.join(project, "src", "launch.ts"), launcherTs);
    const bin = (name: string) => path.join(project, "node_modules", ".bin", name);

    const version = run(bin("hf-jobs-lint"), ["--version"], project);
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(repoRoot, "packages/cli/package.json"), "utf8")).version);
    // The workers run the engine's bundle there (no build info is packed, so it is never older than one).
    const engineDist = path.join(project, "node_modules", "@hf-jobs-lint", "engine", "dist");
    const chosen = run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createRequire } from "node:module"; import path from "node:path"; import { chooseWorkerFile } from ${JSON.stringify(path.join(engineDist, "worker-file.js"))};
         const require = createRequire(${JSON.stringify(path.join(engineDist, "run-checks.js"))});
         console.log(chooseWorkerFile(${JSON.stringify(engineDist)}, (name) => path.dirname(require.resolve(name + "/package.json"))));`,
      ],
      project,
    );
    expect(chosen.stdout.trim(), chosen.stderr).toBe(path.join(engineDist, "worker.bundle.js"));
    const check = run(bin("hf-jobs-lint"), ["check", "src", "--output-format", "json"], project);
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as { filename: string; code: string }[]).map((d) => `${d.filename} ${d.code}`)).toEqual(["src/launch.py HFJ201", "src/launch.ts HFJ201"]);

    fs.writeFileSync(path.join(project, "eslint.config.cjs"), 'const hfJobs = require("eslint-plugin-hf-jobs");\nmodule.exports = [hfJobs.configs.typescript];\n');
    const eslint = run(bin("eslint"), ["--format", "json", "src/launch.ts"], project);
    expect(eslint.code).toBe(1);
    expect((JSON.parse(eslint.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId)).toEqual(["hf-jobs/no-token-in-env"]);

    const transform = path.join(project, "node_modules", "@hf-jobs-lint", "codemods", "dist", "transforms", "env-to-secrets.js");
    const codemod = run(bin("jscodeshift"), ["-t", transform, "--parser=ts", "--no-babel", "src/launch.ts"], project);
    expect(codemod.code, codemod.stderr).toBe(0);
    expect(fs.readFileSync(path.join(project, "src", "launch.ts"), "utf8")).toContain("secrets: { HF_TOKEN: process.env.HF_TOKEN }");
  }, 300_000);
});
