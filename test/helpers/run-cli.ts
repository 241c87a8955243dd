/** Run the CLI in-process with captured streams, as the binary would run. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runMain, type Io } from "hf-jobs-lint";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { cwd: string; stdin?: string; stderrIsTTY?: boolean }): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd: options.cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => options.stdin ?? "",
    stderrIsTTY: options.stderrIsTTY ?? false,
  };
  const code = await runMain(argv, io);
  return { code, stdout, stderr };
}

const made: string[] = [];

/** A temporary folder with the given files (string or Buffer contents). */
export function makeTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-e2e-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function removeTrees(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A PEP 723 job script that checks `HF_TOKEN` and then pushes to the Hub: it needs a write token (HFJ203 when a launch passes none). */
export const PUSH_SCRIPT = [
  "# /// script",
  '# dependencies = ["datasets"]',
  "# ///",
  "import os",
  "",
  "from datasets import load_dataset",
  "",
  'if not os.environ.get("HF_TOKEN"):',
  '    raise SystemExit("HF_TOKEN is not set")',
  "",
  'dataset = load_dataset("my-org/raw", split="train")',
  'dataset.push_to_hub("my-org/clean")',
  "",
].join("\n");

/** A fake token: the right shape, never a real credential. */
export const FAKE_TOKEN = "hf_" + "FAKEe2eTOKENabcdefghijklmnop012345".slice(0, 34);

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `count` distinct made-up tokens, deterministic. */
export function fakeTokens(count: number): string[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, () => `hf_${Array.from({ length: 34 }, () => ALPHABET[next() % 62]).join("")}`);
}

/** stderr without the CLI's `note:` lines (information such as a launched script that is not there). */
export function withoutNotes(stderr: string): string {
  return stderr
    .split(/(?<=\n)/)
    .filter((line) => !line.startsWith("note: "))
    .join("");
}
