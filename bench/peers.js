// hf-jobs-lint against its peers on the same folders, each tool in its own process, in interleaved rounds
// (medians of wall time, CPU time and peak RSS), with the done-means criteria of issue 12 as PASS/FAIL lines.
//
//   node bench/peers.js [DIR...] [--rounds 5] [--scale N] [--tools LIST] [--timeout 600] [--json]
//
// With no DIR a generated Python tree (bench/generate-tree.js, `--files 3000`) is used and removed afterwards.
// Tools (`--tools`, comma-separated; default all of them):
//   check       hf-jobs-lint check, every default rule, default threads (`--no-cache` when the CLI has a cache)
//   check-warm  the same with the cache, on a tree the cache already holds (only when `check --help` lists --no-cache)
//   migrate     hf-jobs-lint migrate --dry-run
//   ast-grep    `ast-grep scan` with the 4 rules of bench/ast-grep (AST_GREP=binary, or `npm i --no-save @ast-grep/cli`)
//   ruff        Ruff's WASM build over every .py file, default rules (RUFF_WASM=folder, or
//               `npm i --no-save @astral-sh/ruff-wasm-nodejs`)
//   regex       the floor: read every file and run core's token pattern
// The file list of ruff and regex is the one `check --show-files` prints (discovery is not in their figures).
//
// Measurement: wall time from spawn to exit, taken here. Node tools load a probe (`--import`) that writes
// process.resourceUsage() at exit: CPU (user+sys) and peak RSS of the process, worker threads included (the CLI
// spawns no child process outside `--repos`). A native binary runs under `/usr/bin/time -f` when that is GNU time,
// else its process tree is polled in Linux /proc (VmHWM, VmRSS summed over the tree, utime+stime), else CPU and
// RSS are n/a. `--native-measure time|proc|none` forces one. The CLI runs with the Node options of its bin's
// `#!/usr/bin/env -S node …` line, as the installed command runs.
//
// `--scale N` also builds a tree of N copies of the DIRs (hard links in a temp folder, removed afterwards) and runs
// the `--scale-tools` (default check, check-warm, ast-grep) on it in the same rounds, for time and RSS ratios vs 1x.
// Each child has a timeout (`--timeout` seconds, times N on the scaled tree); a failing tool prints its stderr tail.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { generatePythonTree } from "./generate-tree.js";
import { shebangNodeOptions } from "./shebang.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.join(here, "..");
const cliBin = path.join(repoRoot, "packages", "cli", "bin", "hf-jobs-lint.js");
const tokensModule = path.join(repoRoot, "packages", "core", "dist", "tokens.js");
const astGrepConfig = path.join(here, "ast-grep", "sgconfig.yml");
const TOOL_IDS = ["check", "check-warm", "migrate", "ast-grep", "ruff", "regex"];
const MB = 1024 * 1024;

// Done-means of issue 12. "Flat" memory: the scaled tree's peak RSS within this factor of the 1x tree's.
const LIMITS = { rssMb: 150, warmSeconds: 0.5, migrateRatio: 1.2, flatRss: 1.25 };

const USAGE = `Usage: node bench/peers.js [DIR...] [options]
  --rounds N          interleaved rounds, medians reported (default 5)
  --scale N           also run on a tree of N hard-linked copies of the DIRs, ratios vs 1x
  --tools LIST        tools to run: ${TOOL_IDS.join(",")} (default all)
  --scale-tools LIST  tools run on the scaled tree (default check,check-warm,ast-grep)
  --files N           size of the generated Python tree when no DIR is given (default 3000)
  --timeout S         seconds before a child is killed (default 600; times N on the scaled tree)
  --native-measure M  CPU/RSS of native tools: auto, time, proc, none (default auto)
  --json              print the results as JSON instead of tables`;

// ---------------------------------------------------------------------------------------------------------------
// Options

function fail(message) {
  process.stderr.write(`peers.js: ${message}\n`);
  process.exit(2);
}

function positiveInt(name, text, fallback) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} wants a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

function toolList(name, text, fallback) {
  if (text === undefined) return fallback;
  const ids = text
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !TOOL_IDS.includes(id));
  if (unknown.length > 0) fail(`--${name}: unknown tool ${unknown.join(", ")} (tools: ${TOOL_IDS.join(", ")})`);
  return TOOL_IDS.filter((id) => ids.includes(id));
}

function readOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rounds: { type: "string" },
        scale: { type: "string" },
        tools: { type: "string" },
        "scale-tools": { type: "string" },
        files: { type: "string" },
        timeout: { type: "string" },
        "native-measure": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const dirs = positionals.map((dir) => path.resolve(dir));
  for (const [i, dir] of dirs.entries()) {
    if (fs.existsSync(dir)) continue;
    const hint = /^\d+$/.test(positionals[i]) ? ` (the generated tree's size is --files ${positionals[i]})` : "";
    fail(`no such file or folder: ${positionals[i]}${hint}`);
  }
  const nativeMeasure = values["native-measure"] ?? "auto";
  if (!["auto", "time", "proc", "none"].includes(nativeMeasure)) fail(`--native-measure: auto, time, proc or none, got ${nativeMeasure}`);
  const scale = positiveInt("scale", values.scale, 1);
  const tools = toolList("tools", values.tools, TOOL_IDS);
  // A tool run on the scaled tree runs on the 1x tree too: its ratio needs both.
  const scaleTools =
    scale > 1
      ? toolList(
          "scale-tools",
          values["scale-tools"],
          ["check", "check-warm", "ast-grep"].filter((id) => tools.includes(id)),
        )
      : [];
  return {
    dirs,
    rounds: positiveInt("rounds", values.rounds, 5),
    scale,
    tools: TOOL_IDS.filter((id) => tools.includes(id) || scaleTools.includes(id)),
    scaleTools,
    files: positiveInt("files", values.files, 3000),
    timeoutMs: positiveInt("timeout", values.timeout, 600) * 1000,
    nativeMeasure,
    json: Boolean(values.json),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const { redactText } = await import(pathToFileURL(tokensModule).href).catch(() => fail(`${path.relative(process.cwd(), tokensModule)} is missing: run \`npm run build\` first`));

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The last lines of a child's stderr, tokens redacted (nothing here prints a token whole). */
function tail(text, lines = 6) {
  return redactText(text.trim().split("\n").slice(-lines).join("\n"));
}

function ratio(a, b) {
  return a == null || b == null || b === 0 ? null : a / b;
}

const progress = (line) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Temp folder: probe, helper scripts, file lists, outputs, cache, generated and scaled trees. Removed on every exit.

const work = fs.mkdtempSync(path.join(os.tmpdir(), "hf-jobs-lint-peers-"));
const running = new Set();
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  for (const child of running) killTree(child);
  fs.rmSync(work, { recursive: true, force: true });
}
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    cleanUp();
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  });
}

// Written in the main thread only: worker threads load the probe too (they inherit execArgv), and the main thread's
// resourceUsage() is the whole process's, workers included.
const probe = path.join(work, "probe.mjs");
fs.writeFileSync(
  probe,
  `import fs from "node:fs";
import { isMainThread } from "node:worker_threads";
const out = process.env.PEERS_PROBE_OUT;
if (isMainThread && out) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }));
  });
}
`,
);

const regexScan = path.join(work, "regex-scan.mjs");
fs.writeFileSync(
  regexScan,
  `import fs from "node:fs";
const [listFile, tokensUrl] = process.argv.slice(2);
const { findTokenShapes } = await import(tokensUrl);
let findings = 0, files = 0;
for (const file of fs.readFileSync(listFile, "utf8").split("\\n")) {
  if (!file) continue;
  let text;
  try { text = fs.readFileSync(file, "utf8"); } catch { continue; }
  files++;
  findings += findTokenShapes(text).length;
}
process.stdout.write(JSON.stringify({ findings, files }));
`,
);

const ruffScan = path.join(work, "ruff-scan.mjs");
fs.writeFileSync(
  ruffScan,
  `import fs from "node:fs";
const [listFile, ruffUrl] = process.argv.slice(2);
const loaded = await import(ruffUrl);
const ruff = loaded.Workspace ? loaded : loaded.default;
const workspace = new ruff.Workspace(ruff.Workspace.defaultSettings(), ruff.PositionEncoding.Utf16);
let findings = 0, files = 0, errors = 0;
for (const file of fs.readFileSync(listFile, "utf8").split("\\n")) {
  if (!/\\.pyi?$/.test(file)) continue;
  let text;
  try { text = fs.readFileSync(file, "utf8"); } catch { continue; }
  files++;
  try { findings += workspace.check(text).length; } catch { errors++; }
}
process.stdout.write(JSON.stringify({ findings, files, errors }));
`,
);

// ---------------------------------------------------------------------------------------------------------------
// Running one child and measuring it

function killTree(child) {
  try {
    process.kill(-child.pid, "SIGKILL"); // the child leads its own process group (detached)
  } catch {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
}

function gnuTimeWorks() {
  if (!fs.existsSync("/usr/bin/time")) return false;
  const result = spawnSync("/usr/bin/time", ["-f", "%M", "true"], { encoding: "utf8" });
  return result.status === 0 && /^\d+\s*$/.test(result.stderr);
}

function procWorks() {
  return process.platform === "linux" && fs.existsSync(`/proc/${process.pid}/status`);
}

/** One /proc sample of a process tree: CPU so far, RSS now summed, the largest high-water mark. */
function procSample(rootPid) {
  const pids = [rootPid];
  let cpuTicks = 0;
  let rssKb = 0;
  let hwmKb = 0;
  for (let i = 0; i < pids.length; i++) {
    const pid = pids[i];
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime (fields 14-17 of proc(5)); the children's share counts once they are reaped
      cpuTicks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      hwmKb = Math.max(hwmKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
        const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
        if (children) for (const child of children.split(" ")) pids.push(Number(child));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return { cpuMs: cpuTicks * 10, rssKb, hwmKb }; // USER_HZ is 100 on Linux
}

/**
 * Runs one command to its end. kind "node": the probe measures it; kind "native": GNU time, /proc polling or
 * nothing, per `nativeMeasure`. Resolves with wall, CPU and RSS (null when not measured), exit code, outputs.
 */
function runChild({ command, args, kind, nodeOptions = [], cwd, env, timeoutMs, nativeMeasure, tag }) {
  const stdoutFile = path.join(work, `${tag}.out`);
  const resultFile = path.join(work, `${tag}.usage`);
  fs.rmSync(resultFile, { force: true });
  let file = command;
  let argv = args;
  let method = "none";
  const childEnv = { ...process.env, ...env };
  if (kind === "node") {
    file = process.execPath;
    argv = [...nodeOptions, "--import", pathToFileURL(probe).href, command, ...args];
    childEnv.PEERS_PROBE_OUT = resultFile;
    method = "node resourceUsage";
  } else if (nativeMeasure === "time") {
    file = "/usr/bin/time";
    argv = ["-o", resultFile, "-f", "%e %U %S %M", command, ...args];
    method = "/usr/bin/time";
  } else if (nativeMeasure === "proc") {
    method = "/proc polling";
  }
  const stdoutFd = fs.openSync(stdoutFile, "w");
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    let stderr = "";
    let timedOut = false;
    let spawnError = null;
    let polled = null;
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ["ignore", stdoutFd, "pipe"], detached: true });
    running.add(child);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-64 * 1024);
    });
    child.on("error", (error) => {
      spawnError = error;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    let poller = null;
    if (method === "/proc polling" && child.pid) {
      polled = { cpuMs: null, rssKb: 0 };
      const sample = () => {
        const now = procSample(child.pid);
        if (now.cpuMs > 0 || now.rssKb > 0) polled.cpuMs = now.cpuMs;
        polled.rssKb = Math.max(polled.rssKb, now.rssKb, now.hwmKb);
      };
      sample();
      poller = setInterval(sample, 10);
    }
    child.on("close", (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      running.delete(child);
      fs.closeSync(stdoutFd);
      let cpuMs = null;
      let rssKb = null;
      try {
        const usage = fs.readFileSync(resultFile, "utf8");
        if (kind === "node") {
          ({ cpuMs, maxRssKb: rssKb } = JSON.parse(usage));
        } else {
          // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
          const figures = usage.trim().split("\n").at(-1).split(" ").map(Number);
          cpuMs = (figures[1] + figures[2]) * 1000;
          rssKb = figures[3];
        }
      } catch {
        // no usage file: the child was killed, never started, or is measured another way
      }
      if (polled) {
        cpuMs = polled.cpuMs;
        rssKb = polled.rssKb || null;
      }
      const stdout = fs.readFileSync(stdoutFile, "utf8");
      fs.rmSync(stdoutFile, { force: true });
      resolve({ wallMs, cpuMs, rssKb, exitCode: code, signal, timedOut, spawnError, stdout, stderr, method });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Trees

/** Every file `check` would check, one absolute path a line, and their total size. */
function listFiles(dirs, listFile) {
  const result = spawnSync(process.execPath, [cliBin, "check", ...dirs, "--show-files"], { encoding: "utf8", maxBuffer: 512 * MB });
  if (result.status !== 0) throw new Error(`check --show-files failed:\n${tail(result.stderr)}`);
  const files = result.stdout
    .split("\n")
    .filter(Boolean)
    .map((file) => path.resolve(file));
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.readFileSync(file).length; // also brings every file into the page cache before round 1
    } catch {
      // vanished since discovery
    }
  }
  fs.writeFileSync(listFile, files.join("\n") + "\n");
  return { fileCount: files.length, pyCount: files.filter((file) => /\.pyi?$/.test(file)).length, bytes };
}

/** `cp -al`: the same tree of folders, every file a hard link (a copy when the temp folder is on another device). */
function linkTree(source, target, stats) {
  const entry = fs.lstatSync(source);
  if (entry.isDirectory()) {
    fs.mkdirSync(target);
    for (const name of fs.readdirSync(source)) linkTree(path.join(source, name), path.join(target, name), stats);
  } else if (entry.isSymbolicLink()) {
    fs.symlinkSync(fs.readlinkSync(source), target);
  } else if (entry.isFile()) {
    try {
      fs.linkSync(source, target);
    } catch (error) {
      if (error.code !== "EXDEV" && error.code !== "EPERM") throw error;
      fs.copyFileSync(source, target);
      stats.copied++;
    }
  }
}

/** N copies of the given dirs: copy-1/<name>, ..., copy-N/<name>. Returns the copy folders. */
function buildScaledTree(dirs, scale, root) {
  const stats = { copied: 0 };
  const names = [];
  for (const dir of dirs) {
    const base = path.basename(dir) || "root";
    let name = base;
    for (let k = 2; names.includes(name); k++) name = `${base}-${k}`;
    names.push(name);
  }
  const copies = [];
  for (let i = 1; i <= scale; i++) {
    const copy = path.join(root, `copy-${i}`);
    fs.mkdirSync(copy, { recursive: true });
    dirs.forEach((dir, k) => linkTree(dir, path.join(copy, names[k]), stats));
    copies.push(copy);
  }
  return { copies, copied: stats.copied };
}

// ---------------------------------------------------------------------------------------------------------------
// Tools

function resolveAstGrep() {
  if (process.env.AST_GREP) return fs.existsSync(process.env.AST_GREP) ? process.env.AST_GREP : null;
  const bin = process.platform === "win32" ? "ast-grep.exe" : "ast-grep";
  const modules = path.join(repoRoot, "node_modules", "@ast-grep");
  // npm may skip @ast-grep/cli's postinstall, which copies the platform package's binary over a placeholder.
  const platform = fs.existsSync(modules)
    ? fs
        .readdirSync(modules)
        .filter((name) => name.startsWith(`cli-${process.platform}-${process.arch}`))
        .map((name) => path.join(modules, name, bin))
    : [];
  return [...platform, path.join(modules, "cli", bin)].find((file) => fs.existsSync(file)) ?? null;
}

function resolveRuff() {
  if (process.env.RUFF_WASM) {
    const file = path.resolve(process.env.RUFF_WASM, "ruff_wasm.js");
    return fs.existsSync(file) ? file : null;
  }
  try {
    return createRequire(path.join(repoRoot, "package.json")).resolve("@astral-sh/ruff-wasm-nodejs");
  } catch {
    return null;
  }
}

function versionOf(file, args) {
  const result = spawnSync(file, args, { encoding: "utf8", timeout: 30_000 });
  if (result.status !== 0 || result.error) return { error: tail(`${result.stderr ?? ""}\n${result.error?.message ?? ""}`) || `exit ${result.status}` };
  return { version: result.stdout.trim().split("\n")[0] };
}

/** Each tool: how to install it when absent, how to run it on a tree, how to read its findings. */
function describeTools(options, cli) {
  const cacheArgs = (tree) => (cli.cacheDir ? ["--cache-dir", tree.cacheDir] : []);
  const checkArgs = (tree) => ["check", ...tree.dirs, "--output-format", "json", "--exit-zero"];
  const countJson = (result) => ({ findings: JSON.parse(result.stdout).length });
  const cliNodeOptions = shebangNodeOptions(cliBin);
  const tools = {
    check: {
      label: "hf-jobs-lint check",
      kind: "node",
      command: cliBin,
      nodeOptions: cliNodeOptions,
      args: (tree) => [...checkArgs(tree), ...(cli.noCache ? ["--no-cache"] : [])],
      ok: (code) => code === 0,
      read: countJson,
    },
    "check-warm": {
      label: "hf-jobs-lint check, warm cache",
      missing: cli.noCache ? null : "not supported: `check --help` lists no --no-cache (no cache in this build)",
      kind: "node",
      command: cliBin,
      nodeOptions: cliNodeOptions,
      args: (tree) => [...checkArgs(tree), ...cacheArgs(tree)],
      ok: (code) => code === 0,
      read: countJson,
    },
    migrate: {
      label: "hf-jobs-lint migrate --dry-run",
      kind: "node",
      command: cliBin,
      nodeOptions: cliNodeOptions,
      args: (tree) => ["migrate", "--dry-run", ...tree.dirs],
      ok: (code) => code === 0 || code === 1,
      read: (result) => {
        const summary = /over (\d+) files?: (\d+) would change/.exec(result.stderr);
        if (!summary) throw new Error("no `Migration (dry run) over N files: M would change` summary on stderr");
        return { findings: Number(summary[2]), unit: "files would change" };
      },
    },
    "ast-grep": {
      label: "ast-grep scan (4 rules)",
      kind: "native",
      command: resolveAstGrep(),
      missing: "not installed: `npm i --no-save @ast-grep/cli`, or AST_GREP=/path/to/ast-grep",
      versionArgs: ["--version"],
      args: (tree) => ["scan", "--config", astGrepConfig, "--json=compact", ...tree.dirs],
      ok: (code) => code === 0 || code === 1, // 1: error-level findings
      read: countJson,
    },
    ruff: {
      label: "Ruff WASM, default rules",
      kind: "node",
      command: ruffScan,
      module: resolveRuff(),
      missing: "not installed: `npm i --no-save @astral-sh/ruff-wasm-nodejs`, or RUFF_WASM=/path/to/its/folder",
      args: (tree) => [tree.listFile, pathToFileURL(tools.ruff.module).href],
      ok: (code) => code === 0,
      read: (result) => ({ ...JSON.parse(result.stdout), unit: "diagnostics" }),
    },
    regex: {
      label: "regex floor (read + token pattern)",
      kind: "node",
      command: regexScan,
      args: (tree) => [tree.listFile, pathToFileURL(tokensModule).href],
      ok: (code) => code === 0,
      read: (result) => ({ ...JSON.parse(result.stdout), unit: "token shapes" }),
    },
  };
  for (const [id, tool] of Object.entries(tools)) {
    tool.id = id;
    if (id === "ast-grep" || id === "ruff") {
      const present = id === "ruff" ? tool.module : tool.command;
      if (!present) continue;
      tool.missing = null;
      if (id === "ast-grep") {
        const probed = versionOf(tool.command, tool.versionArgs);
        tool.version = probed.version;
        if (probed.error) tool.broken = `\`${tool.command} --version\` failed:\n${probed.error}`;
      } else {
        tool.version = `ruff-wasm ${JSON.parse(fs.readFileSync(path.join(path.dirname(tool.module), "package.json"), "utf8")).version}`;
      }
    }
    tool.missing ??= null;
  }
  return tools;
}

/** What the built CLI supports, read from `check --help` (a cache is being added in parallel). */
function cliFeatures() {
  if (!fs.existsSync(path.join(repoRoot, "packages", "cli", "dist", "index.js"))) fail("packages/cli/dist is missing: run `npm run build` first");
  const help = spawnSync(process.execPath, [cliBin, "check", "--help"], { encoding: "utf8" });
  if (help.status !== 0) fail(`\`hf-jobs-lint check --help\` failed:\n${tail(help.stderr)}`);
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "packages", "cli", "package.json"), "utf8"));
  return { noCache: help.stdout.includes("--no-cache"), cacheDir: help.stdout.includes("--cache-dir"), version };
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds

function summarise(tool, tree, runs) {
  const good = runs.filter((run) => run.error == null);
  const failed = runs.filter((run) => run.error != null);
  const pick = (key) => median(good.map((run) => run[key]).filter((value) => value != null));
  const counts = [...new Set(good.map((run) => run.findings))];
  return {
    tool: tool.id,
    label: tree.scale > 1 ? `${tool.label} x${tree.scale}` : tool.label,
    scale: tree.scale,
    status: good.length > 0 ? "ok" : "failed",
    runs: runs.length,
    failedRuns: failed.length,
    wallS: pick("wallMs") == null ? null : pick("wallMs") / 1000,
    wallMinS: good.length ? Math.min(...good.map((run) => run.wallMs)) / 1000 : null,
    wallMaxS: good.length ? Math.max(...good.map((run) => run.wallMs)) / 1000 : null,
    cpuS: pick("cpuMs") == null ? null : pick("cpuMs") / 1000,
    rssMb: pick("rssKb") == null ? null : pick("rssKb") / 1024,
    findings: counts.length === 1 ? counts[0] : counts.length ? counts : null,
    unit: good[0]?.unit ?? "findings",
    files: good[0]?.files ?? null, // files a scan script read (ruff, regex)
    measuredBy: good[0]?.method ?? runs[0]?.method ?? null,
    error: failed[0]?.error ?? null,
    // Every good round, in order, for notes that want more than the median.
    samples: good.map((run) => ({ wallS: run.wallMs / 1000, cpuS: run.cpuMs == null ? null : run.cpuMs / 1000, rssMb: run.rssKb == null ? null : run.rssKb / 1024 })),
  };
}

async function runJob(job, options) {
  const { tool, tree } = job;
  const result = await runChild({
    command: tool.command,
    args: tool.args(tree),
    kind: tool.kind,
    ...(tool.nodeOptions ? { nodeOptions: tool.nodeOptions } : {}),
    cwd: process.cwd(),
    env: {},
    timeoutMs: options.timeoutMs * tree.scale,
    nativeMeasure: options.nativeMeasure,
    tag: `${tool.id}-x${tree.scale}`,
  });
  const run = { wallMs: result.wallMs, cpuMs: result.cpuMs, rssKb: result.rssKb, method: result.method, error: null };
  if (result.timedOut) run.error = `timed out after ${(options.timeoutMs * tree.scale) / 1000} s (killed)`;
  else if (result.spawnError) run.error = `could not start ${tool.command}: ${result.spawnError.message}`;
  else if (!tool.ok(result.exitCode)) run.error = `exit ${result.exitCode ?? result.signal}:\n${tail(result.stderr) || "(no stderr)"}`;
  else {
    try {
      const { findings, unit, files } = tool.read(result);
      Object.assign(run, { findings, unit, files });
    } catch (error) {
      run.error = `unreadable output (${error.message}):\n${tail(result.stderr) || "(no stderr)"}`;
    }
  }
  return run;
}

// ---------------------------------------------------------------------------------------------------------------
// Criteria

function criteria(rows, options) {
  const find = (id, scale = 1) => rows.find((row) => row.tool === id && row.scale === scale && row.status === "ok");
  const check = find("check");
  const astGrep = find("ast-grep");
  const warm = find("check-warm");
  const migrate = find("migrate");
  const out = [];
  const add = (id, label, pass, figure) => out.push({ id, label, pass, figure });
  const s = (value) => `${value.toFixed(2)} s`;
  if (check && astGrep)
    add("wall-vs-ast-grep", "wall time <= ast-grep's", check.wallS <= astGrep.wallS, `${s(check.wallS)} vs ${s(astGrep.wallS)} (${(check.wallS / astGrep.wallS).toFixed(2)}x)`);
  else add("wall-vs-ast-grep", "wall time <= ast-grep's", null, `n/a (${check ? "ast-grep" : "check"} did not run)`);
  if (check?.rssMb != null) add("peak-rss", `peak RSS < ${LIMITS.rssMb} MB`, check.rssMb < LIMITS.rssMb, `${check.rssMb.toFixed(0)} MB`);
  else add("peak-rss", `peak RSS < ${LIMITS.rssMb} MB`, null, "n/a (check did not run)");
  if (warm) add("warm", `warm run < ${LIMITS.warmSeconds} s`, warm.wallS < LIMITS.warmSeconds, s(warm.wallS));
  else add("warm", `warm run < ${LIMITS.warmSeconds} s`, null, `n/a (${rows.find((row) => row.tool === "check-warm")?.error ?? "check-warm did not run"})`);
  if (check && migrate)
    add(
      "migrate",
      `migrate --dry-run <= ${LIMITS.migrateRatio}x check`,
      migrate.wallS <= LIMITS.migrateRatio * check.wallS,
      `${s(migrate.wallS)} vs ${s(check.wallS)} (${(migrate.wallS / check.wallS).toFixed(2)}x)`,
    );
  else add("migrate", `migrate --dry-run <= ${LIMITS.migrateRatio}x check`, null, "n/a (check or migrate did not run)");
  const n = options.scale;
  const label = `${n > 1 ? n : 10}x tree in <= ${n > 1 ? n : 10}x time at flat memory (RSS <= ${LIMITS.flatRss}x)`;
  const scaled = find("check", n);
  if (n > 1 && check && scaled) {
    const time = scaled.wallS / check.wallS;
    const rss = ratio(scaled.rssMb, check.rssMb);
    const pass = rss == null ? null : time <= n && rss <= LIMITS.flatRss;
    add("scale", label, pass, `time ${time.toFixed(2)}x (${s(check.wallS)} -> ${s(scaled.wallS)}), peak RSS ${rss == null ? "n/a" : `${rss.toFixed(2)}x`}`);
  } else add("scale", label, null, n > 1 ? "n/a (check did not run on both trees)" : "n/a (run with --scale 10)");
  return out;
}

function ratios(rows) {
  const find = (id, scale = 1) => rows.find((row) => row.tool === id && row.scale === scale && row.status === "ok");
  const out = [];
  const astGrep = find("ast-grep");
  for (const id of ["check", "check-warm", "migrate"]) {
    const row = find(id);
    if (row && astGrep)
      out.push({ of: row.label, to: astGrep.label, wall: ratio(row.wallS, astGrep.wallS), cpu: ratio(row.cpuS, astGrep.cpuS), rss: ratio(row.rssMb, astGrep.rssMb) });
  }
  for (const row of rows.filter((r) => r.scale > 1 && r.status === "ok")) {
    const base = find(row.tool);
    if (base) out.push({ of: row.label, to: base.label, wall: ratio(row.wallS, base.wallS), cpu: ratio(row.cpuS, base.cpuS), rss: ratio(row.rssMb, base.rssMb) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function printText(report) {
  const f = (value, digits) => (value == null ? "n/a" : value.toFixed(digits));
  const lines = [];
  lines.push(`tree: ${report.tree.description}`);
  if (report.tree.fileCount != null) lines.push(`      ${report.tree.fileCount} files checked (${report.tree.pyCount} Python), ${(report.tree.bytes / MB).toFixed(1)} MB`);
  if (report.scaled) lines.push(`scaled: ${report.scaled.scale} hard-linked copies${report.scaled.copied ? ` (${report.scaled.copied} files copied: other device)` : ""}`);
  lines.push(
    `machine: ${report.machine.cpus} CPUs, load ${report.machine.loadBefore.join(" ")} before, ${report.machine.loadAfter.join(" ")} after; node ${report.machine.node}; ${report.rounds} interleaved rounds, medians`,
  );
  if (report.cli.version)
    lines.push(
      `hf-jobs-lint ${report.cli.version}: cache ${report.cli.noCache ? `yes (--no-cache on check${report.cli.cacheDir ? ", --cache-dir in a temp folder" : ", default cache folder"})` : "no"}`,
    );
  lines.push("");
  const header = ["tool", "wall s", "(min-max)", "CPU s", "RSS MB", "result"];
  const table = [header];
  for (const row of report.rows) {
    if (row.status === "ok") {
      const failed = row.failedRuns ? `; failed ${row.failedRuns} of ${row.runs} rounds` : "";
      table.push([
        row.label,
        f(row.wallS, 2),
        `(${f(row.wallMinS, 2)}-${f(row.wallMaxS, 2)})`,
        f(row.cpuS, 2),
        f(row.rssMb, 0),
        `${Array.isArray(row.findings) ? row.findings.join("/") : row.findings} ${row.unit}${failed}`,
      ]);
    } else table.push([row.label, "-", "", "-", "-", { failed: "FAILED (below)", "not-installed": "not installed (below)", "not-supported": "not supported (below)" }[row.status]]);
  }
  const widths = header.map((_, i) => Math.max(...table.map((cells) => cells[i].length)));
  for (const cells of table)
    lines.push(
      cells
        .map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join("  ")
        .trimEnd(),
    );
  const methods = [...new Set(report.rows.filter((row) => row.measuredBy).map((row) => `${row.tool}: ${row.measuredBy}`))];
  lines.push(`CPU = user+sys; RSS = peak. Measured by ${methods.join(", ")}.`);
  const absent = report.rows.filter((r) => r.status === "not-installed" || r.status === "not-supported");
  for (const [i, row] of absent.entries()) lines.push(`${i === 0 ? "\n" : ""}${row.label}: ${row.error}`);
  // Every failed round's first error, stderr tail included: a tool that failed once in five still says why.
  for (const row of report.rows.filter((r) => r.error && !absent.includes(r)))
    lines.push("", `${row.label} FAILED${row.status === "ok" ? ` in ${row.failedRuns} of ${row.runs} rounds` : ""}: ${row.error.replace(/\n/g, "\n    ")}`);
  if (report.ratios.length) {
    const names = report.ratios.map((r) => `${r.of} / ${r.to}`);
    const width = Math.max(...names.map((name) => name.length));
    lines.push("", `${"ratios of the medians".padEnd(width)}    wall     CPU     RSS`);
    report.ratios.forEach((r, i) => lines.push(`${names[i].padEnd(width)} ${[r.wall, r.cpu, r.rss].map((value) => f(value, 2).padStart(7)).join(" ")}`));
  }
  lines.push("", "done-means (issue 12):");
  for (const c of report.criteria) lines.push(`  ${c.pass === true ? "PASS" : c.pass === false ? "FAIL" : "n/a "}  ${c.label}: ${c.figure}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = readOptions(process.argv.slice(2));
  // The file list (ruff, regex, the tree's size) and the CLI's features need the built CLI; ast-grep alone does not.
  const usesCli = options.tools.some((id) => id !== "ast-grep");
  const cli = usesCli ? cliFeatures() : { noCache: false, cacheDir: false, version: null };
  if (options.nativeMeasure === "auto") options.nativeMeasure = gnuTimeWorks() ? "time" : procWorks() ? "proc" : "none";
  else if (options.nativeMeasure === "time" && !gnuTimeWorks()) fail("--native-measure time: /usr/bin/time is not GNU time here");
  else if (options.nativeMeasure === "proc" && !procWorks()) fail("--native-measure proc: no Linux /proc here");

  let description;
  let dirs = options.dirs;
  if (dirs.length === 0) {
    const root = path.join(work, "generated");
    const generated = generatePythonTree(root, options.files);
    dirs = [root];
    description = `generated Python tree (bench/generate-tree.js), ${generated.files} files`;
  } else description = dirs.map((dir) => path.relative(process.cwd(), dir) || ".").join(" ");

  const trees = [{ scale: 1, dirs, listFile: path.join(work, "files-x1.txt"), cacheDir: path.join(work, "cache-x1") }];
  if (usesCli) {
    progress(`listing files (check --show-files) and reading them once...`);
    Object.assign(trees[0], listFiles(dirs, trees[0].listFile));
  }
  let scaled = null;
  if (options.scale > 1) {
    progress(`building ${options.scale} hard-linked copies...`);
    const built = buildScaledTree(dirs, options.scale, path.join(work, `scaled-x${options.scale}`));
    scaled = { scale: options.scale, copied: built.copied };
    const tree = { scale: options.scale, dirs: built.copies, listFile: path.join(work, `files-x${options.scale}.txt`), cacheDir: path.join(work, `cache-x${options.scale}`) };
    if (options.scaleTools.some((id) => id === "ruff" || id === "regex")) Object.assign(tree, listFiles(tree.dirs, tree.listFile));
    trees.push(tree);
  }

  const tools = describeTools(options, cli);
  const jobs = [];
  const rows = [];
  for (const tree of trees) {
    for (const id of tree.scale === 1 ? options.tools : options.scaleTools) {
      const tool = tools[id];
      const label = tree.scale > 1 ? `${tool.label} x${tree.scale}` : tool.label;
      if (tool.missing) rows.push({ tool: id, label, scale: tree.scale, status: id === "check-warm" ? "not-supported" : "not-installed", error: tool.missing });
      else if (tool.broken) rows.push({ tool: id, label, scale: tree.scale, status: "failed", error: tool.broken });
      else jobs.push({ tool, tree, runs: [] });
    }
  }
  // The warm runs need a cache that holds the tree: one untimed run with the cache fills it.
  for (const job of jobs.filter((j) => j.tool.id === "check-warm")) {
    progress(`filling the cache (x${job.tree.scale}, untimed)...`);
    const prime = await runJob(job, options);
    if (prime.error) job.runs.push({ ...prime, error: `filling the cache failed: ${prime.error}` });
  }

  const loadBefore = os.loadavg().map((load) => Number(load.toFixed(2)));
  for (let round = 0; round < options.rounds; round++) {
    // Interleaved, and the order rotates each round so no tool always runs first (cold caches, load drift).
    const order = jobs.map((_, i) => jobs[(i + round) % jobs.length]);
    for (const job of order) {
      if (job.runs.some((run) => run.error?.startsWith("filling the cache failed"))) continue;
      const run = await runJob(job, options);
      job.runs.push(run);
      const figure = run.error ? `failed (${run.error.split("\n")[0]})` : `${(run.wallMs / 1000).toFixed(2)} s`;
      progress(`round ${round + 1}/${options.rounds}: ${job.tool.id}${job.tree.scale > 1 ? ` x${job.tree.scale}` : ""} ${figure}`);
    }
  }
  const loadAfter = os.loadavg().map((load) => Number(load.toFixed(2)));

  const order = (row) => TOOL_IDS.indexOf(row.tool) + 100 * (row.scale > 1);
  for (const job of jobs) rows.push(summarise(job.tool, job.tree, job.runs));
  rows.sort((a, b) => order(a) - order(b));
  for (const row of rows) {
    const tool = tools[row.tool];
    if (tool.version && row.status === "ok") row.version = tool.version;
    if (row.tool === "ast-grep" && tool.version) row.label = row.label.replace("ast-grep", tool.version);
  }
  const report = {
    tree: { description, dirs: options.dirs, fileCount: trees[0].fileCount ?? null, pyCount: trees[0].pyCount ?? null, bytes: trees[0].bytes ?? null },
    scaled,
    machine: { cpus: os.cpus().length, loadBefore, loadAfter, node: process.version },
    cli: { version: cli.version, noCache: cli.noCache, cacheDir: cli.cacheDir },
    rounds: options.rounds,
    rows,
    ratios: ratios(rows),
    criteria: criteria(rows, options),
  };
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printText(report);
}

try {
  await main();
} finally {
  cleanUp();
}
