import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (`source` export condition), so tests need no build.
const conditions = ["source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
  test: {
    globals: true,
    include: ["packages/*/test/**/*.test.ts", "codemods/test/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "threads",
    // Test files of a worker share one module graph: ESLint, typescript-eslint and the tree-sitter grammar load
    // once per worker instead of once per file (about two thirds of the run). No test relies on a fresh module
    // state; test/setup/no-leaks.ts fails a file that leaves the working directory or process.env changed, and
    // vitest undoes stubbed env vars, globals and mocks after each test. A test that needs a fresh module graph
    // (vi.mock of a module others import, module-level state) belongs in a separate project with `isolate: true`.
    isolate: false,
    setupFiles: ["test/setup/no-leaks.ts", "test/setup/python-ready.ts"],
    // No test run reads or writes a results cache (none is left in the checkout, and no result depends on an
    // earlier run's); test/cli-cache.test.ts turns it on where it tests it.
    env: { HF_JOBS_LINT_NO_CACHE: "1" },
    unstubEnvs: true,
    unstubGlobals: true,
    restoreMocks: true,
  },
});
