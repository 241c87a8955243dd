/** The contract between the CLI and each language's analyzer. */
import { makeDiagnostic, type Diagnostic, type RelatedInformation } from "./diagnostic.js";
import { hardcodedTokenMessage } from "./domain/messages.js";
import { findTokens, redact } from "./tokens.js";
import type { FileKind } from "./file-kinds.js";
import type { NoqaHygiene } from "./noqa.js";
import type { SourceText } from "./source.js";

export interface AnalysisInput {
  /** The name shown in output: relative to the working directory, `/`-separated (or `--stdin-filename`). */
  filename: string;
  /** Absolute path on disk, for resolving scripts a launcher names; null for stdin. */
  path: string | null;
  source: SourceText;
  /** The repository root (nearest folder with `.git`, else the working directory), for same-repo script paths. */
  root: string;
  /** Read another file (a job script a launcher names); null when missing, unreadable or not text. */
  readFile(absolutePath: string): string | null;
  /** `--include-counterexamples`: report Markdown blocks marked as deliberate counter-examples. */
  includeCounterexamples: boolean;
  /**
   * The huggingface_hub version the file's command lines run with (the `hub-version` setting, else the nearest
   * manifest); null or absent: the newest. A Python file's own PEP 723 pin wins over it.
   */
  hubVersion?: string | null;
  /** Told of a local script a launch names that cannot be found or read (the migrate summary lists them). */
  reportUnresolvedScript?(scriptPath: string): void;
  /**
   * Why the repository says this file is a job script (a launch or usage text naming it, a `job-scripts` glob), when
   * it does; the analyzer adds what the file says itself (a PEP 723 header). Absent: nothing outside the file says so.
   */
  jobScript?: RelatedInformation | null;
  /**
   * The text is a snippet of documentation (a Markdown fence). A placeholder the reader must replace is the point of
   * an API's docs, so HFJ102 there is only for Jobs surfaces (launch calls, `hf jobs` command lines, secrets).
   */
  inDocumentation?: boolean;
  /**
   * Whether a region of the file (a Markdown fence) holds evidence some selected rule needs (core's `mayFire`):
   * a region it rules out is not parsed. Absent: every region is analysed.
   */
  mayFire?(kind: FileKind, text: string): boolean;
  /**
   * Whether a text may hold a launch (core's `mayHoldLaunch`): where it says no, the launch readers (launch calls,
   * tool calls, argv lists, usage text) are not run. Absent: they always run.
   */
  mayHoldLaunch?(kind: "python" | "typescript", text: string): boolean;
  /**
   * Whether a text may hold a token (core's `mayHoldToken`): where it says no, the token pass over its literals and
   * comments is not run. Absent: it always runs.
   */
  mayHoldToken?(text: string): boolean;
}

export interface Analyzer {
  kinds: readonly FileKind[];
  /** One-time asynchronous set-up (loading a grammar); analysis itself may still be asynchronous. */
  init?(): Promise<void>;
  /** Every finding of every rule on the file; the caller applies select/ignore, noqa and per-file-ignores. */
  analyze(input: AnalysisInput): Diagnostic[] | Promise<Diagnostic[]>;
  /** Parse errors in `text`; a fix that adds any is not applied. Absent where the analyzer cannot tell. */
  countSyntaxErrors?(text: string, filename: string): number;
  /**
   * The file's `# noqa` directives against `found` (every finding, before filtering), for a kind whose comments are
   * not the file's lines (a notebook's code cells, inside JSON strings). Absent: the engine reads the file's lines
   * itself where its kind has `#` comments, or checks none.
   */
  checkNoqa?(source: SourceText, filename: string, found: readonly Diagnostic[]): NoqaHygiene;
}

/**
 * Thrown by an analyzer when a file cannot be parsed at all: the CLI reports it as that file's error, and still
 * reports `partial`, the findings that need no parse (tokens in the text), so a syntax error never hides a leak.
 */
export class ParseError extends Error {
  override name = "ParseError";

  constructor(
    message: string,
    readonly partial: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** HFJ101 on every real-looking token of the text, with no fix: what is known of a file that cannot be parsed. */
export function tokenOnlyDiagnostics(source: SourceText, filename: string): Diagnostic[] {
  return findTokens(source.text).map((match) =>
    makeDiagnostic(source, filename, { code: "HFJ101", message: hardcodedTokenMessage(redact(match.token)), start: match.index, end: match.index + match.token.length, fix: null }),
  );
}

/**
 * The token pass over every text file no language analyzer reads (`.json`, `.toml`, `.txt`, extension-less files):
 * HFJ101 only, with no fix (what replaces a token in a data file is the owner's call). No parser is involved.
 */
export const textAnalyzer: Analyzer = {
  kinds: ["text"],
  analyze: (input) => tokenOnlyDiagnostics(input.source, input.filename),
};
