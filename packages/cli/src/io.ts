/** The process edges (streams, working directory), passed in so the commands can be tested in-process. */

export interface Io {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  stderrIsTTY: boolean;
  /** Colours on stdout need a terminal there (absent: not a terminal). */
  stdoutIsTTY?: boolean;
  /** Ends `--watch` (tests); the process's SIGINT otherwise. */
  signal?: AbortSignal;
}

/** A mistake in how the command was called or configured: exit status 2. */
export class UsageError extends Error {}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}
