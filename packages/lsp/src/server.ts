/**
 * The language server: every document of a kind the CLI checks (Python, TS/JS, shell, CI YAML, Markdown) is checked
 * by the engine's `checkFile` with the buffer as `CheckTarget.text`, the settings `check` would use (the nearest
 * configuration, the client's rule lists over it) and the workspace's job-script index, so the findings are the
 * CLI's. Code actions: each finding's fix (safe ones preferred, unsafe ones marked), a suppression comment, and
 * "fix all" (`source.fixAll.hf-jobs-lint`, the CLI's fix loop). Hover: the rule's documentation.
 */
import path from "node:path";
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ConfigError, fileKind, findRule, isExcludedPath, redactText, SourceText, type Diagnostic, type FileKind } from "@hf-jobs-lint/core";
import { AnalyzerRegistry, checkFile, createLintContext, type CheckSettings, type CheckTarget } from "@hf-jobs-lint/engine";
import { bomShift, fileNotice, rangesOverlap, resolveDisplayName, SOURCE, textEditOf, toLspDiagnostic, uriToPath } from "./convert.js";
import { ruleHoverMarkdown, ruleNamedAt } from "./hover.js";
import { ConfigCache, documentSettings, isConfigFile, normaliseSettings, SETTINGS_SECTION, type ServerSettings } from "./settings.js";
import { suppressionFor } from "./suppress.js";
import { JobScriptEvidence, kindOfLanguage, WorkspaceFolders } from "./workspace.js";

/** The code action kind of "fix all": on-save `source.fixAll` in an editor's settings runs it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

export interface ServerOptions {
  /** Wait this long after the last change before checking (as you type). */
  debounceMs?: number;
}

/** One check of one version of a document. */
interface Analysis {
  version: number;
  kind: FileKind;
  target: CheckTarget;
  settings: CheckSettings;
  server: ServerSettings;
  /** The text the engine's offsets refer to (the document without its BOM). */
  source: SourceText;
  shift: number;
  diagnostics: Diagnostic[];
  /** `diagnostics` as published, index for index. */
  published: LspDiagnostic[];
}

/** What a document gets instead of an analysis: nothing to check, or notices about why it could not be. */
interface Skipped {
  version: number;
  notices: LspDiagnostic[];
}

type Result = Analysis | Skipped;

const isAnalysis = (result: Result | undefined): result is Analysis => result !== undefined && "diagnostics" in result;

export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  const registry = new AnalyzerRegistry();
  const configs = new ConfigCache();
  const results = new Map<string, Result>();
  const pending = new Map<string, Promise<Result>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settingsByUri = new Map<string, Promise<ServerSettings>>();
  const reported = new Set<string>();
  let capabilities: ClientCapabilities = {};
  let initialSettings: unknown = undefined;
  let globalSettings: ServerSettings = normaliseSettings(undefined).settings;

  const log = (message: string) => connection.console.log(redactText(message));
  const warnOnce = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    void connection.window.showWarningMessage(redactText(`hf-jobs-lint: ${message}`));
  };

  const evidence = new JobScriptEvidence(
    folders,
    () => documents.all().flatMap((document) => (uriToPath(document.uri) ? [{ path: uriToPath(document.uri)!, text: document.getText() }] : [])),
    log,
  );

  const canAskConfiguration = () => Boolean(capabilities.workspace?.configuration);

  const adopt = (raw: unknown): ServerSettings => {
    const { settings, problems } = normaliseSettings(raw);
    for (const problem of problems) warnOnce(problem);
    return settings;
  };

  const settingsFor = (uri: string): Promise<ServerSettings> => {
    if (!canAskConfiguration()) return Promise.resolve(globalSettings);
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw: unknown) => adopt(raw ?? initialSettings))
        .catch((error: unknown) => {
          log(`cannot read the workspace configuration: ${(error as Error).message}`);
          return globalSettings;
        });
      settingsByUri.set(uri, settings);
    }
    return settings;
  };

  async function analyse(document: TextDocument): Promise<Result> {
    const version = document.version;
    const server = await settingsFor(document.uri);
    if (!server.enable) return { version, notices: [] };
    const file = uriToPath(document.uri);
    const kind = (file ? fileKind(file) : null) ?? kindOfLanguage(document.languageId);
    if (!kind) return { version, notices: [] };
    const folder = file ? folders.folderOf(file) : (folders.all()[0] ?? null);
    let resolved;
    try {
      resolved = documentSettings(file, folder, server, configs);
    } catch (error) {
      if (error instanceof ConfigError) return { version, notices: [fileNotice(`configuration error: ${error.message}`, DiagnosticSeverity.Warning)] };
      throw error;
    }
    // An excluded file is not checked, as `check --force-exclude` would not check it.
    if (file && isExcludedPath(file, false, { root: resolved.check.configRoot, exclude: resolved.exclude })) return { version, notices: [] };
    const settings: CheckSettings = { ...resolved.check, jobScripts: await evidence.get() };
    const text = document.getText();
    const shift = bomShift(text);
    const filename = file ? folders.displayName(file) : path.posix.basename(document.uri);
    const target: CheckTarget = { filename, path: file, kind };
    const outcome = await checkFile({ ...target, text }, settings, createLintContext(settings, registry));
    const places = { uri: document.uri, resolve: (name: string) => resolveDisplayName(name, folder, file) };
    if (outcome.error) {
      // What needed no parse (the tokens in the text) is still shown, as the CLI reports it beside the error.
      const partial = outcome.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, document, shift, places));
      return { version, notices: [fileNotice(`could not check this file: ${outcome.error}`, DiagnosticSeverity.Information), ...partial] };
    }
    const published = outcome.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, document, shift, places));
    return { version, kind, target, settings, server, source: new SourceText(text.slice(shift)), shift, diagnostics: outcome.diagnostics, published };
  }

  /** The result for the document's current version: the cached one, or a check now. */
  function current(document: TextDocument): Promise<Result> {
    const cached = results.get(document.uri);
    if (cached && cached.version === document.version) return Promise.resolve(cached);
    const key = `${document.uri}@${document.version}`;
    let running = pending.get(key);
    if (!running) {
      running = analyse(document)
        .then((result) => {
          if (documents.get(document.uri)?.version === result.version) results.set(document.uri, result);
          return result;
        })
        .finally(() => pending.delete(key));
      pending.set(key, running);
    }
    return running;
  }

  async function publish(document: TextDocument): Promise<void> {
    try {
      const result = await current(document);
      // A newer version is on its way: its own check publishes.
      if (documents.get(document.uri)?.version !== result.version) return;
      const diagnostics = isAnalysis(result) ? result.published : result.notices;
      await connection.sendDiagnostics({ uri: document.uri, version: result.version, diagnostics });
    } catch (error) {
      log(`checking ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const latest = documents.get(document.uri);
        if (latest) void publish(latest);
      }, delay),
    );
  }

  function recheckAll(): void {
    results.clear();
    for (const document of documents.all()) schedule(document, debounceMs);
  }

  /** A configuration file or a script changed on disk: settings and job-script evidence may have changed. */
  function filesChanged(files: readonly string[]): void {
    if (files.some(isConfigFile)) configs.clear();
    evidence.invalidate();
    recheckAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const roots = params.workspaceFolders?.map((folder) => uriToPath(folder.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? null)];
    folders.set(roots.filter((root): root is string => root !== null));
    initialSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    globalSettings = adopt(initialSettings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SOURCE },
    };
  });

  connection.onInitialized(() => {
    if (canAskConfiguration() && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((change) => {
        for (const removed of change.removed) if (uriToPath(removed.uri)) folders.remove(uriToPath(removed.uri)!);
        for (const added of change.added) if (uriToPath(added.uri)) folders.add(uriToPath(added.uri)!);
        filesChanged([]);
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    reported.clear();
    if (!canAskConfiguration()) {
      const section = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
      globalSettings = adopt(section ?? initialSettings);
    }
    configs.clear();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((change) => filesChanged(change.changes.flatMap((event) => uriToPath(event.uri) ?? [])));

  documents.onDidOpen((event) => schedule(event.document, 0));
  documents.onDidChangeContent(async (event) => {
    const server = await settingsFor(event.document.uri);
    if (server.run === "onType") schedule(event.document, debounceMs);
  });
  documents.onDidSave((event) => {
    const file = uriToPath(event.document.uri);
    filesChanged(file ? [file] : []);
  });
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    results.delete(event.document.uri);
    settingsByUri.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const workspaceEdit = (document: TextDocument, edits: TextEdit[]): WorkspaceEdit =>
    capabilities.workspace?.workspaceEdit?.documentChanges
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
      : { changes: { [document.uri]: edits } };

  /** The whole of the CLI's `--fix` (with `--unsafe-fixes` when the setting says so) on the buffer, as one edit. */
  async function fixAllEdit(document: TextDocument, analysis: Analysis): Promise<WorkspaceEdit | null> {
    const settings: CheckSettings = { ...analysis.settings, fix: true, unsafeFixes: analysis.server.unsafeFixes };
    const outcome = await checkFile({ ...analysis.target, text: document.getText() }, settings, createLintContext(settings, registry));
    if (outcome.fixedText === null || outcome.error) return null;
    const before = analysis.source.text;
    const after = outcome.fixedText;
    if (before === after) return null;
    // One edit over the part that changed, so the editor keeps the cursor and folds elsewhere.
    let head = 0;
    while (head < before.length && head < after.length && before[head] === after[head]) head++;
    let tail = 0;
    while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    return workspaceEdit(document, [textEditOf(document, { start: head, end: before.length - tail, content: after.slice(head, after.length - tail) }, analysis.shift)]);
  }

  const fixAllTitle = (server: ServerSettings) => (server.unsafeFixes ? "Fix all hf-jobs-lint findings (including unsafe fixes)" : "Fix all auto-fixable hf-jobs-lint findings");

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await current(document);
    if (!isAnalysis(analysis) || analysis.version !== document.version) return [];
    const only = params.context.only;
    const wanted = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix)) {
      analysis.diagnostics.forEach((diagnostic, index) => {
        const shown = analysis.published[index]!;
        if (!rangesOverlap(shown.range, params.range)) return;
        if (diagnostic.fix) {
          const unsafe = diagnostic.fix.applicability === "unsafe";
          actions.push({
            title: redactText(`${diagnostic.fix.message}${unsafe ? " (unsafe fix)" : ""}`),
            kind: CodeActionKind.QuickFix,
            diagnostics: [shown],
            isPreferred: !unsafe,
            edit: workspaceEdit(
              document,
              diagnostic.fix.edits.map((edit) => textEditOf(document, edit, analysis.shift)),
            ),
          });
        }
        if (analysis.server.noqaActions) {
          const suppression = suppressionFor(analysis.kind, analysis.source, diagnostic);
          if (suppression) {
            actions.push({
              title: suppression.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [shown],
              edit: workspaceEdit(document, [textEditOf(document, suppression.edit, analysis.shift)]),
            });
          }
        }
      });
    }
    const fixable = analysis.diagnostics.some((diagnostic) => diagnostic.fix && (diagnostic.fix.applicability === "safe" || analysis.server.unsafeFixes));
    if (fixable && wanted(FIX_ALL_KIND)) {
      const action: CodeAction = { title: fixAllTitle(analysis.server), kind: FIX_ALL_KIND, data: { uri: document.uri, version: document.version } };
      // The fix loop runs once the action is picked, when the client can resolve it.
      if (capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes("edit")) actions.push(action);
      else {
        const edit = await fixAllEdit(document, analysis);
        if (edit) actions.push({ ...action, edit });
      }
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    const { uri, version } = (action.data ?? {}) as { uri?: string; version?: number };
    const document = uri ? documents.get(uri) : undefined;
    if (!document || document.version !== version || action.kind !== FIX_ALL_KIND) return action;
    const analysis = await current(document);
    if (!isAnalysis(analysis)) return action;
    const edit = await fixAllEdit(document, analysis);
    return edit ? { ...action, edit } : action;
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await current(document);
    if (isAnalysis(analysis)) {
      const here = { start: params.position, end: params.position };
      const hits = analysis.published.filter((shown) => rangesOverlap(shown.range, here));
      const rules = [...new Set(hits.map((shown) => String(shown.code)))].flatMap((code) => findRule(code) ?? []);
      if (rules.length > 0) return { contents: { kind: MarkupKind.Markdown, value: ruleHoverMarkdown(rules) }, range: hits[0]!.range };
    }
    const { line, character } = params.position;
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, "");
    const named = ruleNamedAt(text, character);
    if (!named) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: ruleHoverMarkdown([named.rule]) },
      range: { start: { line, character: named.start }, end: { line, character: named.end } },
    };
  });

  documents.listen(connection);
}
