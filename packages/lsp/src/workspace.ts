/**
 * What the server knows of the workspace beyond one document: its folders, and which files are job scripts. The
 * CLI builds its job-script index (engine's `indexJobScripts`) over every file it checks before checking any, so a
 * script named by a launcher elsewhere gets the script rules; the server builds the same index over every file
 * `check` would find in each folder, with open documents read from their buffers, once, and again after a save or
 * a file change the client reports.
 */
import path from "node:path";
import { ConfigError, discoverFiles, findConfig, findRepositoryRoot, type FileKind } from "@hf-jobs-lint/core";
import { displayName, indexJobScripts, type JobScriptIndex } from "@hf-jobs-lint/engine";

export class WorkspaceFolders {
  private folders: string[] = [];

  set(folders: readonly string[]): void {
    // Deepest first, so a nested folder wins over the folder around it.
    this.folders = [...new Set(folders.map((folder) => path.resolve(folder)))].sort((a, b) => b.length - a.length);
  }

  add(folder: string): void {
    this.set([...this.folders, folder]);
  }

  remove(folder: string): void {
    this.set(this.folders.filter((known) => known !== path.resolve(folder)));
  }

  all(): readonly string[] {
    return this.folders;
  }

  /** The folder a file belongs to, or null. */
  folderOf(file: string): string | null {
    return this.folders.find((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) ?? null;
  }

  /** The name a file is shown by: relative to its folder, as the CLI run from that folder shows it. */
  displayName(file: string): string {
    const folder = this.folderOf(file);
    return folder ? displayName(file, folder) : path.basename(file);
  }
}

export interface OpenText {
  path: string;
  text: string;
}

/** The job-script index of every folder, built on first use and rebuilt after `invalidate()`. */
export class JobScriptEvidence {
  private index: Promise<JobScriptIndex> | null = null;

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly openTexts: () => OpenText[],
    private readonly log: (message: string) => void,
  ) {}

  get(): Promise<JobScriptIndex> {
    this.index ??= Promise.resolve().then(() => this.build());
    return this.index;
  }

  invalidate(): void {
    this.index = null;
  }

  private build(): JobScriptIndex {
    const open = new Map(this.openTexts().map((document) => [document.path, document.text]));
    const index: JobScriptIndex = {};
    const covered = new Set<string>();
    for (const folder of this.folders.all()) {
      let loaded;
      try {
        loaded = findConfig(folder);
      } catch (error) {
        // The documents' own diagnostics say what is wrong with the configuration.
        if (error instanceof ConfigError) continue;
        throw error;
      }
      const { config } = loaded;
      const root = loaded.file ? loaded.root : folder;
      const discovery = discoverFiles([folder], {
        root,
        exclude: [...(config.exclude ?? []), ...(config.extendExclude ?? [])],
        respectGitignore: config.respectGitignore ?? true,
      });
      const files = discovery.files.map((file) => {
        covered.add(file.path);
        const text = open.get(file.path);
        return { filename: displayName(file.path, folder), path: file.path, ...(text !== undefined ? { text } : {}) };
      });
      const found = indexJobScripts(files, { repoRoot: findRepositoryRoot(folder, folder), configRoot: root, jobScriptGlobs: [...(config.jobScripts ?? [])] });
      for (const [script, evidence] of Object.entries(found)) index[script] ??= evidence;
    }
    // Open documents outside every folder still say what they launch.
    const outside = [...open].filter(([file]) => !covered.has(file));
    if (outside.length > 0) {
      const files = outside.map(([file, text]) => ({ filename: path.basename(file), path: file, text }));
      const start = path.dirname(outside[0]![0]);
      const found = indexJobScripts(files, { repoRoot: findRepositoryRoot(start, start), configRoot: start, jobScriptGlobs: [] });
      for (const [script, evidence] of Object.entries(found)) index[script] ??= evidence;
    }
    this.log(`job-script index: ${Object.keys(index).length} job script(s) in ${this.folders.all().length} folder(s)`);
    return index;
  }
}

/** The analyzer an unsaved or extension-less document goes to, from the language the editor says it is in. */
const KIND_BY_LANGUAGE: Readonly<Record<string, FileKind>> = {
  python: "python",
  shellscript: "shell",
  typescript: "typescript",
  typescriptreact: "typescript",
  javascript: "typescript",
  javascriptreact: "typescript",
  markdown: "markdown",
  dotenv: "dotenv",
};

export function kindOfLanguage(languageId: string): FileKind | null {
  return KIND_BY_LANGUAGE[languageId] ?? null;
}
