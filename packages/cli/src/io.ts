/**
 * The process edges (streams, working directory), passed in so the commands can be tested in-process, and the
 * output layer every command writes through: each byte for stdout and stderr passes one `RedactingWriter`, so no
 * message, report, diff, summary, argument-parser error or progress line can print a token whole, whoever built
 * it. The one exception is `source`: with `--fix` on stdin the fixed file is the user's own text, returned byte
 * for byte (redacting it would change their code).
 */
import { RedactingWriter } from "@hf-jobs-lint/core";

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

/** What commands write through: `stdout`/`stderr` are redacted. */
export interface RedactedIo extends Io {
  /** The user's own source (stdin with `--fix`), written unredacted after everything before it. */
  source(text: string): void;
  /** A stream for a progress bar on a terminal (stderr, redacted). */
  progressStream(): NodeJS.WritableStream & { isTTY: boolean; columns?: number };
  /** Write out what the redactors hold back (the start of a possible token at the end of a chunk). */
  flush(): void;
}

/** A mistake in how the command was called or configured: exit status 2. */
export class UsageError extends Error {}

export function redactedOutput(io: Io): RedactedIo {
  const out = new RedactingWriter((text) => io.stdout(text));
  const err = new RedactingWriter((text) => io.stderr(text));
  return {
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
    stderrIsTTY: io.stderrIsTTY,
    ...(io.stdoutIsTTY !== undefined ? { stdoutIsTTY: io.stdoutIsTTY } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    stdout: (text) => out.write(text),
    stderr: (text) => err.write(text),
    source(text) {
      out.flush();
      io.stdout(text);
    },
    progressStream() {
      // cli-progress (and the readline cursor helpers it calls) only write to the stream and read these two.
      const stream = {
        isTTY: true,
        columns: process.stderr.columns,
        write(chunk: string | Uint8Array, ...rest: unknown[]) {
          err.write(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
          err.flush();
          const callback = rest.find((arg): arg is () => void => typeof arg === "function");
          callback?.();
          return true;
        },
      };
      return stream as unknown as NodeJS.WritableStream & { isTTY: boolean; columns?: number };
    },
    flush() {
      out.flush();
      err.flush();
    },
  };
}

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

/** The user's own fixed source to stdout: unredacted through the output layer, or as is when `io` is not one. */
export function writeSource(io: Io, text: string): void {
  if ("source" in io && typeof (io as RedactedIo).source === "function") (io as RedactedIo).source(text);
  else io.stdout(text);
}

/** A progress bar's stream: the redacted stderr of the output layer (a plain `Io` gets a redactor of its own). */
export function progressStream(io: Io): NodeJS.WritableStream & { isTTY: boolean; columns?: number } {
  return ("progressStream" in io && typeof (io as RedactedIo).progressStream === "function" ? (io as RedactedIo) : redactedOutput(io)).progressStream();
}
