import fs from "node:fs";
import { analyzeFixture, fixFixture, fixturePath, only, readFixture, rows, setup } from "./helpers.js";
import { analyzeScriptNeeds } from "../src/index.js";

beforeAll(setup);

const ROOT = fixturePath("repo-launcher");
const analyze = (relative: string) => analyzeFixture(`repo-launcher/${relative}`, {}, ROOT);

describe("script resolution in a launcher + job-script repository", () => {
  test("HFJ203: scripts that write, resolved relative to the launcher and to the repository root", () => {
    const found = only(analyze("launchers/launch_missing_secret.py"), "HFJ203");
    expect(found.map((d) => d.location.row)).toEqual([3, 4, 7]);
    expect(found[0]!.message).toContain("`../scripts/push_dataset.py`");
    expect(found.every((d) => d.fix?.applicability === "unsafe")).toBe(true);
  });

  test("HFJ203 fix adds the secret (new argument, or merged into a literal secrets dict)", () => {
    const run = fixFixture("repo-launcher/launchers/launch_missing_secret.py", { unsafe: true, codes: ["HFJ203"], root: ROOT });
    expect(run.text).toBe(readFixture("repo-launcher/launchers/launch_missing_secret_fixed_expected.py"));
  });

  test("HFJ204: safe rename when the script is known and does not read the old name, unsafe when unknown", () => {
    const found = only(analyze("launchers/launch_renames.py"), "HFJ204");
    expect(found.map((d) => [d.location.row, d.fix?.applicability])).toEqual([
      [3, "safe"],
      [4, "unsafe"],
      [6, "safe"],
    ]);
  });

  test("HFJ204 safe fix renames keys and dict() keywords", () => {
    const run = fixFixture("repo-launcher/launchers/launch_renames.py", { codes: ["HFJ204"], root: ROOT });
    expect(run.text).toContain(`secrets={"HF_TOKEN": get_token()})\nrun_uv_job("https://example.com/remote.py", secrets={"TOKEN": get_token()})`);
    expect(run.text).toContain(`secrets=dict(HF_TOKEN=get_token())`);
    expect(run.text).toContain(`secrets={"HUB_TOKEN": get_token()}`);
  });

  test("argv lists resolve the script against the repository root (core's HFJ203)", () => {
    expect(rows(analyze("launchers/launch_argv.py"), "HFJ203")).toEqual([3]);
  });

  test("tool calls: inline scripts analysed in place, file scripts resolved", () => {
    const diagnostics = analyze("launchers/launch_toolcall.py");
    expect(rows(diagnostics, "HFJ203")).toEqual([2, 11]);
    // The inline script's own finding, mapped to the outer file's row and column.
    const inner = only(diagnostics, "HFJ301");
    expect(inner.map((d) => [d.location.row, d.location.column])).toEqual([[6, 1]]);
    const text = readFixture("repo-launcher/launchers/launch_toolcall.py");
    expect(text.slice(inner[0]!.start, inner[0]!.end)).toBe("api.upload_file");
  });

  test("tool-call HFJ203 fix adds the $HF_TOKEN placeholder secret", () => {
    const run = fixFixture("repo-launcher/launchers/launch_toolcall.py", { unsafe: true, codes: ["HFJ203"], root: ROOT });
    expect(run.text).toContain(`    "flavor": "cpu-basic",\n    "secrets": {"HF_TOKEN": "$HF_TOKEN"},\n})`);
    expect(run.text).toContain(`hf_jobs("uv", {"script": "scripts/push_dataset.py", "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n`);
  });

  test("scope levels of the job scripts", () => {
    const level = (name: string) => analyzeScriptNeeds(fs.readFileSync(fixturePath(`repo-launcher/scripts/${name}`), "utf8"));
    expect(level("push_dataset.py").level).toBe("write");
    expect(level("push_dataset.py").checksTokenEarly).toBe(true);
    expect(level("public_eval.py").level).toBe("none");
    expect(level("private_read.py").level).toBe("read");
    expect(level("reads_custom_name.py").readsVariables.has("HUB_TOKEN")).toBe(true);
    expect(level("push_dataset.py").evidence.map((e) => e.row)).toEqual([11]);
  });

  test("the job scripts themselves are clean", () => {
    // HFJ302 (off by default) would drop private_read.py's explicit `token=`: the caller filters it out.
    for (const name of ["push_dataset.py", "public_eval.py", "private_read.py"]) {
      expect(analyze(`scripts/${name}`).filter((d) => d.code !== "HFJ302")).toEqual([]);
    }
  });
});
