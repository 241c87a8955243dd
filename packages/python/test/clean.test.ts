import fs from "node:fs";
import { analyzeFixture, fixturePath, setup, summary } from "./helpers.js";

beforeAll(setup);

const files = fs
  .readdirSync(fixturePath("clean"))
  .filter((name) => name.endsWith(".py"))
  .sort();

describe("real-world-shaped clean files produce no findings", () => {
  test("there are at least 20 of them", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  test.each(files)("%s", (name) => {
    expect(summary(analyzeFixture(`clean/${name}`))).toEqual([]);
  });
});
