/**
 * eslint-plugin-hf-jobs: rules for TS/JS code that launches Hugging Face Jobs, one per catalog rule with a `ts`
 * surface, and flat configs generated from the catalog (`recommended`: rules on by default at their default
 * severity; `strict`: every rule as an error; `typescript`: `recommended` with `files` and the TypeScript parser,
 * for a project with no other TS set-up). No top-level await: the plugin loads from ESM and from CommonJS.
 */
import { createRequire } from "node:module";
import type { ESLint, Linter } from "eslint";
import type { TSESLint } from "@typescript-eslint/utils";
import { RULES, type RuleMeta } from "@hf-jobs-lint/core";
// The rules analyse inline and local Python job scripts synchronously (python-bridge.ts).
import noHardcodedToken from "./rules/no-hardcoded-token.js";
import noLiteralTokenArgument from "./rules/no-literal-token-argument.js";
import noTokenOutput from "./rules/no-token-output.js";
import noTokenInArguments from "./rules/no-token-in-arguments.js";
import noTokenInEnv from "./rules/no-token-in-env.js";
import noPlaceholderOutsideMcp from "./rules/no-placeholder-outside-mcp.js";
import requireTokenSecret from "./rules/require-token-secret.js";
import validTokenSecretName from "./rules/valid-token-secret-name.js";
import noUnsubstitutedPlaceholder from "./rules/no-unsubstituted-placeholder.js";
import noUnknownJobArgument from "./rules/no-unknown-job-argument.js";
import noFlagsAfterScript from "./rules/no-flags-after-script.js";
import noRedundantTokenArgument from "./rules/no-redundant-token-argument.js";
import noLegacyTokenVariable from "./rules/no-legacy-token-variable.js";
import noJobOptionReadByLauncher from "./rules/no-job-option-read-by-launcher.js";
import noUnknownLauncherOption from "./rules/no-unknown-launcher-option.js";
import noRejectedOptionValue from "./rules/no-rejected-option-value.js";

export const NAMESPACE = "hf-jobs";
/** The one version source: package.json (src/ and dist/ are both one folder below it). */
const require = createRequire(import.meta.url);
const VERSION: string = (require("../package.json") as { version: string }).version;

/** Resolves once the Python grammar is loaded in this thread (before that, rules ask a worker): tests await it. */
export { pythonReady } from "./python-bridge.js";

/** Every JS/TS extension the rules read. */
export const FILES: string[] = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], unknown>;

/** Every rule by its name (`no-hardcoded-token`), in catalog order. */
export const rules: Record<string, AnyRule> = Object.fromEntries(
  [
    noHardcodedToken,
    noLiteralTokenArgument,
    noTokenOutput,
    noTokenInArguments,
    noTokenInEnv,
    noPlaceholderOutsideMcp,
    requireTokenSecret,
    validTokenSecretName,
    noUnsubstitutedPlaceholder,
    noUnknownJobArgument,
    noFlagsAfterScript,
    noRedundantTokenArgument,
    noLegacyTokenVariable,
    noJobOptionReadByLauncher,
    noUnknownLauncherOption,
    noRejectedOptionValue,
  ].map((rule) => [rule.name, rule as unknown as AnyRule]),
);

/** The catalog rules this plugin implements (those with a `ts` surface). */
export const catalogRules: readonly RuleMeta[] = RULES.filter((rule) => rule.surfaces.includes("ts"));

type Severity = "error" | "warn" | "off";

function ruleSettings(severity: (rule: RuleMeta) => Severity): Record<string, Severity> {
  const entries = catalogRules.map((rule) => [`${NAMESPACE}/${rule.name}`, severity(rule)] as const);
  return Object.fromEntries(entries.filter(([, value]) => value !== "off"));
}

/**
 * A flat config of this plugin: ESLint's own `Linter.Config`, so `defineConfig([...])` (eslint/config) and
 * `tseslint.config(...)` take it in a typed `eslint.config.ts`.
 */
export type FlatConfig = Linter.Config & { name: string; rules: Record<string, Severity> };

export interface Configs {
  recommended: FlatConfig;
  strict: FlatConfig;
  typescript: FlatConfig;
}

// Rules are written with typescript-eslint's RuleCreator, whose types are stricter than ESLint's `Rule.RuleModule`
// (which is what ESLint loads at run time): the plugin is typed as ESLint's plugin so configs type-check.
const plugin: { meta: { name: string; version: string; namespace: string }; rules: Record<string, AnyRule>; configs: Configs } = {
  meta: { name: "eslint-plugin-hf-jobs", version: VERSION, namespace: NAMESPACE },
  rules,
  configs: {} as Configs,
};

const asPlugin = plugin as unknown as ESLint.Plugin;
const recommendedRules = ruleSettings((rule) => (rule.enabledByDefault ? (rule.defaultSeverity === "error" ? "error" : "warn") : "off"));

// Configs refer to the plugin object itself, so they are built after it.
plugin.configs.recommended = {
  name: `${NAMESPACE}/recommended`,
  files: FILES,
  plugins: { [NAMESPACE]: asPlugin },
  rules: recommendedRules,
};
plugin.configs.strict = {
  name: `${NAMESPACE}/strict`,
  files: FILES,
  plugins: { [NAMESPACE]: asPlugin },
  rules: ruleSettings(() => "error"),
};
// `typescript` loads typescript-eslint's parser (and TypeScript, half a second) only when a config reads it: the
// hf-jobs-lint CLI loads this module with a faster parser of its own.
let typescriptConfig: FlatConfig | undefined;
Object.defineProperty(plugin.configs, "typescript", {
  enumerable: true,
  get: (): FlatConfig =>
    (typescriptConfig ??= {
      name: `${NAMESPACE}/typescript`,
      files: FILES,
      languageOptions: {
        parser: require("@typescript-eslint/parser") as Linter.Parser,
        ecmaVersion: "latest",
        sourceType: "module",
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      plugins: { [NAMESPACE]: asPlugin },
      rules: recommendedRules,
    }),
});

export const configs = plugin.configs;

/** The plugin, typed as ESLint's `Plugin` too, so `plugins: { "hf-jobs": hfJobs }` type-checks in a typed config. */
const typedPlugin = plugin as unknown as ESLint.Plugin & typeof plugin;
export default typedPlugin;

/**
 * The plugin as the standalone config gives it: every rule with `schema: false`. That config turns rules on with no
 * options, so ESLint's check of rule options proves nothing there; it loads and compiles ajv on the first file
 * (75-90 ms of the CLI worker's critical path). The rules themselves are the plugin's.
 */
let standalonePlugin: ESLint.Plugin | undefined;
function pluginWithoutOptionChecks(): ESLint.Plugin {
  standalonePlugin ??= {
    ...asPlugin,
    rules: Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [name, { ...rule, meta: { ...rule.meta, schema: false } }])) as unknown as ESLint.Plugin["rules"],
  };
  return standalonePlugin;
}

/**
 * A complete flat config for linting without any user config (the hf-jobs-lint CLI, the codemods): every JS/TS
 * extension through the given parser (users of the plugin bring their own, so it is passed in) and the named
 * rules (all of them by default) as errors.
 */
export function standaloneConfig(parser: unknown, ruleNames: readonly string[] = Object.keys(rules)): Linter.Config[] {
  return [
    {
      // Explicit extensions: a bare `**/*` does not make ESLint lint a file it would not lint by default (`.ts`).
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      languageOptions: {
        parser: parser as Linter.Parser,
        ecmaVersion: "latest",
        sourceType: "module",
        // JSX in .js/.jsx/.tsx; the parser turns it off for .ts by the file's extension.
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { reportUnusedDisableDirectives: "off" },
      plugins: { [NAMESPACE]: pluginWithoutOptionChecks() },
      rules: Object.fromEntries(ruleNames.map((name) => [`${NAMESPACE}/${name}`, "error"])),
    },
  ];
}

/** `meta` as a named export too: `require("eslint-plugin-hf-jobs")` (the module namespace) is then a plugin itself. */
export const meta = plugin.meta;
