// The repository's own TypeScript (and the JS scripts beside it) under typescript-eslint's recommended rules.
// `npm run lint`; part of `npm test`. Formatting is not checked here.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      // Inputs of the linter under test: mistakes and syntax errors on purpose.
      "fixtures/**",
      "test/golden/**",
      "packages/*/test/**/fixtures/**",
    ],
  },
  tseslint.configs.recommended,
  {
    // The VS Code extension is CommonJS, loaded by VS Code as it is (no build step).
    files: ["editors/vscode/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
