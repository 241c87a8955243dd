#!/usr/bin/env node
/**
 * Bundles the engine's worker (`packages/engine/dist/worker.js`, after `tsc -b`) and what it loads into one file,
 * `packages/engine/dist/worker.bundle.js`, which the engine starts instead while it is at least as new as the builds
 * in it (run-checks.ts `workerFile`). Why: the worker is the run's critical path, and resolving, reading and
 * compiling the ~520 modules it loads took ~0.17 s of its start; one file takes a fraction of that (bench/README.md).
 *
 * Left out of the bundle, loaded from node_modules as before: ESLint (the analyzer takes ESLint's config array class
 * from its installed files, which must be the same copy as its Linter), oxc's native binding, web-tree-sitter and the
 * grammar (their WASM files are found next to their own modules). Every bundled module of this repository still sees
 * its own `import.meta.url` (resolved through its package at run time), so the files it finds beside itself (its
 * package.json, the grammar it ships, the ESLint plugin's Python worker) are found where they are.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const engineDist = path.join(root, "packages", "engine", "dist");
const outfile = path.join(engineDist, "worker.bundle.js");

/** The workspace's packages by folder: name and root. */
const workspacePackages = fs
  .readdirSync(path.join(root, "packages"))
  .map((folder) => path.join(root, "packages", folder))
  .filter((dir) => fs.existsSync(path.join(dir, "package.json")))
  .map((dir) => ({ dir, name: JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).name }));

function packageOf(file) {
  return workspacePackages.find((candidate) => file.startsWith(candidate.dir + path.sep)) ?? null;
}

const META_URL = /\bimport\.meta\.url\b/g;

/** Our modules' `import.meta.url` -> the URL of the module file it was, found through its package at run time. */
const ownModuleUrls = {
  name: "own-module-urls",
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const owner = packageOf(args.path);
      const contents = await fs.promises.readFile(args.path, "utf8");
      if (!owner || !contents.includes("import.meta.url")) return { contents, loader: "js" };
      const inPackage = path.relative(owner.dir, args.path).split(path.sep).join("/");
      return { contents: contents.replace(META_URL, `__ownModuleUrl(${JSON.stringify(owner.name)}, ${JSON.stringify(inPackage)})`), loader: "js" };
    });
  },
};

const banner = [
  "// Built by scripts/bundle-worker.js from packages/engine/dist/worker.js: do not edit.",
  'import { createRequire as __createRequire } from "node:module";',
  // The bundled CommonJS modules require Node's own modules.
  "const require = __createRequire(import.meta.url);",
  "const __ownModuleUrl = (name, file) => new URL(file, import.meta.resolve(`${name}/package.json`)).href;",
].join("\n");

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [path.join(engineDist, "worker.js")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["eslint", "oxc-parser", "web-tree-sitter", "tree-sitter-python"],
  plugins: [ownModuleUrls],
  banner: { js: banner },
  metafile: true,
  logLevel: "warning",
});

// esbuild writes ASCII but for regular expression literals (`/…/` in core, the ❌ marks in markdown): V8 keeps a
// source with one non-ASCII character at two bytes per character, which doubled the bundle in the worker's heap
// (3.7 MB instead of 1.9). A `\uXXXX` escape means the same in a regular expression, a string or a comment; not
// after a backslash, which the build then refuses.
const text = fs.readFileSync(outfile, "utf8");
const escapedByBackslash = /\\[^\x00-\x7f]/.exec(text);
if (escapedByBackslash) throw new Error(`a non-ASCII character after a backslash in the bundle, at offset ${escapedByBackslash.index}: escape it in the source`);
fs.writeFileSync(
  outfile,
  text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`),
);

/** The packages in the bundle, whose builds make it stale when newer (`workerFile` in run-checks.ts reads this). */
const bundled = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const owner = packageOf(path.resolve(root, input));
  if (owner) bundled.add(owner.name);
}
fs.writeFileSync(path.join(engineDist, "worker.bundle.json"), JSON.stringify({ packages: [...bundled].sort() }, null, 2) + "\n");
const size = fs.statSync(outfile).size;
console.log(
  `bundled the worker: ${path.relative(root, outfile)}, ${(size / 1e6).toFixed(1)} MB, ${Object.keys(result.metafile.inputs).length} modules from ${bundled.size} packages of this repository`,
);
