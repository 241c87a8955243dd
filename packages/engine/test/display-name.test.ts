// The name a file is shown by: its path from the working directory, with `/`, or its absolute path when it is not
// below it. Worked out by slicing the path itself where it can be (see lint-file.ts); always what
// `path.relative` gives.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayName } from "../src/lint-file.js";

const byRelative = (absolute: string, cwd: string): string => {
  const relative = path.relative(cwd, absolute);
  return (relative && !relative.startsWith("..") ? relative : absolute).split(path.sep).join("/");
};

const root = path.resolve("/work/tree");
const cases: [string, string][] = [
  [path.join(root, "jobs", "push.py"), root],
  [path.join(root, "jobs", "push.py"), root + path.sep],
  [path.join(root, "push.py"), root],
  [root, root],
  [path.join(path.dirname(root), "treehouse", "push.py"), root],
  [path.join(path.dirname(root), "other", "push.py"), root],
  [`${root}${path.sep}jobs${path.sep}..${path.sep}push.py`, root],
  [`${root}${path.sep}${path.sep}push.py`, root],
  [path.join(root, "jobs", "push.py"), `${root}${path.sep}jobs${path.sep}..`],
  [path.join(root, "jobs", "push.py"), path.parse(root).root],
];

describe("displayName", () => {
  it.each(cases)("%s from %s is what path.relative gives", (absolute, cwd) => {
    expect(displayName(absolute, cwd)).toBe(byRelative(absolute, cwd));
  });

  it("a file below the working directory is shown from it", () => {
    expect(displayName(path.join(root, "jobs", "push.py"), root)).toBe("jobs/push.py");
    expect(displayName(path.join(path.dirname(root), "treehouse", "push.py"), root)).toBe(path.join(path.dirname(root), "treehouse", "push.py").split(path.sep).join("/"));
  });
});
