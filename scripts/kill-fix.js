#!/usr/bin/env node
/**
 * `check --fix` killed mid-run (run `npm run build` first):
 *
 *   node scripts/kill-fix.js [--files 2000] [--kills 20] [--seed 1]
 *
 * A tree of fixable launchers is fixed once for reference; a copy is then fixed by the built CLI and SIGKILLed at
 * a random moment, again and again. After every kill each file must be either as it was or exactly as the
 * reference fixed it (never torn); the next run removes what the killed ones left (`.hfjl.tmp` files), and a last
 * run to the end leaves the reference tree. Prints the figures and exits 1 on any torn or left-over file.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { random } from "./fuzz-lib.js";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "packages", "cli", "bin", "hf-jobs-lint.js");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const files = option("files", 2000);
const kills = option("kills", 20);
const rng = random(option("seed", 1));

function launcher(i) {
  const padding = "# filler line to make the file longer\n".repeat(rng.int(200));
  return `"""Launcher ${i}."""\n${padding}from huggingface_hub import run_uv_job\n\nrun_uv_job(\n    "train.py",\n    env={"HF_TOKEN": "$HF_TOKEN", "N": "${i}"},\n)\n`;
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-kill-"));
const original = path.join(base, "original");
const reference = path.join(base, "reference");
const work = path.join(base, "work");
for (let i = 0; i < files; i++) {
  const file = path.join(original, `pkg${i % 20}`, `launch_${i}.py`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, launcher(i));
}
fs.cpSync(original, reference, { recursive: true });
fs.cpSync(original, work, { recursive: true });
spawnSync(process.execPath, [bin, "check", "--fix", "--quiet", "."], { cwd: reference });

const relative = (dir) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort();

/** Files neither as they were nor as the reference fixed them, and temporaries left behind. */
function inspect() {
  const torn = [];
  const temporaries = [];
  for (const name of relative(work)) {
    if (name.endsWith(".tmp")) {
      temporaries.push(name);
      continue;
    }
    const now = fs.readFileSync(path.join(work, name), "utf8");
    if (now !== fs.readFileSync(path.join(original, name), "utf8") && now !== fs.readFileSync(path.join(reference, name), "utf8")) torn.push(name);
  }
  return { torn, temporaries };
}

let tornTotal = 0;
let leftAfterKills = 0;
let leftAfterNextRun = 0;
for (let k = 0; k < kills; k++) {
  const child = spawn(process.execPath, [bin, "check", "--fix", "--quiet", "."], { cwd: work, stdio: "ignore" });
  const delay = 200 + rng.int(2500);
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill("SIGKILL");
  await new Promise((resolve) => child.on("exit", resolve));
  const { torn, temporaries } = inspect();
  tornTotal += torn.length;
  leftAfterKills += temporaries.length;
  console.log(`kill ${k + 1} after ${delay} ms: ${torn.length} torn, ${temporaries.length} temporary files left`);
  for (const name of torn) console.log(`  TORN ${name}`);
}
const last = spawnSync(process.execPath, [bin, "check", "--fix", "--quiet", "."], { cwd: work, encoding: "utf8" });
const end = inspect();
leftAfterNextRun = end.temporaries.length;
const differing = relative(reference).filter((name) => fs.readFileSync(path.join(work, name), "utf8") !== fs.readFileSync(path.join(reference, name), "utf8"));
console.log(
  `kill-fix: ${files} files, ${kills} SIGKILLs: ${tornTotal} torn files, ${leftAfterKills} temporaries left by the kills, ${leftAfterNextRun} left after the next run, ${differing.length} files unlike the reference after it (exit ${last.status})`,
);
fs.rmSync(base, { recursive: true, force: true });
process.exitCode = tornTotal > 0 || leftAfterNextRun > 0 || differing.length > 0 ? 1 : 0;
