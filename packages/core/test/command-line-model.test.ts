// The parser models against what the programs themselves do. The `hf jobs` rows for 1.29 and 0.36 were observed
// by running huggingface_hub's own CLI (the release's source, with the Jobs API calls replaced by a print of
// their arguments); the other rows follow the sources named in command-line/programs.ts.
import { meaningOf, parseJobsCommandLine, resolveHubSpecifier, effectiveHubVersion, NEWEST_HUB_VERSION } from "@hf-jobs-lint/core";

function read(line: string, hubVersion?: string) {
  const parsed = parseJobsCommandLine(line.split(" "), { hubVersion: hubVersion ?? null });
  return parsed ? meaningOf(parsed.parsed) : null;
}

describe("hf jobs since huggingface_hub 1.3 (Click, interspersed, unknown options passed through)", () => {
  it.each([
    // line, target, options, job args, issues
    [
      "hf jobs uv run --secrets HF_TOKEN train.py --timeout 30 --name run1 -p 8080 -d",
      "train.py",
      ["--detach", "--name=run1", "--python=8080", "--secrets=HF_TOKEN", "--timeout=30"],
      [],
      [],
    ],
    ["hf jobs uv run --secret HF_TOKEN train.py", "--secret", [], ["HF_TOKEN", "train.py"], []],
    ["hf jobs uv run train.py --secret HF_TOKEN", "train.py", [], ["--secret", "HF_TOKEN"], []],
    ["hf jobs uv run train.py --secrets HF_TOKEN", "train.py", ["--secrets=HF_TOKEN"], [], []],
    ["hf jobs uv run -sHF_TOKEN train.py", "train.py", ["--secrets=HF_TOKEN"], [], []],
    ["hf jobs uv run -dsHF_TOKEN train.py", "train.py", ["--detach", "--secrets=HF_TOKEN"], [], []],
    ["hf jobs uv run -eHF_TOKEN train.py", "train.py", ["--env=HF_TOKEN"], [], []],
    // Click reads `-s=HF_TOKEN` as `-s` with the value `=HF_TOKEN` (the job gets no HF_TOKEN).
    ["hf jobs uv run -s=HF_TOKEN train.py", "train.py", ["--secrets==HF_TOKEN"], [], []],
    ["hf jobs uv run train.py -- --timeout 30", "train.py", [], ["--timeout", "30"], []],
    ["hf jobs uv run -- train.py --timeout 30", "train.py", [], ["--timeout", "30"], []],
    ["hf jobs uv run train.py -lr 0.1", "train.py", ["--label=r"], ["0.1"], []],
    ["hf jobs uv run --format json train.py", "--format", [], ["json", "train.py"], []],
    ["hf jobs uv run train.py --epochs 3 -- --name x", "train.py", [], ["--epochs", "3", "--name", "x"], []],
    ["hf jobs scheduled uv run --concurrency @daily train.py", "train.py", ["--concurrency"], [], []],
    ["hf jobs scheduled uv run --no-concurrency @daily train.py", "train.py", ["!--concurrency"], [], []],
    ["hf jobs scheduled uv run @daily train.py --suspend", "train.py", ["--suspend"], [], []],
    ["hf jobs run --expose 8000 python:3.12 python -c print(1) -e HF_TOKEN", "python:3.12", ["--env=HF_TOKEN", "--expose=8000"], ["python", "-c", "print(1)"], []],
    ["hf jobs run --expose -s HF_TOKEN 8000 python:3.12 python", "HF_TOKEN", ["--expose=-s"], ["8000", "python:3.12", "python"], ["invalid-value:--expose"]],
    ["hf jobs run --ssh python:3.12 python", "python:3.12", ["--ssh"], ["python"], []],
    ["hf jobs run --no-ssh python:3.12 python", "--no-ssh", [], ["python:3.12", "python"], []],
    ["hf jobs run --resource-group-id abc python:3.12 python", "python:3.12", ["--resource-group-id=abc"], ["python"], []],
    ["hf jobs run python:3.12 python -c x -v", "python:3.12", ["--volume"], ["python", "-c", "x"], ["missing-value:--volume"]],
    ["hf jobs run python:3.12 -- python -c x -v", "python:3.12", [], ["python", "-c", "x", "-v"], []],
    ["hf jobs uv run train.py -x5 -vfoo", "train.py", ["--volume=foo"], ["-x5"], []],
    ["hf jobs uv run train.py --ssh=1", "train.py", ["--ssh"], [], ["unexpected-value:--ssh"]],
    // No `--ssh` and no `-d` on scheduled commands: passed to the command / the script.
    ["hf jobs scheduled run @hourly python:3.12 python --ssh", "python:3.12", [], ["python", "--ssh"], []],
    ["hf jobs scheduled uv run @hourly train.py -d", "train.py", [], ["-d"], []],
  ])("%s", (line, target, options, jobArgs, issues) => {
    expect(read(line)).toMatchObject({ target, options, jobArgs, issues });
  });
});

describe('hf jobs in huggingface_hub 0.36 (argparse, `nargs="..."` after the script)', () => {
  it.each([
    [
      "hf jobs uv run --secrets HF_TOKEN train.py --timeout 30 --name run1 -p 8080 -d",
      "train.py",
      ["--secrets=HF_TOKEN"],
      ["--timeout", "30", "--name", "run1", "-p", "8080", "-d"],
      [],
    ],
    // `--secret` is a prefix of both `--secrets` and `--secrets-file`: argparse stops with "ambiguous option".
    ["hf jobs uv run --secret HF_TOKEN train.py", "HF_TOKEN", [], ["train.py"], ["ambiguous-option:--secret"]],
    ["hf jobs uv run train.py --secrets HF_TOKEN", "train.py", [], ["--secrets", "HF_TOKEN"], []],
    ["hf jobs uv run -sHF_TOKEN train.py", "train.py", ["--secrets=HF_TOKEN"], [], []],
    ["hf jobs uv run -dsHF_TOKEN train.py", "train.py", ["--detach", "--secrets=HF_TOKEN"], [], []],
    ["hf jobs uv run -s=HF_TOKEN train.py", "train.py", ["--secrets=HF_TOKEN"], [], []],
    ["hf jobs uv run -- train.py --timeout 30", "train.py", [], ["--timeout", "30"], []],
    ["hf jobs uv run train.py -- --timeout 30", "train.py", [], ["--timeout", "30"], []],
    ["hf jobs uv run --flav a10g train.py", "train.py", ["--flavor=a10g"], [], []],
    ["hf jobs run python:3.12 python -c x -e HF_TOKEN", "python:3.12", [], ["python", "-c", "x", "-e", "HF_TOKEN"], []],
    ["hf jobs scheduled uv run @daily --suspend train.py", "train.py", ["--suspend"], [], []],
  ])("%s", (line, target, options, jobArgs, issues) => {
    expect(read(line, "0.36.2")).toMatchObject({ target, options, jobArgs, issues });
  });

  it("rejects an unknown option, and options the release does not have yet", () => {
    expect(read("hf jobs uv run --format json train.py", "0.36.2")?.issues).toEqual(["unknown-option:--format"]);
    expect(read("hf jobs run --expose 8000 python:3.12 python", "0.36.2")?.issues).toEqual(["unknown-option:--expose"]);
    expect(read("hf jobs run --expose 8000 python:3.12 python", "1.18.0")?.target).toBe("--expose");
  });
});

describe("hf jobs 1.0 to 1.2 (Click without ignore_unknown_options)", () => {
  it("takes known options after the image and rejects unknown ones unless they follow `--`", () => {
    expect(read("hf jobs run python:3.12 python -c x", "1.2.4")?.issues).toEqual(["unknown-option:-c"]);
    expect(read("hf jobs run python:3.12 -- python -c x", "1.2.4")).toMatchObject({ jobArgs: ["python", "-c", "x"], issues: [] });
    expect(read("hf jobs uv run train.py --flavor a10g-small", "1.0.0")).toMatchObject({ options: ["--flavor=a10g-small"], jobArgs: [] });
  });
});

describe("the other programs", () => {
  it("hfjs jobs run: options anywhere before `--`, greedy values, KEY=VALUE required, unknown options rejected", () => {
    expect(read("hfjs jobs run -e FOO=foo python:3.12 -- python -c x")).toMatchObject({
      target: "python:3.12",
      options: ["--env=FOO=foo"],
      jobArgs: ["python", "-c", "x"],
      issues: [],
    });
    expect(read("npx @huggingface/hub jobs run -s HF_TOKEN python:3.12 -- python")?.issues).toEqual(["assignment-required:--secret"]);
    expect(read("hfjs jobs run python:3.12 python -c x")?.issues).toEqual(["unknown-option:-c"]);
    expect(read("hfjs jobs run python:3.12 python -d")).toMatchObject({ options: ["--detach"], jobArgs: ["python"] });
    expect(read("hfjs jobs run --secrets HF_TOKEN=x python:3.12")?.issues).toEqual(["unknown-option:--secrets"]);
  });

  it("hf jobsx run: its own options before the script only; the rest is read by `hf jobs uv run`", () => {
    expect(read("hf jobsx run --flavor l4x1 ocr.py in out --max-samples 10")).toMatchObject({
      target: "ocr.py",
      options: ["--flavor=l4x1"],
      jobArgs: ["in", "out", "--max-samples", "10"],
      issues: [],
    });
    // Handed to `hf jobs uv run ocr.py --timeout 30` without a `--`: the native parser takes `--timeout`.
    expect(read("hf jobsx run ocr.py --timeout 30")).toMatchObject({ options: ["--timeout=30"], jobArgs: [] });
    expect(read("hf jobsx run ocr.py --timeout 30", "0.36.2")).toMatchObject({ options: [], jobArgs: ["--timeout", "30"] });
    expect(read("hf jobsx run --with x ocr.py")?.issues).toEqual(["unknown-option:--with"]);
  });

  it("hfjobs (legacy): argparse, `-s/--secret`, everything after the target goes to the job", () => {
    expect(read("hfjobs run --secret HF_TOKEN=x ubuntu ls --secret Y")).toMatchObject({ target: "ubuntu", options: ["--secret=HF_TOKEN=x"], jobArgs: ["ls", "--secret", "Y"] });
    expect(read("hfjobs uv run --secrets HF_TOKEN train.py")?.issues).toEqual(["unknown-option:--secrets"]);
  });

  it("hf sandbox create|exec from huggingface_hub 1.22", () => {
    expect(read("hf sandbox create --forward-hf-token -e HF_TOKEN ubuntu:24.04")).toMatchObject({ target: "ubuntu:24.04", options: ["--env=HF_TOKEN", "--forward-hf-token"] });
    expect(read("hf sandbox create")).toMatchObject({ target: null, issues: [] });
    expect(read("hf sandbox exec sbx-1 -e HF_TOKEN -- python -c x")).toMatchObject({ target: "sbx-1", options: ["--env=HF_TOKEN"], jobArgs: ["python", "-c", "x"] });
    expect(read("hf sandbox exec sbx-1 python -c x -w /app")).toMatchObject({ options: ["--workdir=/app"], jobArgs: ["python", "-c", "x"] });
    expect(read("hf sandbox create ubuntu", "1.21.0")).toBeNull();
  });
});

describe("huggingface_hub versions", () => {
  it("resolves a requirement to the newest release it allows", () => {
    expect(resolveHubSpecifier(">=0.30,<1.0")).toBe("0.36.2");
    expect(resolveHubSpecifier("==0.35.1")).toBe("0.35.1");
    expect(resolveHubSpecifier("~=1.2.0")).toBe("1.2.4");
    expect(resolveHubSpecifier("<1.3")).toBe("1.2.4");
    expect(resolveHubSpecifier(">=0.34")).toBe(NEWEST_HUB_VERSION);
    expect(resolveHubSpecifier("")).toBe(NEWEST_HUB_VERSION);
    expect(resolveHubSpecifier(">=9")).toBe(NEWEST_HUB_VERSION);
    expect(resolveHubSpecifier("not a version")).toBeNull();
  });
  it("uses the newest for a version without `hf jobs` (its lines must run a newer install)", () => {
    expect(effectiveHubVersion("0.30.2")).toBe(NEWEST_HUB_VERSION);
    expect(effectiveHubVersion(null)).toBe(NEWEST_HUB_VERSION);
    expect(effectiveHubVersion("0.35.0")).toBe("0.35.0");
  });
});
