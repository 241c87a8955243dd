// prepack: ship the Python grammar (tree-sitter-python.wasm, MIT, with its licence) inside this package, so
// installing it does not install tree-sitter-python, whose native install script (node-gyp-build) warns on
// every install and builds a binding nothing here uses. In the repository, parser.ts finds the grammar in the
// tree-sitter-python dev dependency instead.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.join(here, "..", "grammar");
const require = createRequire(import.meta.url);
const wasm = require.resolve("tree-sitter-python/tree-sitter-python.wasm");
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(wasm, path.join(target, "tree-sitter-python.wasm"));
fs.copyFileSync(path.join(path.dirname(wasm), "LICENSE"), path.join(target, "LICENSE"));
const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(wasm), "package.json"), "utf8"));
fs.writeFileSync(path.join(target, "README.md"), `The Python grammar of tree-sitter-python ${version} (MIT, see LICENSE), compiled to WebAssembly by its authors.\n`);
