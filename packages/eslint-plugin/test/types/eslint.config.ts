// A user's typed flat config, compiled by test/typed-config.test.ts (and by `tsc -p tsconfig.tests.json`):
// the README's one line must type-check with ESLint's defineConfig and with typescript-eslint's config helper.
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
