#!/usr/bin/env node
// Scaffold a new rule: `npm run new-rule -- HFJ208 no-example-thing --surfaces py,ts --summary "One line"`.
// Writes the catalog entry (with TODO docs), registers it in the catalog, writes one fixture per surface under
// fixtures/rules/<CODE>/, and for a `ts` surface an ESLint rule that reports core's findings of the code plus its
// RuleTester file. Everything it writes fails a test until it is filled in (TODO docs, fixtures that expect a
// finding nobody reports yet), so a scaffold can never pass for a finished rule. CONTRIBUTING.md says what comes next.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const SURFACES = ["py", "ts", "sh", "md", "env"];
const FIXTURE_FILE = { py: "launcher.py", ts: "launcher.ts", sh: "launch.sh", md: "guide.md", env: ".env.example" };

function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    surfaces: { type: "string", default: "py,ts" },
    summary: { type: "string" },
    fix: { type: "string", default: "none" },
    "dry-run": { type: "boolean", default: false },
    // The repository to write into (tests point it at a copy).
    root: { type: "string", default: join(dirname(fileURLToPath(import.meta.url)), "..") },
  },
});
const root = values.root;
const [code, name] = positionals;
if (!code || !/^HFJ\d{3}$/.test(code)) fail("usage: npm run new-rule -- HFJ208 rule-name [--surfaces py,ts,sh,md] [--summary TEXT] [--fix safe|unsafe|none]");
if (!name || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(name)) fail(`the name must be kebab-case with at least two words (ESLint's hf-jobs/<name>): ${name ?? "(none)"}`);
const surfaces = values.surfaces
  .split(",")
  .map((surface) => surface.trim())
  .filter(Boolean);
for (const surface of surfaces) if (!SURFACES.includes(surface)) fail(`unknown surface ${surface} (one of ${SURFACES.join(", ")})`);
if (!["safe", "unsafe", "none"].includes(values.fix)) fail(`--fix is safe, unsafe or none, not ${values.fix}`);

const catalogIndex = join(root, "packages/core/src/catalog/index.ts");
const indexText = readFileSync(catalogIndex, "utf8");
if (indexText.includes(`"${code}"`) || new RegExp(`/hfj${code.slice(3)}-`).test(indexText)) fail(`${code} is in the catalog already: a code, once shipped, is never reused`);
if (indexText.includes(`-${name}.js"`)) fail(`a rule named ${name} exists already`);

const camel = name.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
const fileBase = `${code.toLowerCase()}-${name}`;
const summary = values.summary ?? "TODO: one line, used as the ESLint description and in the README table";
const writes = [];

function write(path, text) {
  if (existsSync(join(root, path))) fail(`${path} exists already`);
  writes.push([path, text]);
}

write(
  `packages/core/src/catalog/rules/${fileBase}.ts`,
  `import { defineRule } from "../define.js";

export const ${camel} = defineRule({
  code: "${code}",
  name: "${name}",
  summary: ${JSON.stringify(summary)},
  defaultSeverity: "error",
  enabledByDefault: true,
  fix: "${values.fix}",
  fixSummary: "${values.fix === "none" ? "" : "TODO: what the fix does, in a few words"}",
  surfaces: ${JSON.stringify(surfaces)},
  docs: {
    whatItDoes: "TODO: Ruff's 'What it does', one or two sentences.",
    whyBad: "TODO: Ruff's 'Why is this bad?': what goes wrong in the job, and when.",
    examples: [
      {
        language: "${surfaces.includes("py") || !surfaces.includes("ts") ? "python" : "typescript"}",
        bad: "TODO: code this rule reports (fake tokens only)",
        good: "TODO: the same code written the right way",
      },
    ],
    fixSafety: "TODO: why the fix is safe or unsafe, or why there is none.",
  },
});
`,
);

const comment = { py: "#", ts: "//", sh: "#", md: "<!--", env: "#" };
for (const surface of surfaces) {
  const lead = comment[surface];
  const close = surface === "md" ? " -->" : "";
  write(
    `fixtures/rules/${code}/${FIXTURE_FILE[surface]}`,
    `${lead} TODO: real-shaped cases of ${code}: put \`expect: ${code}\` in a comment on each line it must report,${close}\n` +
      `${lead} and \`ok: ${code}\` on the look-alikes it must not (aliased imports, dicts in variables, CRLF, ...).${close}\n` +
      `${lead} expect: ${code} (the test fails until this line is replaced by a real case)${close}\n`,
  );
}

if (surfaces.includes("ts")) {
  write(
    `packages/eslint-plugin/src/rules/${name}.ts`,
    `/**
 * ${code}: TODO one sentence. The decision lives in core (the launch policy for launch fields, the command-line
 * check for \`hf jobs\` argv); this rule only reports core's findings of its own code. A rule that also reads
 * JS-only fields writes its own \`createRule\` (see no-literal-token-argument.ts).
 */
import { createLaunchRule } from "../launch-rule.js";

export default createLaunchRule("${code}");
`,
  );
  write(
    `packages/eslint-plugin/test/rules/${name}.test.ts`,
    `import rule from "../../src/rules/${name}.js";
import { ruleTester } from "../rule-tester.js";

ruleTester.run("${name}", rule, {
  valid: [
    // TODO: look-alikes the rule must not report.
  ],
  invalid: [
    {
      name: "TODO: a launch the rule reports (this case fails until it is written)",
      code: \`hf_jobs("uv", { script: "TODO.py" });\`,
      errors: [{ messageId: "forwarded" }],
    },
  ],
});
`,
  );
}

// Register in the catalog, in code order.
let catalog = indexText;
const importLine = `import { ${camel} } from "./rules/${fileBase}.js";`;
const imports = [...catalog.matchAll(/^import \{ (\w+) \} from "\.\/rules\/hfj(\d{3})-[^"]+\.js";$/gm)];
const before = imports.find((match) => match[2] > code.slice(3));
catalog = before ? catalog.replace(before[0], `${importLine}\n${before[0]}`) : catalog.replace(imports.at(-1)[0], `${imports.at(-1)[0]}\n${importLine}`);
const listed = before ? `  ${before[1]},` : `  ${imports.at(-1)[1]},`;
catalog = before ? catalog.replace(`\n${listed}\n`, `\n  ${camel},\n${listed}\n`) : catalog.replace(`\n${listed}\n`, `\n${listed}\n  ${camel},\n`);
if (!catalog.includes(`  ${camel},\n`)) fail("could not register the rule in packages/core/src/catalog/index.ts; add it by hand");
writes.push([relative(root, catalogIndex), catalog, true]);

if (surfaces.includes("ts")) {
  const pluginIndex = join(root, "packages/eslint-plugin/src/index.ts");
  let plugin = readFileSync(pluginIndex, "utf8");
  const ruleImports = [...plugin.matchAll(/^import (\w+) from "\.\/rules\/[^"]+\.js";$/gm)];
  const last = ruleImports.at(-1);
  if (!last) fail("no rule imports found in packages/eslint-plugin/src/index.ts");
  plugin = plugin.replace(last[0], `${last[0]}\nimport ${camel} from "./rules/${name}.js";`);
  plugin = plugin.replace(`\n    ${last[1]},\n  ]`, `\n    ${last[1]},\n    ${camel},\n  ]`);
  if (!plugin.includes(`    ${camel},\n`)) fail("could not register the rule in packages/eslint-plugin/src/index.ts; add it by hand");
  writes.push([relative(root, pluginIndex), plugin, true]);
}

for (const [path, text, overwrite] of writes) {
  process.stdout.write(`${values["dry-run"] ? "would write" : overwrite ? "updated" : "created"} ${path}\n`);
  if (values["dry-run"]) continue;
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
process.stdout.write(`
Next (CONTRIBUTING.md, "Adding a rule"):
  1. Decide the rule once in core: packages/core/src/launch/policy.ts for launch fields, or
     packages/core/src/domain/check-command-line.ts for \`hf jobs\` command lines; language-only facts stay in
     the analyzer that reads them (packages/python/src/rules/, packages/eslint-plugin/src/rules/).
  2. Fill in the TODOs of the catalog entry and the fixtures; write the RuleTester cases.
  3. npm run build && npm run docs, then npx vitest run -u test/rule-fixtures.test.ts and review the snapshots.
  4. npm test.
`);
