/** Local-script resolution inside the plugin: repository root, absolute launcher paths, the per-process cache. */
import fs from "node:fs";
import path from "node:path";
import type { Context } from "../src/ast.js";
import { clearLocalScriptCache, repositoryRoot, resolveLocalScriptFrom } from "../src/local-script.js";
import { PRINT_SCRIPT, PUSH_SCRIPT, createScriptRepo } from "../../../test/helpers/script-repo.js";

const repo = createScriptRepo();
afterAll(() => repo.remove());
beforeEach(() => clearLocalScriptCache());

// The rules read only `context.filename` for resolution.
const from = (filename: string) => ({ filename }) as unknown as Context;

describe("repositoryRoot", () => {
  it("is the nearest folder holding .git, else the folder itself", () => {
    expect(repositoryRoot(path.join(repo.root, "launchers"))).toBe(repo.root);
    expect(repositoryRoot(repo.root)).toBe(repo.root);
    expect(repositoryRoot(path.dirname(repo.outsideLauncher))).toBe(path.dirname(repo.outsideLauncher));
  });

  it("accepts a .git file (a worktree)", () => {
    const worktree = path.dirname(repo.write("worktree/.git", "gitdir: /elsewhere\n"));
    const nested = path.dirname(repo.write("worktree/deep/launch.ts", ""));
    expect(repositoryRoot(nested)).toBe(worktree);
  });
});

describe("resolveLocalScriptFrom", () => {
  it("finds a script beside the launcher, else at the root, and labels it as written", () => {
    const beside = resolveLocalScriptFrom(from(repo.launcher), "beside.py");
    expect(beside?.path).toBe(path.join(repo.root, "launchers", "beside.py"));
    expect(beside?.needs.level).toBe("write");
    const atRoot = resolveLocalScriptFrom(from(repo.launcher), "scripts/push.py");
    expect(atRoot?.path).toBe(path.join(repo.root, "scripts", "push.py"));
    expect(atRoot?.label).toBe("`scripts/push.py`");
    expect(atRoot?.facts.needsToken).toBe(true);
  });

  it("resolves nothing for text that is not a file on disk, URLs and missing files", () => {
    expect(resolveLocalScriptFrom(from("<input>"), "scripts/push.py")).toBeNull();
    expect(resolveLocalScriptFrom(from("launchers/launch.ts"), "scripts/push.py")).toBeNull();
    expect(resolveLocalScriptFrom(from(repo.launcher), "https://example.com/scripts/push.py")).toBeNull();
    expect(resolveLocalScriptFrom(from(repo.launcher), "scripts/nothing-here.py")).toBeNull();
  });

  it("re-analyses a script when its modification time or size changes, and only then", () => {
    const file = repo.write("scripts/changing.py", PRINT_SCRIPT);
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(file, past, past);
    expect(resolveLocalScriptFrom(from(repo.launcher), "scripts/changing.py")?.needs.level).toBe("none");

    fs.writeFileSync(file, PUSH_SCRIPT);
    // Whole seconds, so that setting the same time again gives the same mtimeMs.
    const stamp = new Date(Math.floor(Date.now() / 1000) * 1000 - 30_000);
    fs.utimesSync(file, stamp, stamp);
    expect(resolveLocalScriptFrom(from(repo.launcher), "scripts/changing.py")?.needs.level).toBe("write");

    // Same size and the same mtime as the cached entry: the cached analysis is reused (the file is not re-read).
    const size = fs.statSync(file).size;
    fs.writeFileSync(file, PUSH_SCRIPT.replace("upload_file", "upload_fold"));
    fs.utimesSync(file, stamp, stamp);
    expect(fs.statSync(file).size).toBe(size);
    expect(resolveLocalScriptFrom(from(repo.launcher), "scripts/changing.py")?.needs.level).toBe("write");

    // A newer mtime invalidates it.
    const later = new Date(stamp.getTime() + 5_000);
    fs.utimesSync(file, later, later);
    expect(resolveLocalScriptFrom(from(repo.launcher), "scripts/changing.py")?.needs.level).toBe("none");

    fs.rmSync(file);
    expect(resolveLocalScriptFrom(from(repo.launcher), "scripts/changing.py")).toBeNull();
  });

  it("shares one analysis between launchers naming the same script", () => {
    const other = repo.write("launchers/other/launch.ts", "");
    const first = resolveLocalScriptFrom(from(repo.launcher), "scripts/push.py");
    const second = resolveLocalScriptFrom(from(other), "scripts/push.py");
    expect(second?.path).toBe(first?.path);
    expect(second?.needs).toBe(first?.needs);
  });
});
