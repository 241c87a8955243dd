import { readFileSync } from "node:fs";
import path from "node:path";
import type { Analyzer, Diagnostic } from "@hf-jobs-lint/core";
import { makeDiagnostic, ParseError } from "@hf-jobs-lint/core";
import { pythonAnalyzer } from "@hf-jobs-lint/python";
import { createMarkdownAnalyzer } from "../src/index.js";
import { markOf } from "../src/counterexamples.js";
import { findFences } from "../src/fences.js";
import { SourceText } from "@hf-jobs-lint/core";
import { analyzeText, codesOf, covered, FAKE_TOKEN, fixToFixpoint } from "../../../test/helpers/analyzer-harness.js";

const fixtures = path.resolve(__dirname, "../../../fixtures/markdown");
const noScripts = { analyzeScriptNeeds: null };

/**
 * A stand-in TypeScript analyzer (the ESLint one is tested in its own package): HFJ202 on every `"$HF_TOKEN"`
 * string, fixed to `process.env.HF_TOKEN`; and, to exercise multi-line mapping, an unsafe fix that adds a
 * comment line above the first line.
 */
const fakeTypescript: Analyzer = {
  kinds: ["typescript"],
  analyze(input) {
    const text = input.source.text;
    const found: Diagnostic[] = [];
    for (const match of text.matchAll(/"\$HF_TOKEN"/g)) {
      found.push(
        makeDiagnostic(input.source, input.filename, {
          code: "HFJ202",
          message: "placeholder",
          start: match.index,
          end: match.index + match[0].length,
          fix: { applicability: "safe", message: "env", edits: [{ start: match.index, end: match.index + match[0].length, content: "process.env.HF_TOKEN" }] },
        }),
      );
    }
    if (text.includes("ADD_HEADER")) {
      found.push(
        makeDiagnostic(input.source, input.filename, {
          code: "HFJ206",
          message: "header",
          start: text.indexOf("ADD_HEADER"),
          end: text.indexOf("ADD_HEADER") + 10,
          fix: {
            applicability: "safe",
            message: "header",
            edits: [
              { start: 0, end: 0, content: "// checked\n" },
              { start: text.indexOf("ADD_HEADER"), end: text.indexOf("ADD_HEADER") + 10, content: "DONE" },
            ],
          },
        }),
      );
    }
    // A rule for job script files only: never reported in docs.
    if (text.includes("push")) found.push(makeDiagnostic(input.source, input.filename, { code: "HFJ301", message: "check early", start: 0, end: 1 }));
    return found;
  },
};

let md: Analyzer;
beforeAll(async () => {
  await pythonAnalyzer.init!();
  md = createMarkdownAnalyzer({ python: pythonAnalyzer, typescript: fakeTypescript, ...noScripts });
});

describe("findFences", () => {
  it("finds ``` and ~~~ fences with info strings, in lists and blockquotes, with exact content offsets", () => {
    const text = "- item\n\n  ~~~ {.python title=x}\n  a = 1\n  ~~~\n\n> ```bash\n> echo hi\n>\n> ```\n\n````md\n```\n````\n";
    const fences = findFences(new SourceText(text));
    expect(fences.map((f) => [f.lang, f.openRow, f.lines.map((l) => [text.slice(l.start, l.end), l.prefix])])).toEqual([
      ["python", 3, [["a = 1", "  "]]],
      [
        "bash",
        7,
        [
          ["echo hi", "> "],
          ["", ">"],
        ],
      ],
      ["md", 12, [["```", ""]]],
    ]);
  });

  it("runs an unclosed fence to the end of the document", () => {
    const text = "```sh\nhf jobs ps\n";
    expect(findFences(new SourceText(text))[0]!.lines.map((l) => text.slice(l.start, l.end))).toEqual(["hf jobs ps"]);
  });
});

describe("markOf", () => {
  it("knows the counter-example marks, and good marks", () => {
    for (const bad of ["❌ 错误：", "⚠️ 硬编码令牌", "Wrong:", "This is bad", "Don't do this", "never", "不推荐", "不要这样"]) expect(markOf(bad)).toBe("bad");
    for (const good of ["✅ 正确", "Correct:", "推荐", "recommended"]) expect(markOf(good)).toBe("good");
    expect(markOf("badge and wrongful")).toBeNull();
    expect(markOf("方法 1：自动令牌（推荐）⭐")).toBe("good");
    expect(markOf("方法 2：显式令牌（不推荐）")).toBe("bad");
  });
});

/** huggingface_hub 0.36: `hf jobs` passes everything after the script to it, so HFJ207 probes where a command ends. */
const OLD = { hubVersion: "0.36.2" };

describe("markdown analyzer", () => {
  const text = readFileSync(path.join(fixtures, "launch-docs.md"), "utf8");

  it("dispatches fences by language and maps findings to the Markdown file", async () => {
    const found = await analyzeText(md, "docs/launch-docs.md", text, OLD);
    expect(found.map((d) => [d.code, d.location.row, covered(text, d)])).toEqual([
      // console fence in a list item: the `$ ` prompt and `> ` continuation are prompts, the job id is output.
      ["HFJ201", 12, "-e HF_TOKEN"],
      // python fence in a list item (3 spaces of indentation), by the Python analyzer.
      ["HFJ201", 23, '"HF_TOKEN"'],
      // sh fence in a blockquote.
      ["HFJ207", 27, "--flavor cpu-basic"],
      // a fence without a language that starts with `hf jobs`.
      ["HFJ204", 31, "-s HF_API_TOKEN"],
      // the `text` fence is not shell: nothing.
    ]);
  });

  it("fixes every fence in place and reaches a fixpoint", async () => {
    const fixed = await fixToFixpoint(md, "docs/launch-docs.md", text, { ...noScripts, unsafe: true, ...OLD });
    expect(fixed.remaining).toEqual([]);
    const before = text.split("\n");
    const changed = fixed.text.split("\n").flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    expect(changed).toEqual([
      ["   $ hf jobs uv run -e HF_TOKEN train.py \\", "   $ hf jobs uv run -s HF_TOKEN train.py \\"],
      ['   run_uv_job("train.py", env={"HF_TOKEN": os.environ["HF_TOKEN"]})', '   run_uv_job("train.py", secrets={"HF_TOKEN": os.environ["HF_TOKEN"]})'],
      ["> hf jobs uv run train.py --flavor cpu-basic", "> hf jobs uv run --flavor cpu-basic train.py"],
      ["hf jobs run -s HF_API_TOKEN ubuntu ls", "hf jobs run -s HF_TOKEN ubuntu ls"],
    ]);
  });

  it("console blocks: `$ `, `# `, `% `, `>>> ` and `> ` are prompts; output lines are not commands", async () => {
    const doc =
      "```console\n# hf jobs run -e HF_TOKEN ubuntu ls\nhf jobs uv run -e HF_TOKEN printed-output.py\n>>> hf jobs uv run -e HF_TOKEN prompt.py\n$ hf jobs uv run x.py \\\n>   --flavor cpu-basic\n```\n";
    const found = await analyzeText(md, "k.md", doc, OLD);
    expect(found.map((d) => [d.code, d.location.row, covered(doc, d)])).toEqual([
      ["HFJ201", 2, "-e HF_TOKEN"],
      ["HFJ201", 4, "-e HF_TOKEN"],
      ["HFJ207", 6, "--flavor cpu-basic"],
    ]);
    expect((await fixToFixpoint(md, "k.md", doc, OLD)).text).toBe(
      doc
        .replace("-e HF_TOKEN ubuntu", "-s HF_TOKEN ubuntu")
        .replace("-e HF_TOKEN prompt", "-s HF_TOKEN prompt")
        .replace("$ hf jobs uv run x.py \\\n>   --flavor cpu-basic", "$ hf jobs uv run --flavor cpu-basic x.py"),
    );
  });

  it("console blocks: after `$ python`, `>>> ` lines are the Python REPL, not commands", async () => {
    const doc = "```console\n$ python\n>>> import os\n>>> hf jobs uv run -e HF_TOKEN not-a-command.py\n$ hf jobs uv run -e HF_TOKEN x.py\n```\n";
    expect((await analyzeText(md, "r.md", doc)).map((d) => [d.code, d.location.row])).toEqual([["HFJ201", 5]]);
  });

  it("maps a sub-analyzer's multi-line fix into an indented fence, re-adding the container prefix", async () => {
    const doc = '1. Step:\n\n   ```ts\n   const t = ADD_HEADER;\n   runJob({ secrets: { HF_TOKEN: "$HF_TOKEN" } });\n   ```\n';
    const found = await analyzeText(md, "a.md", doc);
    expect(found.map((d) => [d.code, d.location.row, d.location.column, covered(doc, d)])).toEqual([
      ["HFJ206", 4, 14, "ADD_HEADER"],
      ["HFJ202", 5, 34, '"$HF_TOKEN"'],
    ]);
    const fixed = await fixToFixpoint(md, "a.md", doc);
    expect(fixed.text).toBe("1. Step:\n\n   ```ts\n   // checked\n   const t = DONE;\n   runJob({ secrets: { HF_TOKEN: process.env.HF_TOKEN } });\n   ```\n");
  });

  it("keeps CRLF line endings through a mapped fix", async () => {
    const doc = '```js\r\nrunJob({ secrets: { HF_TOKEN: "$HF_TOKEN" } });\r\n```\r\n';
    expect((await fixToFixpoint(md, "c.md", doc)).text).toBe("```js\r\nrunJob({ secrets: { HF_TOKEN: process.env.HF_TOKEN } });\r\n```\r\n");
  });

  it("drops findings of rules that do not apply to docs (HFJ301 is for job script files)", async () => {
    expect(codesOf(await analyzeText(md, "p.md", "```typescript\nawait push();\n```\n"))).toEqual([]);
  });

  it("maps a Python `# noqa` row to the Markdown row", async () => {
    const doc = "Intro.\n\n```python\nfrom huggingface_hub import get_token, run_uv_job\n\nrun_uv_job('t.py', env={'HF_TOKEN': get_token()})  # noqa: HFJ201\n```\n";
    const found = await analyzeText(md, "n.md", doc);
    expect(found.map((d) => [d.code, d.noqaRow])).toEqual([["HFJ201", 6]]);
  });

  it("HFJ101 on tokens in prose, HTML comments and unknown fences; placeholders are not tokens", async () => {
    const doc = `Use \`${FAKE_TOKEN}\` as your token.\n\n<!-- ${FAKE_TOKEN} -->\n\n\`\`\`text\n${FAKE_TOKEN}\n\`\`\`\n\nA placeholder like \`hf_abc123...\` or \`hf_xxx\` is fine.\n`;
    const found = await analyzeText(md, "t.md", doc);
    expect(found.map((d) => [d.code, d.location.row, d.fix])).toEqual([
      ["HFJ101", 1, null],
      ["HFJ101", 3, null],
      ["HFJ101", 6, null],
    ]);
    for (const d of found) expect(d.message).not.toContain(FAKE_TOKEN);
  });

  it("a token in a shell or python fence is reported once", async () => {
    const doc = `\`\`\`bash\nhf jobs uv run --token ${FAKE_TOKEN} x.py\n\`\`\`\n\n\`\`\`python\nfrom huggingface_hub import HfApi\napi = HfApi(token="${FAKE_TOKEN}")\n\`\`\`\n`;
    const found = await analyzeText(md, "t.md", doc);
    expect(found.map((d) => [d.code, d.location.row])).toEqual([
      ["HFJ101", 2],
      ["HFJ101", 7],
    ]);
  });

  it("<!-- hf-jobs-lint-disable-next-block --> suppresses the next fence only", async () => {
    const doc = "<!-- hf-jobs-lint-disable-next-block -->\n```bash\nhf jobs uv run -e HF_TOKEN a.py\n```\n\n```bash\nhf jobs uv run -e HF_TOKEN b.py\n```\n";
    const found = await analyzeText(md, "d.md", doc);
    expect(found.map((d) => [d.code, d.location.row])).toEqual([["HFJ201", 7]]);
  });

  it("a fence that does not parse is skipped; a sub-analyzer that crashes fails the file", async () => {
    const failing = (error: Error): Analyzer => ({ kinds: ["typescript"], analyze: () => Promise.reject(error) });
    const doc = "```ts\nconst x = {\n```\n";
    expect(await analyzeText(createMarkdownAnalyzer({ ...noScripts, typescript: failing(new ParseError("syntax error")) }), "d.md", doc)).toEqual([]);
    await expect(analyzeText(createMarkdownAnalyzer({ ...noScripts, typescript: failing(new Error("analyzer bug")) }), "d.md", doc)).rejects.toThrow("analyzer bug");
  });
});

describe("markdown counter-examples", () => {
  const doc = [
    "**❌ Wrong:**", // 1
    "```bash", // 2
    "hf jobs uv run -e HF_TOKEN a.py", // 3
    "```", // 4
    "", // 5
    "### Method 2: explicit token (不推荐)", // 6
    "", // 7
    "```python", // 8
    "from huggingface_hub import get_token, run_uv_job", // 9
    "run_uv_job('a.py', env={'HF_TOKEN': get_token()})", // 10
    "```", // 11
    "", // 12
    "Never write it like the first call; the second is right:", // 13
    "```python", // 14
    "from huggingface_hub import get_token, run_uv_job", // 15
    "", // 16
    "# ❌ bad: env", // 17
    "run_uv_job('a.py',", // 18
    "    env={'HF_TOKEN': get_token()})", // 19
    "", // 20
    "# ✅ correct", // 21
    "run_uv_job('a.py', secrets={'HF_TOKEN': get_token()}, env={'WANDB_API_KEY': get_token()})", // 22
    "```", // 23
    "", // 24
    "**❌ 错误：**", // 25
    "```bash", // 26
    "# ✅ 正确", // 27
    "hf jobs uv run -e WANDB_API_KEY c.py", // 28
    "", // 29
    "hf jobs uv run -e HF_TOKEN d.py", // 30
    "hf jobs uv run -e HF_TOKEN e.py  # don't", // 31
    "```", // 32
    "", // 33
    `❌ Never paste \`${FAKE_TOKEN}\` into docs.`, // 34
    "",
  ].join("\n");

  it("skips blocks and lines marked as counter-examples; a ✅ comment marks its lines good", async () => {
    const found = await analyzeText(md, "c.md", doc);
    // Row 22: the ✅ group beats the paragraph's `Never` (and the paragraph's last sentence is the good one).
    // Row 28: the `# ✅ 正确` comment beats the `**❌ 错误：**` intro; row 30 falls back to the intro, 31 is marked.
    // Row 34: prose has no comments to mark it; a real-looking token there reached the file and is reported.
    expect(found.map((d) => [d.code, d.location.row])).toEqual([
      ["HFJ201", 22],
      ["HFJ201", 28],
      ["HFJ101", 34],
    ]);
  });

  it("never takes prose for a counter-example: every token of a long marked line is reported (bench/hostile-inputs.js times it)", async () => {
    const tokens = Array.from({ length: 3000 }, (_, i) => `hf_${String(i).padStart(4, "0")}${FAKE_TOKEN.slice(7)}`);
    const prose = `Do not share these, they are bad: ${tokens.join(" ")}\n`;
    const found = await analyzeText(md, "p.md", prose);
    expect(found).toHaveLength(3000);
    expect(new Set(found.map((d) => d.code))).toEqual(new Set(["HFJ101"]));
  });

  it("reports them all with includeCounterexamples", async () => {
    const found = await analyzeText(md, "c.md", doc, { includeCounterexamples: true });
    expect(found.map((d) => [d.code, d.location.row])).toEqual([
      ["HFJ201", 3],
      ["HFJ201", 10],
      ["HFJ201", 19],
      ["HFJ201", 22],
      ["HFJ201", 28],
      ["HFJ201", 30],
      ["HFJ201", 31],
      ["HFJ101", 34],
    ]);
  });

  it("a paragraph that only mentions errors does not mark the fence after it; a label or a colon does", async () => {
    const fence = "```bash\nhf jobs uv run -e HF_TOKEN x.py\n```\n";
    const mentions = `This section explains common mistakes and why you should never skip the check.\n本节说明了常见的错误。\n\n${fence}`;
    expect(codesOf(await analyzeText(md, "m.md", mentions))).toEqual(["HFJ201"]);
    expect(codesOf(await analyzeText(md, "m.md", `Bad example\n\n${fence}`))).toEqual([]);
    expect(codesOf(await analyzeText(md, "m.md", `Long text first. Here is what not to do, never:\n${fence}`))).toEqual([]);
  });

  it("works without sub-analyzers (shell and tokens only)", async () => {
    const bare = createMarkdownAnalyzer(noScripts);
    expect(codesOf(await analyzeText(bare, "c.md", "```python\nrun_uv_job('a.py', env={'HF_TOKEN': get_token()})\n```\n```sh\nhf jobs uv run -e HF_TOKEN x.py\n```\n"))).toEqual([
      "HFJ201",
    ]);
  });
});

describe("markdown sessions", () => {
  // The shape of the Jobs guides: a launch typed at `>>> ` and continued on `... ` lines, then its output.
  const session = [
    "```python",
    ">>> from huggingface_hub import run_uv_job",
    ">>> job = run_uv_job(",
    '...     "train.py",',
    '...     flavor="a10g-small",',
    '...     secrets={"HF_TOKEN": "hf_..."},',
    "... )",
    ">>> job.url",
    "https://huggingface.co/jobs/my-org/687f911eaea852de79c4a50a",
    "```",
    "",
  ].join("\n");

  it("a doctest session is the code at its prompts: no Ellipsis arguments, the mistake on its row and column", async () => {
    const found = await analyzeText(md, "s.md", session);
    expect(found.map((d) => [d.code, d.location.row, d.location.column, covered(session, d)])).toEqual([["HFJ102", 6, 30, '"hf_..."']]);
  });

  it("keeps rows and columns with CRLF line endings and inside a list item", async () => {
    const crlf = session.replace(/\n/g, "\r\n");
    expect((await analyzeText(md, "s.md", crlf)).map((d) => [d.code, d.location.row, d.location.column])).toEqual([["HFJ102", 6, 30]]);
    const nested = `1. Launch:\n\n${session
      .split("\n")
      .map((line) => (line === "" ? line : `   ${line}`))
      .join("\n")}`;
    expect((await analyzeText(md, "s.md", nested)).map((d) => [d.code, d.location.row, d.location.column, covered(nested, d)])).toEqual([["HFJ102", 8, 33, '"hf_..."']]);
  });

  it("applies a single-line fix to the right bytes behind the prompt, CRLF kept", async () => {
    const doc =
      '```py\r\n>>> from huggingface_hub import get_token, run_uv_job\r\n>>> run_uv_job(\r\n...     "train.py",\r\n...     env={"HF_TOKEN": get_token()},\r\n... )\r\n```\r\n';
    const found = await analyzeText(md, "f.md", doc);
    expect(found.map((d) => [d.code, d.location.row, d.location.column])).toEqual([["HFJ201", 5, 14]]);
    expect((await fixToFixpoint(md, "f.md", doc)).text).toBe(doc.replace("...     env=", "...     secrets="));
  });

  it("maps fixes behind prompts: an added import joins its line or gets the `>>> ` prompt; a new line among mixed prompts is refused", async () => {
    expect((await fixToFixpoint(md, "s.md", session, { unsafe: true })).text).toBe(
      session.replace("import run_uv_job", "import run_uv_job, get_token").replace('"hf_..."', "get_token()"),
    );
    const uniform = '```python\n>>> import os\n>>> run_uv_job("a.py", secrets={"HF_TOKEN": "hf_..."})\n```\n';
    expect((await fixToFixpoint(md, "u.md", uniform, { unsafe: true })).text).toBe(
      '```python\n>>> import os\n>>> from huggingface_hub import get_token\n>>> run_uv_job("a.py", secrets={"HF_TOKEN": get_token()})\n```\n',
    );
    const mixed = '```python\n>>> import huggingface_hub as hh\n>>> hh.run_uv_job(\n...     "a.py",\n...     secrets={"HF_TOKEN": "hf_..."},\n... )\n```\n';
    expect((await analyzeText(md, "m.md", mixed)).map((d) => [d.code, d.location.row, d.fix])).toEqual([["HFJ102", 5, null]]);
  });

  it("output lines are not code; `...` after output is output", async () => {
    const doc =
      '```pycon\n>>> from huggingface_hub import run_uv_job\n>>> print("done")\nrun_uv_job("a.py", env={"HF_TOKEN": "x"})\n... \n>>> run_uv_job("b.py", env={"HF_TOKEN": "hf_..."})\n```\n';
    expect((await analyzeText(md, "o.md", doc)).map((d) => [d.code, d.location.row])).toEqual([
      ["HFJ201", 6],
      ["HFJ102", 6],
    ]);
  });

  it("a plain Python fence keeps a real `...` Ellipsis as code", async () => {
    const doc = '```python\nfrom huggingface_hub import run_job\n\nrun_job(\n...,\n    image="python:3.12",\n)\n```\n';
    expect((await analyzeText(md, "e.md", doc)).map((d) => [d.code, d.location.row])).toEqual([["HFJ206", 5]]);
  });

  it("an unlabelled fence that is a session: Python statements or shell commands at the prompt", async () => {
    const python = '```\n>>> from huggingface_hub import run_uv_job\n>>> run_uv_job("a.py", env={"HF_TOKEN": os.environ["HF_TOKEN"]})\n```\n';
    expect((await analyzeText(md, "u.md", python)).map((d) => [d.code, d.location.row])).toEqual([["HFJ201", 3]]);
    const shell = "```\n>>> hf jobs uv run -e HF_TOKEN a.py\n```\n";
    expect((await analyzeText(md, "u.md", shell)).map((d) => [d.code, d.location.row, covered(shell, d)])).toEqual([["HFJ201", 2, "-e HF_TOKEN"]]);
  });

  it("shell fences: `>>> ` and `% ` are prompts, `... ` continues a command, the rest is output", async () => {
    const doc = `\`\`\`bash\n>>> hf jobs run --token ${FAKE_TOKEN} python:3.12 ls\n% hf jobs uv run -e HF_TOKEN a.py\n>>> hf jobs uv run train.py \\\n...     --flavor a10g-small\n✓ Job started\nhf jobs uv run -e HF_TOKEN output.py\n\`\`\`\n`;
    const found = await analyzeText(md, "b.md", doc, OLD);
    expect(found.map((d) => [d.code, d.location.row, d.location.column])).toEqual([
      ["HFJ101", 2, 17],
      ["HFJ201", 3, 18],
      ["HFJ207", 5, 9],
    ]);
    const crlf = doc.replace(/\n/g, "\r\n");
    expect((await analyzeText(md, "b.md", crlf, OLD)).map((d) => [d.code, d.location.row, d.location.column])).toEqual(
      found.map((d) => [d.code, d.location.row, d.location.column]),
    );
    expect((await fixToFixpoint(md, "b.md", crlf, OLD)).text).toBe(
      crlf
        .replace("% hf jobs uv run -e HF_TOKEN", "% hf jobs uv run -s HF_TOKEN")
        .replace(">>> hf jobs uv run train.py \\\r\n...     --flavor a10g-small", ">>> hf jobs uv run --flavor a10g-small train.py"),
    );
  });

  it("a console fence: `>>> hf jobs run --token` with a token is HFJ101 on its row", async () => {
    const doc = `Run it:\n\n\`\`\`console\n>>> hf jobs run --token ${FAKE_TOKEN} python:3.12 ls\nJob started with ID: 687f\n\`\`\`\n`;
    const found = await analyzeText(md, "c.md", doc);
    expect(found.map((d) => [d.code, d.location.row, d.location.column])).toEqual([["HFJ101", 4, 17]]);
    for (const d of found) expect(d.message).not.toContain(FAKE_TOKEN);
  });
});
