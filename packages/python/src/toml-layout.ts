/**
 * Where keys and values sit in a TOML text (smol-toml gives values, not positions): every key/value pair with
 * its full dotted path, its key and value ranges, array items and inline-table entries, and the table headers.
 * Only for locating findings and building small edits; the meaning comes from the real parse, and every edit is
 * checked by re-parsing. Anything it does not understand makes the whole layout unknown (null).
 */

export interface ArrayItem {
  start: number;
  end: number;
  /** The item's value when it is a plain one-line string (no escapes), else null. */
  text: string | null;
}

export interface InlineTable {
  open: number;
  close: number;
  entries: TomlEntry[];
}

export interface TomlEntry {
  path: string[];
  keyStart: number;
  valueStart: number;
  valueEnd: number;
  /** The inline table holding this entry, if any. */
  parent: InlineTable | null;
  /** The value's items when it is an array. */
  items: ArrayItem[] | null;
  /** An array value holds a comment. */
  hasComment: boolean;
}

export interface TableHeader {
  path: string[];
  start: number;
  end: number;
}

export interface TomlLayout {
  entries: TomlEntry[];
  headers: TableHeader[];
}

class LayoutError extends Error {}

const BARE_KEY = /[A-Za-z0-9_-]/;

export function scanTomlLayout(text: string): TomlLayout | null {
  let pos = 0;
  const entries: TomlEntry[] = [];
  const headers: TableHeader[] = [];
  const fail = (): never => {
    throw new LayoutError();
  };

  const skipBlank = (newlines: boolean) => {
    for (;;) {
      const c = text[pos];
      if (c === " " || c === "\t" || (newlines && (c === "\n" || c === "\r"))) pos++;
      else if (c === "#" && newlines) {
        while (pos < text.length && text[pos] !== "\n") pos++;
      } else return;
    }
  };

  const readKey = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      skipBlank(false);
      const c = text[pos];
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, pos + 1);
        const part = end === -1 ? fail() : text.slice(pos + 1, end);
        if (c === '"' && part.includes("\\")) fail();
        parts.push(part);
        pos = end + 1;
      } else {
        const start = pos;
        while (pos < text.length && BARE_KEY.test(text[pos]!)) pos++;
        if (pos === start) fail();
        parts.push(text.slice(start, pos));
      }
      skipBlank(false);
      if (text[pos] !== ".") return parts;
      pos++;
    }
  };

  const skipString = (): string | null => {
    const quote = text[pos]!;
    if (text.startsWith(quote.repeat(3), pos)) {
      const end = text.indexOf(quote.repeat(3), pos + 3);
      if (end === -1) fail();
      pos = end + 3;
      while (text[pos] === quote) pos++;
      return null;
    }
    const start = pos + 1;
    pos++;
    let escaped = false;
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] === "\n") fail();
      if (quote === '"' && text[pos] === "\\") {
        escaped = true;
        pos++;
      }
      pos++;
    }
    if (pos >= text.length) fail();
    pos++;
    return escaped ? null : text.slice(start, pos - 1);
  };

  const readValue = (path: string[], keyStart: number, parent: InlineTable | null): void => {
    const valueStart = pos;
    const entry: TomlEntry = { path, keyStart, valueStart, valueEnd: valueStart, parent, items: null, hasComment: false };
    entries.push(entry);
    const c = text[pos];
    if (c === '"' || c === "'") skipString();
    else if (c === "[") {
      pos++;
      entry.items = [];
      for (;;) {
        const before = pos;
        skipBlank(true);
        if (text.slice(before, pos).includes("#")) entry.hasComment = true;
        if (text[pos] === "]") break;
        const start = pos;
        const item = text[pos] === '"' || text[pos] === "'" ? skipString() : (readNested(), null);
        entry.items.push({ start, end: pos, text: item });
        const after = pos;
        skipBlank(true);
        if (text.slice(after, pos).includes("#")) entry.hasComment = true;
        if (text[pos] === ",") pos++;
        else if (text[pos] !== "]") fail();
      }
      pos++;
    } else if (c === "{") {
      const table: InlineTable = { open: pos, close: -1, entries: [] };
      pos++;
      skipBlank(false);
      if (text[pos] !== "}") {
        for (;;) {
          skipBlank(false);
          const start = pos;
          const key = readKey();
          if (text[pos] !== "=") fail();
          pos++;
          skipBlank(false);
          const before = entries.length;
          readValue([...path, ...key], start, table);
          table.entries.push(entries[before]!);
          skipBlank(false);
          if (text[pos] === ",") pos++;
          else if (text[pos] === "}") break;
          else fail();
        }
      }
      table.close = pos;
      pos++;
    } else {
      // Numbers, booleans, dates: up to a separator (a local date-time may hold one space).
      const start = pos;
      while (pos < text.length && !",]}#\n".includes(text[pos]!)) pos++;
      while (pos > start && (text[pos - 1] === " " || text[pos - 1] === "\t" || text[pos - 1] === "\r")) pos--;
      if (pos === start) fail();
    }
    entry.valueEnd = pos;
  };

  // Array items that are not strings: read with a throwaway entry (its positions are not needed).
  const readNested = (): void => {
    const saved = entries.length;
    readValue([], pos, null);
    entries.length = saved;
  };

  try {
    let table: string[] = [];
    for (;;) {
      skipBlank(true);
      if (pos >= text.length) break;
      if (text[pos] === "[") {
        const start = pos;
        const arrayTable = text[pos + 1] === "[";
        pos += arrayTable ? 2 : 1;
        const key = readKey();
        if (text[pos] !== "]" || (arrayTable && text[pos + 1] !== "]")) fail();
        pos += arrayTable ? 2 : 1;
        // Entries of an array of tables never match a plain path.
        table = arrayTable ? ["\0", ...key] : key;
        if (!arrayTable) headers.push({ path: key, start, end: pos });
      } else {
        const start = pos;
        const key = readKey();
        if (text[pos] !== "=") fail();
        pos++;
        skipBlank(false);
        readValue([...table, ...key], start, null);
      }
      skipBlank(false);
      if (text[pos] === "#") skipBlank(true);
      else if (pos < text.length && text[pos] !== "\n" && text[pos] !== "\r") fail();
    }
  } catch (error) {
    if (error instanceof LayoutError) return null;
    throw error;
  }
  return { entries, headers };
}

export function samePath(path: readonly string[], expected: readonly string[]): boolean {
  return path.length === expected.length && path.every((part, i) => part === expected[i]);
}
