/**
 * Colours for the text formats on a terminal, as Ruff shows them: the location bold, the code red, `[*]` cyan,
 * the underline red, the gutter blue. `--color auto` colours only a TTY and follows the NO_COLOR and FORCE_COLOR
 * conventions (no-color.org, force-color.org): FORCE_COLOR (not `0`) turns colours on, NO_COLOR (non-empty) off.
 * The report is coloured after it is formatted and redacted, so colour codes can never split a token's redaction.
 */
import pc from "picocolors";

export type ColorChoice = "auto" | "always" | "never";

export function colorsEnabled(choice: ColorChoice, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice === "always") return true;
  if (choice === "never") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (force === "0" || force === "false") return false;
  return isTTY && env.TERM !== "dumb";
}

type Colors = ReturnType<typeof pc.createColors>;

const HEADER = /^(.+?:\d+:\d+:) (HFJ\d{3}) (\[\*\] )?(.*)$/;
const FILE_ERROR = /^(.+?): (error:) (.*)$/;
const GUTTER = /^(\s*\d*\s*\|)(.*)$/;
const HELP = /^(\s*= )(help:|Safe fix:|Unsafe fix:)(.*)$/;

function colorLine(line: string, c: Colors): string {
  let match = HEADER.exec(line);
  if (match) return `${c.bold(match[1]!)} ${c.bold(c.red(match[2]!))} ${match[3] ? c.cyan(match[3]) : ""}${match[4]}`;
  match = GUTTER.exec(line);
  if (match) {
    const rest = match[2]!;
    // The underline row holds only carets, spaces and the code after them.
    if (/^\s*\^+/.test(rest)) return `${c.blue(match[1]!)}${c.red(c.bold(rest))}`;
    return `${c.blue(match[1]!)}${rest}`;
  }
  match = HELP.exec(line);
  if (match) return `${c.blue(match[1]!)}${c.cyan(c.bold(match[2]!))}${match[3]}`;
  if (/^Found \d+ errors?/.test(line) || line === "All checks passed!") return c.bold(line);
  if (line.startsWith("[*] ")) return `${c.cyan("[*]")}${line.slice(3)}`;
  match = FILE_ERROR.exec(line);
  if (match && !line.startsWith(" ")) return `${c.bold(match[1]!)}: ${c.red(c.bold(match[2]!))} ${match[3]}`;
  return line;
}

/** The `full` or `concise` report with colour codes; other formats are machine-read and stay plain. */
export function colorizeReport(text: string, format: string): string {
  if (format !== "full" && format !== "concise") return text;
  const c = pc.createColors(true);
  return text
    .split("\n")
    .map((line) => colorLine(line, c))
    .join("\n");
}

/** A `warning:` or `note:` line for stderr, its label coloured. */
export function colorizeLabel(text: string, enabled: boolean): string {
  if (!enabled) return text;
  const c = pc.createColors(true);
  return text.replace(/^(warning|note|error):/gm, (label) =>
    label.startsWith("warning") ? c.yellow(c.bold(label)) : label.startsWith("note") ? c.cyan(c.bold(label)) : c.red(c.bold(label)),
  );
}
