// editors/vscode is not built or packaged here: its manifest and script are checked for shape, syntax and agreement
// with the language server (the settings it knows, the command it runs, the documents it checks).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from "@hf-jobs-lint/lsp";
import { runCli } from "./helpers/run-cli.js";

const folder = fileURLToPath(new URL("../editors/vscode/", import.meta.url));
const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
  dependencies: Record<string, string>;
};

interface ExtensionModule {
  activate: unknown;
  deactivate: unknown;
  DOCUMENTS: { scheme: string; language?: string; pattern?: string }[];
  serverCommand(configured: string | undefined): { command: string; args: string[] };
}

/** The script evaluated as VS Code loads it (CommonJS), with stand-ins for the two modules it requires. */
function loadExtension(): ExtensionModule {
  const source = fs.readFileSync(path.join(folder, manifest.main), "utf8");
  const module = { exports: {} as ExtensionModule };
  const required: string[] = [];
  const fakeRequire = (name: string) => {
    required.push(name);
    return name === "vscode-languageclient/node" ? { LanguageClient: class {}, TransportKind: { stdio: 0 } } : {};
  };
  vm.runInNewContext(`(function (require, module, exports, process) {${source}\n})`, {}, { filename: manifest.main })(fakeRequire, module, module.exports, { platform: "linux" });
  expect(required.sort()).toEqual(["vscode", "vscode-languageclient/node"]);
  return module.exports;
}

describe("editors/vscode", () => {
  it("is a private extension manifest whose script parses and exports activate/deactivate", () => {
    expect(manifest).toMatchObject({ private: true, main: "./extension.js" });
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(Object.keys(manifest.dependencies)).toEqual(["vscode-languageclient"]);
    const extension = loadExtension();
    expect(typeof extension.activate).toBe("function");
    expect(typeof extension.deactivate).toBe("function");
  });

  it("contributes exactly the server's settings, with the server's defaults, plus the server command", () => {
    const properties = manifest.contributes.configuration.properties;
    const contributed = Object.keys(properties).map((key) => key.replace(`${SETTINGS_SECTION}.`, ""));
    expect(contributed.sort()).toEqual(["path", ...Object.keys(DEFAULT_SETTINGS)].sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) expect(properties[`${SETTINGS_SECTION}.${key}`]!.default, key).toEqual(value);
  });

  it("activates on the languages of the documents it hands to the server", () => {
    const { DOCUMENTS } = loadExtension();
    const languages = new Set(DOCUMENTS.flatMap((selector) => selector.language ?? []));
    for (const language of languages) expect(manifest.activationEvents).toContain(`onLanguage:${language}`);
    // Every surface the CLI reads: YAML (CI steps), Dockerfiles and dotenv files too.
    for (const language of ["python", "typescript", "javascript", "shellscript", "markdown", "yaml", "dockerfile"]) expect(languages).toContain(language);
    expect(DOCUMENTS.some((selector) => selector.pattern?.includes(".env"))).toBe(true);
  });

  it("runs `hf-jobs-lint server`, a checkout's script with node, and the CLI has that command", async () => {
    const { serverCommand } = loadExtension();
    expect(serverCommand(undefined)).toEqual({ command: "hf-jobs-lint", args: ["server"] });
    expect(serverCommand("/opt/hf-jobs-lint/packages/cli/bin/hf-jobs-lint.js")).toEqual({
      command: "node",
      args: ["/opt/hf-jobs-lint/packages/cli/bin/hf-jobs-lint.js", "server"],
    });
    const help = await runCli(["server", "--help"], { cwd: folder });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--stdio/);
  });
});
