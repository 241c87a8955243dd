/** hf-jobs-lint: the command line. */
import { main as runMain } from "./program.js";
import { processIo } from "./io.js";

export { runMain };
export type { Io } from "./io.js";

/** Entry point of the `hf-jobs-lint` binary. */
export function main(argv: string[]): Promise<number> {
  return runMain(argv, processIo());
}
