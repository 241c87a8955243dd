import { moveFlagsBeforeTarget, parseJobsCommandLine, secretsFlagFor, splitAssignment } from "@hf-jobs-lint/core";

const argv = (line: string): string[] => line.split(" ");
/** huggingface_hub 0.36: argparse, everything after the script is the script's. */
const OLD = { hubVersion: "0.36.2" };

describe("parseJobsCommandLine", () => {
  it("reads each launch kind with its target and job arguments", () => {
    const run = parseJobsCommandLine(argv("hf jobs run --flavor a10g-small python:3.12 python -c print(1)"))!;
    expect(run.kind).toBe("run");
    expect(run.target).toEqual({ value: "python:3.12", index: 5 });
    expect(run.jobArgs).toEqual(["python", "-c", "print(1)"]);
    expect(run.flags.map((f) => [f.name, f.value])).toEqual([["--flavor", "a10g-small"]]);

    const uv = parseJobsCommandLine(argv("hf jobs uv run -s HF_TOKEN train.py --epochs 3"))!;
    expect(uv.kind).toBe("uv");
    expect(uv.target?.value).toBe("train.py");
    expect(uv.jobArgsIndex).toBe(7);
    expect(uv.flags[0]).toMatchObject({ name: "--secrets", written: "-s", value: "HF_TOKEN", index: 4, span: 2 });

    const scheduled = parseJobsCommandLine(argv("hf jobs scheduled uv run @hourly --secrets=HF_TOKEN job.py"))!;
    expect(scheduled.kind).toBe("scheduled uv");
    expect(scheduled.schedule).toEqual({ value: "@hourly", index: 5 });
    expect(scheduled.target).toEqual({ value: "job.py", index: 7 });
    expect(scheduled.flags[0]).toMatchObject({ name: "--secrets", value: "HF_TOKEN", span: 1 });

    // `--expose PORT` (hub-docs' vLLM serving page) takes a value: the port is not the image.
    const served = parseJobsCommandLine(argv("hf jobs run --detach --expose 8000 --flavor a10g-small -s HF_TOKEN vllm/vllm-openai vllm serve m"))!;
    expect(served.target?.value).toBe("vllm/vllm-openai");
    expect(served.flags.map((f) => [f.name, f.value])).toEqual([
      ["--detach", null],
      ["--expose", "8000"],
      ["--flavor", "a10g-small"],
      ["--secrets", "HF_TOKEN"],
    ]);

    const scheduledRun = parseJobsCommandLine(argv("hf jobs scheduled run '0 * * * *' ubuntu echo hi"))!;
    expect(scheduledRun.kind).toBe("scheduled run");
  });

  it("accepts the older spellings and a path to the program", () => {
    expect(parseJobsCommandLine(argv("huggingface-cli jobs uv run x.py"))?.program).toBe("huggingface-cli");
    expect(parseJobsCommandLine(argv("/usr/local/bin/hf jobs run img cmd"))?.program).toBe("hf");
    const legacy = parseJobsCommandLine(argv("hfjobs run --secret HF_TOKEN ubuntu ls"))!;
    expect(legacy.program).toBe("hfjobs");
    expect(legacy.flags[0]).toMatchObject({ name: "--secret", written: "--secret" });
    expect(legacy.programId).toBe("hfjobs");
    expect(parseJobsCommandLine(argv("uvx hf jobs uv run x.py"))?.target?.value).toBe("x.py");
  });

  it("is null for commands that launch nothing", () => {
    expect(parseJobsCommandLine(argv("hf jobs ps -a"))).toBeNull();
    expect(parseJobsCommandLine(argv("hf jobs logs abc"))).toBeNull();
    expect(parseJobsCommandLine(argv("hf auth login"))).toBeNull();
    expect(parseJobsCommandLine(argv("echo hello"))).toBeNull();
    expect(parseJobsCommandLine(argv("hf jobs uv"))).toBeNull();
  });

  it("reports job flags written after the script where they are passed to it (before 1.0), not the script's own short options", () => {
    const parsed = parseJobsCommandLine(argv("hf jobs uv run train.py --secrets HF_TOKEN --flavor a10g -d data -v -l en -p 3 --name run1 --timeout 5"), OLD)!;
    expect(parsed.flagsAfterTarget.map((f) => f.written)).toEqual(["--secrets", "--flavor"]);
    // Since 1.0 `hf jobs` reads them itself: nothing is passed, so nothing is listed.
    expect(parseJobsCommandLine(argv("hf jobs uv run train.py --secrets HF_TOKEN"))!.flagsAfterTarget).toEqual([]);
    const short = parseJobsCommandLine(argv("hf jobs uv run train.py -e HF_TOKEN -s lr=0.1 -e 3"), OLD)!;
    expect(short.flagsAfterTarget.map((f) => `${f.written} ${f.value}`)).toEqual(["-e HF_TOKEN"]);
  });

  it("treats `--` as the end of flags", () => {
    const before = parseJobsCommandLine(argv("hf jobs uv run --flavor cpu -- -weird.py --secrets HF_TOKEN"), OLD)!;
    expect(before.target?.value).toBe("-weird.py");
    expect(before.flagsAfterTarget.map((f) => f.written)).toEqual(["--secrets"]);
    // Click drops the `--` and reads nothing after it.
    const newest = parseJobsCommandLine(argv("hf jobs uv run --flavor cpu -- -weird.py --secrets HF_TOKEN"))!;
    expect(newest.target?.value).toBe("-weird.py");
    expect(newest.jobArgs).toEqual(["--secrets", "HF_TOKEN"]);
    const after = parseJobsCommandLine(argv("hf jobs uv run train.py -- --secrets HF_TOKEN"))!;
    expect(after.target?.value).toBe("train.py");
    expect(after.flagsAfterTarget).toEqual([]);
    expect(after.flags).toEqual([]);
    expect(after.jobArgs).toEqual(["--secrets", "HF_TOKEN"]);
  });

  it("reads an unknown option before the script as the script since 1.3 (huggingface_hub issue #4927), as an error before", () => {
    const newest = parseJobsCommandLine(argv("hf jobs uv run --new-flag train.py"))!;
    expect(newest.target?.value).toBe("--new-flag");
    expect(newest.jobArgs).toEqual(["train.py"]);
    const v12 = parseJobsCommandLine(argv("hf jobs uv run --new-flag train.py"), { hubVersion: "1.2.4" })!;
    expect(v12.parsed.issues.map((i) => i.kind)).toEqual(["unknown-option"]);
  });
});

describe("moveFlagsBeforeTarget", () => {
  it("moves flags after the script to just before it", () => {
    const line = argv("hf jobs uv run train.py --epochs 3 --secrets HF_TOKEN");
    expect(moveFlagsBeforeTarget(line, parseJobsCommandLine(line, OLD)!)).toEqual(argv("hf jobs uv run --secrets HF_TOKEN train.py --epochs 3"));
  });
  it("moves them before the schedule of a scheduled launch, and is null when nothing moves", () => {
    const line = argv("hf jobs scheduled uv run @daily job.py --flavor cpu-basic");
    expect(moveFlagsBeforeTarget(line, parseJobsCommandLine(line, OLD)!)).toEqual(argv("hf jobs scheduled uv run --flavor cpu-basic @daily job.py"));
    const fine = argv("hf jobs uv run --flavor cpu-basic job.py");
    expect(moveFlagsBeforeTarget(fine, parseJobsCommandLine(fine, OLD)!)).toBeNull();
  });
});

describe("splitAssignment and secretsFlagFor", () => {
  it("splits at the first `=`", () => {
    expect(splitAssignment("HF_TOKEN")).toEqual({ key: "HF_TOKEN", value: null });
    expect(splitAssignment("A=b=c")).toEqual({ key: "A", value: "b=c" });
    expect(splitAssignment("A=")).toEqual({ key: "A", value: "" });
  });
  it("spells the secrets flag per program", () => {
    expect(secretsFlagFor("hf", false)).toBe("--secrets");
    expect(secretsFlagFor("hfjobs", false)).toBe("--secret");
    expect(secretsFlagFor("hfjobs", true)).toBe("-s");
  });
});
