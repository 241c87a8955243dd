/**
 * `--add-noqa`, as in Ruff: a `# noqa: CODE` directive on the line of every finding left, so a repository can
 * adopt the linter and fix its backlog later. Only where `#` starts a comment at the end of a line (Python,
 * shell, CI YAML); never on a line inside a multi-line Python string or ending in a `\` continuation, where a
 * comment would change the code. TS/JS uses `// eslint-disable-next-line`, Markdown its disable comments.
 */
import { addNoqaCodes, redactText, SourceText, type Diagnostic } from "@hf-jobs-lint/core";
import { initPythonParser, rowsInsidePythonStrings } from "@hf-jobs-lint/python";
import { encodeSource, readSourceFile, writeFileAtomic } from "@hf-jobs-lint/engine";
import type { Io } from "../io.js";
import { runCheck, type CheckOptions } from "./check.js";

const COMMENT_KINDS = new Set(["python", "shell", "yaml-ci"]);

export async function addNoqaCommand(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const run = await runCheck(paths, { ...options, fix: false, diff: false, unsafeFixes: false }, io);
  let added = 0;
  let skipped = 0;
  const skippedKinds = new Set<string>();
  await initPythonParser();
  run.outcomes.forEach((outcome, index) => {
    const target = run.targets[index]!;
    if (outcome.diagnostics.length === 0 || !target.path) return;
    if (!COMMENT_KINDS.has(target.kind)) {
      skipped += outcome.diagnostics.length;
      skippedKinds.add(target.kind);
      return;
    }
    const read = readSourceFile(target.path);
    if (!read.ok) return;
    const source = new SourceText(read.file.text);
    const blocked = target.kind === "python" ? rowsInsidePythonStrings(read.file.text) : new Set<number>();
    const byRow = new Map<number, Diagnostic[]>();
    for (const diagnostic of outcome.diagnostics) byRow.set(diagnostic.noqaRow, [...(byRow.get(diagnostic.noqaRow) ?? []), diagnostic]);
    const edits: { start: number; end: number; content: string }[] = [];
    for (const [row, diagnostics] of byRow) {
      const line = source.lineText(row);
      if (blocked.has(row) || /\\$/.test(line)) {
        skipped += diagnostics.length;
        continue;
      }
      const next = addNoqaCodes(
        line,
        diagnostics.map((diagnostic) => diagnostic.code),
      );
      if (next === line) continue;
      const start = source.lineStart(row);
      edits.push({ start, end: start + line.length, content: next });
      added++;
    }
    if (edits.length === 0) return;
    let text = read.file.text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.content + text.slice(edit.end);
    writeFileAtomic(target.path, encodeSource(text, read.file.bom), read.file);
  });
  if (!options.silent) {
    io.stderr(`Added ${added} noqa directive${added === 1 ? "" : "s"}.\n`);
    if (skipped > 0) {
      const where = skippedKinds.size > 0 ? ` (${[...skippedKinds].sort().join(", ")} files take their own disable comments)` : "";
      io.stderr(redactText(`note: ${skipped} finding${skipped === 1 ? "" : "s"} got no directive: no \`#\` comment can go on their line${where}\n`));
    }
  }
  for (const error of run.errors) if (!options.silent) io.stderr(redactText(`${error.filename}: error: ${error.message}\n`));
  return 0;
}
