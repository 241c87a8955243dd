/**
 * The prefilter only skips work: every finding on the shipped fixtures (all rules selected, fixes included) is
 * the same with it and without it, and each finding's file passes the prefilter with only its rule selected.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fileKind, mayFire } from "@hf-jobs-lint/core";
import { runCli } from "./helpers/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "..");

interface JsonEntry {
  code: string | null;
  filename: string;
}

async function findings(prefilter: "on" | "off"): Promise<JsonEntry[]> {
  vi.stubEnv("HF_JOBS_LINT_PREFILTER", prefilter);
  const result = await runCli(["check", "fixtures", "--select", "ALL", "--unsafe-fixes", "--output-format", "json", "--exit-zero"], { cwd: ROOT });
  expect(result.code).toBe(0);
  // Files that cannot be parsed are reported only when they are parsed: an error, not a finding.
  return (JSON.parse(result.stdout) as JsonEntry[]).filter((entry) => entry.code !== null);
}

describe("prefilter soundness on the fixtures", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("loses no finding and no fix", { timeout: 120_000 }, async () => {
    const everything = await findings("off");
    const filtered = await findings("on");
    expect(everything.length).toBeGreaterThan(400);
    expect(filtered).toEqual(everything);

    // With only its own rule selected, the file of each finding still goes to its parser.
    const jobScriptRules = new Set(["HFJ103", "HFJ104", "HFJ301", "HFJ303"]);
    const missed: string[] = [];
    for (const { code, filename } of everything) {
      const kind = fileKind(filename);
      if (!kind || !code || code === "HFJ901") continue;
      const text = fs.readFileSync(path.join(ROOT, filename), "utf8");
      // Job-script evidence comes from other files (the launches naming this one); granted here, tested above.
      const jobScript = kind === "python" && jobScriptRules.has(code);
      if (!mayFire({ kind, text, selected: new Set([code]), jobScript })) missed.push(`${filename}: ${code}`);
    }
    expect(missed).toEqual([]);
  });
});
