/**
 * One shell tokenizer for every surface: the same command string gives the same codes in a shell script, a
 * Python `os.system(...)` string and a TS `execSync(...)` string (issue 9).
 */
import { makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterAll(removeTrees);

const PUSH = `from huggingface_hub import HfApi\n\nHfApi().upload_file(path_or_fileobj="m.bin", path_in_repo="m.bin", repo_id="me/m")\n`;

const surfaces = (command: string): Record<string, string> => ({
  "launch.sh": `#!/bin/sh\n${command}\n`,
  "launch.py": `import os\n\nos.system(${JSON.stringify(command)})\n`,
  "launch.ts": `import { execSync } from "node:child_process";\n\nexecSync(${JSON.stringify(command)});\n`,
});

/** Codes per file, for `command` written in each surface. */
async function codesPerSurface(command: string): Promise<Record<string, string[]>> {
  const dir = makeTree({ "train.py": PUSH, ...surfaces(command) });
  const result = await runCli(["check", "--output-format", "json", "--threads", "1", "launch.sh", "launch.py", "launch.ts"], { cwd: dir });
  const found: Record<string, string[]> = { "launch.sh": [], "launch.py": [], "launch.ts": [] };
  for (const d of JSON.parse(result.stdout) as { code: string; filename: string }[]) found[d.filename]!.push(d.code);
  for (const codes of Object.values(found)) codes.sort();
  return found;
}

const everywhere = (codes: string[]) => ({ "launch.sh": codes, "launch.py": codes, "launch.ts": codes });

describe("the same compound command in .sh, .py and .ts", () => {
  it.each([
    ["hf jobs uv run --flavor a10g-small train.py; echo ok", ["HFJ203"]],
    // Since huggingface_hub 1.0 `hf jobs` reads `--flavor` after the script; `--timeout` there is taken from the script.
    ["hf jobs uv run train.py --flavor a10g-small; echo ok", ["HFJ203"]],
    ["hf jobs uv run train.py --timeout 30; echo ok", ["HFJ203", "HFJ210"]],
    ["cd x && hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 python -c pass", ["HFJ201"]],
    ["echo start || hf jobs uv run --secrets HF_TOKEN train.py | tee log", []],
  ])("%s", async (command, codes) => {
    expect(await codesPerSurface(command)).toEqual(everywhere(codes));
  });

  it.each([`echo "hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 python -c pass"`, "ls # hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 python -c pass"])(
    "is not a launch: %s",
    async (command) => {
      expect(await codesPerSurface(command)).toEqual(everywhere([]));
    },
  );
});
