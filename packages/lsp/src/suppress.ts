/**
 * The edit that suppresses one finding, in the comment each surface reads (README "Suppress one finding"):
 * `# noqa: CODE` at the end of the line (Python, shell, CI YAML; added to a `# noqa: ...` already there, as Ruff's
 * `--add-noqa` writes it), `// eslint-disable-next-line hf-jobs/NAME` above the line (TS/JS), and
 * `<!-- hf-jobs-lint-disable-next-block -->` before the fenced block (Markdown). A Dockerfile's `RUN` line and a
 * notebook's code-cell line (in the raw JSON an editor shows as text; the server has no notebook document sync) take
 * `# noqa: CODE` as a Python or shell line does. None where a comment would change the code: a line that ends inside
 * a Python string or with a `\` continuation, a Markdown finding outside a fence, a Dockerfile line outside `RUN`
 * (Docker takes a trailing `#` as part of an `ENV` or `ARG` value), a notebook's Markdown cell or output, a dotenv
 * file (a comment after a value is part of the value for some readers, and a token there is to be removed, not
 * silenced).
 */
import { addNoqaCodes, findRule, SourceText, type Diagnostic, type Edit, type FileKind } from "@hf-jobs-lint/core";
import { findFences, NotebookError, parseNotebook } from "@hf-jobs-lint/markdown";
import { rowsInsidePythonStrings } from "@hf-jobs-lint/python";
import { dockerfileShellText } from "@hf-jobs-lint/shell";

export interface Suppression {
  title: string;
  edit: Edit;
}

/** `line` with `code` in its `# noqa` directive (core's `--add-noqa` edit). Null when a directive already covers it. */
export function lineWithNoqa(line: string, code: string): string | null {
  const next = addNoqaCodes(line, [code]);
  return next === line ? null : next;
}

function hashComment(kind: FileKind, source: SourceText, diagnostic: Diagnostic): Suppression | null {
  const row = diagnostic.noqaRow;
  const line = source.lineText(row);
  if (/\\$/.test(line)) return null;
  // Only the shell command of a `RUN` is shell (the analyzer's view of the file: everything else blanked).
  if (kind === "dockerfile" && new SourceText(dockerfileShellText(source.text)).lineText(row).trim() === "") return null;
  if (kind === "python" && rowsInsidePythonStrings(source.text).has(row)) return null;
  const next = lineWithNoqa(line, diagnostic.code);
  if (next === null) return null;
  const start = source.lineStart(row);
  return { title: `Disable ${diagnostic.code} for this line`, edit: { start, end: start + line.length, content: next } };
}

const ESLINT_NEXT_LINE = /^(\s*\/\/\s*eslint-disable-next-line\s+)(.*?)(\s*(?:--.*)?)$/;

function eslintComment(source: SourceText, diagnostic: Diagnostic): Suppression | null {
  const rule = findRule(diagnostic.code);
  if (!rule) return null;
  const ruleId = `hf-jobs/${rule.name}`;
  const row = diagnostic.location.row;
  const title = `Disable ${ruleId} for this line`;
  if (row > 1) {
    // Add to the directive already above the line.
    const above = source.lineText(row - 1);
    const match = ESLINT_NEXT_LINE.exec(above);
    if (match) {
      const names = match[2]!.split(",").map((name) => name.trim());
      if (names.includes(ruleId)) return null;
      const start = source.lineStart(row - 1);
      return { title, edit: { start, end: start + above.length, content: `${match[1]}${[...names.filter(Boolean), ruleId].join(", ")}${match[3]}` } };
    }
  }
  const line = source.lineText(row);
  const indent = /^\s*/.exec(line)![0];
  const start = source.lineStart(row);
  return { title, edit: { start, end: start, content: `${indent}// eslint-disable-next-line ${ruleId}${source.eol}` } };
}

/**
 * `# noqa: CODE` in a notebook's JSON: on the code-cell line whose JSON string is the finding's `noqaRow` (the row
 * the engine reads the directive from), edited through the cell's JSON mapping so the file stays a valid notebook.
 * None when that row holds no code-cell line, or several (a cell whose source is one string with line breaks:
 * the engine would read only the row's first directive), or the line ends inside a Python string or with `\`.
 */
function notebookComment(source: SourceText, diagnostic: Diagnostic): Suppression | null {
  let cells;
  try {
    cells = parseNotebook(source.text).cells;
  } catch (error) {
    if (error instanceof NotebookError) return null;
    throw error;
  }
  const row = diagnostic.noqaRow;
  for (const cell of cells) {
    if (cell.type !== "code" || cell.source.text === "") continue;
    const lines = new SourceText(cell.source.text);
    const onRow: number[] = [];
    for (let line = 1; line <= lines.lineCount; line++) {
      if (lines.lineStart(line) === lines.text.length && line > 1) break;
      if (source.positionAt(cell.source.toFile(lines.lineStart(line), false)).row === row) onRow.push(line);
    }
    if (onRow.length === 0) continue;
    if (onRow.length > 1) return null;
    const line = onRow[0]!;
    const text = lines.lineText(line);
    if (/\\$/.test(text) || rowsInsidePythonStrings(cell.source.text).has(line)) return null;
    const next = lineWithNoqa(text, diagnostic.code);
    if (next === null) return null;
    const start = lines.lineStart(line);
    const edits = cell.source.mapEdits([{ start, end: start + text.length, content: next }]);
    if (!edits || edits.length !== 1) return null;
    return { title: `Disable ${diagnostic.code} for this line`, edit: edits[0]! };
  }
  return null;
}

function markdownBlockComment(source: SourceText, diagnostic: Diagnostic): Suppression | null {
  const row = diagnostic.location.row;
  const fence = findFences(source).find((block) => block.openRow < row && row <= block.openRow + block.lines.length);
  if (!fence || fence.disabled) return null;
  const opening = source.lineText(fence.openRow);
  // The comment goes in the fence's container (list indentation, `> `), so it is the block's previous sibling.
  const prefix = /^[\s>]*/.exec(opening)![0];
  const start = source.lineStart(fence.openRow);
  return {
    title: "Disable hf-jobs-lint for this code block",
    edit: { start, end: start, content: `${prefix}<!-- hf-jobs-lint-disable-next-block -->${source.eol}` },
  };
}

/**
 * `edit` of `text` narrowed to what it changes: a directive added to a line is sent as an insertion, so the rest of
 * the line (a hardcoded token, say) never travels in the edit.
 */
function narrowed(text: string, edit: Edit): Edit {
  const old = text.slice(edit.start, edit.end);
  let prefix = 0;
  while (prefix < old.length && prefix < edit.content.length && old[prefix] === edit.content[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < edit.content.length - prefix && old[old.length - 1 - suffix] === edit.content[edit.content.length - 1 - suffix]) suffix++;
  return { start: edit.start + prefix, end: edit.end - suffix, content: edit.content.slice(prefix, edit.content.length - suffix) };
}

/** The suppression for `diagnostic` in a file of `kind` whose text is `source`, or null where none can be written. */
export function suppressionFor(kind: FileKind, source: SourceText, diagnostic: Diagnostic): Suppression | null {
  const suppression = writtenSuppression(kind, source, diagnostic);
  return suppression && { ...suppression, edit: narrowed(source.text, suppression.edit) };
}

function writtenSuppression(kind: FileKind, source: SourceText, diagnostic: Diagnostic): Suppression | null {
  switch (kind) {
    case "python":
    case "shell":
    case "yaml-ci":
    case "dockerfile":
      return hashComment(kind, source, diagnostic);
    case "notebook":
      return notebookComment(source, diagnostic);
    case "typescript":
      return eslintComment(source, diagnostic);
    case "markdown":
      return markdownBlockComment(source, diagnostic);
    case "dotenv":
    case "text":
      return null;
  }
}
