/** The shared local-script resolution (Python analyzer, shell/CI/Markdown analyzers, ESLint plugin). */
import path from "node:path";
import { isLocalScriptPath, localScriptCandidates, resolveLocalScript, type ScriptNeedsSummary } from "../src/index.js";

const ROOT = path.resolve("/repo");
const LAUNCHER = path.join(ROOT, "launchers", "launch.py");
const WRITES: ScriptNeedsSummary = { level: "write", readsVariables: new Set(["HF_TOKEN"]) };

describe("local script resolution", () => {
  test("URLs, substitutions, multi-line values and non-Python files are not local scripts", () => {
    expect(isLocalScriptPath("scripts/train.py")).toBe(true);
    expect(isLocalScriptPath("https://example.com/train.py")).toBe(false);
    expect(isLocalScriptPath("$SCRIPT_DIR/train.py")).toBe(false);
    expect(isLocalScriptPath("`pwd`/train.py")).toBe(false);
    expect(isLocalScriptPath("print(1)\n# x.py")).toBe(false);
    expect(isLocalScriptPath("train.sh")).toBe(false);
    expect(localScriptCandidates("https://example.com/train.py", LAUNCHER, ROOT)).toEqual([]);
  });

  test("beside the launcher first, then at the root; no launcher path means the root only", () => {
    expect(localScriptCandidates("train.py", LAUNCHER, ROOT)).toEqual([path.join(ROOT, "launchers", "train.py"), path.join(ROOT, "train.py")]);
    expect(localScriptCandidates("train.py", path.join(ROOT, "launch.py"), ROOT)).toEqual([path.join(ROOT, "train.py")]);
    expect(localScriptCandidates("train.py", null, ROOT)).toEqual([path.join(ROOT, "train.py")]);
  });

  test("falls back to the root when the file is not beside the launcher, and caches per path", () => {
    const reads: string[] = [];
    const files = new Map([[path.join(ROOT, "scripts", "push.py"), "push"]]);
    const readFile = (file: string) => (reads.push(file), files.get(file) ?? null);
    const cache = new Map<string, ScriptNeedsSummary | null>();
    const options = { launcherPath: LAUNCHER, root: ROOT, readFile, analyze: () => WRITES, cache };
    const first = resolveLocalScript("scripts/push.py", options);
    expect(first?.path).toBe(path.join(ROOT, "scripts", "push.py"));
    expect(first?.label).toBe("`scripts/push.py`");
    expect(first?.facts.needsToken).toBe(true);
    expect(first?.facts.readsVariable("HF_TOKEN")).toBe(true);
    expect(first?.facts.readsVariable("TOKEN")).toBe(false);
    expect(reads).toEqual([path.join(ROOT, "launchers", "scripts", "push.py"), path.join(ROOT, "scripts", "push.py")]);
    resolveLocalScript("scripts/push.py", options);
    expect(reads).toHaveLength(2);
  });

  test("a missing file resolves to nothing; an analysis that crashes is not taken for a missing file", () => {
    const options = {
      launcherPath: LAUNCHER,
      root: ROOT,
      readFile: (file: string) => (file.endsWith("broken.py") ? "x" : null),
      analyze: (): ScriptNeedsSummary => {
        throw new Error("analysis crashed");
      },
    };
    expect(resolveLocalScript("missing.py", options)).toBeNull();
    expect(() => resolveLocalScript("broken.py", options)).toThrow("analysis crashed");
  });
});
