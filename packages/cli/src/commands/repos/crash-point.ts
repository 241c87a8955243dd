/**
 * The steps of a repository's migration where a killed run must still resume to the same result. The resume tests
 * kill the process there, for real: `HF_JOBS_LINT_KILL_AT=STEP:N` sends SIGKILL to this process the N-th time a
 * run reaches STEP. Unset (always, outside those tests), a crash point does nothing.
 */
export type CrashStep = "committed" | "branched";

const reached = new Map<CrashStep, number>();

export function crashPoint(step: CrashStep): void {
  const setting = process.env.HF_JOBS_LINT_KILL_AT;
  if (!setting) return;
  const [name, count] = setting.split(":");
  if (name !== step) return;
  const times = (reached.get(step) ?? 0) + 1;
  reached.set(step, times);
  if (times >= Number(count ?? 1)) process.kill(process.pid, "SIGKILL");
}
