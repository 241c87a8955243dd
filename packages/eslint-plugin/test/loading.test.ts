// How users load the plugin (issue 13, item 5): from an ES module and from CommonJS (`require()`, an
// `eslint.config.cjs`), with `configs.typescript` as the whole config, and in a typed `eslint.config.ts`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { ESLint } from "eslint";
import plugin, { pythonReady } from "../src/index.js";
import { pluginRuleUrl } from "../src/create-rule.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, "..");
const repoRoot = path.resolve(packageRoot, "../..");
// ESLint's package exports no `bin/` path: its folder is found from its package.json.
const eslintBin = path.join(path.dirname(createRequire(path.join(repoRoot, "package.json")).resolve("eslint/package.json")), "bin", "eslint.js");
const builtEntry = path.join(packageRoot, "dist", "index.js");

const LAUNCHER =
  'import { runJob } from "@huggingface/hub";\n\nawait runJob({ namespace: "org", dockerImage: "python:3.12", command: ["python", "x.py"], environment: { HF_TOKEN: process.env.HF_TOKEN } });\n';
const INLINE =
  'declare function hf_jobs(op: string, args: object): void;\n\nhf_jobs("uv", { script: "from huggingface_hub import HfApi\\nHfApi().upload_file(path_or_fileobj=\\"m\\", path_in_repo=\\"m\\", repo_id=\\"me/m\\")\\n" });\n';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-eslint-load-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** ESLint's own binary on the project, as a user runs it; JSON results. */
function runEslint(dir: string, config: string): { ruleId: string | null; line: number }[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [eslintBin, "--config", config, "--format", "json", "launch.ts", "inline.ts"], { cwd: dir, encoding: "utf8" });
  } catch (error) {
    // Exit 1: problems found, the JSON is on stdout.
    stdout = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(stdout) as { messages: { ruleId: string | null; line: number; message: string }[] }[]).flatMap((result) => result.messages);
}

describe("loading the plugin", () => {
  beforeAll(() => {
    if (!fs.existsSync(builtEntry)) throw new Error("build first (npm run build): this test loads dist/ as users do");
  });

  it("loads from an eslint.config.cjs with require(), and analyses an inline Python script", () => {
    const dir = project({
      "eslint.config.cjs": `const hfJobs = require(${JSON.stringify(builtEntry)});\nmodule.exports = [hfJobs.configs.typescript];\n`,
      "launch.ts": LAUNCHER,
      "inline.ts": INLINE,
    });
    try {
      const rules = runEslint(dir, "eslint.config.cjs")
        .map((message) => message.ruleId)
        .sort();
      expect(rules).toEqual(["hf-jobs/no-token-in-env", "hf-jobs/require-token-secret"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("loads from an eslint.config.mjs with import, `configs.typescript` alone linting .ts files", () => {
    const dir = project({
      "eslint.config.mjs": `import hfJobs from ${JSON.stringify(builtEntry)};\nexport default [hfJobs.configs.typescript];\n`,
      "launch.ts": LAUNCHER,
      "inline.ts": INLINE,
    });
    try {
      expect(
        runEslint(dir, "eslint.config.mjs")
          .map((message) => message.ruleId)
          .sort(),
      ).toEqual(["hf-jobs/no-token-in-env", "hf-jobs/require-token-secret"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // `node --max-old-space-size=4096 eslint` is common: Node refuses V8 flags in a worker's execArgv.
  it.each([[[]], [["--max-old-space-size=512", "--stack-size=900"]]])(
    "analyses Python synchronously right after require(), before the grammar loaded in this thread (worker path), node flags %j",
    (flags: string[]) => {
      const script = [
        `const hfJobs = require(${JSON.stringify(builtEntry)});`,
        `const { Linter } = require(${JSON.stringify(createRequire(path.join(repoRoot, "package.json")).resolve("eslint"))});`,
        `const messages = new Linter().verify(${JSON.stringify(INLINE)}, [hfJobs.configs.typescript], { filename: "inline.ts" });`,
        "process.stdout.write(messages.map((m) => m.ruleId).join(','));",
      ].join("\n");
      const dir = project({ "lint.cjs": script });
      try {
        expect(execFileSync(process.execPath, [...flags, path.join(dir, "lint.cjs")], { encoding: "utf8", timeout: 60_000 })).toBe("hf-jobs/require-token-secret");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it("configs.typescript lints TS files with no other configuration", async () => {
    await pythonReady;
    const dir = project({ "launch.ts": LAUNCHER });
    try {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.typescript] });
      const [result] = await eslint.lintFiles(["launch.ts"]);
      expect(result!.messages.map((message) => message.ruleId)).toEqual(["hf-jobs/no-token-in-env"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every config names the files it is for", () => {
    for (const config of [plugin.configs.recommended, plugin.configs.strict, plugin.configs.typescript]) expect(config.files).toEqual(["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"]);
    expect(plugin.configs.typescript.languageOptions?.parser).toBeDefined();
  });

  it("a typed eslint.config.ts with defineConfig and tseslint.config compiles", () => {
    const file = path.join(here, "types", "typed-config.ts");
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, "tsconfig.tests.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram([file], { ...parsed.options, incremental: false, tsBuildInfoFile: undefined, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it("the standalone config (the CLI's) lints with ESLint's Linter alone: no rule-options check (ajv), no ESLint class", () => {
    // A fresh process: this one has ajv loaded by RuleTester and ESLint's own configs. What the CLI's worker loads
    // is its start-up time: neither ajv nor ESLint's API entry (its ESLint class, config loading) is needed there.
    const script = `
      import { createRequire } from "node:module";
      const require = createRequire(${JSON.stringify(builtEntry)});
      const { Linter } = require("eslint/universal");
      const { standaloneConfig } = await import(${JSON.stringify(builtEntry)});
      const linter = new Linter({ configType: "flat", cwd: "/" });
      const launcher = ${JSON.stringify(LAUNCHER)};
      const messages = linter.verify(launcher, standaloneConfig(require("espree")), { filename: "/project/launch.js" });
      const loaded = Object.keys(require.cache);
      const ajvLoaded = loaded.some((file) => /[\\/]ajv[\\/]/.test(file));
      const eslintApiLoaded = loaded.some((file) => /[\\/]eslint[\\/]lib[\\/]api[.]js$/.test(file));
      console.log(JSON.stringify({ rules: messages.map((message) => message.ruleId).sort(), ajvLoaded, eslintApiLoaded }));
    `;
    const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    // The rules still run (HFJ201 on the launch's `environment`).
    expect(JSON.parse(stdout)).toEqual({ rules: ["hf-jobs/no-token-in-env"], ajvLoaded: false, eslintApiLoaded: false });
  }, 60_000);

  it("links each rule to this plugin's own docs page, which exists", () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = (rule.meta.docs as { url: string }).url;
      expect(url).toBe(pluginRuleUrl(name));
      expect(url).toMatch(/\/packages\/eslint-plugin\/docs\/rules\/[a-z-]+\.md$/);
      expect(fs.existsSync(path.join(packageRoot, "docs", "rules", `${name}.md`)), name).toBe(true);
    }
  });
});
