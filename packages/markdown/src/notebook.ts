/**
 * Jupyter notebooks (`.ipynb`), read as Ruff reads them: the code cells joined into one Python file (IPython magics
 * and `!shell` lines blanked, so they do not break the parse), analysed by the Python analyzer, with each finding
 * placed in its cell (`cell` on the diagnostic: `nb.ipynb:cell 3:2:8`); `!hf jobs ...` lines go to the shell
 * check; Markdown cells go to the Markdown analyzer; HFJ101 covers what is left (outputs a cell printed, metadata).
 * Fixes edit the cells' JSON strings in place. This lives with the Markdown analyzer because it is the same shape:
 * a document whose regions go to other analyzers, with positions mapped back.
 */
import {
  checkNoqaLine,
  firedByRow,
  LAUNCH_COMMAND_HINT,
  lastStartingAtOrBefore,
  findTokens,
  hardcodedTokenMessage,
  makeDiagnostic,
  ParseError,
  redact,
  SourceText,
  tokenOnlyDiagnostics,
  type AnalysisInput,
  type Analyzer,
  type Diagnostic,
  type Edit,
  type Fix,
  type NoqaHygiene,
} from "@hf-jobs-lint/core";
import { blankRanges, checkShellRegion, loadAnalyzeScriptNeeds, scriptFactsLookup, tokenFindings, type LocalFinding, type Range } from "@hf-jobs-lint/shell";
import { NotebookError, parseNotebook, type NotebookCell } from "./notebook-json.js";

export interface NotebookSubAnalyzers {
  python: () => Promise<Analyzer>;
  markdown: () => Promise<Analyzer>;
}

/** A code cell's place in the joined Python text. */
interface CodeCell {
  cell: NotebookCell;
  /** Offset of the cell's first character in the joined text. */
  from: number;
  /** Offset after its last character (before the line break that separates it from the next cell). */
  to: number;
  positions: SourceText;
}

/** `%magic`, `!command`, `?help` / `help?`, `x = !command`, `x = %magic`: what IPython rewrites before Python runs it. */
const MAGIC_LINE = /^([ \t]*)(?:[!%?]|\w+(?:\s*,\s*\w+)*\s*=\s*[!%])/;
const HELP_LINE = /^[ \t]*[\w.]+\?{1,2}[ \t]*$/;
/** `!hf jobs run ...`: a shell command line that launches. */
const SHELL_COMMAND_LINE = /^[ \t]*!/;

/**
 * The Python text of a code cell: every magic line becomes an expression statement of the same length (`...`),
 * which parses at any indentation; a cell magic (`%%bash`) makes the whole cell not Python. Returns the text and
 * the ranges rewritten (a fix touching one is not mapped).
 */
function pythonOfCell(text: string): { python: string; rewritten: Range[]; shellLines: Range[] } {
  const rewritten: Range[] = [];
  const shellLines: Range[] = [];
  if (/^\s*%%/.test(text)) {
    const blank = text.replace(/[^\r\n]/g, " ");
    return { python: blank, rewritten: [[0, text.length]], shellLines: /^\s*%%(?:bash|sh|script (?:ba|z)?sh)\b/.test(text) ? [[text.indexOf("\n") + 1, text.length]] : [] };
  }
  let python = "";
  let at = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const content = line.replace(/\r?\n$/, "");
    const magic = MAGIC_LINE.exec(content);
    if (magic || HELP_LINE.test(content)) {
      const indent = magic ? magic[1]!.length : /^[ \t]*/.exec(content)![0].length;
      const body = content.length - indent;
      const replacement = body >= 3 ? `...${" ".repeat(body - 3)}` : "0".padEnd(body, " ");
      python += content.slice(0, indent) + replacement + line.slice(content.length);
      rewritten.push([at + indent, at + content.length]);
      if (SHELL_COMMAND_LINE.test(content)) shellLines.push([at + content.indexOf("!"), at + content.length]);
    } else python += line;
    at += line.length;
  }
  return { python, rewritten, shellLines };
}

/** Offsets are UTF-16 indices everywhere; a cell's own positions come from its text. */
function placeInCell(diagnostic: Diagnostic, codeCell: { cell: NotebookCell; positions: SourceText }, localStart: number, localEnd: number): Diagnostic {
  return { ...diagnostic, cell: { index: codeCell.cell.index, location: codeCell.positions.positionAt(localStart), endLocation: codeCell.positions.positionAt(localEnd) } };
}

export function createNotebookAnalyzer(sub: NotebookSubAnalyzers): Analyzer {
  let python: Analyzer | null = null;
  return {
    kinds: ["notebook"],
    countSyntaxErrors(text, filename) {
      let joined: string;
      try {
        joined = joinCodeCells(parseNotebook(text).cells).python;
      } catch {
        // A fix that breaks the JSON is the worst syntax error there is.
        return Number.MAX_SAFE_INTEGER;
      }
      return python?.countSyntaxErrors?.(joined, `${filename}.py`) ?? 0;
    },
    checkNoqa: checkNotebookNoqa,
    async analyze(input) {
      let notebook;
      try {
        notebook = parseNotebook(input.source.text);
      } catch (error) {
        if (error instanceof NotebookError) throw new ParseError(error.message, tokenOnlyDiagnostics(input.source, input.filename));
        throw error;
      }
      const diagnostics: Diagnostic[] = [];
      // A notebook of another kernel (R, Julia) has no Python cells; its text still gets the token pass.
      const isPython = notebook.language === null || notebook.language === "python";
      const joined = joinCodeCells(notebook.cells);

      if (isPython && joined.cells.length > 0 && (!input.mayFire || input.mayFire("python", joined.python))) {
        python ??= await sub.python();
        const found = await python.analyze({ ...input, source: new SourceText(joined.python), jobScript: null });
        for (const diagnostic of found) {
          const placed = mapFromJoined(diagnostic, joined, input, true);
          if (placed) diagnostics.push(placed);
        }
      }
      for (const finding of isPython ? await shellFindings(joined, input) : []) {
        const placed = mapFromJoined(localDiagnostic(finding, joined, input.filename), joined, input);
        if (placed) diagnostics.push(placed);
      }
      // Tokens in the lines Python did not read (magics, `!` lines the shell check did not report), in their cells.
      const coveredInCells = new Set(diagnostics.filter((diagnostic) => diagnostic.code === "HFJ101").map((diagnostic) => tokenStart(input.source.text, diagnostic)));
      for (const finding of tokenFindings(joined.raw, new Set())) {
        const placed = mapFromJoined(localDiagnostic(finding, joined, input.filename), joined, input);
        if (placed && !coveredInCells.has(placed.start)) diagnostics.push(placed);
      }

      for (const cell of notebook.cells) {
        if (cell.type !== "markdown" || cell.source.text === "") continue;
        if (input.mayFire && !input.mayFire("markdown", cell.source.text)) continue;
        const markdown = await sub.markdown();
        const positions = new SourceText(cell.source.text);
        let found: Diagnostic[];
        try {
          found = await markdown.analyze({ ...input, source: positions, jobScript: null });
        } catch (error) {
          if (error instanceof ParseError) continue;
          throw error;
        }
        for (const diagnostic of found) diagnostics.push(mapFromCell(diagnostic, { cell, positions }, input));
      }

      // HFJ101 on every token left: what a cell printed (its outputs), metadata, raw cells.
      const reported = new Set(diagnostics.filter((diagnostic) => diagnostic.code === "HFJ101").map((diagnostic) => tokenStart(input.source.text, diagnostic)));
      for (const match of findTokens(input.source.text)) {
        if (reported.has(match.index)) continue;
        const inOutput = notebook.cells.some((cell) => cell.outputs !== null && cell.outputs.start <= match.index && match.index < cell.outputs.end);
        diagnostics.push(
          makeDiagnostic(input.source, input.filename, {
            code: "HFJ101",
            message: inOutput
              ? hardcodedTokenMessage(redact(match.token), "in a cell's saved output", "clear the outputs before committing (`jupyter nbconvert --clear-output`)")
              : hardcodedTokenMessage(redact(match.token), "in the notebook"),
            start: match.index,
            end: match.index + match.token.length,
          }),
        );
      }
      return diagnostics;
    },
  };
}

/** The offset of the token an HFJ101 finding reports, in the file. */
function tokenStart(text: string, diagnostic: Diagnostic): number {
  const token = findTokens(text.slice(diagnostic.start, diagnostic.end))[0];
  return token ? diagnostic.start + token.index : diagnostic.start;
}

interface JoinedCells {
  /** The code cells as Python: magics rewritten. */
  python: string;
  /** The code cells as written. */
  raw: string;
  cells: CodeCell[];
  /** Ranges of `python` that differ from `raw`. */
  rewritten: Range[];
  /** `!command` lines of `raw`, from their `!` (blanked for the shell) to the line's end. */
  shellLines: Range[];
  /** Rows and line starts of `raw` (and `python`: same lines). */
  positions: SourceText;
}

/** The code cells joined as Ruff joins them: each ends with a line break, the next starts on its own line. */
function joinCodeCells(cells: readonly NotebookCell[]): JoinedCells {
  const joined: JoinedCells = { python: "", raw: "", cells: [], rewritten: [], shellLines: [], positions: new SourceText("") };
  const python: string[] = [];
  const raw: string[] = [];
  let at = 0;
  for (const cell of cells) {
    if (cell.type !== "code") continue;
    const text = cell.source.text;
    const rewritten = pythonOfCell(text);
    const separator = text === "" || text.endsWith("\n") ? "" : "\n";
    joined.cells.push({ cell, from: at, to: at + text.length, positions: new SourceText(text) });
    for (const [start, end] of rewritten.rewritten) joined.rewritten.push([at + start, at + end]);
    for (const [start, end] of rewritten.shellLines) joined.shellLines.push([at + start, at + end]);
    python.push(rewritten.python + separator);
    raw.push(text + separator);
    at += text.length + separator.length;
  }
  joined.python = python.join("");
  joined.raw = raw.join("");
  joined.positions = new SourceText(joined.raw);
  return joined;
}

/** The code cell holding offset `offset` of the joined text (a separator belongs to the cell it ends). */
function codeCellAt(joined: JoinedCells, offset: number): CodeCell | undefined {
  return joined.cells[lastStartingAtOrBefore(joined.cells, offset, (cell) => cell.from)];
}

/** A finding of the joined text in the file: positions in its cell, offsets in the JSON, the fix as JSON edits. */
function mapFromJoined(diagnostic: Diagnostic, joined: JoinedCells, input: AnalysisInput, fromPython = false): Diagnostic | null {
  const codeCell = codeCellAt(joined, diagnostic.start);
  if (!codeCell) return null;
  const localStart = Math.min(diagnostic.start, codeCell.to) - codeCell.from;
  const localEnd = Math.min(Math.max(diagnostic.end, diagnostic.start), codeCell.to) - codeCell.from;
  const source = codeCell.cell.source;
  const start = source.toFile(localStart, false);
  const end = Math.max(start, source.toFile(localEnd, true));
  let fix: Fix | null = null;
  if (diagnostic.fix) {
    const local: Edit[] = [];
    for (const edit of diagnostic.fix.edits) {
      const inCell = codeCellAt(joined, edit.start);
      // Python read a magic line as `...`: its edits there would replace text it never saw.
      const touchesRewritten = fromPython && joined.rewritten.some(([from, to]) => edit.start < to && edit.end > from);
      // An edit in another cell than the finding's, across cells, or on a magic line is not mapped.
      if (inCell !== codeCell || edit.end > codeCell.to || touchesRewritten) {
        local.length = 0;
        break;
      }
      local.push({ start: edit.start - codeCell.from, end: edit.end - codeCell.from, content: edit.content });
    }
    const edits = local.length > 0 ? source.mapEdits(local) : null;
    fix = edits ? { ...diagnostic.fix, edits } : null;
  }
  // The `# noqa` row: the finding's own row of the joined text, in the file (each source line is a JSON line).
  const noqaStart = joined.positions.lineStart(Math.min(diagnostic.noqaRow, joined.positions.lineCount));
  const noqaCell = codeCellAt(joined, noqaStart) ?? codeCell;
  const noqaRow = input.source.positionAt(noqaCell.cell.source.toFile(Math.max(0, Math.min(noqaStart, noqaCell.to) - noqaCell.from), false)).row;
  const placed = makeDiagnostic(input.source, input.filename, {
    code: diagnostic.code,
    message: diagnostic.message,
    start,
    end,
    fix,
    noqaRow,
    ...(diagnostic.related ? { related: diagnostic.related } : {}),
  });
  return placeInCell(placed, codeCell, localStart, localEnd);
}

function mapFromCell(diagnostic: Diagnostic, cell: { cell: NotebookCell; positions: SourceText }, input: AnalysisInput): Diagnostic {
  const source = cell.cell.source;
  const start = source.toFile(diagnostic.start, false);
  const end = Math.max(start, source.toFile(diagnostic.end, true));
  const edits = diagnostic.fix ? source.mapEdits(diagnostic.fix.edits) : null;
  const noqaRow = input.source.positionAt(source.toFile(cell.positions.lineStart(diagnostic.noqaRow), false)).row;
  const placed = makeDiagnostic(input.source, input.filename, {
    code: diagnostic.code,
    message: diagnostic.message,
    start,
    end,
    fix: diagnostic.fix && edits ? { ...diagnostic.fix, edits } : null,
    noqaRow,
    ...(diagnostic.related ? { related: diagnostic.related } : {}),
  });
  return placeInCell(placed, cell, diagnostic.start, diagnostic.end);
}

/** A shell or token finding of the joined text as a diagnostic of that text (mapped next). */
function localDiagnostic(finding: LocalFinding, joined: JoinedCells, filename: string): Diagnostic {
  const noqaRow = joined.positions.positionAt(finding.noqaOffset ?? finding.start).row;
  return makeDiagnostic(joined.positions, filename, { code: finding.code, message: finding.message, start: finding.start, end: finding.end, fix: finding.fix, noqaRow });
}

/** `!hf jobs ...` lines checked as shell command lines, everything else blanked. */
async function shellFindings(joined: JoinedCells, input: AnalysisInput): Promise<LocalFinding[]> {
  if (joined.shellLines.length === 0) return [];
  const keep = joined.shellLines;
  const blanks: Range[] = [];
  let at = 0;
  for (const [start, end] of keep) {
    blanks.push([at, start + (joined.raw[start] === "!" ? 1 : 0)]);
    at = end;
  }
  blanks.push([at, joined.raw.length]);
  const shellText = blankRanges(joined.raw, blanks);
  if (!LAUNCH_COMMAND_HINT.test(shellText)) return [];
  const analyze = await loadAnalyzeScriptNeeds();
  return checkShellRegion(
    { text: joined.raw, shellText, makefile: false, scriptFacts: scriptFactsLookup(input, analyze), hubVersion: input.hubVersion ?? null },
    0,
    joined.raw.length,
  );
}

/**
 * The `# noqa` directives of the code cells against `found` (HFJ901 and unknown codes, as for a Python file): each
 * cell line is read as written (JSON escapes decoded), a finding's `noqaRow` is the file row of its line's JSON
 * string, and the fix edits that string in place. Markdown cells and outputs are not read: prose and printed text
 * quote directives. A cell whose source is one string (not nbformat's list of lines) is one file row: a directive
 * there counts as used when anything on that row fired, as it is what suppresses the row's findings.
 */
export function checkNotebookNoqa(source: SourceText, filename: string, found: readonly Diagnostic[]): NoqaHygiene {
  const hygiene: NoqaHygiene = { unused: [], unknown: [] };
  if (!/noqa/i.test(source.text)) return hygiene;
  let cells: NotebookCell[];
  try {
    cells = parseNotebook(source.text).cells;
  } catch (error) {
    if (error instanceof NotebookError) return hygiene;
    throw error;
  }
  const fired = firedByRow(found);
  for (const cell of cells) {
    if (cell.type !== "code" || !/noqa/i.test(cell.source.text)) continue;
    const positions = new SourceText(cell.source.text);
    for (let line = 1; line <= positions.lineCount; line++) {
      const lineStart = positions.lineStart(line);
      const text = positions.lineText(line);
      const row = source.positionAt(cell.source.toFile(lineStart, false)).row;
      const checked = checkNoqaLine(text, fired.get(row) ?? new Set<string>());
      if (!checked) continue;
      for (const part of checked.unknown) hygiene.unknown.push(`cell ${cell.index}, line ${line}: \`# noqa\` names an unknown rule \`${part}\``);
      const unused = checked.unused;
      if (!unused) continue;
      const localStart = lineStart + unused.start;
      const localEnd = lineStart + unused.end;
      const edits = cell.source.mapEdits([{ start: lineStart + unused.removeFrom, end: localEnd, content: unused.content }]);
      const start = cell.source.toFile(localStart, false);
      const placed = makeDiagnostic(source, filename, {
        code: "HFJ901",
        message: unused.message,
        start,
        end: Math.max(start, cell.source.toFile(localEnd, true)),
        fix: edits ? { applicability: "unsafe", message: unused.fixMessage, edits } : null,
        noqaRow: row,
      });
      hygiene.unused.push(placeInCell(placed, { cell, positions }, localStart, localEnd));
    }
  }
  return hygiene;
}
