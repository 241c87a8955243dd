// hf-jobs-lint for VS Code: starts `hf-jobs-lint server` (the language server) with vscode-languageclient.
// CommonJS, no build step: VS Code loads this file as it is.
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** Every document the CLI can check, by language (the server decides from the path what a file is, as the CLI does). */
const DOCUMENTS = [
  ...["python", "typescript", "typescriptreact", "javascript", "javascriptreact", "shellscript", "makefile", "markdown"].flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]),
  // Any YAML file with command steps is read as CI (GitHub Actions, GitLab CI, others by their shape).
  { scheme: "file", language: "yaml" },
  { scheme: "file", language: "github-actions-workflow" },
  // Dockerfiles: `RUN` lines are shell, `ENV` and `ARG` values are baked into the image.
  { scheme: "file", language: "dockerfile" },
  // Dotenv files by name: editors give them different languages (or none).
  { scheme: "file", pattern: "**/{.env,.env.*,.envrc,*.env}" },
];

/** `hf-jobs-lint.path`: a command on PATH, or a checkout's `bin/hf-jobs-lint.js`, which runs with node. */
function serverCommand(configured) {
  const command = configured || "hf-jobs-lint";
  if (/\.[cm]?js$/.test(command)) return { command: "node", args: [command, "server"] };
  return { command, args: ["server"] };
}

let client;

function startClient() {
  const { command, args } = serverCommand(vscode.workspace.getConfiguration("hf-jobs-lint").get("path"));
  // TransportKind.stdio adds `--stdio`, which the server accepts.
  const run = { command, args, transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  client = new LanguageClient(
    "hf-jobs-lint",
    "hf-jobs-lint",
    { run, debug: run },
    {
      documentSelector: DOCUMENTS,
      // The server reads each folder's configuration files; it checks again when one changes.
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{pyproject.toml,hf-jobs-lint.toml}") },
    },
  );
  return client.start();
}

async function stopClient() {
  if (!client) return;
  const running = client;
  client = undefined;
  await running.stop();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // A new server command needs a new server; the other settings the server asks for itself.
      if (!event.affectsConfiguration("hf-jobs-lint.path")) return;
      await stopClient();
      await startClient();
    }),
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, DOCUMENTS, serverCommand };
