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
  },
});
