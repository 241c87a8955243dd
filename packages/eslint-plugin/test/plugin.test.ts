import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RULES, findRule, ruleUrl } from "@hf-jobs-lint/core";
import plugin from "../src/index.js";

const tsRules = RULES.filter((rule) => rule.surfaces.includes("ts"));

describe("eslint-plugin-hf-jobs", () => {
  it("has the plugin meta ESLint uses for --cache and --print-config", () => {
    expect(plugin.meta).toEqual({ name: "eslint-plugin-hf-jobs", version: expect.stringMatching(/^\d+\.\d+\.\d+/), namespace: "hf-jobs" });
  });

  it("exports exactly the catalog rules with a ts surface", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(tsRules.map((rule) => rule.name).sort());
    expect(Object.keys(plugin.rules)).not.toContain("check-token-early"); // HFJ301 is Python-only
  });

  it.each(tsRules.map((rule) => [rule.name, rule] as const))("%s takes its metadata from the catalog", (name, catalog) => {
    const rule = plugin.rules[name]!;
    const docs = rule.meta.docs as { description: string; url: string; code: string; recommended: boolean };
    expect(docs.description).toBe(catalog.summary);
    expect(docs.url).toBe(ruleUrl(catalog).replace("/docs/rules/", "/packages/eslint-plugin/docs/rules/"));
    expect(docs.code).toBe(catalog.code);
    expect(docs.recommended).toBe(catalog.enabledByDefault);
    expect(rule.meta.fixable).toBe(catalog.fix === "safe" ? "code" : undefined);
    expect(Boolean(rule.meta.hasSuggestions)).toBe(catalog.fix !== "none");
    expect(rule.meta.type).toBe(catalog.defaultSeverity === "error" ? "problem" : "suggestion");
    expect(findRule(`hf-jobs/${name}`)).toBe(catalog);
  });

  it("recommended enables the default rules at their default severity", () => {
    const expected = Object.fromEntries(
      tsRules.filter((rule) => rule.enabledByDefault).map((rule) => [`hf-jobs/${rule.name}`, rule.defaultSeverity === "error" ? "error" : "warn"]),
    );
    expect(plugin.configs.recommended.rules).toEqual(expected);
    expect(plugin.configs.recommended.rules["hf-jobs/no-redundant-token-argument"]).toBeUndefined();
    expect(plugin.configs.recommended.plugins?.["hf-jobs"]).toBe(plugin);
    expect(plugin.configs.recommended.name).toBe("hf-jobs/recommended");
  });

  it("strict enables every rule as an error", () => {
    expect(plugin.configs.strict.rules).toEqual(Object.fromEntries(tsRules.map((rule) => [`hf-jobs/${rule.name}`, "error"])));
  });

  it.each(tsRules.map((rule) => rule.name))("has a docs page for %s", (name) => {
    // Generated from the catalog by the docs generator.
    const page = fileURLToPath(new URL(`../docs/rules/${name}.md`, import.meta.url));
    expect(existsSync(page), `${page} is missing`).toBe(true);
  });
});
