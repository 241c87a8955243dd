// Issue 13, item 7: with `env={"HF_TOKEN": ...}` and `secrets={"HF_API_TOKEN": ...}`, HFJ201 moves HF_TOKEN into
// the secrets that HFJ204 would rename HF_API_TOKEN to HF_TOKEN in: one `--fix` pass must not write the key twice.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const PUSH_SCRIPT = `from huggingface_hub import HfApi\n\nHfApi().upload_file(path_or_fileobj="m", path_in_repo="m", repo_id="me/m")\n`;

describe("fixes that meet in one dict", () => {
  it.each([
    ["python", "launch.py", `from huggingface_hub import get_token, run_uv_job\n\nrun_uv_job("train.py", env={"HF_TOKEN": get_token()}, secrets={"HF_API_TOKEN": get_token()})\n`],
    [
      "typescript",
      "launch.ts",
      `import { runJob } from "@huggingface/hub";\n\nawait runJob({ namespace: "org", dockerImage: "python:3.12", command: ["python", "train.py"], environment: { HF_TOKEN: process.env.HF_TOKEN }, secrets: { HF_API_TOKEN: process.env.HF_TOKEN } });\n`,
    ],
  ])("%s: one --fix pass leaves a single HF_TOKEN secret, and a second pass changes nothing", async (_language, file, source) => {
    const dir = makeTree({ ".git/HEAD": "", [file]: source, "train.py": PUSH_SCRIPT });
    const first = await runCli(["check", file, "--fix", "--unsafe-fixes", "--output-format", "concise"], { cwd: dir });
    const fixed = fs.readFileSync(path.join(dir, file), "utf8");
    expect(fixed.match(/"?HF_TOKEN"?: /g)).toHaveLength(1);
    expect(fixed).not.toMatch(/env=|environment:/);
    expect(first.stdout).not.toMatch(/HFJ20[14]/);
    const second = await runCli(["check", file, "--fix", "--unsafe-fixes", "--diff"], { cwd: dir });
    expect(second.stdout).toBe("");
  });
});
