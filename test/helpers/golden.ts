/**
 * Golden files: expected output committed next to the tests. Outside CI a missing golden file is written (review
 * and commit it) and `UPDATE_GOLDEN=1` rewrites them after an intended change. Under CI (`CI` set, as `.ci/run`
 * does) nothing is ever written: a missing or different golden file fails the test.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";

export interface GoldenMode {
  /** Never write: fail on a missing golden file, ignore UPDATE_GOLDEN. */
  ci: boolean;
  /** Rewrite golden files with the actual output. */
  update: boolean;
}

/** `CI` as the usual CI services set it (`true`, `1`, any other value but `false`/`0`/empty). */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "false" && value !== "0";
}

export function goldenModeFromEnv(env: NodeJS.ProcessEnv = process.env): GoldenMode {
  return { ci: isCI(env), update: env.UPDATE_GOLDEN === "1" };
}

/** Compare `actual` with the golden file `dir/name` (writing it first only when the mode allows). */
export function compareGolden(dir: string, name: string, actual: string, mode: GoldenMode = goldenModeFromEnv()): void {
  const file = path.join(dir, name);
  const exists = fs.existsSync(file);
  if (mode.ci) {
    if (mode.update) throw new Error(`UPDATE_GOLDEN is refused under CI: golden file ${name} was not written`);
    if (!exists) throw new Error(`missing golden file ${name}: run \`UPDATE_GOLDEN=1 npx vitest run\` outside CI and commit it`);
  } else if (mode.update || !exists) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual, `${name} differs from the golden file`).toBe(fs.readFileSync(file, "utf8"));
}
