/**
 * Notebooks end to end: `check` on fixtures/notebooks (cells in the output as Ruff writes them, an invalid
 * notebook as a per-file error while the run goes on) and `--fix` writing back only the changed source lines.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, runCli, withoutNotes } from "./helpers/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "fixtures/notebooks");

interface JsonEntry {
  cell: number | null;
  code: string | null;
  filename: string;
  location: { row: number; column: number };
  message: string;
}

describe("check on notebooks", () => {
  it("reports each finding in its cell, outputs at their file position, and an invalid notebook as an error", async () => {
    const result = await runCli(["check", "fixtures/notebooks", "--select", "ALL", "--output-format", "json", "--exit-zero"], { cwd: ROOT });
    const entries = JSON.parse(result.stdout) as JsonEntry[];
    const shown = entries.map((entry) => `${path.basename(entry.filename)} ${entry.cell ?? "-"}:${entry.location.row}:${entry.location.column} ${entry.code ?? "error"}`);
    expect(shown).toEqual([
      "crlf.ipynb 1:3:18 HFJ101",
      "jobs-login.ipynb 3:3:12 HFJ101",
      "jobs-login.ipynb 4:4:10 HFJ201",
      "jobs-login.ipynb 4:4:23 HFJ101",
      "jobs-login.ipynb 5:1:33 HFJ101",
      "jobs-login.ipynb 5:1:33 HFJ201",
      "jobs-login.ipynb -:71:15 HFJ101",
      "jobs-login.ipynb 6:2:17 HFJ103",
      "jobs-login.ipynb 7:1:40 HFJ101",
      // Files that could not be checked come last, as in Ruff's JSON.
      "invalid.ipynb -:1:1 error",
    ]);
    expect(entries.find((entry) => entry.code === null)!.message).toMatch(/not valid JSON/);
    expect(result.stdout).not.toMatch(/hf_Fake\w{30}/);
  });

  it("writes `path:cell N:row:col` in the text formats, as Ruff", async () => {
    const result = await runCli(["check", "fixtures/notebooks/jobs-login.ipynb", "--select", "HFJ101", "--output-format", "concise", "--exit-zero"], { cwd: ROOT });
    expect(result.stdout).toContain("fixtures/notebooks/jobs-login.ipynb:cell 3:3:12: HFJ101");
    expect(result.stdout).toContain("fixtures/notebooks/jobs-login.ipynb:71:15: HFJ101");
  });

  it("honours a `# noqa` on a cell's line", async () => {
    const token = "hf_FakeNotebookNoqaTokenForTestsAbCdE";
    const nb = {
      cells: [{ cell_type: "code", metadata: {}, outputs: [], source: [`a = "${token}"  # noqa: HFJ101\n`, `b = "${token}"\n`] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const dir = makeTree({ "nb.ipynb": `${JSON.stringify(nb, null, 1)}\n` });
    const result = await runCli(["check", ".", "--select", "HFJ101", "--output-format", "json", "--exit-zero"], { cwd: dir });
    expect((JSON.parse(result.stdout) as JsonEntry[]).map((entry) => `${entry.cell}:${entry.location.row}`)).toEqual(["1:2"]);
  });
});

/** A notebook as nbformat writes it (one-space indentation, a final newline) from its cells. */
function notebookText(cells: object[]): string {
  return `${JSON.stringify({ cells, metadata: { kernelspec: { language: "python", name: "python3" } }, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

const code = (source: string[], outputs: object[] = []) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs, source });

describe("unused `# noqa` in notebooks (HFJ901)", () => {
  const token = "hf_FakeNotebookNoqaTokenForTestsAbCdE";

  it("reports a directive in a code cell that suppresses nothing, in its cell, and a used one not", async () => {
    const dir = makeTree({
      "nb.ipynb": notebookText([
        { cell_type: "markdown", metadata: {}, source: ["Write `x = 1  # noqa: HFJ101` to silence one line\n"] },
        code([`a = "${token}"  # noqa: HFJ101\n`, "b = 1  # noqa: HFJ101, E501\n"]),
        code(['d = "say \\"hi\\""  # noqa: HFJ101\n'], [{ name: "stdout", output_type: "stream", text: ["# noqa: HFJ101\n"] }]),
      ]),
    });
    const result = await runCli(["check", ".", "--select", "ALL", "--output-format", "json", "--exit-zero"], { cwd: dir });
    const entries = JSON.parse(result.stdout) as JsonEntry[];
    // The used directive (row 1 of cell 2), the Markdown cell's quote and the printed output are not reported.
    expect(entries.map((entry) => `${entry.code} ${entry.cell}:${entry.location.row}:${entry.location.column}`)).toEqual(["HFJ901 2:2:8", "HFJ901 3:1:19"]);
    expect(entries[0]!.message).toBe("Unused `noqa` directive (`HFJ101` reported nothing on this line)");
  });

  it("is not reported when HFJ901 is not selected, and a used directive is never reported", async () => {
    const dir = makeTree({ "nb.ipynb": notebookText([code([`a = "${token}"  # noqa: HFJ101\n`, "b = 1  # noqa: HFJ101\n"])]) });
    const ignored = await runCli(["check", ".", "--select", "ALL", "--ignore", "HFJ901", "--output-format", "json", "--exit-zero"], { cwd: dir });
    expect(JSON.parse(ignored.stdout)).toEqual([]);
    const used = makeTree({ "nb.ipynb": notebookText([code([`a = "${token}"  # noqa: HFJ101\n`])]) });
    const clean = await runCli(["check", ".", "--select", "ALL", "--output-format", "json"], { cwd: used });
    expect(JSON.parse(clean.stdout)).toEqual([]);
    expect(clean.code).toBe(0);
  });

  it("checks the directives of a notebook the prefilter rules out (no evidence), and warns of an unknown code", async () => {
    const dir = makeTree({ "nb.ipynb": notebookText([code(["x = 1  # noqa: HFJ201\n", "y = 2  # noqa: HFJ999\n"])]) });
    const result = await runCli(["check", ".", "--select", "ALL", "--output-format", "concise", "--exit-zero"], { cwd: dir });
    expect(result.stdout).toContain("nb.ipynb:cell 1:1:8: HFJ901");
    expect(result.stderr).toContain("nb.ipynb: cell 1, line 2: `# noqa` names an unknown rule `HFJ999`");
    expect(result.stdout).not.toContain("cell 1:2:");
  });

  it("fixes by editing the cell's JSON string in place: other codes kept, the rest of the file unchanged", async () => {
    const before = notebookText([code(["b = 1  # noqa: HFJ101, E501\n", 'd = "say \\"hi\\""  # noqa: HFJ101\n', "e = 3\n"])]);
    const dir = makeTree({ "nb.ipynb": before });
    const result = await runCli(["check", ".", "--select", "ALL", "--fix", "--unsafe-fixes", "--exit-zero"], { cwd: dir });
    expect(withoutNotes(result.stderr)).toBe("");
    const after = fs.readFileSync(path.join(dir, "nb.ipynb"), "utf8");
    const changed = after.split("\n").filter((line, index) => line !== before.split("\n")[index]);
    expect(changed).toEqual(['    "b = 1  # noqa: E501\\n",', '    "d = \\"say \\\\\\"hi\\\\\\"\\"\\n",']);
    expect(after.split("\n").length).toBe(before.split("\n").length);
    expect((JSON.parse(after) as { cells: { source: string[] }[] }).cells[0]!.source).toEqual(["b = 1  # noqa: E501\n", 'd = "say \\"hi\\""\n', "e = 3\n"]);
  });
});

describe("nbformat 3 notebooks", () => {
  it("are a per-file error naming the version, with their tokens still reported, and the run goes on", async () => {
    const token = "hf_FakeNotebookNoqaTokenForTestsAbCdE";
    const v3 = {
      metadata: { name: "" },
      nbformat: 3,
      nbformat_minor: 0,
      worksheets: [
        { cells: [{ cell_type: "code", input: ["from huggingface_hub import login\n", `login("${token}")`], language: "python", metadata: {}, outputs: [] }], metadata: {} },
      ],
    };
    const dir = makeTree({ "old.ipynb": `${JSON.stringify(v3, null, 1)}\n`, "new.ipynb": notebookText([code([`login("${token}")\n`])]) });
    const result = await runCli(["check", ".", "--select", "ALL", "--output-format", "json"], { cwd: dir });
    expect(result.code).toBe(1);
    const entries = JSON.parse(result.stdout) as JsonEntry[];
    expect(entries.map((entry) => `${entry.filename} ${entry.cell ?? "-"}:${entry.location.row} ${entry.code ?? "error"}`)).toEqual([
      "new.ipynb 1:1 HFJ101",
      "old.ipynb -:14 HFJ101",
      "old.ipynb -:1 error",
    ]);
    expect(entries.at(-1)!.message).toBe(
      "cannot parse: nbformat 3 notebook: only nbformat 4 is read, as by Ruff; checked for hardcoded tokens only (`jupyter nbconvert --to notebook --inplace` upgrades it)",
    );
  });
});

describe("--fix on notebooks", () => {
  it("changes only the source lines it fixes, in the CRLF notebook too, and the result is a valid notebook", async () => {
    const dir = makeTree({
      "jobs-login.ipynb": fs.readFileSync(path.join(FIXTURES, "jobs-login.ipynb")),
      "crlf.ipynb": fs.readFileSync(path.join(FIXTURES, "crlf.ipynb")),
    });
    const before = { login: fs.readFileSync(path.join(dir, "jobs-login.ipynb"), "utf8"), crlf: fs.readFileSync(path.join(dir, "crlf.ipynb"), "utf8") };
    const result = await runCli(["check", ".", "--select", "ALL", "--fix", "--unsafe-fixes", "--output-format", "concise", "--exit-zero"], { cwd: dir });
    expect(withoutNotes(result.stderr)).toBe("");
    const login = fs.readFileSync(path.join(dir, "jobs-login.ipynb"), "utf8");
    const changed = login.split("\n").filter((line, index) => line !== before.login.split("\n")[index]);
    expect(changed).toEqual([
      '    "from huggingface_hub import login as hub_login, run_uv_job as launch, get_token\\n",',
      '    "hub_login(get_token())"',
      '    "    secrets={\\"HF_TOKEN\\": get_token()},\\n",',
      '    "!hf jobs run --flavor cpu-basic -s HF_TOKEN python:3.12 python -c \\"print(1)\\""',
    ]);
    expect(login.length - login.trimEnd().length).toBe(1);
    const crlf = fs.readFileSync(path.join(dir, "crlf.ipynb"), "utf8");
    expect(crlf.replace(/\r\n/g, "")).not.toContain("\n");
    expect(crlf).toContain('"hub.login(token=os.environ[\\"HF_TOKEN\\"])\\r\\n"');
    for (const text of [login, crlf]) expect(() => JSON.parse(text) as unknown).not.toThrow();
    // The token a cell printed stays: clearing outputs is the owner's call.
    expect(result.stdout).toMatch(/jobs-login\.ipynb:71:15: HFJ101/);
  });
});
