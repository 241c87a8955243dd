import { analyzeFixture, fixUntilStable, fixturePath, readFixture, setup, summary } from "./helpers.js";
beforeAll(setup);
test("smoke", () => {
  for (const f of (process.env.F ?? "").split(",")) {
    console.log(f, summary(analyzeFixture(f)).map((d) => `${d.code} ${d.row}:${d.column} ${d.fix} ${d.message}`).join("\n"));
    if (process.env.FIX) {
      const run = fixUntilStable(readFixture(f), { unsafe: process.env.FIX === "unsafe", filePath: fixturePath(f), codes: process.env.CODES?.split(",") });
      console.log(JSON.stringify(run.text));
      console.log(run.text);
    }
  }
});
