/** The TypeScript analyzer (`eslint-plugin-hf-jobs/analyzer`, src/analyzer.ts) on fixtures/typescript/. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SourceText, applyEdits, selectFixes, type AnalysisInput, type Diagnostic } from "@hf-jobs-lint/core";
import { readScriptText } from "@hf-jobs-lint/python";
import tsParser from "@typescript-eslint/parser";
import type { Linter } from "eslint";
import { createTypeScriptAnalyzer, loadConfigArrayClass } from "../src/analyzer.js";

const typescriptAnalyzer = createTypeScriptAnalyzer(tsParser as Linter.Parser);
import { createScriptRepo } from "../../../test/helpers/script-repo.js";

const fixtures = fileURLToPath(new URL("../../../fixtures/typescript/", import.meta.url));

function input(name: string, text = readFileSync(fixtures + name, "utf8"), hubVersion: string | null = null): AnalysisInput {
  return {
    filename: `fixtures/typescript/${name}`,
    path: fixtures + name,
    source: new SourceText(text),
    root: fixtures,
    readFile: () => null,
    includeCounterexamples: false,
    hubVersion,
  };
}

async function analyze(name: string, text?: string, hubVersion: string | null = null): Promise<Diagnostic[]> {
  return typescriptAnalyzer.analyze(input(name, text, hubVersion));
}

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.location.row}:${d.location.column} ${d.code} ${d.fix?.applicability ?? "-"}`);
}

describe("createTypeScriptAnalyzer", () => {
  it("is the analyzer for typescript files", () => {
    expect(typescriptAnalyzer.kinds).toEqual(["typescript"]);
  });

  it("finds ESLint's config array class where the installed ESLint keeps it (else every file pays for a new one)", () => {
    const ConfigArray = loadConfigArrayClass();
    expect(ConfigArray).toBeTypeOf("function");
    const array = new ConfigArray!([{ files: ["**/*.ts"], rules: {} }], { basePath: "/" });
    array.normalizeSync();
    expect((array as unknown as { getConfig(file: string): unknown }).getConfig("/a/b.ts")).toBeTypeOf("object");
  });

  it("reports every mistake in launcher-bad.ts with codes, positions and fixes", async () => {
    const diagnostics = await analyze("launcher-bad.ts");
    expect(summary(diagnostics)).toEqual(["5:13 HFJ101 unsafe", "12:20 HFJ201 safe", "13:18 HFJ102 unsafe", "20:86 HFJ202 safe", "23:25 HFJ103 -", "24:30 HFJ303 unsafe"]);
    // The repository's huggingface_hub version reaches the command-line rules: 0.36 passes flags after the script to it.
    expect(summary(await analyze("launcher-bad.ts", undefined, "0.36.2"))).toContain("26:49 HFJ207 safe");
    const text = readFileSync(fixtures + "launcher-bad.ts", "utf8");
    const token = diagnostics[0]!;
    expect(text.slice(token.start, token.end)).toBe("hf_FixtureFakeToken0123456789abcdefgh");
    for (const diagnostic of diagnostics) {
      expect(JSON.stringify(diagnostic)).not.toContain("hf_FixtureFakeToken0123456789abcdefgh".slice(0, 20) + "0");
      expect(diagnostic.message).not.toContain("FixtureFakeToken0123");
    }
    expect(token.message).toContain("hf_Fi…");
  });

  it("applies safe fixes once and a second run has nothing left to fix", async () => {
    const text = readFileSync(fixtures + "launcher-bad.ts", "utf8");
    const first = selectFixes(await analyze("launcher-bad.ts"), false);
    expect(first.applied.map((d) => d.code).sort()).toEqual(["HFJ201", "HFJ202"]);
    const fixed = applyEdits(text, first.edits);
    expect(fixed).toContain(`    environment: { MODEL: "gpt2" },\n    secrets: { HF_TOKEN: process.env.HF_TOKEN! },\n`);
    expect(fixed).toContain(`secrets: { HF_TOKEN: process.env.HF_TOKEN }`);
    const second = selectFixes(await analyze("launcher-bad.ts", fixed), false);
    expect(second.applied).toEqual([]);
  });

  it("reports nothing on the good launcher and on other platforms", async () => {
    expect(await analyze("launcher-good.ts")).toEqual([]);
    expect(await analyze("other-platforms.ts")).toEqual([]);
  });

  it("analyses an inline job script in a .mjs file", async () => {
    expect(summary(await analyze("inline-script.mjs"))).toEqual(["4:5 HFJ203 unsafe", "8:5 HFJ206 safe"]);
  });

  it("keeps offsets right with a BOM and CRLF line endings", async () => {
    const text = readFileSync(fixtures + "crlf-bom.ts", "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [diagnostic, ...rest] = await analyze("crlf-bom.ts");
    expect(rest).toEqual([]);
    expect(diagnostic!.code).toBe("HFJ201");
    expect(text.slice(diagnostic!.start, diagnostic!.end)).toBe("HF_TOKEN");
    expect(diagnostic!.location).toEqual({ row: 6, column: 18 });
    const fixed = applyEdits(text, diagnostic!.fix!.edits);
    expect(fixed).toBe(text.replace("environment: { HF_TOKEN", "secrets: { HF_TOKEN"));
    expect(fixed.charCodeAt(0)).toBe(0xfeff);
  });

  it("turns a syntax error into an error for the file", async () => {
    await expect(async () => analyze("syntax-error.ts")).rejects.toThrow(/syntax error at 3:/);
    const syntaxErrors = (name: string) => typescriptAnalyzer.countSyntaxErrors!(readFileSync(fixtures + name, "utf8"), `fixtures/typescript/${name}`);
    expect(syntaxErrors("syntax-error.ts")).toBe(1);
    expect(syntaxErrors("launcher-good.ts")).toBe(0);
  });

  it("honours eslint-disable comments", async () => {
    const diagnostics = await analyze(
      "x.ts",
      `// eslint-disable-next-line hf-jobs/no-legacy-token-variable\nconst a = process.env.HUGGING_FACE_HUB_TOKEN;\nconst b = process.env.HUGGING_FACE_HUB_TOKEN;\n`,
    );
    expect(summary(diagnostics)).toEqual(["3:23 HFJ303 unsafe"]);
  });
});

describe("typescriptAnalyzer with local job scripts", () => {
  const repo = createScriptRepo();
  afterAll(() => repo.remove());
  const LAUNCHER = [
    `hf_jobs("uv", { script: "scripts/push.py", flavor: "a10g-small" });`,
    `hf_jobs("uv", { script: "scripts/hello.py" });`,
    `hf_jobs("uv", { script: "scripts/push.py", secrets: { HF_API_TOKEN: "$HF_TOKEN" } });`,
    `spawn("hf", ["jobs", "uv", "run", "beside.py"]);`,
    `exec("hf jobs uv run --secrets TOKEN scripts/legacy.py");`,
    `hf_jobs("uv", { script: "https://example.com/push.py" });`,
    "",
  ].join("\n");

  function launcherInput(text: string, path: string | null, filename = "launchers/launch.ts"): AnalysisInput {
    // The engine's file access (as lint-file.ts gives it): the analyzer reads the scripts through it.
    return { filename, path, source: new SourceText(text), root: repo.root, readFile: readScriptText, includeCounterexamples: false };
  }

  it("resolves scripts named from the file on disk (beside it, then at the repository root)", async () => {
    const diagnostics = await typescriptAnalyzer.analyze(launcherInput(LAUNCHER, repo.launcher));
    expect(summary(diagnostics)).toEqual(["1:17 HFJ203 unsafe", "3:55 HFJ204 safe", "4:35 HFJ203 unsafe", "5:22 HFJ204 safe"]);
    expect(diagnostics[0]!.message).toContain("`scripts/push.py` needs a token with write access");
    expect(diagnostics[0]!.message).toContain("on script line 3");
    expect(diagnostics[2]!.message).toContain("`beside.py` needs a token");
  });

  it("reads every candidate through the engine's readFile, the missing ones too (the launcher's dependencies)", async () => {
    const read: string[] = [];
    const recording = (file: string) => (read.push(file), readScriptText(file));
    await typescriptAnalyzer.analyze({ ...launcherInput(LAUNCHER, repo.launcher), readFile: recording });
    const relative = [...new Set(read)].map((file) => path.relative(repo.root, file)).sort();
    expect(relative).toContain(path.join("scripts", "push.py"));
    expect(relative).toContain(path.join("launchers", "beside.py"));
    // Tried beside the launcher first, where it is not.
    expect(relative).toContain(path.join("launchers", "scripts", "push.py"));
    // Without it (the engine's stand-in of no file access) no script resolves, so no HFJ203: nothing is read behind its back.
    expect(summary(await typescriptAnalyzer.analyze({ ...launcherInput(LAUNCHER, repo.launcher), readFile: () => null }))).toEqual(["3:55 HFJ204 unsafe", "5:22 HFJ204 unsafe"]);
  });

  it("fixes the secret names safely and suggests the missing secrets", async () => {
    const safe = selectFixes(await typescriptAnalyzer.analyze(launcherInput(LAUNCHER, repo.launcher)), false);
    const fixed = applyEdits(LAUNCHER, safe.edits);
    expect(fixed).toContain(`secrets: { HF_TOKEN: "$HF_TOKEN" } });\nspawn`);
    expect(fixed).toContain(`exec("hf jobs uv run --secrets HF_TOKEN scripts/legacy.py");`);
    const all = selectFixes(await typescriptAnalyzer.analyze(launcherInput(fixed, repo.launcher)), true);
    const final = applyEdits(fixed, all.edits);
    expect(final).toContain(`hf_jobs("uv", { script: "scripts/push.py", flavor: "a10g-small", secrets: { HF_TOKEN: "$HF_TOKEN" } });`);
    expect(final).toContain(`spawn("hf", ["jobs", "uv", "run", "--secrets", "HF_TOKEN", "beside.py"]);`);
    expect(await typescriptAnalyzer.analyze(launcherInput(final, repo.launcher))).toEqual([]);
  });

  it("stdin: the text is linted as its --stdin-filename under the root (only root-relative scripts resolve)", async () => {
    const diagnostics = await typescriptAnalyzer.analyze(launcherInput(LAUNCHER, null, "elsewhere/launch.ts"));
    expect(summary(diagnostics)).toEqual(["1:17 HFJ203 unsafe", "3:55 HFJ204 safe", "5:22 HFJ204 safe"]);
  });
});
