// Text given to checkFile (stdin, an editor's buffer) is fixed in memory: the file its path names is never written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnalyzerRegistry, checkFile, createLintContext, type CheckSettings } from "@hf-jobs-lint/engine";
import { checkSettings } from "../../../test/helpers/analyzer-harness.js";

const onDisk = 'from huggingface_hub import run_uv_job\n\nrun_uv_job("train.py")\n';
const buffer = 'from huggingface_hub import run_uv_job\n\nrun_uv_job("train.py", env={"HF_TOKEN": "$HF_TOKEN"})\n';

/** Fixing settings rooted at `dir`. */
const settings = (dir: string, overrides: Partial<CheckSettings>): CheckSettings => checkSettings({ configRoot: dir, repoRoot: dir, fix: true, ...overrides });

describe("checkFile with the text given", () => {
  it("returns the fixed text and leaves the file on disk alone", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-text-"));
    const file = path.join(dir, "launch.py");
    fs.writeFileSync(file, onDisk);
    const given = settings(dir, {});
    const outcome = await checkFile({ filename: "launch.py", path: file, kind: "python", text: buffer }, given, createLintContext(given, new AnalyzerRegistry()));
    expect(outcome.error).toBeNull();
    expect(outcome.fixed.map((d) => d.code)).toContain("HFJ201");
    expect(outcome.fixedText).toMatch(/secrets=\{"HF_TOKEN": /);
    expect(fs.readFileSync(file, "utf8")).toBe(onDisk);
    fs.rmSync(dir, { recursive: true });
  });

  it("with the path's per-file-ignores applied to the given text", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-text-"));
    const file = path.join(dir, "launch.py");
    const given = settings(dir, { fix: false, perFileIgnores: { "launch.py": ["HFJ201"] } });
    const outcome = await checkFile({ filename: "launch.py", path: file, kind: "python", text: buffer }, given, createLintContext(given, new AnalyzerRegistry()));
    expect(outcome.diagnostics.map((d) => d.code)).not.toContain("HFJ201");
    expect(outcome.fixedText).toBeNull();
    fs.rmSync(dir, { recursive: true });
  });
});
