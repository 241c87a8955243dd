// CI formats when the working directory is not the repository root (a workflow step with `working-directory`,
// issue 13 item 4): SARIF URIs relative to `%SRCROOT%` (the repository root, given in originalUriBaseIds),
// `github` annotations and `gitlab` Code Quality paths relative to the checkout; SARIF `security-severity` on
// every rule; JSON with the files that could not be checked.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, afterEach } from "vitest";
import { RULES, SCORED_CODES, securitySeverity } from "@hf-jobs-lint/core";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

function repository(): string {
  return makeTree({
    ".git/HEAD": "",
    "services/trainer/launch.py": `token = "${FAKE_TOKEN}"\n`,
    "services/trainer/blob.py": Buffer.from([0x61, 0x00, 0x62]),
  });
}

describe("CI formats from a subfolder of the repository", () => {
  it("sarif: %SRCROOT%-relative URIs, the root in originalUriBaseIds, a security-severity on every rule", async () => {
    const root = repository();
    const result = await runCli(["check", ".", "--output-format", "sarif"], { cwd: path.join(root, "services", "trainer") });
    const log = JSON.parse(result.stdout);
    const run = log.runs[0];
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(pathToFileURL(root).href + "/");
    const location = run.results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: "services/trainer/launch.py", uriBaseId: "%SRCROOT%" });
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri).toBe("services/trainer/blob.py");
    for (const rule of run.tool.driver.rules) {
      expect(rule.properties["security-severity"], rule.id).toMatch(/^\d+\.\d$/);
      expect(rule.properties.tags).toContain("security");
    }
    const byId = Object.fromEntries(
      run.tool.driver.rules.map((rule: { id: string; properties: Record<string, string> }) => [rule.id, Number(rule.properties["security-severity"])]),
    );
    // A leaked token is critical in code scanning (9.0 and above), a token in env high, a failing launch low.
    expect(byId.HFJ101).toBeGreaterThanOrEqual(9);
    expect(byId.HFJ201).toBeGreaterThanOrEqual(7);
    expect(byId.HFJ203).toBeLessThan(4);
  });

  it("every catalog rule has a score of its own", () => {
    expect([...SCORED_CODES].sort()).toEqual(RULES.map((rule) => rule.code).sort());
    for (const rule of RULES) expect(securitySeverity(rule.code)).toBeGreaterThan(0);
  });

  it("github: file= relative to the workspace", async () => {
    const root = repository();
    const result = await runCli(["check", ".", "--output-format", "github"], { cwd: path.join(root, "services", "trainer") });
    expect(result.stdout).toMatch(/^::error file=services\/trainer\/launch\.py,line=1,/m);
    expect(result.stdout).toMatch(/^::error file=services\/trainer\/blob\.py::binary file/m);
  });

  it("gitlab: Code Quality issues with repository-relative paths and hashed fingerprints", async () => {
    const root = repository();
    const result = await runCli(["check", ".", "--output-format", "gitlab"], { cwd: path.join(root, "services", "trainer") });
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout);
    expect(issues).toEqual([
      {
        description: expect.stringMatching(/^HFJ101 Hardcoded Hugging Face token `hf_FA…`/),
        check_name: "HFJ101 no-hardcoded-token",
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}-1$/),
        severity: "critical",
        location: { path: "services/trainer/launch.py", lines: { begin: 1, end: 1 } },
      },
    ]);
    expect(result.stdout).not.toContain(FAKE_TOKEN);
    // The file that could not be checked has no place in the format: it is said on stderr.
    expect(result.stderr).toMatch(/blob\.py: error: binary file/);
  });

  it("json: the files that could not be checked are entries with code null, as Ruff's syntax errors", async () => {
    const root = repository();
    const result = await runCli(["check", ".", "--output-format", "json"], { cwd: path.join(root, "services", "trainer") });
    const entries = JSON.parse(result.stdout) as { code: string | null; filename: string; message: string }[];
    expect(entries.map((entry) => [entry.filename, entry.code])).toEqual([
      ["launch.py", "HFJ101"],
      ["blob.py", null],
    ]);
    expect(entries[1]!.message).toMatch(/binary file/);
    const lines = await runCli(["check", ".", "--output-format", "json-lines"], { cwd: path.join(root, "services", "trainer") });
    expect(
      lines.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).code),
    ).toEqual(["HFJ101", null]);
  });
});
