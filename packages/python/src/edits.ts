/** Python-aware edit builders: imports, arguments, dict entries. Every inserted line uses the file's EOL. */
import type { Edit } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "./parser.js";
import type { Context } from "./context.js";
import { literalString, namedChildren, readString } from "./syntax.js";

/** Offset of the start of the line holding `offset`. */
function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset just after the line ending of the line holding `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The whitespace that indents the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function isDocstring(statement: SyntaxNode): boolean {
  return statement.type === "expression_statement" && statement.namedChildCount === 1 && ["string", "concatenated_string"].includes(statement.namedChild(0)!.type);
}

function isImport(statement: SyntaxNode): boolean {
  return statement.type === "import_statement" || statement.type === "import_from_statement" || statement.type === "future_import_statement";
}

/**
 * Where new top-level lines go: after the leading imports, else after the module docstring, `from __future__`
 * imports, a PEP 723 header and a shebang/encoding line. Returns a line-start offset.
 */
function topInsertionPoint(context: Context): number {
  const text = context.source.text;
  let after = context.source.hasBom ? 1 : 0;
  let seenCode = false;
  let index = 0;
  for (const child of context.root.children) {
    if (!child) continue;
    if (child.type === "comment") {
      const line = child.text;
      // Leading comment block (shebang, encoding, PEP 723 header) before any code.
      if (!seenCode && (line.startsWith("#!") || /coding[:=]/.test(line) || insidePep723(context, child))) after = Math.max(after, child.endIndex);
      continue;
    }
    if (child.type === "ERROR") break;
    if ((index === 0 && isDocstring(child)) || isImport(child)) {
      after = Math.max(after, child.endIndex);
      seenCode = true;
      index++;
      continue;
    }
    break;
  }
  if (after === 0 || (context.source.hasBom && after === 1)) return after;
  return nextLineStart(text, after);
}

/** Is this comment part of the `# /// script` ... `# ///` block at the top of the file? */
function insidePep723(context: Context, comment: SyntaxNode): boolean {
  const text = context.source.text;
  const open = text.search(/^# \/\/\/ script[ \t]*\r?$/m);
  if (open < 0 || comment.startIndex < open) return false;
  const closeMatch = /^# \/\/\/[ \t]*\r?$/m.exec(text.slice(open + 1));
  const close = closeMatch ? open + 1 + closeMatch.index : -1;
  return close >= 0 && comment.startIndex <= close;
}

/** Text to insert a whole line at a line start (adds a line break first when the file does not end in one). */
function lineInsertion(context: Context, at: number, line: string): Edit {
  const text = context.source.text;
  const eol = context.source.eol;
  const needsBreakBefore = at === text.length && text.length > 0 && !text.endsWith("\n");
  return { start: at, end: at, content: `${needsBreakBefore ? eol : ""}${line}${eol}` };
}

/** Is `module`/`name` imported at the top level already? */
export function hasImport(context: Context, module: string, name?: string): boolean {
  if (!name) {
    const binding = context.model.imports.get(module);
    return binding !== undefined && binding.module === module && binding.member === null;
  }
  const binding = context.model.imports.get(name);
  return binding !== undefined && binding.module === module && binding.member === name;
}

/** An edit importing `name` from `module` (or `import module`), or null when it is already there. */
export function importEdit(context: Context, module: string, name?: string): Edit | null {
  if (hasImport(context, module, name)) return null;
  if (name) {
    for (const child of context.root.namedChildren) {
      if (child?.type !== "import_from_statement" || child.childForFieldName("module_name")?.text !== module) continue;
      const names = child.childrenForFieldName("name").filter((n): n is SyntaxNode => n !== null);
      const last = names[names.length - 1];
      if (last) return { start: last.endIndex, end: last.endIndex, content: `, ${name}` };
    }
    return lineInsertion(context, topInsertionPoint(context), `from ${module} import ${name}`);
  }
  return lineInsertion(context, topInsertionPoint(context), `import ${module}`);
}

/** Lines inserted at the top insertion point (after the imports). */
export function topLinesEdit(context: Context, lines: string[]): Edit {
  return lineInsertion(context, topInsertionPoint(context), lines.join(context.source.eol));
}

/** The comma-separated items of a container (argument list, dict, list) with the source between them. */
export function items(container: SyntaxNode): SyntaxNode[] {
  return namedChildren(container);
}

/**
 * Remove one item of a comma-separated container. A multi-line container loses the item's whole line(s) when
 * the item stands alone on them; otherwise the item and one adjacent comma go.
 */
export function removeItemEdit(context: Context, container: SyntaxNode, item: SyntaxNode): Edit {
  const text = context.source.text;
  const all = items(container);
  const index = all.findIndex((other) => other.id === item.id);
  const next = all[index + 1];
  const previous = all[index - 1];
  const lineStart = lineStartOf(text, item.startIndex);
  const before = text.slice(lineStart, item.startIndex);
  // The text after the item up to its line end: an optional comma and an optional comment.
  const lineEnd = text.indexOf("\n", item.endIndex);
  const rest = text.slice(item.endIndex, lineEnd < 0 ? text.length : lineEnd);
  const ownLine = /^[ \t]*$/.test(before) && /^[ \t]*,?[ \t]*(?:#.*)?\r?$/.test(rest) && lineEnd >= 0;
  if (ownLine && (next || previous) && (!next || next.startIndex > lineEnd) && (!previous || previous.endIndex < lineStart)) {
    const hasComma = /^[ \t]*,/.test(rest);
    const comment = rest.indexOf("#");
    if (comment >= 0 && (hasComma || next)) {
      // Keep the line's comment where it was: remove only the item and its comma.
      return { start: item.startIndex, end: item.endIndex + comment, content: "" };
    }
    if (hasComma || next) return { start: lineStart, end: lineEnd + 1, content: "" };
    // Last item without a trailing comma: also drop the comma after the previous item.
    const commaAfterPrevious = previous ? text.indexOf(",", previous.endIndex) : -1;
    if (previous && commaAfterPrevious >= 0 && commaAfterPrevious < lineStart) {
      return { start: commaAfterPrevious, end: lineEnd, content: "" };
    }
    return { start: lineStart, end: lineEnd + 1, content: "" };
  }
  if (next) return { start: item.startIndex, end: next.startIndex, content: "" };
  if (previous) {
    // Keep a trailing comma if there was one after the removed item.
    return { start: previous.endIndex, end: item.endIndex, content: "" };
  }
  // The only item: remove it and a trailing comma.
  const trailing = /^[ \t]*,/.exec(rest);
  return { start: item.startIndex, end: item.endIndex + (trailing ? trailing[0].length : 0), content: "" };
}

/**
 * Append an item to a comma-separated container (after its last item, or inside empty brackets). `item` is the
 * item's source text. Multi-line containers get a new line with the last item's indentation.
 */
export function appendItemEdits(context: Context, container: SyntaxNode, item: string): Edit[] {
  const text = context.source.text;
  const eol = context.source.eol;
  const all = items(container);
  const last = all[all.length - 1];
  if (!last) {
    const open = container.startIndex + 1;
    return [{ start: open, end: open, content: item }];
  }
  const closing = container.endIndex - 1;
  const multiLine = text.slice(last.endIndex, closing).includes("\n") || (all.length > 1 && text.slice(all[0]!.startIndex, last.startIndex).includes("\n"));
  const afterLast = text.slice(last.endIndex, closing);
  const comma = /^[ \t]*,/.exec(afterLast);
  if (multiLine && text.slice(lineStartOf(text, last.startIndex), last.startIndex).trim() === "") {
    const indent = indentationAt(text, last.startIndex);
    const lineEnd = text.indexOf("\n", last.endIndex);
    const insertAt = lineEnd >= 0 && lineEnd < closing ? (text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd) : closing;
    const edits: Edit[] = [];
    if (!comma) edits.push({ start: last.endIndex, end: last.endIndex, content: "," });
    // The closing bracket shares the last item's line: the new item goes on its own line before it.
    if (insertAt === closing) edits.push({ start: insertAt, end: insertAt, content: `${eol}${indent}${item}` });
    else edits.push({ start: insertAt, end: insertAt, content: `${eol}${indent}${item}${comma ? "," : ","}` });
    return mergeAdjacent(edits);
  }
  if (comma) {
    const at = last.endIndex + comma[0].length;
    return [{ start: at, end: at, content: ` ${item}` }];
  }
  return [{ start: last.endIndex, end: last.endIndex, content: `, ${item}` }];
}

function mergeAdjacent(edits: Edit[]): Edit[] {
  if (edits.length === 2 && edits[0]!.end === edits[1]!.start && edits[0]!.start === edits[0]!.end && edits[1]!.start === edits[1]!.end) {
    return [{ start: edits[0]!.start, end: edits[0]!.end, content: edits[0]!.content + edits[1]!.content }];
  }
  return edits;
}

/** Replace the text of a string literal's content, keeping its prefix and quotes. */
export function replaceStringContent(node: SyntaxNode, value: string): Edit | null {
  const read = readString(node);
  if (!read || read.hasEscapes || !read.literal) return null;
  return { start: read.contentStart, end: read.contentEnd, content: value };
}

/** The key as written in a dict or keyword (`"HF_TOKEN"`, `HF_TOKEN=`): edit that renames it. */
export function renameKeyEdit(keyNode: SyntaxNode, newName: string): Edit | null {
  if (keyNode.type === "identifier") return { start: keyNode.startIndex, end: keyNode.endIndex, content: newName };
  if (literalString(keyNode) === null) return null;
  return replaceStringContent(keyNode, newName);
}
