import { analyzeFixture, analyzeText, only, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("HFJ103 no-token-output", () => {
  test("print, logging, stderr, files and exception messages", () => {
    expect(rows(analyzeFixture("hfj103/bad.py"), "HFJ103")).toEqual([9, 10, 11, 12, 14, 16, 18, 20]);
  });

  test("short prefixes, lengths, booleans and look-alike variables are silent", () => {
    expect(only(analyzeFixture("hfj103/good.py"), "HFJ103")).toEqual([]);
  });

  test("a prefix longer than 10 characters is output", () => {
    expect(rows(analyzeText(`import os\nt = os.environ["HF_TOKEN"]\nprint(t[:12])\n`), "HFJ103")).toEqual([3]);
  });

  test("taint follows chains of assignments and .format()", () => {
    const text = `import os\na = os.getenv("HF_TOKEN")\nb = a\nmsg = "token={}".format(b)\nprint(msg)\n`;
    expect(rows(analyzeText(text), "HFJ103")).toEqual([5]);
  });

  test("a user-defined print is not output; a non-token env var is fine", () => {
    expect(analyzeText(`import os\ndef print(x):\n    pass\nprint(os.environ["HF_TOKEN"])\n`).filter((d) => d.code === "HFJ103")).toEqual([]);
    expect(analyzeText(`import os\nprint(os.environ["HOME"])\n`)).toEqual([]);
  });
});
