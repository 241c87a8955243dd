/**
 * HFJ103 in a job's own command: `python -c "..."` or `bash -c "..."` (directly, or behind `uv run`) that prints
 * a secret the launch passes, or a credential variable. The job's logs are stored and shown with the job, so
 * the value is out in full (the official guide's `-s MY_SECRET=... python -c "print(os.environ['MY_SECRET'])"`).
 * Read from the code text: a `print(...)` holding an environment read of such a name, `echo`/`printf` of
 * `$NAME`, `printenv NAME`, and a bare `env`/`printenv`/`print(os.environ)` that prints everything.
 */
import { isHfTokenVariable, isTokenLikeKey } from "./token-keys.js";

export interface CommandOutputFinding {
  /** argv index of the code element. */
  index: number;
  /** The variable printed, or null when the code prints the whole environment. */
  name: string | null;
}

const PYTHON = /^(?:python(?:\d+(?:\.\d+)?)?)$/;
const SHELL = /^(?:bash|sh|zsh|dash)$/;
const basename = (value: string): string => value.slice(value.lastIndexOf("/") + 1);
const SHOWS_LESS = /\bif\b|\bbool\(|\blen\(|\bin\s+os\.environ|\bis\s+(?:not\s+)?None|\[\s*:\s*\d\s*\]/;

function pythonPrints(code: string, isSecret: (name: string) => boolean): string | null | undefined {
  for (const call of code.matchAll(/\bprint\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
    const body = call[1]!;
    if (/^\s*(?:dict\()?os\.environ\)?\s*$/.test(body)) return null;
    // Whether it is set, its length or a short prefix: not the value.
    if (SHOWS_LESS.test(body)) continue;
    for (const read of body.matchAll(/os\.(?:environ(?:\.get)?|getenv)\s*[[(]\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/g)) if (isSecret(read[1]!)) return read[1]!;
  }
  return undefined;
}

function shellPrints(code: string, isSecret: (name: string) => boolean): string | null | undefined {
  for (const statement of code.split(/[;&|\n]+/)) {
    const words = statement.trim().split(/\s+/);
    const command = words[0] ?? "";
    if ((command === "env" || command === "printenv") && words.length === 1) return null;
    if (command === "printenv") for (const word of words.slice(1)) if (isSecret(word)) return word;
    if (command === "echo" || command === "printf") {
      for (const read of statement.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (isSecret(read[1]!)) return read[1]!;
    }
  }
  return undefined;
}

/** `secretNames`: the names the launch passes with `-s`/`--secrets`; any credential-like name counts too. */
export function findCommandOutput(argv: readonly string[], from: number, secretNames: ReadonlySet<string>): CommandOutputFinding[] {
  const isSecret = (name: string) => secretNames.has(name) || isHfTokenVariable(name) || isTokenLikeKey(name);
  const findings: CommandOutputFinding[] = [];
  for (let i = from; i + 2 < argv.length; i++) {
    const program = basename(argv[i]!);
    if (argv[i + 1] !== "-c") continue;
    const code = argv[i + 2]!;
    const printed = PYTHON.test(program) ? pythonPrints(code, isSecret) : SHELL.test(program) ? shellPrints(code, isSecret) : undefined;
    if (printed !== undefined) findings.push({ index: i + 2, name: printed });
  }
  return findings;
}
