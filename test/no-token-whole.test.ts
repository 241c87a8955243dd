// No output of any format, no diff, no statistic, no error message and no migrate summary prints a token whole.
import { describe, expect, it, afterEach } from "vitest";
import { OUTPUT_FORMATS } from "@hf-jobs-lint/core";
import { FAKE_TOKEN, makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterEach(removeTrees);

const SECRET_PART = FAKE_TOKEN.slice(5);

function files(): Record<string, string> {
  return {
    "launch.py": `from huggingface_hub import run_uv_job\nrun_uv_job("train.py", env={"HF_TOKEN": "${FAKE_TOKEN}"})  # ${FAKE_TOKEN}\n`,
    "train.py": `from huggingface_hub import HfApi\nHfApi(token="${FAKE_TOKEN}").upload_folder(folder_path=".", repo_id="org/x")\nprint("${FAKE_TOKEN}")\n`,
    "run.sh": `hf jobs uv run --token ${FAKE_TOKEN} -s HF_TOKEN=${FAKE_TOKEN} train.py --hf-token ${FAKE_TOKEN}\n`,
    "launch.ts": `import { runJob } from "@huggingface/hub";\nawait runJob({ namespace: "o", dockerImage: "x", command: ["y"], accessToken: "${FAKE_TOKEN}", environment: { HF_TOKEN: "${FAKE_TOKEN}" } });\nconsole.log("${FAKE_TOKEN}");\n`,
    "README.md": `Token: ${FAKE_TOKEN}\n\n\`\`\`bash\nhf jobs uv run -e HF_TOKEN=${FAKE_TOKEN} train.py\n\`\`\`\n`,
    [`${FAKE_TOKEN}.py`]: `x = "${FAKE_TOKEN}"\n`,
    "bad.py": Buffer.from([0x00, 0x01]).toString("latin1") + FAKE_TOKEN,
  };
}

function expectRedacted(output: string): void {
  expect(output).not.toContain(FAKE_TOKEN);
  expect(output).not.toContain(SECRET_PART);
}

describe("a token is never printed whole", () => {
  for (const format of OUTPUT_FORMATS) {
    it(`check --output-format ${format}`, async () => {
      const dir = makeTree(files());
      const result = await runCli(["check", ".", "--output-format", format, "--show-fixes"], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout.length).toBeGreaterThan(0);
      expectRedacted(result.stdout + result.stderr);
    });
  }

  it("check --statistics, --diff and --fix --unsafe-fixes --show-fixes", async () => {
    const dir = makeTree(files());
    for (const argv of [["--statistics"], ["--diff", "--unsafe-fixes"], ["--fix", "--unsafe-fixes", "--show-fixes"]]) {
      const result = await runCli(["check", ".", ...argv], { cwd: dir });
      expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
      expectRedacted(result.stdout + result.stderr);
    }
  });

  it("migrate --dry-run and migrate list leaked tokens redacted with file and line", async () => {
    const dir = makeTree(files());
    const dry = await runCli(["migrate", ".", "--dry-run"], { cwd: dir });
    expectRedacted(dry.stdout + dry.stderr);
    expect(dry.stderr).toMatch(/Tokens to revoke/);
    expect(dry.stderr).toMatch(/launch\.py:2: .*hf_FA…/);
    const real = await runCli(["migrate", "."], { cwd: dir });
    expectRedacted(real.stdout + real.stderr);
  });

  it("rule docs, stdin and usage errors", async () => {
    const dir = makeTree({});
    for (const argv of [
      ["rule", "HFJ101"],
      ["rule", "--all", "--output-format", "json"],
      ["check", "--select", FAKE_TOKEN],
      ["rule", FAKE_TOKEN],
    ]) {
      const result = await runCli(argv, { cwd: dir });
      expectRedacted(result.stdout + result.stderr);
    }
    const stdin = await runCli(["check", "--stdin-filename", "x.py"], { cwd: dir, stdin: `t = "${FAKE_TOKEN}"\n` });
    expect(stdin.code).toBe(1);
    expectRedacted(stdin.stdout + stdin.stderr);
  });
});

describe("every byte the CLI writes passes one redactor", () => {
  it("argument-parser errors of every command", async () => {
    const dir = makeTree({ "a.py": "x = 1\n" });
    const argvs = [
      ["check", ".", "--output-format", FAKE_TOKEN],
      ["check", ".", "--threads", FAKE_TOKEN],
      [`--${FAKE_TOKEN}`],
      ["check", ".", `--token=${FAKE_TOKEN}`],
      [FAKE_TOKEN],
      ["rule", `--${FAKE_TOKEN}`],
      ["scope", `--${FAKE_TOKEN}`],
      ["migrate", `--${FAKE_TOKEN}`],
      ["migrate", ".", "--only", FAKE_TOKEN],
      ["rule", "--output-format", FAKE_TOKEN],
      ["scope", FAKE_TOKEN],
      ["check", `--select=x${FAKE_TOKEN}`],
    ];
    for (const argv of argvs) {
      const result = await runCli(argv, { cwd: dir });
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).toMatch(/hf_FA…/);
      expectRedacted(result.stdout + result.stderr);
    }
  });

  it("scope prints its script argument redacted, in text and JSON", async () => {
    const name = `${FAKE_TOKEN}.py`;
    const dir = makeTree({ [name]: "from huggingface_hub import HfApi\nHfApi().upload_folder(folder_path='.', repo_id='o/r')\n" });
    for (const format of ["text", "json"]) {
      const result = await runCli(["scope", name, "--output-format", format], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("hf_FA…");
      expectRedacted(result.stdout + result.stderr);
    }
  });

  it("tokens after escapes, in C-quoted diff headers and glued by concatenation", async () => {
    const dir = makeTree({
      "esc.py": `a = "\\n${FAKE_TOKEN}"\nb = "\\t${FAKE_TOKEN}"\nc = "\\x0a${FAKE_TOKEN}"\nd = "%3D${FAKE_TOKEN}"\nfrom huggingface_hub import run_uv_job\nrun_uv_job("t.py", env={"HF_TOKEN": "$HF_TOKEN"})\n`,
      [`ü${FAKE_TOKEN}.py`]: `from huggingface_hub import run_uv_job\nrun_uv_job("t.py", env={"HF_TOKEN": "$HF_TOKEN"})\n`,
      [`tab\t${FAKE_TOKEN}.py`]: `from huggingface_hub import run_uv_job\nrun_uv_job("t.py", env={"HF_TOKEN": "$HF_TOKEN"})\n`,
      "glued.py": `hf_jobs("uv", {"script": "train.py", "${FAKE_TOKEN}" "flavor": "a10g"})\n`,
    });
    const check = await runCli(["check", ".", "--output-format", "concise"], { cwd: dir });
    // HFJ101 sees the runtime value: each of the four strings holds a bare token.
    expect(check.stdout.match(/esc\.py:\d+:\d+: HFJ101/g)).toHaveLength(4);
    // The concatenated key is `hf_…flavor` at runtime: HFJ206 names it, redacted.
    expect(check.stdout).toMatch(/glued\.py:1:\d+: HFJ206 `hf_FA…` is not read/);
    for (const argv of [
      ["check", ".", "--show-fixes", "--unsafe-fixes"],
      ["check", ".", "--diff", "--unsafe-fixes"],
      ["migrate", ".", "--dry-run"],
      ["check", ".", "--output-format", "json"],
    ]) {
      const result = await runCli(argv, { cwd: dir });
      expect(result.stdout.length).toBeGreaterThan(0);
      expectRedacted(result.stdout + result.stderr);
    }
  });
});
