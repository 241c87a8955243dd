/**
 * `hf-jobs-lint server`: the language server (@hf-jobs-lint/lsp) over stdin and stdout, as `ruff server`. It owns
 * the process's streams until the client disconnects; loaded only for this command, so `check` never pays for it.
 */
export async function serverCommand(): Promise<number> {
  const { startServer } = await import("@hf-jobs-lint/lsp");
  startServer();
  // Never settles: the language server library ends the process itself (on `exit`, or when its input closes), and
  // the binary leaves as soon as a command settles (bin/hf-jobs-lint.js).
  return new Promise<number>(() => {});
}
