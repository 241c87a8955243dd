import { applyEdits, embedShell, embeddedCommands, embeddedJobsCommands, renderEmbeddedArgvFix, type HostStringPiece } from "@hf-jobs-lint/core";

/** Read a JS-like double-quoted literal `"..."` at offset 0 of `source`: `\"` and `\\` escapes, `${x}` substitutions. */
function pieces(source: string): HostStringPiece[] {
  const out: HostStringPiece[] = [];
  let i = 1;
  while (i < source.length - 1) {
    if (source[i] === "\\") {
      out.push({ text: source[i + 1]!, start: i, end: i + 2, kind: "escape" });
      i += 2;
    } else if (source.startsWith("${", i)) {
      const close = source.indexOf("}", i);
      out.push({ text: "$VALUE", start: i, end: close + 1, kind: "substitution" });
      i = close + 1;
    } else {
      out.push({ text: source[i]!, start: i, end: i + 1, kind: "verbatim" });
      i++;
    }
  }
  return out;
}
const embed = (source: string) => embedShell(pieces(source), source.length - 1);
const encode = (text: string) => text.replace(/[\\"]/g, (c) => `\\${c}`);

describe("embedded shell strings", () => {
  it("decodes the host literal and maps each word back to its source range", () => {
    const source = `"cd x && hf jobs run -e \\"A=1\\" img"`;
    const shell = embed(source);
    expect(shell.text).toBe(`cd x && hf jobs run -e "A=1" img`);
    const [cd, launch] = embeddedCommands(shell);
    expect(cd!.elements.map((e) => e.value)).toEqual(["cd", "x"]);
    expect(launch!.ranges.map(([s, e]) => source.slice(s, e))).toEqual(["hf", "jobs", "run", "-e", `\\"A=1\\"`, "img"]);
  });

  it("finds the launch in each command of a compound string, none in echo or comments", () => {
    const shell = embed(`"a; hf jobs uv run x.py && echo 'hf jobs run img' # hf jobs run img"`);
    expect(embeddedJobsCommands(shell).map((c) => c.parsed.kind)).toEqual(["uv"]);
  });

  it("makes a word holding a substitution non-literal, even in single quotes", () => {
    const shell = embed(`"hf jobs run -e 'HF_TOKEN=\${t}' img"`);
    const [command] = embeddedJobsCommands(shell);
    expect(command!.elements[4]).toEqual({ value: "HF_TOKEN=$VALUE", literal: false });
  });

  it("maps fix edits exactly and refuses edits that would cut an escape or copy a substitution", () => {
    const source = `"hf jobs uv run x.py --flavor a10g-small; echo ok"`;
    const shell = embed(source);
    const [command] = embeddedJobsCommands(shell);
    const move = {
      applicability: "safe" as const,
      message: "m",
      ops: [
        { op: "remove" as const, index: 5 },
        { op: "remove" as const, index: 6 },
        { op: "insertBefore" as const, index: 4, elements: [{ from: 5 }, { from: 6 }] },
      ],
    };
    const fix = renderEmbeddedArgvFix(shell, command!, move, encode)!;
    expect(applyEdits(source, fix.edits)).toBe(`"hf jobs uv run --flavor a10g-small x.py; echo ok"`);

    const substituted = embed(`"hf jobs uv run x.py --flavor \${f}"`);
    expect(renderEmbeddedArgvFix(substituted, embeddedJobsCommands(substituted)[0]!, move, encode)).toBeNull();
  });

  it("encodes new text for the host literal", () => {
    const source = `"hf jobs run -e HF_TOKEN img"`;
    const shell = embed(source);
    const fix = renderEmbeddedArgvFix(shell, embeddedJobsCommands(shell)[0]!, { applicability: "safe", message: "m", ops: [{ op: "replace", index: 4, value: 'a"b c' }] }, encode)!;
    expect(applyEdits(source, fix.edits)).toBe(`"hf jobs run -e '${'a\\"b c'}' img"`);
  });
});
