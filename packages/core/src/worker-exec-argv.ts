/**
 * The Node options a worker thread is started with: the parent's, less those that would make the worker run the
 * parent's code instead of its own file (`-e`/`--eval`/`-p`/`--print` with their code, `--input-type`).
 */
export function workerExecArgv(parent: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const arg = parent[i]!;
    if (arg === "-e" || arg === "--eval" || arg === "-p" || arg === "--print") i++;
    else if (!arg.startsWith("--input-type") && !arg.startsWith("--eval=") && !arg.startsWith("--print=")) kept.push(arg);
  }
  return kept;
}

/**
 * `execArgv` less the flags a worker refused (`ERR_WORKER_INVALID_EXEC_ARGV`): V8 and per-process options such as
 * `--max-old-space-size` apply to the whole process already, and Node refuses them for a worker. Null when the error
 * is another one, or names none of them.
 */
export function withoutRefusedFlags(execArgv: readonly string[], error: unknown): string[] | null {
  if ((error as NodeJS.ErrnoException | null)?.code !== "ERR_WORKER_INVALID_EXEC_ARGV") return null;
  const listed = /flags: (.*)$/.exec((error as Error).message)?.[1];
  const refused = new Set(listed?.split(", ") ?? []);
  const kept = execArgv.filter((arg) => !refused.has(arg));
  return kept.length < execArgv.length ? kept : null;
}

const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size(?:=|$)/;

/**
 * Whether the process's `--max-semi-space-size` came from its command line (the CLI's bin) and not from
 * NODE_OPTIONS: then the engine may set it back for its workers, whose young generation it sizes itself
 * (`resourceLimits`); a value in NODE_OPTIONS is the user's, for every thread.
 */
export function semiSpaceFlagFromCommandLine(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const inNodeOptions = (nodeOptions ?? "").split(/\s+/).some((option) => SEMI_SPACE_FLAG.test(option));
  return !inNodeOptions && execArgv.some((arg) => SEMI_SPACE_FLAG.test(arg));
}
