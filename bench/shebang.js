// The Node options a script's `#!/usr/bin/env -S node …` line gives it: the benchmarks run the CLI as its
// installed command runs (bench/peers.js, bench/timeline.js).
import fs from "node:fs";

export function shebangNodeOptions(file) {
  const first = fs.readFileSync(file, "utf8").split("\n", 1)[0];
  const match = /^#!\s*\/usr\/bin\/env\s+-S\s+node\s+(.*)$/.exec(first);
  return match ? match[1].trim().split(/\s+/) : [];
}
