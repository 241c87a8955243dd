import { describe, expect, it } from "vitest";
import { applyEdits, mayFire, ParseError, type Diagnostic } from "@hf-jobs-lint/core";
import { pythonAnalyzer } from "@hf-jobs-lint/python";
import { createMarkdownAnalyzer, createNotebookAnalyzer } from "../src/index.js";
import { parseNotebook } from "../src/notebook-json.js";
import { FAKE_TOKEN, makeInput } from "../../../test/helpers/analyzer-harness.js";

/** A notebook as nbformat writes it: one-space indentation, sorted keys, a final newline. */
function notebook(cells: { type: "code" | "markdown"; source: string; outputs?: unknown[] }[], language = "python"): string {
  const lines = (source: string) => source.split(/(?<=\n)/).filter((line) => line !== "");
  const json = {
    cells: cells.map((cell) =>
      cell.type === "code"
        ? { cell_type: "code", execution_count: null, metadata: {}, outputs: cell.outputs ?? [], source: lines(cell.source) }
        : { cell_type: "markdown", metadata: {}, source: lines(cell.source) },
    ),
    metadata: { language_info: { name: language } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

function analyzerWith(loads: { python: number; markdown: number }) {
  return createNotebookAnalyzer({
    python: async () => {
      loads.python++;
      return pythonAnalyzer;
    },
    markdown: async () => {
      loads.markdown++;
      return createMarkdownAnalyzer({ python: pythonAnalyzer, analyzeScriptNeeds: null });
    },
  });
}

async function analyze(text: string, options: { prefilter?: boolean } = {}) {
  const loads = { python: 0, markdown: 0 };
  const input = makeInput("nb.ipynb", text);
  if (options.prefilter) input.mayFire = (kind, region) => mayFire({ kind, text: region, selected: null, jobScript: false });
  const diagnostics = await analyzerWith(loads).analyze(input);
  return { diagnostics: diagnostics as Diagnostic[], loads, text };
}

const where = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => (d.cell ? `${d.code}@cell${d.cell.index}:${d.cell.location.row}:${d.cell.location.column}` : `${d.code}@${d.location.row}:${d.location.column}`)).sort();

/** Apply every fix once, as the fix loop's first pass does (non-overlapping ones). */
function fixed(text: string, diagnostics: readonly Diagnostic[]): string {
  const edits = diagnostics.flatMap((d) => d.fix?.edits ?? []);
  return applyEdits(text, edits);
}

describe("notebook cells", () => {
  it("places findings of a login cell with an aliased import in their cell", async () => {
    const { diagnostics } = await analyze(
      notebook([
        { type: "markdown", source: "# Train\n" },
        { type: "code", source: "!pip install -q huggingface_hub\n%load_ext autoreload\n" },
        { type: "code", source: `from huggingface_hub import login as hub_login\n\nhub_login("${FAKE_TOKEN}")` },
      ]),
    );
    expect(where(diagnostics)).toEqual(["HFJ101@cell3:3:12"]);
    // The file position is the JSON's own line.
    expect(diagnostics[0]!.location.row).toBeGreaterThan(10);
  });

  it("does not let magics, shell lines and cell magics break the parse, even indented", async () => {
    const { diagnostics } = await analyze(
      notebook([
        { type: "code", source: "%%bash\necho not python (\n" },
        { type: "code", source: "if True:\n    !ls\n    x = !pwd\n    os.path?\n" },
        { type: "code", source: `from huggingface_hub import run_uv_job\nrun_uv_job("t.py", env={"HF_TOKEN": "$HF_TOKEN"})\n` },
      ]),
    );
    expect(where(diagnostics).filter((entry) => entry.startsWith("HFJ201"))).toEqual(["HFJ201@cell3:2:25"]);
  });

  it("reports a token a cell printed, in the saved outputs, at its place in the file", async () => {
    const text = notebook([{ type: "code", source: "print(token)\n", outputs: [{ name: "stdout", output_type: "stream", text: [`Token: ${FAKE_TOKEN}\n`] }] }]);
    const { diagnostics } = await analyze(text);
    expect(diagnostics.map((d) => [d.code, d.cell, d.message.includes("saved output")])).toEqual([["HFJ101", undefined, true]]);
    expect(text.slice(diagnostics[0]!.start, diagnostics[0]!.end)).toBe(FAKE_TOKEN);
  });

  it("sends `!hf jobs` lines to the shell check and Markdown cells to the Markdown analyzer", async () => {
    const { diagnostics } = await analyze(
      notebook([
        { type: "code", source: `!hf jobs run -e HF_TOKEN=${FAKE_TOKEN} python:3.12 python -c 1\n` },
        { type: "markdown", source: `Run:\n\n\`\`\`bash\nhf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 python -c 1\n\`\`\`\n` },
      ]),
    );
    expect(where(diagnostics)).toEqual(["HFJ101@cell1:1:14", "HFJ201@cell1:1:14", "HFJ201@cell2:4:13"]);
  });

  it("is a per-file error when the JSON is invalid, with the tokens of the text still reported", async () => {
    const error = await analyze(`{"cells": [ {"source": ["${FAKE_TOKEN}"] `).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).message).toMatch(/^not valid JSON/);
    expect((error as ParseError).partial.map((d) => d.code)).toEqual(["HFJ101"]);
  });

  it("never loads the Python analyzer for a notebook with no evidence", async () => {
    const { diagnostics, loads } = await analyze(
      notebook([
        { type: "markdown", source: "# Plots\n" },
        { type: "code", source: "import pandas as pd\n%matplotlib inline\npd.read_csv('a.csv').plot()\n" },
      ]),
      { prefilter: true },
    );
    expect(diagnostics).toEqual([]);
    expect(loads).toEqual({ python: 0, markdown: 0 });
  });

  it("reads a notebook of another kernel for tokens only", async () => {
    const { diagnostics, loads } = await analyze(notebook([{ type: "code", source: `hf_login("${FAKE_TOKEN}")\n` }], "julia"));
    expect(where(diagnostics)).toEqual(["HFJ101@cell1:1:11"]);
    expect(loads.python).toBe(0);
  });
});

describe("notebook fixes", () => {
  it("rewrite only the changed source lines, keeping indentation, key order and the final newline", async () => {
    const text = notebook([
      { type: "markdown", source: "# Train\n" },
      { type: "code", source: `from huggingface_hub import run_uv_job\n\njob = run_uv_job(\n    "t.py",\n    env={"HF_TOKEN": "$HF_TOKEN"},\n)\n` },
    ]);
    const { diagnostics } = await analyze(text);
    const after = fixed(
      text,
      diagnostics.filter((d) => d.code === "HFJ201"),
    );
    const changed = after.split("\n").filter((line, index) => line !== text.split("\n")[index]);
    expect(changed).toEqual(['    "    secrets={\\"HF_TOKEN\\": \\"$HF_TOKEN\\"},\\n",']);
    expect(after.endsWith("}\n")).toBe(true);
    expect(Object.keys(JSON.parse(after) as object)).toEqual(["cells", "metadata", "nbformat", "nbformat_minor"]);
  });

  it("split an inserted line into an element of its own, as nbformat writes it", async () => {
    const text = notebook([{ type: "code", source: `import huggingface_hub as hub\nhub.login(token="${FAKE_TOKEN}")\n` }]);
    const { diagnostics } = await analyze(text);
    const after = fixed(text, diagnostics);
    const cell = (JSON.parse(after) as { cells: { source: string[] }[] }).cells[0]!.source;
    expect(cell.every((line, index) => index === cell.length - 1 || (line.endsWith("\n") && line.indexOf("\n") === line.length - 1))).toBe(true);
    expect(cell.join("")).not.toContain(FAKE_TOKEN);
  });
});

describe("parseNotebook", () => {
  it("maps a string source and an inline list source", () => {
    const json = '{"cells": [{"cell_type": "code", "source": "a = 1\\nb = \\"\\u00e9\\""}, {"cell_type": "code", "source": ["x\\n", "y"]}], "metadata": {}}';
    const { cells } = parseNotebook(json);
    expect(cells.map((cell) => cell.source.text)).toEqual(['a = 1\nb = "é"', "x\ny"]);
    const [first, second] = cells;
    const edits = first!.source.mapEdits([{ start: 4, end: 5, content: "2" }])!;
    expect(JSON.parse(applyEdits(json, edits)).cells[0].source).toBe('a = 2\nb = "é"');
    const inline = second!.source.mapEdits([{ start: 2, end: 3, content: "z\nw" }])!;
    expect(JSON.parse(applyEdits(json, inline)).cells[1].source).toEqual(["x\n", "z\n", "w"]);
  });

  it("maps every character of the decoded text to the file offset that spells it, escapes included", () => {
    const lines = ['tab\\there \\"quoted\\" back\\\\slash\\n', "\\u00e9t\\u00e9 \\ud83d\\ude00 done\\r\\n", "", "plain line"];
    const json = `{\r\n "cells": [\r\n  {"cell_type": "code", "source": [\r\n    ${lines.map((line) => `"${line}"`).join(",\r\n    ")}\r\n  ]}\r\n ],\r\n "metadata": {}\r\n}`;
    const [cell] = parseNotebook(json).cells;
    expect(cell!.source.text).toBe(lines.map((line) => JSON.parse(`"${line}"`) as string).join(""));
    // The expected offsets, character by character: a backslash escape spells one character, `\uXXXX` one unit.
    const expected: number[] = [];
    let at = 0;
    for (const line of lines) {
      at = json.indexOf(`"${line}"`, at) + 1;
      for (let i = 0; i < line.length;) {
        expected.push(at + i);
        i += line[i] !== "\\" ? 1 : line[i + 1] === "u" ? 6 : 2;
      }
      at += line.length;
    }
    expect(expected).toHaveLength(cell!.source.text.length);
    expect(expected.map((_, index) => cell!.source.toFile(index, false))).toEqual(expected);
  });

  it("rejects JSON that is not a notebook", () => {
    expect(() => parseNotebook('{"a": 1}')).toThrow(/no `cells` list/);
  });

  it("rejects an nbformat 3 notebook (cells under `worksheets`) as Ruff does, saying which version it is", () => {
    const v3 = JSON.stringify({ metadata: {}, nbformat: 3, nbformat_minor: 0, worksheets: [{ cells: [{ cell_type: "code", input: ["x = 1\n"], outputs: [] }] }] });
    expect(() => parseNotebook(v3)).toThrow(/^nbformat 3 notebook: only nbformat 4 is read, as by Ruff; checked for hardcoded tokens only/);
    // A JSON file without cells that names no version is not called a notebook of some version.
    expect(() => parseNotebook('{"worksheets": []}')).toThrow(/^not a Jupyter notebook/);
    expect(() => parseNotebook('{"nbformat": 4}')).toThrow(/^not a Jupyter notebook/);
  });
});

describe("the notebook kind's prefilter", () => {
  it("passes a notebook with evidence and rules out one without", () => {
    expect(mayFire({ kind: "notebook", text: notebook([{ type: "code", source: "from huggingface_hub import login\n" }]), selected: null, jobScript: false })).toBe(true);
    expect(mayFire({ kind: "notebook", text: notebook([{ type: "code", source: "import numpy as np\n" }]), selected: null, jobScript: false })).toBe(false);
  });
});
