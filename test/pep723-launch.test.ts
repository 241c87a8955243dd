/** `hf jobs uv run` reads the script's PEP 723 `[tool.hf-jobs] secrets`: a declared HF_TOKEN needs no `--secrets`. */
import { makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterAll(removeTrees);

const script = (header: string) =>
  `# /// script\n# dependencies = ["huggingface_hub"]\n${header}# ///\nimport os\nfrom huggingface_hub import HfApi\n\nassert os.environ.get("HF_TOKEN")\nHfApi().upload_file(path_or_fileobj="out.txt", path_in_repo="out.txt", repo_id="me/out")\n`;

async function codesFor(header: string): Promise<string[]> {
  const dir = makeTree({ "train.py": script(header), "launch.sh": "#!/bin/sh\nhf jobs uv run --flavor cpu-basic train.py\n" });
  const result = await runCli(["check", "--output-format", "json", "launch.sh", "train.py"], { cwd: dir });
  return (JSON.parse(result.stdout) as { code: string; filename: string }[]).map((d) => `${d.filename}:${d.code}`);
}

describe("hf jobs uv run with a PEP 723 header", () => {
  it('declaring secrets = ["HF_TOKEN"]: no HFJ203', async () => {
    expect(await codesFor('#\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN"]\n')).toEqual([]);
  });

  it("without the declaration (or with another secret): HFJ203 on the launch", async () => {
    expect(await codesFor("")).toEqual(["launch.sh:HFJ203"]);
    expect(await codesFor('#\n# [tool.hf-jobs]\n# secrets = ["WANDB_API_KEY"]\n')).toEqual(["launch.sh:HFJ203"]);
  });
});

describe("hf-jobs-lint scope with a PEP 723 header", () => {
  it("names the declared secrets in one line; nothing when none are declared", async () => {
    const dir = makeTree({ "train.py": script('#\n# [tool.hf-jobs]\n# secrets = ["HF_TOKEN", "WANDB_API_KEY"]\n'), "plain.py": script("") });
    const declared = await runCli(["scope", "train.py"], { cwd: dir });
    expect(declared.stdout.split("\n").filter((line) => line.includes("[tool.hf-jobs]"))).toEqual([
      "  header: [tool.hf-jobs] secrets = HF_TOKEN, WANDB_API_KEY (passed by `hf jobs uv run`)",
    ]);
    expect(declared.stdout).toMatch(/^train\.py: write$/m);
    expect((await runCli(["scope", "plain.py"], { cwd: dir })).stdout).not.toContain("[tool.hf-jobs]");
  });
});
