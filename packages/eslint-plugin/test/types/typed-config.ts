// A user's typed flat config (their eslint.config.ts; named otherwise so ESLint does not take it for this folder's
// config), compiled by loading.test.ts and `tsc -p tsconfig.tests.json`: it must type-check with defineConfig and tseslint.config.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import hfJobs from "eslint-plugin-hf-jobs";

export const withDefineConfig = defineConfig([
  hfJobs.configs.recommended,
  hfJobs.configs.typescript,
  { plugins: { "hf-jobs": hfJobs }, rules: { "hf-jobs/no-hardcoded-token": "error" } },
]);

export const withTsEslint = tseslint.config(...tseslint.configs.recommended, hfJobs.configs.recommended, hfJobs.configs.strict, {
  files: ["**/*.ts"],
  plugins: { "hf-jobs": hfJobs },
  rules: { "hf-jobs/no-token-in-env": "warn" },
});

export default withDefineConfig;
