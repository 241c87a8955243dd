// Which file the workers run: the bundle `npm run build` writes, only while no package in it was built after it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { chooseWorkerFile } from "../src/worker-file.js";

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A dist folder with a worker, and two packages' roots (`a` and `b`) with their build info. */
function layout(): { dist: string; roots: Record<string, string> } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-worker-file-"));
  created.push(base);
  const dist = path.join(base, "engine", "dist");
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, "worker.js"), "");
  const roots: Record<string, string> = {};
  for (const name of ["a", "b"]) {
    roots[name] = path.join(base, name);
    fs.mkdirSync(path.join(roots[name], "dist"), { recursive: true });
  }
  return { dist, roots };
}

function setTime(file: string, seconds: number): void {
  fs.utimesSync(file, seconds, seconds);
}

/** The bundle and its manifest at `bundleTime`; each package's `.tsbuildinfo` at its time (null: none). */
function withBundle(dist: string, roots: Record<string, string>, bundleTime: number, builds: Record<string, number | null>): void {
  fs.writeFileSync(path.join(dist, "worker.bundle.js"), "");
  fs.writeFileSync(path.join(dist, "worker.bundle.json"), JSON.stringify({ packages: Object.keys(builds) }));
  setTime(path.join(dist, "worker.bundle.js"), bundleTime);
  for (const [name, time] of Object.entries(builds)) {
    if (time === null) continue;
    const info = path.join(roots[name]!, "dist", ".tsbuildinfo");
    fs.writeFileSync(info, "{}");
    setTime(info, time);
  }
}

describe("chooseWorkerFile", () => {
  const T = 1_700_000_000;

  it("runs the bundle when every package in it was built before it", () => {
    const { dist, roots } = layout();
    withBundle(dist, roots, T, { a: T - 10, b: T });
    expect(chooseWorkerFile(dist, (name) => roots[name] ?? null)).toBe(path.join(dist, "worker.bundle.js"));
  });

  it("runs the module when a package was built after the bundle (`tsc -b` alone after an edit)", () => {
    const { dist, roots } = layout();
    withBundle(dist, roots, T, { a: T - 10, b: T + 5 });
    expect(chooseWorkerFile(dist, (name) => roots[name] ?? null)).toBe(path.join(dist, "worker.js"));
  });

  it("counts a package without build info (a published install) as built before", () => {
    const { dist, roots } = layout();
    withBundle(dist, roots, T, { a: null, b: T - 1 });
    expect(chooseWorkerFile(dist, (name) => roots[name] ?? null)).toBe(path.join(dist, "worker.bundle.js"));
  });

  it("runs the module without a bundle, without its manifest, or when a package in it cannot be found", () => {
    const { dist, roots } = layout();
    const resolve = (name: string) => roots[name] ?? null;
    expect(chooseWorkerFile(dist, resolve)).toBe(path.join(dist, "worker.js"));
    withBundle(dist, roots, T, { a: T - 1 });
    fs.rmSync(path.join(dist, "worker.bundle.json"));
    expect(chooseWorkerFile(dist, resolve)).toBe(path.join(dist, "worker.js"));
    fs.writeFileSync(path.join(dist, "worker.bundle.json"), JSON.stringify({ packages: ["a", "missing"] }));
    expect(chooseWorkerFile(dist, resolve)).toBe(path.join(dist, "worker.js"));
  });
});

describe("the build", () => {
  it("leaves a bundle of the worker that the built engine runs", () => {
    // `npm run build` (which `npm test` runs first) bundles after compiling: a build that left the bundle stale or
    // its manifest unreadable would quietly run the module, and this is where that shows.
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
    const repo = path.resolve(dist, "..", "..", "..");
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, "worker.bundle.json"), "utf8")) as { packages: string[] };
    expect(manifest.packages).toEqual(expect.arrayContaining(["@hf-jobs-lint/core", "@hf-jobs-lint/engine", "@hf-jobs-lint/python", "eslint-plugin-hf-jobs"]));
    const rootOf = (name: string): string | null => {
      const folder = fs.readdirSync(path.join(repo, "packages")).find((entry) => {
        const file = path.join(repo, "packages", entry, "package.json");
        return fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, "utf8")) as { name: string }).name === name;
      });
      return folder ? path.join(repo, "packages", folder) : null;
    };
    expect(chooseWorkerFile(dist, rootOf)).toBe(path.join(dist, "worker.bundle.js"));
  });
});
