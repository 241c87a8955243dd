/**
 * eslint-plugin-hf-jobs end to end: a throwaway project whose eslint.config.js imports the plugin's built entry
 * and the TS parser by absolute file URL (nothing installed), linted through ESLint's own API (`new ESLint({ cwd })`)
 * in a plain Node process: the test runner resolves workspace packages to their TS sources, a user's Node does not.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pluginEntry = path.join(root, "packages/eslint-plugin/dist/index.js");
const require = createRequire(path.join(root, "packages/eslint-plugin/package.json"));
const parserEntry = require.resolve("@typescript-eslint/parser");
const eslintEntry = require.resolve("eslint");

interface LintResult {
  messages: { line: number; ruleId: string | null; message: string }[];
  output?: string;
  config: { rules: Record<string, unknown> };
}

/** Run ESLint's API in a separate Node process inside the project folder. */
function runEslint(options: { fix: boolean }): LintResult {
  const script = `
    import { ESLint } from ${JSON.stringify(pathToFileURL(eslintEntry).href)};
    const eslint = new ESLint({ cwd: process.cwd(), fix: ${options.fix} });
    const [result] = await eslint.lintFiles(["launch.ts"]);
    const config = await eslint.calculateConfigForFile("launch.ts");
    process.stdout.write(JSON.stringify({ messages: result.messages, output: result.output, config: { rules: config.rules } }));
  `;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, env, encoding: "utf8" });
  return JSON.parse(stdout) as LintResult;
}

const FAKE = "hf_E2eFakeTokenAbcdefghijklmnop012345";

const LAUNCHER = `import { runJob } from "@huggingface/hub";

export async function launch(): Promise<void> {
  await runJob({
    namespace: "me",
    dockerImage: "python:3.12",
    command: ["python", "train.py"],
    environment: { HF_TOKEN: process.env.HF_TOKEN! },
    accessToken: process.env.HF_TOKEN,
  });
  hf_jobs("uv", { script: "train.py", dependencies: ["trl"], secrets: { HF_TOKEN: "$HF_TOKEN" } });
}

const leaked = "${FAKE}";
`;

let dir: string;

beforeAll(() => {
  // The config imports the built plugin; build it (incremental, fast when up to date).
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-b", path.join(root, "packages/eslint-plugin")], { stdio: "inherit" });
  dir = mkdtempSync(path.join(os.tmpdir(), "hf-jobs-eslint-e2e-"));
  writeFileSync(
    path.join(dir, "eslint.config.js"),
    `import hfJobs from ${JSON.stringify(pathToFileURL(pluginEntry).href)};
import tsParser from ${JSON.stringify(pathToFileURL(parserEntry).href)};

export default [
  { files: ["**/*.ts"], languageOptions: { parser: tsParser } },
  hfJobs.configs.recommended,
];
`,
  );
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "e2e", type: "module", private: true }));
  writeFileSync(path.join(dir, "launch.ts"), LAUNCHER);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("ESLint with hfJobs.configs.recommended", () => {
  it("reports the expected rules with redacted messages", () => {
    const result = runEslint({ fix: false });
    const found = result.messages.map((message) => `${message.line}:${message.ruleId}`);
    expect(found).toEqual(["8:hf-jobs/no-token-in-env", "11:hf-jobs/no-unknown-job-argument", "14:hf-jobs/no-hardcoded-token"]);
    for (const message of result.messages) expect(message.message).not.toContain(FAKE);
    expect(result.messages[2]!.message).toContain("hf_E2…");
  });

  it("fix: true applies the safe fixes only", () => {
    const result = runEslint({ fix: true });
    expect(result.output).toBe(
      LAUNCHER.replace("environment: { HF_TOKEN: process.env.HF_TOKEN! }", "secrets: { HF_TOKEN: process.env.HF_TOKEN! }").replace("dependencies:", "with_deps:"),
    );
    // The hardcoded token has a suggestion, never an automatic fix.
    expect(result.messages.map((message) => message.ruleId)).toEqual(["hf-jobs/no-hardcoded-token"]);
    expect(readFileSync(path.join(dir, "launch.ts"), "utf8")).toBe(LAUNCHER); // lintFiles does not write
  });

  it("prints the config (plugin meta resolves)", () => {
    const { config } = runEslint({ fix: false });
    expect(config.rules["hf-jobs/no-hardcoded-token"]).toEqual([2]);
    expect(config.rules["hf-jobs/no-redundant-token-argument"]).toBeUndefined();
  });
});
