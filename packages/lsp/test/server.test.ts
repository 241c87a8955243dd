// The language server driven by a real LSP client over stdio: the built `hf-jobs-lint server`, spawned.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { FAKE_TOKEN } from "../../../test/helpers/analyzer-harness.js";

const CLI_BIN = fileURLToPath(new URL("../../cli/bin/hf-jobs-lint.js", import.meta.url));
const BUILT_SERVER = fileURLToPath(new URL("../dist/index.js", import.meta.url));

const LANGUAGE_BY_EXTENSION: Record<string, string> = { ".py": "python", ".ts": "typescript", ".sh": "shellscript", ".yml": "yaml", ".md": "markdown" };

// Every surface the CLI checks, each with a finding: the server must report exactly what `check` reports.
const FILES: Record<string, string> = {
  "launcher.py": `from huggingface_hub import run_uv_job\n\nrun_uv_job("scripts/train.py", flavor="a10g-small", env={"HF_TOKEN": "${FAKE_TOKEN}"})\n`,
  "scripts/train.py": 'from huggingface_hub import HfApi\n\nHfApi().upload_folder(folder_path="out", repo_id="me/model")\n',
  "launch.sh": "#!/bin/sh\nhf jobs uv run --flavor a10g-small -e HF_TOKEN=$HF_TOKEN scripts/train.py\n",
  ".github/workflows/ci.yml":
    "on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: hf jobs uv run -e HF_TOKEN=${{ secrets.HF_TOKEN }} scripts/train.py\n",
  "README.md": "# Train\n\nLaunch it:\n\n```bash\nhf jobs uv run --flavor a10g-small -e HF_TOKEN=$HF_TOKEN scripts/train.py\n```\n",
  "launcher.ts": `import { runJob } from "@huggingface/hub";\n\nawait runJob({ image: "python:3.12", command: ["python", "x.py"], env: { HF_TOKEN: "${FAKE_TOKEN}" }, accessToken: process.env.HF_TOKEN });\n`,
  ".env": `HF_TOKEN=${FAKE_TOKEN}\n`,
  Dockerfile: `FROM python:3.12\nENV HF_TOKEN=${FAKE_TOKEN}\nRUN hf jobs run --flavor cpu-basic -e HF_TOKEN=$HF_TOKEN python:3.12 python -c "print(1)"\n`,
  "notes.txt": `any text file gets the token pass: ${FAKE_TOKEN}\n`,
  "logo.svg": `<svg><!-- an image, not read: ${FAKE_TOKEN} --></svg>\n`,
  "hf-jobs-lint.toml": 'exclude = ["vendor"]\n',
  "vendor/launch.py": `from huggingface_hub import login\n\nlogin(token="${FAKE_TOKEN}")\n`,
};
const NOT_CHECKED = ["logo.svg", "hf-jobs-lint.toml", "vendor/launch.py"];

class Client {
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every message the server sent, as sent: nothing may hold the token whole. */
  readonly raw: string[] = [];
  settings: Record<string, unknown> = {};
  private waiters: { uri: string; test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];

  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stdout.on("data", (chunk: Buffer) => this.raw.push(chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => this.raw.push(chunk.toString("utf8")));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || !waiter.test(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onNotification(LogMessageNotification.type, () => undefined);
    connection.onNotification(ShowMessageNotification.type, () => undefined);
    connection.listen();
  }

  diagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const seen = this.published.find((params) => params.uri === uri && test(params));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }
}

let workspace = "";

function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-lsp-")));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
let client: Client;
const documents = new Map<string, TextDocument>();
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;

function open(name: string, text = FILES[name]!, languageId?: string): TextDocument {
  const extension = path.extname(name);
  const document = TextDocument.create(uriOf(name), languageId ?? LANGUAGE_BY_EXTENSION[extension] ?? "plaintext", 1, text);
  documents.set(name, document);
  void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: document.uri, languageId: document.languageId, version: 1, text: document.getText() },
  });
  return document;
}

/** Apply a workspace edit to the client's copy and send the change, as an editor does. */
function applyEdit(name: string, edit: WorkspaceEdit): TextDocument {
  const before = documents.get(name)!;
  const change = (edit.documentChanges as TextDocumentEdit[] | undefined)?.find((entry) => entry.textDocument.uri === before.uri);
  expect(change?.textDocument.version).toBe(before.version);
  // The server sends plain text edits (no snippets, no annotations).
  const text = TextDocument.applyEdits(before, change!.edits as TextEdit[]);
  const after = TextDocument.create(before.uri, before.languageId, before.version + 1, text);
  documents.set(name, after);
  void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: after.uri, version: after.version }, contentChanges: [{ text }] });
  return after;
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => String(diagnostic.code));
const requestActions = (document: TextDocument, diagnostic: Diagnostic, only?: string[]) =>
  client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: document.uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;

beforeAll(async () => {
  if (!fs.existsSync(BUILT_SERVER)) throw new Error("the language server is not built: run `npm run build` first");
  workspace = makeWorkspace({ ...FILES, ".git/HEAD": "ref: refs/heads/main\n" });
  const child = spawn(process.execPath, [CLI_BIN, "server", "--stdio"], { cwd: path.parse(workspace).root, stdio: "pipe" });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client = new Client(child, connection);
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "workspace" }],
    capabilities: {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { codeAction: { resolveSupport: { properties: ["edit"] } } },
    },
  });
  expect(result.capabilities.hoverProvider).toBe(true);
  await connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
  if (client) {
    await client.connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((resolve) => client.child.on("exit", resolve));
    await client.connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    client.connection.dispose();
  }
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

describe("hf-jobs-lint server", () => {
  it("publishes for every surface what `check` reports, the token redacted everywhere", async () => {
    const names = Object.keys(FILES).filter((name) => !NOT_CHECKED.includes(name));
    for (const name of names) open(name);
    // The built CLI, run in the workspace, while the server checks.
    const checked = promisify(execFile)(process.execPath, [CLI_BIN, "check", "--output-format", "json", "--exit-zero", "."], { cwd: workspace });
    const published = new Map<string, Diagnostic[]>();
    for (const name of names) published.set(name, (await client.diagnostics(uriOf(name))).diagnostics);

    const cli = await checked;
    const expected = (JSON.parse(cli.stdout) as { code: string; filename: string; location: { row: number; column: number } }[]).map(
      (entry) => `${entry.filename}:${entry.location.row}:${entry.location.column}:${entry.code}`,
    );
    const actual = [...published].flatMap(([name, diagnostics]) => diagnostics.map((d) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1}:${d.code}`));
    expect(actual.sort()).toEqual(expected.sort());
    // Each surface has findings, and the script the launcher names gets the script rule the CLI gives it.
    for (const name of names) expect(published.get(name)!.length, name).toBeGreaterThan(0);
    expect(codes(published.get("scripts/train.py")!)).toContain("HFJ301");
    // With its evidence: a file that runs it.
    const evidence = published.get("scripts/train.py")![0]!.relatedInformation?.[0];
    expect(evidence?.message).toMatch(/^job script: .* runs it$/);
    expect(["launcher.py", "launch.sh", ".github/workflows/ci.yml", "README.md"].map(uriOf)).toContain(evidence?.location.uri);

    const leak = published.get("launcher.py")!.find((d) => d.code === "HFJ101")!;
    expect(leak.message).toContain(FAKE_TOKEN.slice(0, 5) + "…");
    expect(leak.codeDescription?.href).toMatch(/no-hardcoded-token\.md$/);
    for (const diagnostics of published.values()) for (const diagnostic of diagnostics) expect(JSON.stringify(diagnostic)).not.toContain(FAKE_TOKEN);
    expect(client.raw.join("")).not.toContain(FAKE_TOKEN);
  });

  it("publishes nothing for a file type the CLI does not check, nor for a file the configuration excludes", async () => {
    for (const name of NOT_CHECKED) open(name);
    for (const name of NOT_CHECKED) expect((await client.diagnostics(uriOf(name))).diagnostics, name).toEqual([]);
  });

  it("offers the safe fix, the unsafe fix and a noqa comment; an applied fix clears its finding", async () => {
    const document = documents.get("launcher.py")!;
    const diagnostics = (await client.diagnostics(document.uri)).diagnostics;
    const inEnv = diagnostics.find((d) => d.code === "HFJ201")!;
    const leak = diagnostics.find((d) => d.code === "HFJ101")!;

    const envActions = await requestActions(document, inEnv);
    const move = envActions.find((action) => action.isPreferred)!;
    expect(move.title).toMatch(/secrets/);
    expect(move.kind).toBe("quickfix");
    expect(envActions.map((action) => action.title)).toContain("Disable HFJ201 for this line");

    const leakActions = await requestActions(document, leak);
    const unsafe = leakActions.find((action) => action.title.endsWith("(unsafe fix)"))!;
    expect(unsafe.isPreferred).toBe(false);
    const noqa = leakActions.find((action) => action.title === "Disable HFJ101 for this line")!;
    for (const action of [...envActions, ...leakActions]) expect(action.title).not.toContain(FAKE_TOKEN);

    const moved = applyEdit("launcher.py", move.edit!);
    expect(moved.getText()).toMatch(/secrets=\{"HF_TOKEN": /);
    const after = await client.diagnostics(document.uri, (params) => params.version === moved.version);
    expect(codes(after.diagnostics)).not.toContain("HFJ201");
    expect(codes(after.diagnostics)).toContain("HFJ101");

    // The noqa action was computed for version 1: its edit names that version, so an editor refuses it now.
    expect((noqa.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version).toBe(1);
    const fresh = after.diagnostics.find((d) => d.code === "HFJ101")!;
    const suppress = (await requestActions(moved, fresh)).find((action) => action.title === "Disable HFJ101 for this line")!;
    const suppressed = applyEdit("launcher.py", suppress.edit!);
    expect(suppressed.getText().split("\n")[2]).toMatch(/\)\s+# noqa: HFJ101$/);
    expect((await client.diagnostics(document.uri, (params) => params.version === suppressed.version)).diagnostics).toEqual([]);
  });

  it("Dockerfile: a noqa action on the `RUN` line, none for a token in an `ENV` line", async () => {
    const document = documents.get("Dockerfile") ?? open("Dockerfile");
    const diagnostics = (await client.diagnostics(document.uri)).diagnostics;
    const inRun = diagnostics.find((d) => d.code === "HFJ201")!;
    const inEnv = diagnostics.find((d) => d.code === "HFJ101")!;
    expect(inEnv.range.start.line).toBe(1);
    expect((await requestActions(document, inEnv)).map((action) => action.title)).not.toContain("Disable HFJ101 for this line");
    const noqa = (await requestActions(document, inRun)).find((action) => action.title === "Disable HFJ201 for this line")!;
    const suppressed = applyEdit("Dockerfile", noqa.edit!);
    expect(suppressed.getText().split("\n")[2]).toMatch(/"print\(1\)"  # noqa: HFJ201$/);
    const after = await client.diagnostics(document.uri, (params) => params.version === suppressed.version);
    expect(codes(after.diagnostics)).toEqual(["HFJ101"]);
  });

  it("notebook opened as text (its JSON; no notebook document sync): findings, and noqa edits that keep it a notebook", async () => {
    const nb = {
      cells: [
        { cell_type: "markdown", metadata: {}, source: ["```python\n", `login("${FAKE_TOKEN}")\n`, "```\n"] },
        { cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: ["from huggingface_hub import login\n", `login("${FAKE_TOKEN}")\n`] },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const document = open("nb.ipynb", `${JSON.stringify(nb, null, 1)}\n`, "json");
    const diagnostics = (await client.diagnostics(document.uri)).diagnostics;
    expect(codes(diagnostics)).toEqual(["HFJ101", "HFJ101"]);
    const [inMarkdown, inCode] = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
    // Ranges are in the JSON text the editor shows: the token in its JSON string.
    expect(document.getText(inCode!.range)).toContain(FAKE_TOKEN.slice(0, 5));
    expect(document.getText(inMarkdown!.range)).toContain(FAKE_TOKEN.slice(0, 5));
    expect((await requestActions(document, inMarkdown!)).map((action) => action.title)).not.toContain("Disable HFJ101 for this line");
    const noqa = (await requestActions(document, inCode!)).find((action) => action.title === "Disable HFJ101 for this line")!;
    const suppressed = applyEdit("nb.ipynb", noqa.edit!);
    const cells = (JSON.parse(suppressed.getText()) as { cells: { source: string[] }[] }).cells;
    expect(cells[1]!.source).toEqual(["from huggingface_hub import login\n", `login("${FAKE_TOKEN}")  # noqa: HFJ101\n`]);
    const after = await client.diagnostics(document.uri, (params) => params.version === suppressed.version);
    expect(after.diagnostics.map((d) => d.range.start.line)).toEqual([inMarkdown!.range.start.line]);
  });

  it("a file it cannot check (an nbformat 3 notebook): the notice, and the tokens the CLI still reports beside it", async () => {
    const v3 = { metadata: {}, nbformat: 3, nbformat_minor: 0, worksheets: [{ cells: [{ cell_type: "code", input: [`login("${FAKE_TOKEN}")\n`], outputs: [] }] }] };
    const document = open("old.ipynb", `${JSON.stringify(v3, null, 1)}\n`, "json");
    const diagnostics = (await client.diagnostics(document.uri)).diagnostics;
    expect(diagnostics.map((d) => d.code ?? "notice")).toEqual(["notice", "HFJ101"]);
    expect(diagnostics[0]!.message).toMatch(/^could not check this file: cannot parse: nbformat 3 notebook/);
    expect(document.getText(diagnostics[1]!.range)).toBe(FAKE_TOKEN);
    expect(JSON.stringify(diagnostics)).not.toContain(FAKE_TOKEN);
  });

  it("fixes everything fixable through source.fixAll, resolved when picked", async () => {
    const document = documents.get("launch.sh")!;
    const diagnostic = (await client.diagnostics(document.uri)).diagnostics[0]!;
    const [fixAll] = await requestActions(document, diagnostic, ["source.fixAll"]);
    expect(fixAll!.kind).toBe("source.fixAll.hf-jobs-lint");
    expect(fixAll!.edit).toBeUndefined();
    const resolved = (await client.connection.sendRequest(CodeActionResolveRequest.type, fixAll!)) as CodeAction;
    const fixed = applyEdit("launch.sh", resolved.edit!);
    expect(fixed.getText()).toContain("-s HF_TOKEN");
    expect((await client.diagnostics(document.uri, (params) => params.version === fixed.version)).diagnostics).toEqual([]);
    expect(fs.readFileSync(path.join(workspace, "launch.sh"), "utf8")).toBe(FILES["launch.sh"]);
  });

  it("shows the rule's documentation on hover, over a finding and over a code in a noqa comment", async () => {
    const document = documents.get("launcher.ts")!;
    const leak = (await client.diagnostics(document.uri)).diagnostics.find((d) => d.code === "HFJ101")!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: document.uri }, position: leak.range.start });
    const markdown = (hover!.contents as MarkupContent).value;
    expect(markdown).toMatch(/^# no-hardcoded-token \(HFJ101\)/);
    expect(markdown).toContain("## What it does");
    expect(markdown).not.toContain("<!--");

    const launcher = documents.get("launcher.py")!;
    const row = launcher.getText().split("\n")[2]!;
    const onCode = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: launcher.uri }, position: { line: 2, character: row.indexOf("HFJ101") + 2 } });
    expect((onCode!.contents as MarkupContent).value).toMatch(/^# no-hardcoded-token \(HFJ101\)/);
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: launcher.uri }, position: { line: 0, character: 2 } })).toBeNull();
  });

  it("takes its settings from the workspace configuration and checks again when they change", async () => {
    const uri = uriOf("README.md");
    expect(codes((await client.diagnostics(uri)).diagnostics)).toEqual(["HFJ201"]);
    const before = client.published.length;
    client.settings = { ignore: ["HFJ201"] };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const again = await client.diagnostics(uri, (params) => client.published.indexOf(params) >= before);
    expect(again.diagnostics).toEqual([]);
  });
});
