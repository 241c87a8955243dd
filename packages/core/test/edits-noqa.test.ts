import { describe, expect, it } from "vitest";
import { applyEdits, isSuppressedByNoqa, makeDiagnostic, parseNoqa, selectFixes, SourceText, type Diagnostic, type RuleCode } from "@hf-jobs-lint/core";

function diagnostic(source: SourceText, code: RuleCode, start: number, end: number, fix?: Diagnostic["fix"]): Diagnostic {
  return makeDiagnostic(source, "f.py", { code, message: "m", start, end, fix: fix ?? null });
}

describe("SourceText", () => {
  it("maps offsets to 1-based rows and UTF-16 columns, CRLF included", () => {
    const source = new SourceText("a = 1\r\nbé = 'x'\r\n");
    expect(source.positionAt(0)).toEqual({ row: 1, column: 1 });
    expect(source.positionAt(7)).toEqual({ row: 2, column: 1 });
    expect(source.positionAt(12)).toEqual({ row: 2, column: 6 });
    expect(source.offsetAt({ row: 2, column: 6 })).toBe(12);
    expect(source.lineText(1)).toBe("a = 1");
    expect(source.eol).toBe("\r\n");
  });

  it("takes its first line ending for eol, and breaks lines at lone CRs and LFs too", () => {
    expect(new SourceText("a\rb\r\nc\n").eol).toBe("\r");
    expect(new SourceText("a\nb\r\n").eol).toBe("\n");
    expect(new SourceText("abc").eol).toBe("\n");
    const mixed = new SourceText("a\rb\r\nc\nd");
    expect(mixed.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((row) => mixed.lineText(row))).toEqual(["a", "b", "c", "d"]);
    expect(mixed.positionAt(5)).toEqual({ row: 3, column: 1 });
    expect(new SourceText("").lineCount).toBe(1);
  });
});

describe("edits", () => {
  it("applies non-overlapping edits back to front and keeps every other byte", () => {
    expect(
      applyEdits("abc\r\ndef", [
        { start: 5, end: 6, content: "D" },
        { start: 0, end: 1, content: "AA" },
      ]),
    ).toBe("AAbc\r\nDef");
    expect(() =>
      applyEdits("abc", [
        { start: 0, end: 2, content: "" },
        { start: 1, end: 3, content: "" },
      ]),
    ).toThrow(/overlapping/);
  });

  it("selects fixes in source order, skipping conflicts, unsafe ones only when allowed", () => {
    const source = new SourceText("0123456789");
    const safeA = diagnostic(source, "HFJ201", 0, 3, { applicability: "safe", message: "a", edits: [{ start: 0, end: 3, content: "x" }] });
    const overlapping = diagnostic(source, "HFJ204", 2, 5, { applicability: "safe", message: "b", edits: [{ start: 2, end: 5, content: "y" }] });
    const unsafe = diagnostic(source, "HFJ101", 6, 8, { applicability: "unsafe", message: "c", edits: [{ start: 6, end: 8, content: "z" }] });
    expect(selectFixes([overlapping, safeA, unsafe], false).applied.map((d) => d.code)).toEqual(["HFJ201"]);
    expect(selectFixes([overlapping, safeA, unsafe], true).edits).toEqual([
      { start: 0, end: 3, content: "x" },
      { start: 6, end: 8, content: "z" },
    ]);
  });

  it("applies an identical fix reported by two findings once", () => {
    const source = new SourceText("0123456789");
    const fix = { applicability: "safe" as const, message: "same", edits: [{ start: 1, end: 2, content: "Q" }] };
    const selection = selectFixes([diagnostic(source, "HFJ201", 1, 2, fix), diagnostic(source, "HFJ204", 1, 2, { ...fix })], false);
    expect(selection.applied).toHaveLength(2);
    expect(selection.edits).toHaveLength(1);
  });
});

describe("noqa", () => {
  it("parses bare and coded directives, accepting names", () => {
    expect(parseNoqa("x = 1  # noqa")).toBe("all");
    expect([...(parseNoqa("x  # noqa: HFJ101, no-token-in-env") as Set<string>)]).toEqual(["HFJ101", "HFJ201"]);
    expect(parseNoqa("x = 1  # a comment")).toBeNull();
  });

  it("suppresses only the named codes on the diagnostic's noqa row", () => {
    const source = new SourceText('a = "x"  # noqa: HFJ102\nb = "y"\n');
    expect(isSuppressedByNoqa(diagnostic(source, "HFJ102", 4, 7), source)).toBe(true);
    expect(isSuppressedByNoqa(diagnostic(source, "HFJ101", 4, 7), source)).toBe(false);
    expect(isSuppressedByNoqa(diagnostic(source, "HFJ102", 28, 31), source)).toBe(false);
  });
});
