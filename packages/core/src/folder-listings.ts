/**
 * The entry names of the folders a run's discovery listed, kept for the lookups that follow (configuration files,
 * `.git`, manifests), so those read no folder twice.
 *
 * One string per folder, the names joined by `/` (which no entry name holds): kept as an array of names each, they
 * were the main thread's largest table on big trees (11.2 MB on ten copies of issue 12's checkouts; 7.2 MB so, most
 * of it now the folder paths that key it).
 */
const SEPARATOR = "/";

export class FolderListings {
  private readonly byFolder = new Map<string, string>();

  set(folder: string, names: readonly string[]): void {
    this.byFolder.set(folder, names.length === 0 ? "" : SEPARATOR + names.join(SEPARATOR) + SEPARATOR);
  }

  /** Whether `folder` was listed and holds `name`; undefined when it was not listed. */
  includes(folder: string, name: string): boolean | undefined {
    const joined = this.byFolder.get(folder);
    return joined === undefined ? undefined : joined.includes(SEPARATOR + name + SEPARATOR);
  }

  /** The entry names of `folder` in the order they were listed; undefined when it was not listed. */
  names(folder: string): string[] | undefined {
    const joined = this.byFolder.get(folder);
    if (joined === undefined) return undefined;
    return joined === "" ? [] : joined.slice(1, -1).split(SEPARATOR);
  }

  /** Every folder listed, in the order they were. */
  folders(): IterableIterator<string> {
    return this.byFolder.keys();
  }
}
