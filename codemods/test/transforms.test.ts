// The jscodeshift transforms: each applies its rules' fixes through jscodeshift's own test harness, and the
// jscodeshift binary runs the built transform on a folder.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Transform as JscodeshiftTransform } from "jscodeshift";
import { applyTransform } from "jscodeshift/src/testUtils.js";
import type { Transform } from "../src/index.js";
import { CODEMODS } from "@hf-jobs-lint/core";
import envToSecrets from "../src/transforms/env-to-secrets.js";
import placeholderToEnv from "../src/transforms/placeholder-to-env.js";
import hardcodedTokenToEnv from "../src/transforms/hardcoded-token-to-env.js";
import withDeps from "../src/transforms/with-deps.js";

const FAKE_TOKEN = "hf_" + "FAKEcodemodTOKENabcdefghij01234567".slice(0, 34);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function run(transform: Transform, source: string, filePath = "launch.ts"): Promise<string> {
  // applyTransform trims its output and awaits async transforms (its types predate them, hence the casts).
  return applyTransform({ default: transform as unknown as JscodeshiftTransform, parser: "ts" }, {}, { source, path: filePath }) as unknown as Promise<string>;
}

describe("codemods", () => {
  it("has a transform file for every codemod that has a TS/JS rule", () => {
    const files = fs.readdirSync(path.join(root, "src", "transforms")).map((f) => f.replace(/\.ts$/, ""));
    const expected = CODEMODS.filter((codemod) => codemod.name !== "check-token-early").map((codemod) => codemod.name);
    expect(files.sort()).toEqual(expected.sort());
  });

  it("env-to-secrets moves HF_TOKEN from environment to secrets and keeps the rest", async () => {
    const source = [
      'import { runJob as launch } from "@huggingface/hub";',
      "",
      "await launch({",
      '  namespace: "org",',
      '  dockerImage: "python:3.12",',
      '  command: ["python", "train.py"],',
      '  environment: { HF_TOKEN: process.env.HF_TOKEN!, LOG_LEVEL: "info" }, // keep me',
      "  accessToken: process.env.HF_TOKEN,",
      "});",
    ].join("\n");
    const output = await run(envToSecrets, source);
    expect(output).toContain('environment: { LOG_LEVEL: "info" }, // keep me');
    expect(output).toContain('  environment: { LOG_LEVEL: "info" }, // keep me\n  secrets: { HF_TOKEN: process.env.HF_TOKEN! },\n');
    expect(await run(envToSecrets, output)).toBe(""); // nothing left to change
  });

  it("leaves other platforms' env alone", async () => {
    const source = 'const docker = new Docker();\nawait docker.createContainer({ Env: ["HF_TOKEN=" + process.env.HF_TOKEN], env: { HF_TOKEN: "x" } });\n';
    // jscodeshift reports an unchanged file as no output.
    expect(await run(envToSecrets, source)).toBe("");
  });

  it("placeholder-to-env replaces $HF_TOKEN where nothing substitutes it", async () => {
    const source = 'import * as hub from "@huggingface/hub";\nawait hub.runJob({ namespace: "org", dockerImage: "x", command: ["y"], accessToken: "$HF_TOKEN" });\n';
    expect(await run(placeholderToEnv, source)).toContain("accessToken: process.env.HF_TOKEN");
  });

  it("hardcoded-token-to-env applies the unsafe replacement", async () => {
    const source = `import { runJob } from "@huggingface/hub";\nawait runJob({ namespace: "org", dockerImage: "x", command: ["y"], accessToken: "${FAKE_TOKEN}" });\n`;
    const output = await run(hardcodedTokenToEnv, source);
    expect(output).not.toContain(FAKE_TOKEN);
    expect(output).toContain("process.env.HF_TOKEN");
  });

  it("with-deps renames dependencies on a uv tool call", async () => {
    const source = 'hf_jobs("uv", { script: "train.py", dependencies: ["torch"], secrets: { HF_TOKEN: "$HF_TOKEN" } });\n';
    expect(await run(withDeps, source)).toContain('with_deps: ["torch"]');
  });

  it("runs from the jscodeshift binary on a folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-codemod-"));
    const file = path.join(dir, "launch.ts");
    fs.writeFileSync(file, 'hf_jobs("uv", { script: "train.py", dependencies: ["torch"] });\n');
    const transform = path.join(root, "dist", "transforms", "with-deps.js");
    const binary = path.join(root, "..", "node_modules", ".bin", "jscodeshift");
    execFileSync(binary, ["-t", transform, "--parser=ts", "--extensions=ts", "--run-in-band", "--silent", "--no-babel", dir], { encoding: "utf8" });
    expect(fs.readFileSync(file, "utf8")).toContain('with_deps: ["torch"]');
    fs.rmSync(dir, { recursive: true });
  }, 60_000);
});
