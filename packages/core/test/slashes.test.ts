import path from "node:path";
import { describe, expect, it } from "vitest";
import { toSlashes } from "@hf-jobs-lint/core";

describe("toSlashes", () => {
  it.runIf(path.sep === "/")("is the path itself on POSIX, where a backslash is a character of a name", () => {
    const given = ["/repo", "scripts", "a\\b.py"].join("/");
    expect(toSlashes(given)).toBe(given);
  });

  it.runIf(path.sep === "\\")("turns Windows separators into slashes", () => {
    expect(toSlashes("C:\\repo\\scripts\\train.py")).toBe("C:/repo/scripts/train.py");
  });
});
