/**
 * eslint-plugin-hf-jobs: rules for TS/JS code that launches Hugging Face Jobs, one per catalog rule with a `ts`
 * surface, and flat configs generated from the catalog (`recommended`: rules on by default at their default
 * severity; `strict`: every rule as an error).
 */
import type { Linter } from "eslint";
import type { TSESLint } from "@typescript-eslint/utils";
import { RULES, type RuleMeta } from "@hf-jobs-lint/core";
// Importing the rules loads the Python grammar once (top-level await in ./inline-script.ts), so that rules can
// analyse inline job scripts synchronously.
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
const VERSION = "0.1.0";

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

export interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, Severity>;
}

const plugin = {
  meta: { name: "eslint-plugin-hf-jobs", version: VERSION, namespace: NAMESPACE },
  rules,
  configs: {} as { recommended: FlatConfig; strict: FlatConfig },
};

// Configs refer to the plugin object itself, so they are built after it.
plugin.configs.recommended = {
  name: `${NAMESPACE}/recommended`,
  plugins: { [NAMESPACE]: plugin },
  rules: ruleSettings((rule) => (rule.enabledByDefault ? (rule.defaultSeverity === "error" ? "error" : "warn") : "off")),
};
plugin.configs.strict = {
  name: `${NAMESPACE}/strict`,
  plugins: { [NAMESPACE]: plugin },
  rules: ruleSettings(() => "error"),
};

export const configs = plugin.configs;
export default plugin;

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
      plugins: { [NAMESPACE]: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
      rules: Object.fromEntries(ruleNames.map((name) => [`${NAMESPACE}/${name}`, "error"])),
    },
  ];
}
