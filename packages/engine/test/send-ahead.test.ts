// Files sent ahead: during the job-script scan, the prestarted worker checks the files that need an analyzer, and
// the run's pool reports those outcomes instead of triaging the files again; a Python file the finished index names
// a job script is checked again with that evidence. Only the built
// engine has a worker (`npm test` builds first); it runs in a child process (helpers/run-built-settled.mjs).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { RelatedInformation } from "@hf-jobs-lint/core";
import type { CheckSettings, CheckTarget } from "@hf-jobs-lint/engine";
import { checkSettings, FAKE_TOKEN } from "../../../test/helpers/analyzer-harness.js";
import { fakeTokens, makeTree, removeTrees } from "../../../test/helpers/run-cli.js";

afterEach(removeTrees);

const HELPER = path.join(path.dirname(fileURLToPath(import.meta.url)), "helpers", "run-built-settled.mjs");
const LEAK_SH = `echo ${FAKE_TOKEN}\n`;
const LEAK_PY = `TOKEN = "${FAKE_TOKEN}"\n`;
/** A job script's push without a token (HFJ301 once named a job script), and a token (HFJ101 either way). */
const PUSH_SCRIPT = `from datasets import load_dataset\n\nTOKEN = "${FAKE_TOKEN}"\nload_dataset("imdb").push_to_hub("me/imdb")\n`;
const KINDS: Record<string, CheckTarget["kind"]> = { ".sh": "shell", ".py": "python", ".md": "markdown" };

/**
 * The files of `tree` checked as `run`, after `ahead` were sent ahead, every file settled by the scan's verdicts:
 * the codes reported per file (a finding can only come from the worker's outcome of a file sent ahead).
 */
function runSettled(
  tree: Record<string, string>,
  run: string[],
  ahead: string[],
  {
    settings = checkSettings(),
    pauseMs = 0,
    startHeapMb,
    jobScripts,
    unsettled,
  }: { settings?: CheckSettings; pauseMs?: number; startHeapMb?: number; jobScripts?: Record<string, RelatedInformation>; unsettled?: string[] } = {},
): Record<string, string[]> {
  const dir = makeTree(tree);
  const files = Object.keys(tree).map((name) => ({ filename: name, path: path.join(dir, name), kind: KINDS[path.extname(name)]! }));
  const spec = JSON.stringify({ files, run, ahead, settings: { ...settings, jobScripts: {} }, pauseMs, jobScripts, unsettled });
  // A file whose outcome is never heard fails in seconds, not after the default two minutes.
  const env: NodeJS.ProcessEnv = { ...process.env, HF_JOBS_LINT_FILE_TIMEOUT_SECONDS: "10" };
  if (startHeapMb) env.HF_JOBS_LINT_WORKER_START_HEAP_MB = String(startHeapMb);
  return JSON.parse(execFileSync(process.execPath, [HELPER, spec], { encoding: "utf8", env, timeout: 25_000 })) as Record<string, string[]>;
}

describe("files sent ahead to the prestarted worker", () => {
  it("are reported from the worker's outcomes, in input order, beside files the pool checks itself", () => {
    const tree = { "a.sh": LEAK_SH, "b.md": `Run:\n\n\`\`\`sh\necho ${FAKE_TOKEN}\n\`\`\`\n`, "c.sh": LEAK_SH, "d.sh": "echo nothing\n" };
    const reported = runSettled(tree, ["a.sh", "b.md", "c.sh", "d.sh"], ["a.sh", "b.md"]);
    expect(Object.keys(reported)).toEqual(["a.sh", "b.md", "c.sh", "d.sh"]);
    expect(reported).toEqual({ "a.sh": ["HFJ101"], "b.md": ["HFJ101"], "c.sh": [], "d.sh": [] });
  }, 30_000);

  it("are reported when the worker answered before the run took it", () => {
    // Two seconds: the worker loads the shell analyzer and checks both files while nothing listens but the prestart.
    const reported = runSettled({ "a.sh": LEAK_SH, "b.sh": LEAK_SH, "c.sh": LEAK_SH }, ["a.sh", "b.sh", "c.sh"], ["a.sh", "b.sh"], { pauseMs: 2000 });
    expect(reported).toEqual({ "a.sh": ["HFJ101"], "b.sh": ["HFJ101"], "c.sh": [] });
  }, 30_000);

  it("include a Python file the index does not name, and no file while fixes are written", () => {
    const tree = { "leak.py": LEAK_PY, "leak.sh": LEAK_SH };
    const both = ["leak.py", "leak.sh"];
    expect(runSettled(tree, both, both)).toEqual({ "leak.py": ["HFJ101"], "leak.sh": ["HFJ101"] });
    expect(runSettled(tree, both, both, { settings: checkSettings({ fix: true }) })).toEqual({ "leak.py": [], "leak.sh": [] });
    // A diff writes nothing: sent ahead.
    expect(runSettled(tree, both, both, { settings: checkSettings({ fix: true, diff: true }) })).toEqual({ "leak.py": ["HFJ101"], "leak.sh": ["HFJ101"] });
  }, 30_000);

  it("check a Python file again when the finished index names it a job script, with that evidence", () => {
    // HFJ301 (a push without a token) is reported on a job script only; the worker first checked it without evidence.
    const tree = { "train.py": PUSH_SCRIPT, "leak.sh": LEAK_SH };
    const evidence = { message: "job script: a launch runs it", filename: "run.sh", row: 0 };
    const named = runSettled(tree, ["train.py", "leak.sh"], ["train.py", "leak.sh"], { jobScripts: { "train.py": evidence }, unsettled: ["train.py"] });
    expect(named["train.py"]).toContain("HFJ301");
    expect(named["leak.sh"]).toEqual(["HFJ101"]);
    // Not named: the outcome checked ahead stands (the triage would have settled the file as empty).
    const unnamed = runSettled(tree, ["train.py"], ["train.py"], { jobScripts: {} });
    expect(unnamed["train.py"]).not.toContain("HFJ301");
    expect(unnamed["train.py"]).toContain("HFJ101");
  }, 30_000);

  it("leave out a file sent ahead that is not one of the run's targets, and the run still ends", () => {
    expect(runSettled({ "other.sh": LEAK_SH, "mine.sh": LEAK_SH }, ["mine.sh"], ["other.sh", "mine.sh"])).toEqual({ "mine.sh": ["HFJ101"] });
  }, 30_000);

  it("that a worker never started go to the next worker when the one before them exhausts its heap", () => {
    // 45,000 findings (1.9 MB, under the scan's 2 MB): more than a 16 MB heap holds, as measured; the shell analyzer
    // alone loads in 12 MB. The file is checked again with the full heap, and the two behind it by that worker.
    const many = fakeTokens(45_000)
      .map((token) => `echo ${token}\n`)
      .join("");
    const reported = runSettled({ "a.sh": many, "b.sh": LEAK_SH, "c.sh": LEAK_SH }, ["a.sh", "b.sh", "c.sh"], ["a.sh", "b.sh", "c.sh"], { startHeapMb: 16 });
    expect(reported["a.sh"]).toHaveLength(45_000);
    expect(reported).toMatchObject({ "b.sh": ["HFJ101"], "c.sh": ["HFJ101"] });
  }, 30_000);
});
