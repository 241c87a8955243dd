// The suppression code action's edit, per surface: applied, the engine no longer reports the finding, and nothing else changes.
import { describe, expect, it } from "vitest";
import { applyEdits, makeDiagnostic, SourceText, type Diagnostic, type FileKind } from "@hf-jobs-lint/core";
import { AnalyzerRegistry, checkFile, createLintContext } from "@hf-jobs-lint/engine";
import { lineWithNoqa, suppressionFor } from "../src/suppress.js";
import { checkSettings, FAKE_TOKEN } from "../../../test/helpers/analyzer-harness.js";

const settings = checkSettings();
const registry = new AnalyzerRegistry();

async function findings(filename: string, kind: FileKind, text: string): Promise<Diagnostic[]> {
  const outcome = await checkFile({ filename, path: null, kind, text }, settings, createLintContext(settings, registry));
  expect(outcome.error).toBeNull();
  return outcome.diagnostics;
}

/** Suppress the first finding of `code`; returns the new text, or null when no suppression is offered. */
async function suppressFirst(filename: string, kind: FileKind, text: string, code: string): Promise<string | null> {
  const diagnostic = (await findings(filename, kind, text)).find((found) => found.code === code);
  expect(diagnostic, `${code} in ${filename}`).toBeDefined();
  const suppression = suppressionFor(kind, new SourceText(text), diagnostic!);
  return suppression ? applyEdits(text, [suppression.edit]) : null;
}

describe("suppression edits", () => {
  it("Python: `# noqa: CODE` at the end of the line, CRLF kept", async () => {
    const text = `from huggingface_hub import login\r\n\r\nlogin(token="${FAKE_TOKEN}")\r\nprint("done")\r\n`;
    const fixed = (await suppressFirst("a.py", "python", text, "HFJ101"))!;
    expect(fixed).toBe(text.replace(`")\r\n`, `")  # noqa: HFJ101\r\n`));
    expect((await findings("a.py", "python", fixed)).map((d) => d.code)).not.toContain("HFJ101");
  });

  it("the edit carries only what it adds: the token on the line never travels in it (Python, shell, notebook)", async () => {
    const cases: [string, FileKind, string][] = [
      ["a.py", "python", `from huggingface_hub import login\n\nlogin(token="${FAKE_TOKEN}")  # noqa: E501\n`],
      ["run.sh", "shell", `hf jobs run --env HF_TOKEN=${FAKE_TOKEN} python:3.12 python -c pass\n`],
      [
        "nb.ipynb",
        "notebook",
        JSON.stringify(
          { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", metadata: {}, outputs: [], execution_count: null, source: [`login("${FAKE_TOKEN}")\n`] }] },
          null,
          1,
        ),
      ],
    ];
    for (const [filename, kind, text] of cases) {
      const diagnostic = (await findings(filename, kind, text)).find((found) => found.code === "HFJ101");
      expect(diagnostic, filename).toBeDefined();
      const { edit } = suppressionFor(kind, new SourceText(text), diagnostic!)!;
      expect(edit.content, filename).not.toContain("hf_");
      expect(edit.content.trim(), filename).toMatch(/HFJ101$/);
      expect(
        (await findings(filename, kind, applyEdits(text, [edit]))).map((d) => d.code),
        filename,
      ).not.toContain("HFJ101");
    }
  });

  it("Python: added to the line's directive, and none inside a multi-line string", async () => {
    expect(lineWithNoqa("x = 1  # noqa: E501", "HFJ101")).toBe("x = 1  # noqa: E501, HFJ101");
    expect(lineWithNoqa("x = 1  # noqa: E501  why", "HFJ101")).toBe("x = 1  # noqa: E501, HFJ101  why");
    expect(lineWithNoqa("x = 1  # noqa", "HFJ101")).toBeNull();
    expect(lineWithNoqa("x = 1  # noqa: no-hardcoded-token", "HFJ101")).toBeNull();
    const inString = `TEXT = """\nuse ${FAKE_TOKEN}\nhere\n"""\n`;
    expect(await suppressFirst("b.py", "python", inString, "HFJ101")).toBeNull();
  });

  it("shell: `# noqa`, on the last line of a continued command (where the analyzer reads it)", async () => {
    const text = "hf jobs uv run -e HF_TOKEN=$HF_TOKEN train.py\n";
    const fixed = (await suppressFirst("run.sh", "shell", text, "HFJ201"))!;
    expect(fixed).toBe("hf jobs uv run -e HF_TOKEN=$HF_TOKEN train.py  # noqa: HFJ201\n");
    expect(await findings("run.sh", "shell", fixed)).toEqual([]);
    const continued = "hf jobs uv run \\\n  -e HF_TOKEN=$HF_TOKEN \\\n  train.py\n";
    const suppressed = (await suppressFirst("run.sh", "shell", continued, "HFJ201"))!;
    expect(suppressed).toBe(continued.replace("train.py\n", "train.py  # noqa: HFJ201\n"));
    expect(await findings("run.sh", "shell", suppressed)).toEqual([]);
  });

  it("CI YAML: `# noqa` on the step's line", async () => {
    const text = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: hf jobs uv run -e HF_TOKEN=${{ secrets.HF_TOKEN }} train.py\n";
    const fixed = (await suppressFirst(".github/workflows/ci.yml", "yaml-ci", text, "HFJ201"))!;
    expect(fixed).toContain("train.py  # noqa: HFJ201\n");
    expect(await findings(".github/workflows/ci.yml", "yaml-ci", fixed)).toEqual([]);
  });

  it("TS/JS: `// eslint-disable-next-line hf-jobs/NAME` above, indented, merged into a directive there", async () => {
    const text = `import { whoAmI } from "@huggingface/hub";\n\nexport async function me() {\n  return whoAmI({ accessToken: "${FAKE_TOKEN}" });\n}\n`;
    const fixed = (await suppressFirst("a.ts", "typescript", text, "HFJ101"))!;
    expect(fixed.split("\n")[3]).toBe("  // eslint-disable-next-line hf-jobs/no-hardcoded-token");
    expect((await findings("a.ts", "typescript", fixed)).map((d) => d.code)).not.toContain("HFJ101");

    const withDirective = text.replace("  return", "  // eslint-disable-next-line no-console\n  return");
    const merged = (await suppressFirst("a.ts", "typescript", withDirective, "HFJ101"))!;
    expect(merged.split("\n")[3]).toBe("  // eslint-disable-next-line no-console, hf-jobs/no-hardcoded-token");
    expect((await findings("a.ts", "typescript", merged)).map((d) => d.code)).not.toContain("HFJ101");
  });

  it("Markdown: the disable comment before the fence, inside a list item too; none outside a fence", async () => {
    const text = "# Run\n\n1. Launch:\n\n   ```bash\n   hf jobs uv run -e HF_TOKEN=$HF_TOKEN train.py\n   ```\n";
    const fixed = (await suppressFirst("README.md", "markdown", text, "HFJ201"))!;
    expect(fixed).toContain("\n   <!-- hf-jobs-lint-disable-next-block -->\n   ```bash\n");
    expect(await findings("README.md", "markdown", fixed)).toEqual([]);

    // A finding outside every fence (none of today's Markdown findings is, but the action must not guess a block).
    const prose = new SourceText(`${text}\nAfter the list.\n`);
    const offset = prose.text.indexOf("After");
    expect(suppressionFor("markdown", prose, makeDiagnostic(prose, "README.md", { code: "HFJ101", message: "m", start: offset, end: offset + 5 }))).toBeNull();
  });

  it("Dockerfile: `# noqa` at the end of the `RUN` line the analyzer reads it from (the last of a continued one)", async () => {
    const text = 'FROM python:3.12\nRUN hf jobs uv run -e HF_TOKEN=$HF_TOKEN train.py\nCMD ["python"]\n';
    const fixed = (await suppressFirst("Dockerfile", "dockerfile", text, "HFJ201"))!;
    expect(fixed).toBe(text.replace("train.py\n", "train.py  # noqa: HFJ201\n"));
    expect(await findings("Dockerfile", "dockerfile", fixed)).toEqual([]);
    const continued = "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache hf jobs uv run \\\n    -e HF_TOKEN=$HF_TOKEN \\\n    train.py\n";
    const suppressed = (await suppressFirst("Dockerfile", "dockerfile", continued, "HFJ201"))!;
    expect(suppressed).toBe(continued.replace("    train.py\n", "    train.py  # noqa: HFJ201\n"));
    expect(await findings("Dockerfile", "dockerfile", suppressed)).toEqual([]);
  });

  it("Dockerfile: none outside `RUN` (Docker would make the comment part of an `ENV` or `ARG` value)", async () => {
    const text = `FROM python:3.12\nENV HF_TOKEN=${FAKE_TOKEN}\nARG T=${FAKE_TOKEN}\n`;
    expect(await suppressFirst("Dockerfile", "dockerfile", text, "HFJ101")).toBeNull();
    const all = await findings("Dockerfile", "dockerfile", text);
    expect(all.map((d) => d.location.row)).toEqual([2, 3]);
    for (const diagnostic of all) expect(suppressionFor("dockerfile", new SourceText(text), diagnostic)).toBeNull();
  });

  /** A notebook as nbformat writes it, from its cells. */
  const notebook = (cells: object[]) => `${JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
  const codeCell = (source: string | string[], outputs: object[] = []) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs, source });

  it("notebook (raw JSON): `# noqa` on the code-cell line, written into its JSON string; the file stays a notebook", async () => {
    const text = notebook([codeCell(["from huggingface_hub import login\n", `login("${FAKE_TOKEN}")  # noqa: E501\n`, "print(1)\n"])]);
    const fixed = (await suppressFirst("nb.ipynb", "notebook", text, "HFJ101"))!;
    const changed = fixed.split("\n").filter((line, index) => line !== text.split("\n")[index]);
    expect(changed).toEqual([`    "login(\\"${FAKE_TOKEN}\\")  # noqa: E501, HFJ101\\n",`]);
    expect((JSON.parse(fixed) as { cells: { source: string[] }[] }).cells[0]!.source[1]).toBe(`login("${FAKE_TOKEN}")  # noqa: E501, HFJ101\n`);
    expect((await findings("nb.ipynb", "notebook", fixed)).map((d) => d.code)).not.toContain("HFJ101");
  });

  it("notebook: none for a Markdown cell, an output, or a one-string source whose row holds several lines", async () => {
    const inMarkdown = notebook([{ cell_type: "markdown", metadata: {}, source: ["```python\n", `login("${FAKE_TOKEN}")\n`, "```\n"] }]);
    const markdownFindings = await findings("nb.ipynb", "notebook", inMarkdown);
    expect(markdownFindings.length).toBeGreaterThan(0);
    for (const diagnostic of markdownFindings) expect(suppressionFor("notebook", new SourceText(inMarkdown), diagnostic)).toBeNull();
    const inOutput = notebook([codeCell(["print(t)\n"], [{ name: "stdout", output_type: "stream", text: [`${FAKE_TOKEN}\n`] }])]);
    expect(await suppressFirst("nb.ipynb", "notebook", inOutput, "HFJ101")).toBeNull();
    const oneString = notebook([codeCell(`from huggingface_hub import login\nlogin("${FAKE_TOKEN}")\n`)]);
    expect(await suppressFirst("nb.ipynb", "notebook", oneString, "HFJ101")).toBeNull();
  });
});
