/**
 * Test files share one module graph per worker (`isolate: false` in vitest.config.ts), so a file must leave the
 * process as it found it: this fails the file that changes the working directory or an environment variable
 * without restoring it (use `vi.stubEnv`, which vitest undoes after each test, or pass `env`/`cwd` explicitly).
 */
import { afterAll, beforeAll, expect } from "vitest";

let cwd = "";
let env: Record<string, string | undefined> = {};

beforeAll(() => {
  cwd = process.cwd();
  env = { ...process.env };
});

afterAll(() => {
  expect(process.cwd(), "a test file changed the working directory and did not restore it").toBe(cwd);
  expect({ ...process.env }, "a test file changed process.env and did not restore it").toEqual(env);
});
