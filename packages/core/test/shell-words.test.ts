import { quoteShellWord, renderArgvFix, tokenizeShell } from "@hf-jobs-lint/core";

const words = (text: string) => tokenizeShell(text).map((command) => command.words.map((w) => w.value));
const raw = (text: string) => tokenizeShell(text).map((command) => command.words.map((w) => text.slice(w.start, w.end)));

describe("tokenizeShell (core)", () => {
  it("removes quotes and keeps quoted blanks and separators inside one word", () => {
    expect(words(`a 'b; c' "d && e" f"g"'h' ''`)).toEqual([["a", "b; c", "d && e", "fgh", ""]]);
    expect(tokenizeShell(`x 'a' "b" c`)[0]!.words.map((w) => w.quote.join(","))).toEqual(["none", "single", "double", "none"]);
  });

  it("reads backslash escapes outside, inside double quotes and in $'...'", () => {
    expect(words(`a\\ b \\"q\\" "x\\"y\\$z\\n" $'t\\'u'`)).toEqual([["a b", '"q"', 'x"y$z\\n', "t'u"]]);
    // `\$` is a literal dollar: the word stays literal.
    expect(tokenizeShell(`"\\$HF_TOKEN"`)[0]!.words[0]).toMatchObject({ value: "$HF_TOKEN", literal: true });
  });

  it("splits commands on ; && || | |& & and newlines, not inside words", () => {
    expect(words("a;b&&c||d|e|&f&g\nh")).toEqual([["a"], ["b"], ["c"], ["d"], ["e"], ["f"], ["g"], ["h"]]);
    expect(words("cd x && hf jobs ps; echo ok")).toEqual([
      ["cd", "x"],
      ["hf", "jobs", "ps"],
      ["echo", "ok"],
    ]);
  });

  it("skips comments to the end of the line, but `#` inside a word is a character", () => {
    expect(words("# hf jobs uv run x.py\nls # hf jobs run img\na#b")).toEqual([["ls"], ["a#b"]]);
  });

  it("treats CRLF line ends as newlines and keeps offsets exact", () => {
    const text = "hf jobs ps\r\necho 'a b'\r\n";
    expect(words(text)).toEqual([
      ["hf", "jobs", "ps"],
      ["echo", "a b"],
    ]);
    expect(raw(text)).toEqual([
      ["hf", "jobs", "ps"],
      ["echo", "'a b'"],
    ]);
  });

  it("joins line continuations (LF and CRLF) between and inside words", () => {
    expect(words("hf jobs \\\n  uv run \\\r\n  x.py")).toEqual([["hf", "jobs", "uv", "run", "x.py"]]);
    expect(words("ab\\\ncd")).toEqual([["abcd"]]);
    expect(words(`"a\\\nb"`)).toEqual([["ab"]]);
  });

  it("maps every value character back to its source offset", () => {
    const text = `-e "HF_TOKEN=$X"`;
    const word = tokenizeShell(text)[0]!.words[1]!;
    expect(word.value).toBe("HF_TOKEN=$X");
    expect(word.literal).toBe(false);
    expect(word.rawIndex.map((at, i) => (i < word.value.length ? text[at] : "|")).join("")).toBe("HF_TOKEN=$X|");
    expect(word.rawIndex[word.value.length]).toBe(text.length);
  });

  it("does not split an echo'd command string into a command", () => {
    expect(words(`echo "hf jobs run -e HF_TOKEN img"`)).toEqual([["echo", "hf jobs run -e HF_TOKEN img"]]);
  });
});

describe("renderArgvFix / quoteShellWord (core)", () => {
  it("quotes only when needed", () => {
    expect(quoteShellWord("HF_TOKEN")).toBe("HF_TOKEN");
    expect(quoteShellWord("a b")).toBe("'a b'");
    expect(quoteShellWord("it's")).toBe(`"it's"`);
  });

  it("renders ops as minimal edits on the words' source", () => {
    const text = "hf jobs uv run -e HF_TOKEN x.py";
    const words = tokenizeShell(text)[0]!.words;
    const fix = renderArgvFix(words, { applicability: "safe", message: "m", ops: [{ op: "replace", index: 4, value: "-s" }] }, { text, makefile: false })!;
    expect(fix.edits).toEqual([{ start: 15, end: 17, content: "-s" }]);
  });
});
