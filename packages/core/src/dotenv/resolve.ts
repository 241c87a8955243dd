/**
 * Finding a file a command line names (`--secrets-file .env.secrets`) the way a launch's script is found
 * (@hf-jobs-lint/python script-resolution.ts): beside the file holding the command, then at the repository root.
 * A value with a substitution (`$`, a backtick), a URL, `~`, or more than one line names nothing this can read.
 */
import path from "node:path";
import type { AnalysisInput } from "../analyzer.js";
import type { NamedFile, NamedFileLookup } from "./named-files.js";

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The paths a written file name may mean, in order, without duplicates; none for values that are not plain paths. */
export function namedFileCandidates(written: string, fromFile: string | null, root: string): string[] {
  if (written === "" || URL_SCHEME.test(written) || /[$`\n\r]/.test(written) || written.startsWith("~")) return [];
  const candidates = fromFile ? [path.resolve(path.dirname(fromFile), written)] : [];
  const atRoot = path.resolve(root, written);
  if (!candidates.includes(atRoot)) candidates.push(atRoot);
  return candidates;
}

/** A lookup over `input`'s file access, cached per written name for the file being analysed. */
export function namedFileLookup(input: Pick<AnalysisInput, "path" | "root" | "readFile">): NamedFileLookup {
  const cache = new Map<string, NamedFile | null>();
  return (written) => {
    let found = cache.get(written);
    if (found === undefined) {
      found = null;
      for (const candidate of namedFileCandidates(written, input.path, input.root)) {
        const text = input.readFile(candidate);
        if (text !== null) {
          found = { label: `\`${written}\``, text };
          break;
        }
      }
      cache.set(written, found);
    }
    return found;
  };
}
