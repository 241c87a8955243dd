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
    // Spreading an array into call arguments puts every element on the stack: a file with 130,000 findings
    // overflowed it (`push(...diagnostics)`). Loop instead; the tests may spread their small literals.
    files: ["packages/*/src/**/*.ts", "codemods/src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement, CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement",
          message: "Spread puts every element on the stack and overflows on large inputs: append in a loop (or reduce).",
        },
      ],
    },
  },
  {
    // The VS Code extension is CommonJS, loaded by VS Code as it is (no build step).
    files: ["editors/vscode/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
