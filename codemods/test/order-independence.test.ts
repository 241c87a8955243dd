// Issue 13, item 7: fixes that meet in one place. Running the transforms in the order the codemods README lists
// them (or any other) gives the same file, and one pass never writes a key twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Transform as JscodeshiftTransform } from "jscodeshift";
import { applyTransform } from "jscodeshift/src/testUtils.js";
import { CODEMODS } from "@hf-jobs-lint/core";
import type { Transform } from "../src/index.js";
import envToSecrets from "../src/transforms/env-to-secrets.js";
import hardcodedTokenToEnv from "../src/transforms/hardcoded-token-to-env.js";
import placeholderToEnv from "../src/transforms/placeholder-to-env.js";
import renameTokenSecret from "../src/transforms/rename-token-secret.js";
import addTokenSecret from "../src/transforms/add-token-secret.js";
import withDeps from "../src/transforms/with-deps.js";
import flagsBeforeScript from "../src/transforms/flags-before-script.js";
import legacyTokenVariable from "../src/transforms/legacy-token-variable.js";

/** In the README's order (core's CODEMODS order, which the README lists). */
const README_ORDER: [string, Transform][] = [
  ["env-to-secrets", envToSecrets],
  ["hardcoded-token-to-env", hardcodedTokenToEnv],
  ["placeholder-to-env", placeholderToEnv],
  ["rename-token-secret", renameTokenSecret],
  ["add-token-secret", addTokenSecret],
  ["with-deps", withDeps],
  ["flags-before-script", flagsBeforeScript],
  ["legacy-token-variable", legacyTokenVariable],
];

async function runAll(transforms: readonly [string, Transform][], source: string, path: string): Promise<string> {
  let current = source;
  for (const [, transform] of transforms) {
    // applyTransform returns "" for an unchanged file.
    const output =
      (await (applyTransform({ default: transform as unknown as JscodeshiftTransform, parser: "ts" }, {}, { source: current, path }) as unknown as Promise<string>)) || current;
    current = output.endsWith("\n") ? output : `${output}\n`;
  }
  return current;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe("transforms in any order", () => {
  it("the README lists the transforms in core's CODEMODS order", () => {
    expect(README_ORDER.map(([name]) => name)).toEqual(CODEMODS.filter((codemod) => codemod.name !== "check-token-early").map((codemod) => codemod.name));
  });

  // The legacy `hfjobs` passes everything after the script to it (HFJ207); the transforms take the newest
  // huggingface_hub for `hf jobs`, which reads `--secrets` there itself.
  const argv = 'import { spawnSync } from "node:child_process";\n\nspawnSync("hfjobs", ["uv", "run", "train.py", "-s", "HF_TOKEN"], { stdio: "inherit" });\n';

  it("writes `--secrets HF_TOKEN` once into an argv whose secret is after the script, in README order and reversed", async () => {
    // HFJ203 (add-token-secret) fires only for a script that resolves and needs a token: a throwaway repository.
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-order-"));
    fs.mkdirSync(path.join(repo, ".git"));
    fs.writeFileSync(path.join(repo, "train.py"), 'from huggingface_hub import HfApi\n\nHfApi().upload_file(path_or_fileobj="m", path_in_repo="m", repo_id="me/m")\n');
    const launcher = path.join(repo, "launch.ts");
    let forward: string;
    let backward: string;
    let addsOnItsOwn: string;
    try {
      forward = await runAll(README_ORDER, argv, launcher);
      backward = await runAll([...README_ORDER].reverse(), argv, launcher);
      // add-token-secret alone would add the secret if the one after the script did not count.
      addsOnItsOwn = await runAll([["add-token-secret", addTokenSecret]], argv.replace(', "-s", "HF_TOKEN"', ""), launcher);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
    expect(addsOnItsOwn).toMatch(/\["uv", "run", "(-s|--secret)", "HF_TOKEN", "train\.py"\]/);
    expect(count(forward, '"HF_TOKEN"')).toBe(1);
    expect(forward).toContain('["uv", "run", "-s", "HF_TOKEN", "train.py"]');
    expect(backward).toBe(forward);
  });

  it("moves HF_TOKEN from environment into secrets that hold a misnamed token secret without a duplicate key", async () => {
    const source =
      'import { runJob } from "@huggingface/hub";\n\nawait runJob({ namespace: "org", dockerImage: "python:3.12", command: ["python", "x.py"], environment: { HF_TOKEN: process.env.HF_TOKEN }, secrets: { HF_API_TOKEN: process.env.HF_TOKEN } });\n';
    const forward = await runAll(README_ORDER, source, "launch.ts");
    const backward = await runAll([...README_ORDER].reverse(), source, "launch.ts");
    expect(count(forward, "HF_TOKEN: process.env.HF_TOKEN")).toBe(1);
    expect(forward).not.toContain("environment: { HF_TOKEN");
    expect(backward).toBe(forward);
  });
});
