import { describe, expect, it } from "vitest";
import { SourceText } from "@hf-jobs-lint/core";
import { createDockerfileAnalyzer, dockerfileShellText } from "../src/index.js";

const TOKEN = "hf_FakeDockerUnitTokenForTestsAbCdEfG";

async function findings(text: string) {
  const analyzer = createDockerfileAnalyzer({ analyzeScriptNeeds: null });
  const diagnostics = await analyzer.analyze({ filename: "Dockerfile", path: null, source: new SourceText(text), root: "/", readFile: () => null, includeCounterexamples: false });
  return diagnostics.map((d) => `${d.code}@${d.location.row}:${d.location.column}`);
}

describe("dockerfileShellText", () => {
  it("keeps the command of shell-form RUN lines only, same length and line breaks", () => {
    const text = 'FROM x\nRUN --mount=type=cache,target=/c echo a && \\\n  # dropped\n  echo b\nENV A=1\nRUN ["echo", "c"]\nRUN <<EOF\necho d\nEOF\n';
    const shell = dockerfileShellText(text);
    expect(shell.length).toBe(text.length);
    expect(shell.split("\n").map((line) => line.trimEnd())).toEqual(["", "                                 echo a && \\", "          \\", "  echo b", "", "", "", "", "", ""]);
  });

  it("reads a backtick escape as a backslash, and allows blanks after the escape", () => {
    const text = "# escape=`\nFROM x\nRUN echo a `\n  echo b\nRUN echo c \\   \n  d\n";
    const lines = dockerfileShellText(text).split("\n");
    expect(lines[2]).toBe("    echo a \\");
    // A backslash is not the escape character here: the RUN ends on its line.
    expect(lines[4]!.trimEnd()).toBe("    echo c \\");
    expect(lines[5]!.trim()).toBe("");
  });
});

describe("the Dockerfile analyzer", () => {
  it("maps a launch in a multi-line RUN to the Dockerfile's rows and columns", async () => {
    const text = `FROM x\r\nRUN pip install hf && \\\r\n    hf jobs run --flavor cpu-basic \\\r\n      -e HF_TOKEN=${TOKEN} python:3.12 python t.py\r\n`;
    expect(await findings(text)).toEqual(["HFJ101@4:7", "HFJ201@4:7"]);
  });

  it("reports a token in ENV and ARG, and nothing in a file without one", async () => {
    expect(await findings(`FROM x\nENV HF_TOKEN=${TOKEN}\nARG T=${TOKEN}\n`)).toEqual(["HFJ101@2:14", "HFJ101@3:7"]);
    expect(await findings("FROM x\nENV HF_TOKEN=\nRUN hf jobs run --secrets HF_TOKEN python:3.12 python t.py\n")).toEqual([]);
  });

  it("does not read a launch outside RUN", async () => {
    expect(await findings('FROM x\nLABEL a="hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 p"\nCMD hf jobs run -e HF_TOKEN=$HF_TOKEN python:3.12 p\n')).toEqual([]);
  });
});
