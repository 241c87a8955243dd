// The ESLint plugin analyses Python in a worker until the grammar has loaded in this thread; from TypeScript
// sources (tests) there is no built worker, so every test file starts with the grammar loaded.
import { beforeAll } from "vitest";
import { pythonReady } from "eslint-plugin-hf-jobs";

beforeAll(async () => {
  await pythonReady;
});
