// Line endings as Python defines them (LF, CRLF and a lone CR) in every analyzer and every fix: the same findings
// at the same rows and columns, fixes that keep the file's own line ending, and a second --fix that changes nothing.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SourceText } from "@hf-jobs-lint/core";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

/** One file per surface, written with "\n"; each case converts them. */
const FILES: Record<string, string> = {
  // A first-line comment once swallowed a lone-CR file (tree-sitter reads CR as a space).
  "launch.py": ["# launcher", "from huggingface_hub import run_uv_job", "run_uv_job(", '    "train.py",', '    env={"HF_TOKEN": "$HF_TOKEN"},', ")", ""].join("\n"),
  // HFJ301's guard goes after the imports, once, and not inside the call.
  "train.py": [
    "# /// script",
    '# dependencies = ["huggingface_hub"]',
    "# ///",
    "from huggingface_hub import HfApi",
    "",
    "api = HfApi()",
    "api.upload_folder(",
    '    folder_path="out",',
    '    repo_id="me/model",',
    ")",
    "",
  ].join("\n"),
  // HFJ101's fix adds `import os` after the imports, not after the last line.
  "token.py": ["from huggingface_hub import HfApi", "", `api = HfApi(token="${FAKE_TOKEN}")`, "api.whoami()", ""].join("\n"),
  "run.sh": ["# comment", "hf jobs uv run -e HF_TOKEN train.py", ""].join("\n"),
  "launch.ts": [
    "// launcher",
    'import { runJob } from "@huggingface/hub";',
    'await runJob({ namespace: "o", dockerImage: "x", command: ["y"], environment: { HF_TOKEN: process.env.HF_TOKEN } });',
    "",
  ].join("\n"),
  "guide.md": [
    "# Guide",
    "",
    "```bash",
    "hf jobs uv run -e HF_TOKEN train.py",
    "```",
    "",
    "```python",
    "from huggingface_hub import run_uv_job",
    'run_uv_job("t.py", env={"HF_TOKEN": "$HF_TOKEN"})',
    "```",
    "",
  ].join("\n"),
  ".github/workflows/jobs.yml": [
    "on: push",
    "jobs:",
    "  launch:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - run: hf jobs uv run -e HF_TOKEN train.py",
    "        env:",
    "          HF_TOKEN: ${{ secrets.HF_TOKEN }}",
    "",
  ].join("\n"),
};

const ENDINGS = { lf: "\n", crlf: "\r\n", cr: "\r" } as const;

function tree(eol: string): string {
  return makeTree(Object.fromEntries(Object.entries(FILES).map(([name, text]) => [name, text.replace(/\n/g, eol)])));
}

async function findings(dir: string): Promise<string[]> {
  const result = await runCli(["check", ".", "--output-format", "concise", "--quiet", "--exit-zero"], { cwd: dir });
  return result.stdout.trim().split("\n").sort();
}

describe("line endings", () => {
  it("a lone CR ends a line in the line table, as in Python", () => {
    const source = new SourceText("a\rb\r\nc\nd");
    expect([1, 2, 3, 4].map((row) => source.lineText(row))).toEqual(["a", "b", "c", "d"]);
    expect(source.positionAt(2)).toEqual({ row: 2, column: 1 });
    expect(source.eol).toBe("\r");
    expect(new SourceText("a\r\nb\rc").eol).toBe("\r\n");
  });

  for (const [name, eol] of Object.entries(ENDINGS)) {
    it(`${name}: every surface reports what LF reports, and --fix keeps the ending and converges`, async () => {
      const dir = tree(eol);
      const expected = await findings(tree("\n"));
      expect(expected.length).toBeGreaterThanOrEqual(Object.keys(FILES).length);
      expect(await findings(dir)).toEqual(expected);

      const first = await runCli(["check", ".", "--fix", "--unsafe-fixes", "--output-format", "concise"], { cwd: dir });
      expect(first.stdout).toMatch(/fixed, 0 remaining\)/);
      for (const file of Object.keys(FILES)) {
        const fixed = fs.readFileSync(path.join(dir, file), "utf8");
        expect(fixed, file).not.toBe(FILES[file]!.replace(/\n/g, eol));
        // Only the file's own line ending, and no stray one inside a line.
        const breaks = fixed.match(/\r\n|\r|\n/g) ?? [];
        expect(new Set(breaks), file).toEqual(new Set([eol]));
      }
      expect(
        fs
          .readFileSync(path.join(dir, "train.py"), "utf8")
          .split(eol)
          .filter((line) => line.includes('os.environ.get("HF_TOKEN")')),
      ).toHaveLength(1);
      expect(fs.readFileSync(path.join(dir, "token.py"), "utf8").split(eol).slice(0, 2)).toEqual(["from huggingface_hub import HfApi", "import os"]);
      const second = await runCli(["check", ".", "--fix", "--unsafe-fixes", "--output-format", "concise"], { cwd: dir });
      expect(second.stdout).toBe("All checks passed!\n");
    });
  }
});
