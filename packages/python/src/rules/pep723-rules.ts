/**
 * HFJ201 and HFJ204 in a job script's PEP 723 header (`[tool.hf-jobs]`, read by newer `hf jobs uv run`):
 * - HFJ201: a token-like key in `env`, whose values are stored and shown with the job. Unsafe fix: list the key
 *   in `secrets` and drop the env entry, only when both edits are plain one-line edits and re-parsing the header
 *   gives exactly the expected tables. Unsafe because `secrets` holds names only: the value then comes from the
 *   launching environment (or the login, for `HF_TOKEN`), not from the header.
 * - HFJ204: a misnamed HF token secret in `secrets`, unless the script reads that name. Unsafe rename.
 * A real-looking token written in the header is HFJ101, reported like any comment by `literals.ts`.
 */
import { HF_TOKEN, RENAME_SECRET_FIX, applyEdits, isMisnamedHfTokenName, isTokenLikeKey, lineIndexAt, misnamedSecretMessage, type Edit, type Fix } from "@hf-jobs-lint/core";
import { report, type Context } from "../context.js";
import { hfJobsTable, readScriptHeader, type ScriptHeader } from "../pep723.js";
import { samePath, scanTomlLayout, type TomlEntry, type TomlLayout } from "../toml-layout.js";

const HF_JOBS = ["tool", "hf-jobs"];
const ENV = [...HF_JOBS, "env"];
const SECRETS = [...HF_JOBS, "secrets"];

/** Maps offsets of the joined header TOML back to source offsets. */
class HeaderOffsets {
  readonly toml: string;
  private readonly starts: number[] = [];

  constructor(private readonly header: ScriptHeader) {
    let at = 0;
    for (const line of header.lines) {
      this.starts.push(at);
      at += line.content.length + 1;
    }
    this.toml = header.lines.map((line) => line.content).join("\n");
  }

  lineIndex(offset: number): number {
    return lineIndexAt(this.starts, offset);
  }

  source(offset: number): number {
    const index = this.lineIndex(offset);
    return this.header.lines[index]!.contentStart + (offset - this.starts[index]!);
  }
}

/** Sorted-key JSON, to compare parsed tables whatever order the keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The header's data with `key` moved from `env` to `secrets`: what the fixed header must parse to. */
function expectedAfterMove(data: Record<string, unknown>, key: string): string {
  const copy = structuredClone(data) as { tool: { "hf-jobs": { env: Record<string, unknown>; secrets?: unknown[] } } };
  const table = copy.tool["hf-jobs"];
  delete table.env[key];
  const secrets = Array.isArray(table.secrets) ? table.secrets : [];
  if (!secrets.includes(key)) secrets.push(key);
  table.secrets = secrets;
  return canonicalHeader(copy);
}

/** An empty `env` and no `env` mean the same (removing the last dotted `env.X` key removes the table). */
function canonicalHeader(data: Record<string, unknown>): string {
  const copy = structuredClone(data) as { tool?: { "hf-jobs"?: { env?: Record<string, unknown> } } };
  const table = copy.tool?.["hf-jobs"];
  if (table?.env && Object.keys(table.env).length === 0) delete table.env;
  return canonical(copy);
}

function find(layout: TomlLayout, path: readonly string[]): TomlEntry | undefined {
  return layout.entries.find((entry) => samePath(entry.path, path));
}

/** Remove one env entry: an inline-table entry on one line, or a key/value line of its own. */
function removeEntryEdit(header: ScriptHeader, offsets: HeaderOffsets, entry: TomlEntry): Edit | null {
  const toml = offsets.toml;
  if (toml.slice(entry.keyStart, entry.valueEnd).includes("\n")) return null;
  const table = entry.parent;
  if (table) {
    if (toml.slice(table.open, table.close).includes("\n")) return null;
    const at = table.entries.indexOf(entry);
    const [from, to] =
      table.entries.length === 1 ? [table.open + 1, table.close] : at > 0 ? [table.entries[at - 1]!.valueEnd, entry.valueEnd] : [entry.keyStart, table.entries[1]!.keyStart];
    return { start: offsets.source(from), end: offsets.source(to), content: "" };
  }
  const line = header.lines[offsets.lineIndex(entry.keyStart)]!;
  const lineStartInToml = entry.keyStart - (offsets.source(entry.keyStart) - line.contentStart);
  if (toml.slice(lineStartInToml, entry.keyStart).trim() !== "") return null;
  if (toml.slice(entry.valueEnd, lineStartInToml + line.content.length).trim() !== "") return null;
  return { start: line.lineStart, end: line.next, content: "" };
}

/** Add `key` to `secrets`: append to a one-line array, or add a `secrets` line to `[tool.hf-jobs]`. */
function addSecretEdit(header: ScriptHeader, offsets: HeaderOffsets, layout: TomlLayout, key: string, envEntry: TomlEntry): Edit | null {
  const quoted = JSON.stringify(key);
  const secrets = find(layout, SECRETS);
  if (secrets) {
    const items = secrets.items;
    if (!items || secrets.hasComment || offsets.toml.slice(secrets.valueStart, secrets.valueEnd).includes("\n")) return null;
    if (items.some((item) => item.text === key)) return { start: offsets.source(secrets.valueStart), end: offsets.source(secrets.valueStart), content: "" };
    const last = items[items.length - 1];
    return last
      ? { start: offsets.source(last.end), end: offsets.source(last.end), content: `, ${quoted}` }
      : { start: offsets.source(secrets.valueStart + 1), end: offsets.source(secrets.valueStart + 1), content: quoted };
  }
  const tableHeader = layout.headers.find((h) => samePath(h.path, HF_JOBS));
  if (tableHeader) {
    const line = header.lines[offsets.lineIndex(tableHeader.start)]!;
    return { start: line.next, end: line.next, content: `# secrets = [${quoted}]${line.eol}` };
  }
  // `[tool.hf-jobs.env]` without a `[tool.hf-jobs]` table: add one just before it.
  const envHeader = layout.headers.find((h) => samePath(h.path, ENV));
  if (envHeader && !envEntry.parent) {
    const line = header.lines[offsets.lineIndex(envHeader.start)]!;
    return { start: line.lineStart, end: line.lineStart, content: `# [tool.hf-jobs]${line.eol}# secrets = [${quoted}]${line.eol}` };
  }
  return null;
}

function moveToSecretsFix(context: Context, header: ScriptHeader, offsets: HeaderOffsets, layout: TomlLayout, key: string, entry: TomlEntry): Fix | null {
  const remove = removeEntryEdit(header, offsets, entry);
  const add = remove && addSecretEdit(header, offsets, layout, key, entry);
  if (!remove || !add) return null;
  const edits = add.start === add.end && add.content === "" ? [remove] : [add, remove];
  let fixed: string;
  try {
    fixed = applyEdits(context.source.text, edits);
  } catch {
    return null; // overlapping edits: no fix rather than a wrong one
  }
  // Exact or nothing: the fixed header must parse to the same tables with only `key` moved.
  const after = readScriptHeader(fixed);
  if (!after || canonicalHeader(after.data) !== expectedAfterMove(header.data, key)) return null;
  return { applicability: "unsafe", message: `List \`${key}\` in \`[tool.hf-jobs] secrets\` instead of \`env\` (its value then comes from the launching environment)`, edits };
}

/** Where to point when the layout is unknown: the first header line naming the key, else the first line. */
function fallbackRange(header: ScriptHeader, name: string): [number, number] {
  const line = header.lines.find((l) => new RegExp(`(^|[^A-Za-z0-9_-])${name.replace(/[^A-Za-z0-9_]/g, "\\$&")}($|[^A-Za-z0-9_-])`).test(l.content));
  if (line) {
    const at = line.content.indexOf(name);
    return [line.contentStart + at, line.contentStart + at + name.length];
  }
  const first = header.lines[0];
  return first ? [first.lineStart, first.lineStart + 1 + first.content.length] : [header.closeStart, header.closeStart + 5];
}

/**
 * The header's findings. `readsVariable`: does the script read that environment name (then a misnamed secret
 * is what it expects: no HFJ204).
 */
export function checkScriptHeader(context: Context, readsVariable: (name: string) => boolean): void {
  const header = readScriptHeader(context.source.text);
  const table = hfJobsTable(header);
  if (!header || !table) return;
  const offsets = new HeaderOffsets(header);
  const layout = scanTomlLayout(offsets.toml);

  for (const key of table.env.keys()) {
    if (!isTokenLikeKey(key)) continue;
    const entry = layout ? find(layout, [...ENV, key]) : undefined;
    const [start, end] = entry ? [offsets.source(entry.keyStart), offsets.source(entry.valueEnd)] : fallbackRange(header, key);
    report(context, {
      code: "HFJ201",
      message: `\`${key}\` is set in the script header's \`[tool.hf-jobs] env\`, which \`hf jobs\` stores and shows in full; list it in \`secrets\``,
      start,
      end,
      fix: entry && layout ? moveToSecretsFix(context, header, offsets, layout, key, entry) : null,
    });
  }

  const secrets = layout ? find(layout, SECRETS) : undefined;
  for (const name of new Set(table.secrets)) {
    if (!isMisnamedHfTokenName(name) || readsVariable(name)) continue;
    const items = secrets?.items?.filter((item) => item.text === name) ?? [];
    const item = items.length === 1 ? items[0]! : null;
    const [start, end] = item ? [offsets.source(item.start), offsets.source(item.end)] : fallbackRange(header, name);
    const canRename = item && !table.secrets.includes(HF_TOKEN);
    report(context, {
      code: "HFJ204",
      message: misnamedSecretMessage(name, " in the script header"),
      start,
      end,
      fix: canRename ? { applicability: "unsafe", message: RENAME_SECRET_FIX, edits: [{ start, end, content: JSON.stringify(HF_TOKEN) }] } : null,
    });
  }
}
