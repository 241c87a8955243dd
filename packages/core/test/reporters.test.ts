import {
  OUTPUT_FORMATS,
  RULES,
  SourceText,
  escapeGithubData,
  escapeGithubProperty,
  escapeXml,
  findRule,
  formatReport,
  formatStatistics,
  makeDiagnostic,
  renderCodeFrame,
  ruleUrl,
  type Diagnostic,
  type RuleCode,
  type ReportInput,
} from "@hf-jobs-lint/core";
import type { ReportingDescriptor, Result } from "sarif";
import { FAKE_TOKEN, FILE_ERROR, LAUNCHER, buildInput } from "./reporters/fixtures.js";

const golden = (name: string): string => `./reporters/golden/${name}`;
/** A code frame line is at most the crop width plus gutter and ellipses. */
const MAX_SHOWN = 180;
const emptyInput = (): ReportInput => ({ diagnostics: [], errors: [], sources: new Map() });

/** Ruff's JSON keys, in Ruff's (alphabetical) order. */
const RUFF_KEYS = ["cell", "code", "end_location", "filename", "fix", "location", "message", "noqa_row", "url"];

/** A small XML checker: one declaration, balanced and properly nested tags, quoted attributes, valid entities. */
function assertWellFormedXml(xml: string): string[] {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  expect(xml.startsWith(declaration)).toBe(true);
  const body = xml.slice(declaration.length);
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<&]*(?:&(?:amp|lt|gt|quot|apos|#\d+);[^"<&]*)*")*)\s*(\/?)>/g;
  const stack: string[] = [];
  const roots: string[] = [];
  let last = 0;
  for (const match of body.matchAll(tag)) {
    const text = body.slice(last, match.index);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
    if (stack.length === 0) expect(text.trim()).toBe("");
    const [, closing, name, , selfClosing] = match;
    if (stack.length === 0) roots.push(name!);
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
    last = match.index + match[0].length;
  }
  expect(body.slice(last).trim()).toBe("");
  expect(stack).toEqual([]);
  return roots;
}

describe("golden output of every format", () => {
  it("full", async () => {
    await expect(formatReport("full", buildInput())).toMatchFileSnapshot(golden("full.txt"));
  });

  it("full with --fix applied, --unsafe-fixes and --show-fixes", async () => {
    const output = formatReport("full", buildInput({ fixApplied: 2, unsafeFixesEnabled: true, showFixes: true }));
    await expect(output).toMatchFileSnapshot(golden("full-show-fixes.txt"));
  });

  it("concise", async () => {
    await expect(formatReport("concise", buildInput())).toMatchFileSnapshot(golden("concise.txt"));
  });

  it("json", async () => {
    await expect(formatReport("json", buildInput())).toMatchFileSnapshot(golden("json.json"));
  });

  it("json-lines", async () => {
    await expect(formatReport("json-lines", buildInput())).toMatchFileSnapshot(golden("json-lines.jsonl"));
  });

  it("sarif (everything but the rule list, which follows the catalog docs)", async () => {
    const log = JSON.parse(formatReport("sarif", buildInput()));
    delete log.runs[0].tool.driver.rules;
    await expect(`${JSON.stringify(log, null, 2)}\n`).toMatchFileSnapshot(golden("sarif.json"));
  });

  it("github", async () => {
    await expect(formatReport("github", buildInput())).toMatchFileSnapshot(golden("github.txt"));
  });

  it("junit", async () => {
    await expect(formatReport("junit", buildInput())).toMatchFileSnapshot(golden("junit.xml"));
  });

  it("statistics, as text and as JSON", async () => {
    const input = buildInput();
    // A second HFJ201 so the counts differ and the ordering (most frequent first) shows.
    const diagnostics = [...input.diagnostics, ...input.diagnostics.filter((d) => d.code === "HFJ201")];
    await expect(formatStatistics(diagnostics, "full")).toMatchFileSnapshot(golden("statistics.txt"));
    await expect(formatStatistics(diagnostics, "json")).toMatchFileSnapshot(golden("statistics.json"));
  });

  it("rejects an unknown format with the list of known ones", () => {
    expect(() => formatReport("xml" as never, buildInput())).toThrow(/unknown output format "xml".*full, concise, json, json-lines, sarif, github, gitlab, junit/);
  });

  it("is deterministic: unsorted input gives the same output", () => {
    const sorted = buildInput();
    const shuffled = buildInput();
    shuffled.diagnostics.reverse();
    for (const format of OUTPUT_FORMATS) expect(formatReport(format, shuffled)).toBe(formatReport(format, sorted));
  });
});

describe("full and concise", () => {
  it("underlines the range under CJK and emoji text by display width", () => {
    const lines = formatReport("full", buildInput()).split("\n");
    const row = lines.indexOf(
      '4 | print("令牌 🔑", token)',
      lines.findIndex((line) => line.includes("HFJ103")),
    );
    // `print("` is 7 columns, 令牌 4, a space 1, 🔑 2 and `", ` 3: `token` starts 17 columns in.
    expect(lines[row + 1]).toBe(`  | ${" ".repeat(17)}^^^^^ HFJ103`);
  });

  it("reports the UTF-16 column of a range after non-ASCII text", () => {
    const hfj103 = buildInput().diagnostics.find((d) => d.code === "HFJ103")!;
    // 令 and 牌 are one UTF-16 unit each, 🔑 is two: `token` is at column 16.
    expect(hfj103.location).toEqual({ row: 4, column: 16 });
    expect(formatReport("concise", buildInput())).toContain("launch.py:4:16: HFJ103 A token value reaches `print`");
  });

  it("marks [*] only for fixes available at the enabled applicability", () => {
    const concise = formatReport("concise", buildInput()).split("\n");
    expect(concise.find((l) => l.includes("HFJ201"))).toContain("HFJ201 [*] ");
    expect(concise.find((l) => l.includes("HFJ101"))).toContain("HFJ101 Hard-coded");
    const unsafe = formatReport("concise", buildInput({ unsafeFixesEnabled: true })).split("\n");
    expect(unsafe.find((l) => l.includes("HFJ101"))).toContain("HFJ101 [*] Hard-coded");
    expect(unsafe.find((l) => l.includes("HFJ103"))).toContain("HFJ103 A token");
  });

  it("keeps CRLF out of code frames", () => {
    const full = formatReport("full", buildInput());
    expect(full).not.toContain("\r");
    expect(full).toContain('4 | token = os.environ["HUGGING_FACE_HUB_TOKEN"]\n  |                    ^^^^^^^^^^^^^^^^^^^^^^^^ HFJ303\n');
  });

  it("words the summary as Ruff does", () => {
    expect(formatReport("full", emptyInput())).toBe("All checks passed!\n");
    expect(formatReport("concise", emptyInput())).toBe("All checks passed!\n");

    const input = buildInput();
    const only = (codes: string[]): ReportInput => ({ ...input, errors: [], diagnostics: input.diagnostics.filter((d) => codes.includes(d.code)) });
    const summary = (report: ReportInput): string =>
      formatReport("concise", report)
        .split("\n")
        .filter((l) => !l.includes(":"))
        .join("\n");
    expect(summary(only(["HFJ201"]))).toBe("Found 1 error.\n[*] 1 fixable with the `--fix` option.\n");
    expect(summary(only(["HFJ101"]))).toBe("Found 1 error.\nNo fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).\n");
    expect(summary(only(["HFJ101", "HFJ303", "HFJ201"]))).toBe(
      "Found 3 errors.\n[*] 1 fixable with the `--fix` option (2 hidden fixes can be enabled with the `--unsafe-fixes` option).\n",
    );
    expect(summary({ ...only(["HFJ101", "HFJ303"]), unsafeFixesEnabled: true })).toBe("Found 2 errors.\n[*] 2 fixable with the `--fix` option.\n");
    expect(summary(only(["HFJ103"]))).toBe("Found 1 error.\n");
    expect(summary({ ...only([]), fixApplied: 2 })).toBe("Found 2 errors (2 fixed, 0 remaining).\n");
    expect(summary({ ...only(["HFJ103"]), fixApplied: 3 })).toBe("Found 4 errors (3 fixed, 1 remaining).\n");
  });

  it("prints a file error as `path: error: message` and does not claim all checks passed", () => {
    const input: ReportInput = { ...emptyInput(), errors: [FILE_ERROR] };
    expect(formatReport("concise", input)).toBe("data/blob.bin: error: binary file (contains NUL bytes), skipped\n1 file could not be checked.\n");
    expect(formatReport("full", input)).toBe("data/blob.bin: error: binary file (contains NUL bytes), skipped\n\n1 file could not be checked.\n");
  });

  it("prints the header line alone when the source is not available", () => {
    const input = buildInput();
    const output = formatReport("full", { ...input, sources: new Map() });
    expect(output).toContain("run.sh:1:25: HFJ207 [*] `--secrets` after the script is passed to the script, not to `hf jobs`\n = help: Move the flags before the script\n\n");
    expect(output).not.toContain(" | ");
  });
});

describe("code frames", () => {
  it("expands tabs and keeps the underline aligned", () => {
    const source = new SourceText("if x:\n\ttoken = 1\n");
    expect(renderCodeFrame(source, { row: 2, column: 2 }, { row: 2, column: 7 }, "HFJ999")).toEqual(["  |", "1 | if x:", "2 |     token = 1", "  |     ^^^^^ HFJ999", "  |"]);
  });

  it("shows an empty range as one caret and a range ending at a line start up to the previous line's end", () => {
    const source = new SourceText("a = 1\nb = 2\n");
    expect(renderCodeFrame(source, { row: 1, column: 1 }, { row: 1, column: 1 }, "X")[2]).toBe("  | ^ X");
    expect(renderCodeFrame(source, { row: 1, column: 1 }, { row: 2, column: 1 }, "X")).toEqual(["  |", "1 | a = 1", "  | ^^^^^ X", "2 | b = 2", "  |"]);
  });

  it("cuts a long line to a window around the range, underline still aligned", () => {
    const text = `x = [${"1, ".repeat(100)}"${FAKE_TOKEN}"${", 2".repeat(100)}]\n`;
    const start = text.indexOf(FAKE_TOKEN);
    const source = new SourceText(text);
    const frame = renderCodeFrame(source, source.positionAt(start), source.positionAt(start + FAKE_TOKEN.length), "HFJ101");
    const [line, underline] = [frame[1]!, frame[2]!];
    expect(line.startsWith("1 | …")).toBe(true);
    expect(line.endsWith("…")).toBe(true);
    expect(line.length).toBeLessThanOrEqual("1 | ".length + 160 + 2);
    expect(underline.indexOf("^")).toBe(line.indexOf("hf_Fa…"));
    expect(underline.endsWith("^^^^^^ HFJ101")).toBe(true);
    expect(underline).not.toMatch(/\^{7}/);
  });

  it("hides a BOM and keeps the underline under the right character", () => {
    const source = new SourceText("\uFEFFx = 1\n");
    // Offsets count the BOM (it is in the text), so `x` is column 2; the frame shows it at the line start.
    expect(renderCodeFrame(source, source.positionAt(1), source.positionAt(2), "X")).toEqual(["  |", "1 | x = 1", "  | ^ X", "  |"]);
  });

  it("never joins a token split by an invisible character", () => {
    const source = new SourceText(`y = "${FAKE_TOKEN.slice(0, 10)}\u200B${FAKE_TOKEN.slice(10)}"\n`);
    const frame = renderCodeFrame(source, { row: 1, column: 1 }, { row: 1, column: 2 }, "X").join("\n");
    expect(frame).not.toContain(FAKE_TOKEN.slice(3));
    expect(frame).toContain('y = "hf_Fa…"');
  });

  it("underlines a token by its redacted form", () => {
    const source = new SourceText(`t = "${FAKE_TOKEN}"  # x\n`);
    expect(renderCodeFrame(source, { row: 1, column: 6 }, { row: 1, column: 6 + FAKE_TOKEN.length }, "HFJ101")).toEqual([
      "  |",
      '1 | t = "hf_Fa…"  # x',
      "  |      ^^^^^^ HFJ101",
      "  |",
    ]);
  });
});

describe("json and json-lines", () => {
  it("has exactly Ruff's keys, in Ruff's order", () => {
    const all = JSON.parse(formatReport("json", buildInput())) as Record<string, unknown>[];
    // Six findings, then the file that could not be checked (code null, Ruff's shape for a syntax error).
    expect(all).toHaveLength(7);
    const fileError = all[6]!;
    expect(Object.keys(fileError)).toEqual(RUFF_KEYS);
    expect(fileError).toMatchObject({ code: null, fix: null, url: null, noqa_row: null, location: { row: 1, column: 1 } });
    const parsed = all.slice(0, 6);
    for (const item of parsed) {
      expect(Object.keys(item)).toEqual(RUFF_KEYS);
      expect(item.cell).toBeNull();
      expect(Object.keys(item.location as object)).toEqual(["column", "row"]);
      expect(Object.keys(item.end_location as object)).toEqual(["column", "row"]);
      const fix = item.fix as { applicability: string; edits: Record<string, unknown>[] } | null;
      if (fix) {
        expect(Object.keys(fix)).toEqual(["applicability", "edits", "message"]);
        expect(["safe", "unsafe"]).toContain(fix.applicability);
        for (const edit of fix.edits) expect(Object.keys(edit)).toEqual(["content", "end_location", "location"]);
      }
      expect(item.url).toBe(ruleUrl(findRule(item.code as string)!));
    }
    expect(parsed.filter((item) => item.fix === null).map((item) => item.code)).toEqual(["HFJ103"]);
  });

  it("places edits 1-based in a CRLF file and keeps the edit text exact", () => {
    const parsed = JSON.parse(formatReport("json", buildInput())) as { code: string; fix: { edits: { content: string; location: object; end_location: object }[] } }[];
    const check = parsed.find((item) => item.code === "HFJ301")!;
    expect(check.fix.edits).toEqual([
      {
        content: 'if not os.environ.get("HF_TOKEN"):\r\n    raise SystemExit("HF_TOKEN is not set")\r\n\r\n',
        location: { row: 4, column: 1 },
        end_location: { row: 4, column: 1 },
      },
    ]);
    const legacy = parsed.find((item) => item.code === "HFJ303")!;
    expect(legacy.fix.edits[0]).toMatchObject({ location: { row: 4, column: 20 }, end_location: { row: 4, column: 44 } });
  });

  it("json-lines holds one JSON object per line, equal to the json array", () => {
    const lines = formatReport("json-lines", buildInput()).trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(formatReport("json", buildInput())));
    expect(formatReport("json", emptyInput())).toBe("[]\n");
    expect(formatReport("json-lines", emptyInput())).toBe("");
  });

  it("gives `url: null` for a code the catalog does not know", () => {
    const source = new SourceText("x\n");
    const diagnostic = makeDiagnostic(source, "a.py", { code: "HFJ999" as RuleCode, message: "m", start: 0, end: 1 } /* not in the catalog, on purpose */);
    const [item] = JSON.parse(formatReport("json", { diagnostics: [diagnostic], errors: [], sources: new Map([["a.py", source]]) }));
    expect(item.url).toBeNull();
  });
});

describe("sarif", () => {
  const log = () => JSON.parse(formatReport("sarif", buildInput({ toolVersion: "1.2.3" })));

  it("has the required SARIF 2.1.0 structure and lists every catalog rule with its docs", () => {
    const sarif = log();
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.tool.driver).toMatchObject({ name: "hf-jobs-lint", version: "1.2.3" });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.code));
    run.tool.driver.rules.forEach((descriptor: ReportingDescriptor, index: number) => {
      const rule = RULES[index]!;
      expect(descriptor.name).toBe(rule.name);
      expect(descriptor.shortDescription?.text).toBe(rule.summary);
      const expectedHelp =
        [rule.docs.whatItDoes, rule.docs.whyBad]
          .map((s) => s.trim())
          .filter(Boolean)
          .join("\n\n") || rule.summary;
      expect(descriptor.fullDescription?.text).toBe(expectedHelp);
      expect(descriptor.help?.text).toBe(expectedHelp);
      expect(typeof descriptor.help?.markdown).toBe("string");
      expect(descriptor.helpUri).toBe(ruleUrl(rule));
      expect(descriptor.defaultConfiguration?.level).toBe(rule.defaultSeverity);
    });
    expect(JSON.parse(formatReport("sarif", buildInput())).runs[0].tool.driver.version).toBe("0.1.0");
  });

  it("gives every result a rule, a level, a message and a relative region in UTF-16 columns", () => {
    const [run] = log().runs;
    expect(run.results).toHaveLength(6);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.level).toBe(findRule(result.ruleId)!.defaultSeverity);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(artifactLocation.uri).not.toMatch(/^\/|\\|^[a-z]+:/i);
      for (const key of ["startLine", "startColumn", "endLine", "endColumn"]) expect(region[key]).toBeGreaterThanOrEqual(1);
      expect(Object.keys(result.partialFingerprints)).toEqual(["primaryLocationLineHash"]);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{64}:\d+$/);
    }
    const print = run.results.find((result: { ruleId: string }) => result.ruleId === "HFJ103");
    expect(print.locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 16, endLine: 4, endColumn: 21 });
  });

  it("counts occurrences of identical lines in fingerprints and keeps them stable when lines move", () => {
    const text = "login('x')\nlogin('x')\n";
    const source = new SourceText(text);
    const make = (src: SourceText, start: number): Diagnostic => makeDiagnostic(src, "a.py", { code: "HFJ102", message: "m", start, end: start + 3 });
    const input: ReportInput = { diagnostics: [make(source, 6), make(source, 17)], errors: [], sources: new Map([["a.py", source]]) };
    const [first, second] = JSON.parse(formatReport("sarif", input)).runs[0].results.map((r: Result) => r.partialFingerprints?.["primaryLocationLineHash"]);
    expect(first.split(":")[0]).toBe(second.split(":")[0]);
    expect([first.split(":")[1], second.split(":")[1]]).toEqual(["1", "2"]);

    const moved = new SourceText(`# a new first line\n${text}`);
    const movedInput: ReportInput = { diagnostics: [make(moved, 25)], errors: [], sources: new Map([["a.py", moved]]) };
    expect(JSON.parse(formatReport("sarif", movedInput)).runs[0].results[0].partialFingerprints.primaryLocationLineHash).toBe(first);
  });

  it("reports file errors as tool execution notifications", () => {
    const [invocation] = log().runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: "error",
        message: { text: FILE_ERROR.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: "data/blob.bin", uriBaseId: "%SRCROOT%" } } }],
      },
    ]);
    const clean = JSON.parse(formatReport("sarif", emptyInput())).runs[0];
    expect(clean.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(clean.results).toEqual([]);
  });

  it("writes paths as /-separated, percent-encoded URIs", () => {
    const source = new SourceText("x\n");
    const at = (filename: string) => {
      const diagnostic = makeDiagnostic(source, filename, { code: "HFJ101", message: "m", start: 0, end: 1 });
      const input: ReportInput = { diagnostics: [diagnostic], errors: [], sources: new Map([[filename, source]]) };
      return JSON.parse(formatReport("sarif", input)).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    };
    expect(at("dir\\my file#1.py")).toEqual({ uri: "dir/my%20file%231.py", uriBaseId: "%SRCROOT%" });
    expect(at("./a.py")).toEqual({ uri: "a.py", uriBaseId: "%SRCROOT%" });
    expect(at("/abs/a.py")).toEqual({ uri: "file:///abs/a.py" });
    expect(at("C:\\repo\\a.py")).toEqual({ uri: "file:///C:/repo/a.py" });
  });
});

describe("github", () => {
  it("escapes data and properties as the Actions runner expects", () => {
    expect(escapeGithubData("50% done\r\nnext: a,b")).toBe("50%25 done%0D%0Anext: a,b");
    expect(escapeGithubProperty("dir:a,b%\n.py")).toBe("dir%3Aa%2Cb%25%0A.py");
  });

  it("escapes a filename and message inside an annotation and uses the rule's severity", () => {
    const source = new SourceText("x\n");
    const filename = "docs/a,b:c.md";
    const diagnostic = makeDiagnostic(source, filename, { code: "HFJ303", message: "100% wrong\nsecond line", start: 0, end: 1 });
    const output = formatReport("github", { diagnostics: [diagnostic], errors: [], sources: new Map([[filename, source]]) });
    expect(output).toBe("::warning file=docs/a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=2,title=HFJ303::100%25 wrong%0Asecond line\n");
  });

  it("reports a file error without a position", () => {
    expect(formatReport("github", { ...emptyInput(), errors: [FILE_ERROR] })).toBe("::error file=data/blob.bin::binary file (contains NUL bytes), skipped\n");
    expect(formatReport("github", emptyInput())).toBe("");
  });
});

describe("junit", () => {
  it("is well-formed XML with counts that add up", () => {
    const xml = formatReport("junit", buildInput());
    expect(assertWellFormedXml(xml)).toEqual(["testsuites"]);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml.match(/<testcase /g)).toHaveLength(7);
    expect(xml.match(/<failure /g)).toHaveLength(6);
    expect(xml.match(/<error /g)).toHaveLength(1);
    expect(xml).toContain('<testsuites name="hf-jobs-lint" tests="7" failures="6" errors="1">');
  });

  it("escapes markup in messages and filenames", () => {
    const source = new SourceText("x\n");
    const filename = `a&b<"c">'.py`;
    const diagnostic = makeDiagnostic(source, filename, { code: "HFJ103", message: "<script>&\"'\u0001", start: 0, end: 1 });
    const xml = formatReport("junit", { diagnostics: [diagnostic], errors: [], sources: new Map([[filename, source]]) });
    assertWellFormedXml(xml);
    expect(xml).toContain('name="a&amp;b&lt;&quot;c&quot;&gt;&apos;.py"');
    expect(xml).toContain("&lt;script&gt;&amp;&quot;&apos;</failure>");
    expect(escapeXml("a\u0000b\uD800c")).toBe("abc");
  });

  it("is a single passing testcase for a clean run", () => {
    const xml = formatReport("junit", emptyInput());
    assertWellFormedXml(xml);
    expect(xml.match(/<testcase /g)).toHaveLength(1);
    expect(xml).not.toMatch(/<failure|<error/);
    expect(xml).toContain('tests="1" failures="0" errors="0"');
  });
});

describe("statistics", () => {
  it("counts per code, most frequent first, with Ruff's fixable marker", () => {
    const input = buildInput();
    const diagnostics = [...input.diagnostics, ...input.diagnostics.filter((d) => d.code === "HFJ101")];
    const lines = formatStatistics(diagnostics, "concise").trimEnd().split("\n");
    expect(lines[0]).toBe("2\tHFJ101\t[ ] no-hardcoded-token");
    expect(lines).toContain("1\tHFJ201\t[*] no-token-in-env");
    expect(formatStatistics(diagnostics, "concise", { unsafeFixesEnabled: true }).split("\n")[0]).toBe("2\tHFJ101\t[*] no-hardcoded-token");
    const json = JSON.parse(formatStatistics(diagnostics, "json"));
    expect(json[0]).toEqual({ code: "HFJ101", name: "no-hardcoded-token", count: 2, fixable: false });
    for (const item of json) expect(Object.keys(item)).toEqual(["code", "name", "count", "fixable"]);
  });

  it("prints no marker column when nothing is fixable, and nothing for no findings", () => {
    const input = buildInput();
    expect(
      formatStatistics(
        input.diagnostics.filter((d) => d.code === "HFJ103"),
        "full",
      ),
    ).toBe("1\tHFJ103\tno-token-output\n");
    expect(formatStatistics([], "full")).toBe("");
    expect(formatStatistics([], "json")).toBe("[]\n");
  });
});

describe("no format ever prints a token whole", () => {
  /**
   * The fake token everywhere a reporter reads text: the source lines (code frames, fingerprints), messages, fix
   * messages, edit contents, filenames, codes and file errors, and glued to characters that escaping turns into
   * letters (`\n` -> `\n` in JSON, `%0A` and `%2C` in GitHub commands), which a final-string pass alone would miss.
   */
  function leakyInput(): ReportInput {
    const input = buildInput();
    const leakyName = `keys,${FAKE_TOKEN}.py`;
    // The last line splits the token with a zero-width space: no token for the pattern, but a code frame drops
    // the invisible character and joins the halves.
    const leakyText = `x = 1\nlogin("${FAKE_TOKEN}")\ny = "${FAKE_TOKEN.slice(0, 10)}\u200B${FAKE_TOKEN.slice(10)}"\n`;
    const leakySource = new SourceText(leakyText);
    const start = leakyText.indexOf(FAKE_TOKEN);
    const leaky: Diagnostic[] = [
      makeDiagnostic(leakySource, leakyName, {
        code: "HFJ101",
        message: `careless message\n${FAKE_TOKEN}:${FAKE_TOKEN}`,
        start,
        end: start + FAKE_TOKEN.length,
        fix: { applicability: "unsafe", message: `replace\r${FAKE_TOKEN}`, edits: [{ start, end: start + FAKE_TOKEN.length, content: `\n${FAKE_TOKEN}%` }] },
      }),
      makeDiagnostic(leakySource, leakyName, { code: FAKE_TOKEN as RuleCode /* a careless analyzer */, message: "an unknown code", start, end: start + 3 }),
    ];
    return {
      ...input,
      diagnostics: [...input.diagnostics, ...leaky],
      errors: [...input.errors, { filename: `${FAKE_TOKEN}.bin`, message: `cannot read\n${FAKE_TOKEN}<&>` }],
      sources: new Map([...input.sources, [leakyName, leakySource]]),
      showFixes: true,
    };
  }

  const secret = FAKE_TOKEN.slice(3);

  it.each(OUTPUT_FORMATS)("%s", (format) => {
    const output = formatReport(format, leakyInput());
    expect(output).not.toContain(FAKE_TOKEN);
    // Not even the secret part, in whatever escaped form.
    expect(output).not.toContain(secret);
    expect(output).toContain("hf_Fa…");
    if (format === "json" || format === "sarif") JSON.parse(output);
    if (format === "json-lines")
      output
        .trimEnd()
        .split("\n")
        .forEach((line) => JSON.parse(line));
    if (format === "junit") assertWellFormedXml(output);
  });

  it("statistics", () => {
    for (const format of ["full", "json", "json-lines"] as const) {
      const output = formatStatistics(leakyInput().diagnostics, format);
      expect(output).not.toContain(secret);
      expect(output).toContain("hf_Fa…");
    }
  });

  it("the full format's code frame shows the redacted form", () => {
    const output = formatReport("full", leakyInput());
    expect(output).toMatch(/^3 \| .*token="hf_Fa…"\)$/m);
    expect(output).toMatch(/^2 \| login\("hf_Fa…"\)$/m);
  });

  it("the escapers redact before escaping", () => {
    expect(escapeGithubProperty(`,${FAKE_TOKEN}`)).toBe("%2Chf_Fa…");
    expect(escapeGithubData(`\n${FAKE_TOKEN}`)).toBe("%0Ahf_Fa…");
    expect(escapeXml(`&${FAKE_TOKEN}`)).toBe("&amp;hf_Fa…");
  });

  it("launch.py's source really holds the whole token (the test would prove nothing otherwise)", () => {
    expect(buildInput().sources.get(LAUNCHER)!.text).toContain(FAKE_TOKEN);
  });
});

describe("code frames on a very long line", () => {
  it("read a window around the range, never cut a token in two, and show none whole", () => {
    const tokens = Array.from({ length: 4000 }, (_, i) => `hf_${String(i).padStart(5, "0")}${FAKE_TOKEN.slice(8)}`);
    const text = `x = "${tokens.join(" ")}"\n`;
    const source = new SourceText(text);
    for (const k of [0, 1, 1999, 3999]) {
      const start = text.indexOf(tokens[k]!);
      const frame = renderCodeFrame(source, source.positionAt(start), source.positionAt(start + tokens[k]!.length), "HFJ101");
      const shown = frame.join("\n");
      for (const token of tokens) expect(shown).not.toContain(token.slice(5, 20));
      expect(frame[1]).toMatch(k <= 1 ? /^1 \| x = "hf_00…/ : /^1 \| …/);
      // The caret sits under the redacted token.
      const caret = frame[2]!.indexOf("^");
      expect(frame[1]!.slice(caret, caret + 6)).toBe(`hf_${String(k).padStart(5, "0").slice(0, 2)}…`);
      expect(frame.every((line) => line.length < MAX_SHOWN)).toBe(true);
    }
  });
});
