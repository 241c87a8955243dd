// bench/peers.js on a tiny folder, one round: the shape of its report, hf-jobs-lint's count on the folder, absent
// peers reported as not installed, a failing or hanging peer reported with its stderr tail, temp trees removed.
// No timing is asserted: figures only have to be there. Runs the built CLI (`npm test` builds first).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const peersScript = path.join(repoRoot, "bench", "peers.js");
const TIMEOUT = 120_000;

afterEach(removeTrees);

interface Row {
  tool: string;
  scale: number;
  status: string;
  findings: number | null;
  files: number | null;
  unit: string;
  wallS: number | null;
  cpuS: number | null;
  rssMb: number | null;
  error: string | null;
}
interface Report {
  rows: Row[];
  criteria: { id: string; pass: boolean | null; figure: string }[];
  tree: { fileCount: number | null };
}

const FILES = {
  "launch.py": `from huggingface_hub import run_uv_job\n\nrun_uv_job("job.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`,
  "job.py": `import os\nprint(os.environ["HF_TOKEN"])\n`,
  "launch.ts": `import { runJob } from "@huggingface/hub";\nawait runJob({ namespace: "me", accessToken: "${FAKE_TOKEN}", dockerImage: "python:3.12", command: ["python"] });\n`,
  "clean.py": `print("nothing to see")\n`,
};
const TOKENS_IN_FILES = Object.values(FILES).reduce((n, text) => n + text.split(FAKE_TOKEN).length - 1, 0);

/** A temp folder for the child's TMPDIR: whatever peers.js leaves behind is there to see. */
function tmpRoot(): string {
  return makeTree({ ".keep": "" });
}

function runPeers(args: string[], env: Record<string, string> = {}, tmp = tmpRoot()) {
  const result = spawnSync(process.execPath, [peersScript, ...args], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp, ...env }, timeout: TIMEOUT });
  expect(result.stdout + result.stderr).not.toContain(FAKE_TOKEN);
  return { ...result, leftovers: fs.readdirSync(tmp).filter((name) => name.startsWith("hf-jobs-lint-peers-")) };
}

function report(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

const row = (r: Report, tool: string, scale = 1): Row => {
  const found = r.rows.find((x) => x.tool === tool && x.scale === scale);
  if (!found) throw new Error(`no ${tool} x${scale} row in ${JSON.stringify(r.rows.map((x) => `${x.tool} x${x.scale}`))}`);
  return found;
};

/** An `ast-grep` stand-in: `--version` works, `scan` behaves as FAKE_MODE says. */
function fakeAstGrep(dir: string): string {
  const file = path.join(dir, "fake-ast-grep");
  fs.writeFileSync(
    file,
    `#!/bin/sh
if [ "$1" = "--version" ]; then echo "ast-grep 0.0.0-fake"; exit 0; fi
case "$FAKE_MODE" in
  fail) echo "config error: bad rule near ${FAKE_TOKEN}" >&2; exit 3 ;;
  hang) echo $$ > "$FAKE_PID_FILE"; exec sleep 30 ;;
  *) sleep 0.3; echo '[{"ruleId":"a"},{"ruleId":"b"}]' ;;
esac
`,
    { mode: 0o755 },
  );
  return file;
}

const cliHasCache = (): boolean => {
  const help = spawnSync(process.execPath, [path.join(repoRoot, "packages/cli/bin/hf-jobs-lint.js"), "check", "--help"], { encoding: "utf8" });
  return help.stdout.includes("--no-cache");
};

describe("bench/peers.js", () => {
  it(
    "measures check, migrate and the regex floor on a folder and reports absent peers as not installed",
    async () => {
      const dir = makeTree(FILES);
      const expected = JSON.parse((await runCli(["check", dir, "--output-format", "json", "--exit-zero"], { cwd: dir })).stdout).length;
      expect(expected).toBeGreaterThan(0);

      const absent = path.join(dir, "absent");
      const result = runPeers([dir, "--rounds", "1", "--json"], { AST_GREP: absent, RUFF_WASM: absent });
      expect(result.status, result.stderr).toBe(0);
      expect(result.leftovers).toEqual([]);
      const r = report(result.stdout);

      expect(r.tree.fileCount).toBe(Object.keys(FILES).length);
      expect(r.rows.map((x) => x.tool)).toEqual(["check", "check-warm", "migrate", "ast-grep", "ruff", "regex"]);
      for (const tool of ["check", "migrate", "regex"]) {
        const x = row(r, tool);
        expect(x.status, x.error ?? "").toBe("ok");
        for (const figure of [x.wallS, x.cpuS, x.rssMb]) expect(figure).toBeGreaterThan(0);
      }
      expect(row(r, "check").findings).toBe(expected);
      expect(row(r, "migrate").unit).toBe("files would change");
      expect(row(r, "migrate").findings).toBe(2); // launch.py and launch.ts have fixes; job.py and clean.py none
      expect(row(r, "regex").findings).toBe(TOKENS_IN_FILES);

      expect(row(r, "ast-grep").status).toBe("not-installed");
      expect(row(r, "ast-grep").error).toContain("npm i --no-save @ast-grep/cli");
      expect(row(r, "ruff").status).toBe("not-installed");
      expect(row(r, "ruff").error).toContain("npm i --no-save @astral-sh/ruff-wasm-nodejs");
      if (cliHasCache()) expect(row(r, "check-warm")).toMatchObject({ status: "ok", findings: expected });
      else expect(row(r, "check-warm").status).toBe("not-supported");

      expect(r.criteria.map((c) => c.id)).toEqual(["wall-vs-ast-grep", "peak-rss", "warm", "migrate", "scale"]);
      const passOf = (id: string) => r.criteria.find((c) => c.id === id)?.pass;
      expect(passOf("wall-vs-ast-grep")).toBeNull(); // no ast-grep to compare with
      expect(passOf("scale")).toBeNull(); // no --scale
      expect(typeof passOf("peak-rss")).toBe("boolean");
      expect(typeof passOf("migrate")).toBe("boolean");
    },
    TIMEOUT,
  );

  it(
    "--scale 2 runs on two hard-linked copies, prints the table with ratios and criteria, and removes its temp trees",
    () => {
      const dir = makeTree(FILES);
      const result = runPeers([dir, "--rounds", "1", "--tools", "regex", "--scale", "2", "--scale-tools", "regex"]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.leftovers).toEqual([]);
      const lines = result.stdout.split("\n");
      expect(lines.find((line) => line.startsWith("regex floor") && !line.includes(" x2"))).toMatch(new RegExp(`\\s${TOKENS_IN_FILES} token shapes$`));
      expect(lines.find((line) => line.startsWith("regex floor") && line.includes(" x2 "))).toMatch(new RegExp(`\\s${2 * TOKENS_IN_FILES} token shapes$`));
      expect(result.stdout).toMatch(/^regex floor .* x2 \/ regex floor .*\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d$/m);
      const criteria = lines.filter((line) => /^ {2}(PASS|FAIL|n\/a) {2}/.test(line));
      expect(criteria).toHaveLength(5);
      expect(criteria.at(-1)).toContain("2x tree in <= 2x time"); // check did not run: n/a, not a crash
      expect(criteria.at(-1)).toMatch(/^ {2}n\/a /);
    },
    TIMEOUT,
  );

  it(
    "a failing peer prints its stderr tail (redacted), a hanging one is killed at the timeout, and the run goes on",
    () => {
      const dir = makeTree(FILES);
      const astGrep = fakeAstGrep(dir);
      const failed = runPeers([dir, "--rounds", "1", "--json", "--tools", "ast-grep"], { AST_GREP: astGrep, FAKE_MODE: "fail" });
      expect(failed.status, failed.stderr).toBe(0);
      const failedRow = row(report(failed.stdout), "ast-grep");
      expect(failedRow.status).toBe("failed");
      expect(failedRow.error).toContain("exit 3");
      expect(failedRow.error).toContain("config error: bad rule near hf_FA…");

      const pidFile = path.join(dir, "pid");
      const hung = runPeers([dir, "--rounds", "1", "--json", "--tools", "ast-grep", "--timeout", "1", "--native-measure", "none"], {
        AST_GREP: astGrep,
        FAKE_MODE: "hang",
        FAKE_PID_FILE: pidFile,
      });
      expect(hung.status, hung.stderr).toBe(0);
      expect(hung.leftovers).toEqual([]);
      expect(row(report(hung.stdout), "ast-grep")).toMatchObject({ status: "failed", error: "timed out after 1 s (killed)" });
      const pid = Number(fs.readFileSync(pidFile, "utf8"));
      expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    },
    TIMEOUT,
  );

  it.skipIf(process.platform !== "linux")(
    "measures a native peer by /proc polling, or says n/a",
    () => {
      const dir = makeTree(FILES);
      const astGrep = fakeAstGrep(dir);
      const polled = row(report(runPeers([dir, "--rounds", "1", "--json", "--tools", "ast-grep", "--native-measure", "proc"], { AST_GREP: astGrep }).stdout), "ast-grep");
      expect(polled).toMatchObject({ status: "ok", findings: 2 });
      expect(polled.rssMb).toBeGreaterThan(0);
      const unmeasured = row(report(runPeers([dir, "--rounds", "1", "--json", "--tools", "ast-grep", "--native-measure", "none"], { AST_GREP: astGrep }).stdout), "ast-grep");
      expect(unmeasured).toMatchObject({ status: "ok", findings: 2, cpuS: null, rssMb: null });
      expect(unmeasured.wallS).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  // Only where the peers are installed (`npm i --no-save ...`, AST_GREP, RUFF_WASM): their rows hold figures.
  const astGrepInstalled = process.env.AST_GREP ? fs.existsSync(process.env.AST_GREP) : fs.existsSync(path.join(repoRoot, "node_modules", "@ast-grep", "cli"));
  it.skipIf(!astGrepInstalled)(
    "runs the installed ast-grep with the committed rules",
    () => {
      const dir = makeTree(FILES);
      const r = report(runPeers([dir, "--rounds", "1", "--json", "--tools", "ast-grep"]).stdout);
      // py-hardcoded-token, py-token-in-env (launch.py), ts-hardcoded-token (launch.ts)
      expect(row(r, "ast-grep")).toMatchObject({ status: "ok", findings: 3 });
    },
    TIMEOUT,
  );

  const ruffInstalled = process.env.RUFF_WASM ? fs.existsSync(process.env.RUFF_WASM) : fs.existsSync(path.join(repoRoot, "node_modules", "@astral-sh", "ruff-wasm-nodejs"));
  it.skipIf(!ruffInstalled)(
    "runs the installed Ruff WASM over the Python files",
    () => {
      const dir = makeTree(FILES);
      const r = report(runPeers([dir, "--rounds", "1", "--json", "--tools", "ruff"]).stdout);
      expect(row(r, "ruff")).toMatchObject({ status: "ok", unit: "diagnostics", files: 3 }); // the .py files
    },
    TIMEOUT,
  );

  it("rejects a folder that does not exist and bad numbers, before running anything", () => {
    const missing = runPeers(["/nonexistent/folder"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file or folder: /nonexistent/folder");
    const count = runPeers(["3000"]);
    expect(count.status).toBe(2);
    expect(count.stderr).toContain("--files 3000");
    const rounds = runPeers([".", "--rounds", "0"]);
    expect(rounds.status).toBe(2);
    expect(rounds.stderr).toContain("--rounds wants a positive integer");
    expect(rounds.leftovers).toEqual([]);
  });
});
