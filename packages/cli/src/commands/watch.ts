/**
 * `--watch`, as Ruff's: check, print the report, and check again whenever a file under the paths (or a
 * configuration file) changes, until interrupted. Changes are gathered for a moment so that a save that touches
 * several files, or an editor's write-and-rename, is one run. chokidar does the watching: fs.watch alone misses
 * renames and new folders on some platforms.
 */
import path from "node:path";
import { watch } from "chokidar";
import { DEFAULT_EXCLUDE, redactText } from "@hf-jobs-lint/core";
import { UsageError, type Io } from "../io.js";
import { makeOutput, reportRun, runCheck, type CheckOptions } from "./check.js";
import { colorizeLabel } from "../color.js";
import fs from "node:fs";

/** How long changes are gathered before the next run. */
const SETTLE_MS = 150;

const timestamp = (): string =>
  new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "");

export async function watchCommand(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  if (options.stdinFilename !== undefined || paths.includes("-")) throw new UsageError("--watch cannot read stdin");
  if (options.addNoqa || options.showFiles || options.showSettings) throw new UsageError("--watch cannot be combined with --add-noqa, --show-files or --show-settings");
  const roots = (paths.length > 0 ? paths : ["."]).map((p) => path.resolve(io.cwd, p));
  const effective: CheckOptions = options.fixOnly ? { ...options, fix: true } : options;
  const log = (line: string) => {
    if (!options.silent) io.stderr(colorizeLabel(`[${timestamp()}] ${line}\n`, Boolean(io.stderrIsTTY) && options.color !== "never"));
  };

  const once = async (): Promise<void> => {
    const started = Date.now();
    const run = await runCheck(paths, effective, io);
    const output = makeOutput({ ...effective, quiet: true }, io, (file, text) => fs.writeFileSync(file, redactText(text)));
    reportRun(run, { ...effective, quiet: true }, output, started, io);
    output.close();
    const remaining = run.remaining.length;
    log(`Found ${remaining} error${remaining === 1 ? "" : "s"}${run.fixedCount > 0 ? ` (${run.fixedCount} fixed)` : ""}. Watching for file changes.`);
  };

  log("Starting linter in watch mode...");
  // The watcher is ready before the first run: "Watching for file changes." is then true when printed, and a change
  // made during the first run starts another one.
  const watcher = watch(roots, {
    ignoreInitial: true,
    // The folders discovery never enters are not watched either (node_modules alone can exhaust the watch limit).
    ignored: (file) => file.split(path.sep).some((part) => DEFAULT_EXCLUDE.includes(part)),
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  if (options.verbose) log(`Watching ${roots.join(", ")}`);

  return new Promise<number>((resolve, reject) => {
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    // A first run that fails (a broken configuration) ends the command, as it did before any watching.
    let running: Promise<void> = once().catch((error: unknown) => {
      stopped = true;
      void watcher.close().then(() => reject(error));
    });
    const schedule = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        running = running.then(async () => {
          if (stopped) return;
          log("File change detected...");
          try {
            await once();
          } catch (error) {
            // A broken configuration mid-watch is reported and the watch goes on, as in Ruff.
            if (error instanceof UsageError) io.stderr(`hf-jobs-lint: error: ${error.message}\n`);
            else throw error;
          }
        });
      }, SETTLE_MS);
    };
    watcher.on("all", (event) => {
      if (event === "add" || event === "change" || event === "unlink" || event === "addDir" || event === "unlinkDir") schedule();
    });
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      void running.then(() => watcher.close()).then(() => resolve(0));
    };
    const signal = io.signal;
    if (signal) {
      if (signal.aborted) stop();
      else signal.addEventListener("abort", stop, { once: true });
    } else process.once("SIGINT", stop);
  });
}
