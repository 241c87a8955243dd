// The project checks itself: `hf-jobs-lint check .` on this repository, with its own hf-jobs-lint.toml, reports
// nothing (fixtures, which hold mistakes on purpose, are excluded there and checked by their own tests).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("self-check", () => {
  it("the repository's own sources, docs and scripts are clean", async () => {
    const result = await runCli(["check", ".", "--output-format", "concise", "--threads", "1"], { cwd: repoRoot });
    expect(result.stdout).toBe("All checks passed!\n");
    expect(result.code).toBe(0);
  }, 120_000);
});
