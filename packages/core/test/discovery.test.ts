import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigDiscovery, discoverFiles, FolderListings, isExcludedPath } from "@hf-jobs-lint/core";

const made: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-disc-"));
  made.push(dir);
  fs.mkdirSync(path.join(dir, ".git"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const names = (dir: string, files: { path: string }[]) => files.map((f) => path.relative(dir, f.path).split(path.sep).join("/"));

describe("file discovery", () => {
  it("finds every supported kind and skips unsupported files (any YAML file: the CI analyzer reads it by its shape)", () => {
    const dir = tree({
      "a.py": "",
      "b.ts": "",
      "types.d.ts": "",
      "run.sh": "",
      Makefile: "",
      "README.md": "",
      ".github/workflows/ci.yml": "",
      "config.yml": "",
      "data.csv": "",
    });
    const { files, errors } = discoverFiles([dir], { root: dir, exclude: [], respectGitignore: true });
    expect(errors).toEqual([]);
    expect(names(dir, files).sort()).toEqual([".github/workflows/ci.yml", "Makefile", "README.md", "a.py", "b.ts", "config.yml", "run.sh"]);
    expect(files.find((f) => f.path.endsWith("ci.yml"))!.kind).toBe("yaml-ci");
  });

  it("tells `onFile` of each file it finds, as it finds it, and of nothing it leaves out", () => {
    const dir = tree({ "a.py": "", "web/b.ts": "", "notes.bin": "", "build/c.py": "", ".gitignore": "build/\n" });
    const heard: { path: string; kind: string }[] = [];
    const found = discoverFiles([dir], { root: dir, exclude: [], respectGitignore: true, onFile: (file) => heard.push(file) });
    expect(names(dir, heard).sort()).toEqual(["a.py", "web/b.ts"]);
    expect(heard).toEqual(found.files);
  });

  it("honours nested .gitignore files with negation, unless told not to", () => {
    const dir = tree({
      ".gitignore": "generated/\n*.log.py\n",
      "generated/x.py": "",
      "keep.log.py": "",
      "pkg/.gitignore": "local_*.py\n!local_keep.py\n",
      "pkg/local_a.py": "",
      "pkg/local_keep.py": "",
      "pkg/main.py": "",
    });
    const respected = discoverFiles([dir], { root: dir, exclude: [], respectGitignore: true });
    expect(names(dir, respected.files).sort()).toEqual(["pkg/local_keep.py", "pkg/main.py"]);
    const all = discoverFiles([dir], { root: dir, exclude: [], respectGitignore: false });
    expect(names(dir, all.files)).toHaveLength(5);
  });

  it("applies the default excludes and exclude patterns, but checks an explicitly named file", () => {
    const dir = tree({ "node_modules/p/index.js": "", ".venv/lib/x.py": "", "vendor/v.py": "", "src/a.py": "" });
    const { files } = discoverFiles([dir], { root: dir, exclude: ["vendor"], respectGitignore: true });
    expect(names(dir, files)).toEqual(["src/a.py"]);
    const explicit = discoverFiles([path.join(dir, "vendor/v.py")], { root: dir, exclude: ["vendor"], respectGitignore: true });
    expect(names(dir, explicit.files)).toEqual(["vendor/v.py"]);
    const explicitFolder = discoverFiles([path.join(dir, "vendor")], { root: dir, exclude: ["vendor"], respectGitignore: true });
    expect(names(dir, explicitFolder.files)).toEqual(["vendor/v.py"]);
  });

  it("with forceExclude, excludes paths named explicitly too (files, folders, default excludes, nested patterns)", () => {
    const dir = tree({ "vendor/v.py": "", "vendor/deep/w.py": "", ".venv/lib/x.py": "", "src/gen/g.py": "", "src/a.py": "", "src/keep.py": "" });
    const options = { root: dir, exclude: ["vendor", "src/gen/", "*.py", "!src/a.py"], respectGitignore: true, forceExclude: true };
    const named = ["vendor/v.py", "vendor/deep/w.py", ".venv/lib/x.py", "src/gen/g.py", "src/a.py", "vendor"].map((name) => path.join(dir, name));
    const { files, errors } = discoverFiles(named, options);
    expect(errors).toEqual([]);
    expect(names(dir, files)).toEqual(["src/a.py"]);
    // A folder named explicitly that is not excluded itself still has `exclude` applied inside it.
    const folder = discoverFiles([path.join(dir, "src")], { ...options, exclude: ["gen"] });
    expect(names(dir, folder.files).sort()).toEqual(["src/a.py", "src/keep.py"]);
    // Without it, a named path is checked whatever `exclude` says (Ruff's default).
    expect(names(dir, discoverFiles(named.slice(0, 1), { ...options, forceExclude: false }).files)).toEqual(["vendor/v.py"]);
  });

  it("skips a file named explicitly whose type no analyzer reads, quietly (as a hook passes every staged file)", () => {
    const dir = tree({ "notes.txt": "", "data.csv": "", "logo.svg": "", "a.py": "" });
    const { files, errors } = discoverFiles(
      ["notes.txt", "data.csv", "logo.svg", "a.py"].map((name) => path.join(dir, name)),
      { root: dir, exclude: [], respectGitignore: true },
    );
    expect(errors).toEqual([]);
    expect(names(dir, files)).toEqual(["a.py"]);
  });

  it("isExcludedPath judges a path by itself and by every folder above it, inside the root only", () => {
    const dir = tree({});
    const options = { root: dir, exclude: ["build/", "secret_*.py"] };
    expect(isExcludedPath(path.join(dir, "build/x/y.py"), false, options)).toBe(true);
    expect(isExcludedPath(path.join(dir, "pkg/secret_a.py"), false, options)).toBe(true);
    expect(isExcludedPath(path.join(dir, "node_modules/p/i.js"), false, options)).toBe(true);
    expect(isExcludedPath(path.join(dir, "pkg/build.py"), false, options)).toBe(false);
    expect(isExcludedPath(path.join(dir, "src/a.py"), false, options)).toBe(false);
    expect(isExcludedPath(path.join(path.dirname(dir), "build/y.py"), false, options)).toBe(false);
  });

  it("reports symlink loops and missing paths, and goes on", () => {
    const dir = tree({ "a/x.py": "" });
    fs.symlinkSync(dir, path.join(dir, "a", "back"));
    fs.symlinkSync(path.join(dir, "self"), path.join(dir, "self"));
    const { files, errors } = discoverFiles([dir, path.join(dir, "missing.py")], { root: dir, exclude: [], respectGitignore: true });
    expect(names(dir, files)).toEqual(["a/x.py"]);
    expect(errors.map((e) => [path.relative(dir, e.path), e.message.split(":")[0]]).sort()).toEqual([
      ["a/back", "symlink loop"],
      ["missing.py", "no such file or folder"],
      ["self", "symlink loop"],
    ]);
  });
});

describe("folder listings shared with the configuration lookups", () => {
  it("discovery fills the caller's map with every folder it walks, and none it skips", () => {
    const dir = tree({ ".gitignore": "build/\n", "a.py": "", "sub/b.py": "", "build/c.py": "", "node_modules/d.js": "" });
    const listings = new FolderListings();
    discoverFiles([dir], { root: dir, exclude: [], respectGitignore: true, listings });
    expect([...listings.folders()].map((folder) => path.relative(dir, folder)).sort()).toEqual(["", "sub"]);
    expect(listings.names(dir)!.sort()).toEqual([".git", ".gitignore", "a.py", "build", "node_modules", "sub"]);
  });

  it("ConfigDiscovery looks a listed folder up in its listing, not on the disk (configuration file and `.git`)", () => {
    const dir = tree({ "sub/hf-jobs-lint.toml": 'select = ["HFJ101"]\n', "sub/deep/a.py": "" });
    const sub = path.join(dir, "sub");
    const deep = path.join(sub, "deep");
    const onDisk = new ConfigDiscovery({ cwd: dir });
    expect(onDisk.forFolder(deep).loaded.file).toBe(path.join(sub, "hf-jobs-lint.toml"));
    expect(onDisk.repositoryRoot(path.join(deep, "a.py"))).toBe(dir);
    // Listings that say `sub` holds no configuration and `deep` is a repository of its own: they are believed.
    const listings = new FolderListings();
    listings.set(sub, ["deep"]);
    listings.set(deep, [".git", "a.py"]);
    const listed = new ConfigDiscovery({ cwd: dir, listings });
    expect(listed.forFolder(deep).loaded.file).toBeNull();
    expect(listed.repositoryRoot(path.join(deep, "a.py"))).toBe(deep);
  });
});

describe("FolderListings", () => {
  it("answers for listed folders only, names with dots and spaces included, an empty folder too", () => {
    const listings = new FolderListings();
    listings.set("/r", [".git", "a b.py", "pyproject.toml", "requirements"]);
    listings.set("/r/empty", []);
    expect(listings.includes("/r", ".git")).toBe(true);
    expect(listings.includes("/r", "a b.py")).toBe(true);
    // A name is matched whole, never as a part of another one.
    expect(listings.includes("/r", "git")).toBe(false);
    expect(listings.includes("/r", "pyproject")).toBe(false);
    expect(listings.includes("/r/empty", ".git")).toBe(false);
    expect(listings.includes("/elsewhere", ".git")).toBeUndefined();
    expect(listings.names("/r")).toEqual([".git", "a b.py", "pyproject.toml", "requirements"]);
    expect(listings.names("/r/empty")).toEqual([]);
    expect(listings.names("/elsewhere")).toBeUndefined();
    expect([...listings.folders()]).toEqual(["/r", "/r/empty"]);
  });
});
