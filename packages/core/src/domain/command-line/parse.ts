/**
 * Reads an argv with a `CommandModel`: the one parser behind every command-line rule, so that what is an
 * option, what is the target, and what the job receives are decided the way the program itself decides them.
 * Three styles, each following its implementation:
 *
 * - `click` (Click 8's OptionParser): `--x=v`; a long name is matched exactly; a single-dash element is read as
 *   a group of short options where a value-taking one takes the rest of the element (`-dsHF_TOKEN`) or the next
 *   element, whatever it is (`--expose -s` reads `-s` as the port); `--` ends the options and is dropped.
 *   With `ignore_unknown_options` an unknown option is a positional (its unknown short letters regrouped);
 *   without it, an error. Interspersed: options are read after positionals too.
 * - `argparse`: options up to the target, with unique prefixes of long options (`--flav`) and ambiguous ones an
 *   error (`--secret` when `--secrets` and `--secrets-file` exist); a value must not look like an option;
 *   `-s=X` is `-s X`; after the target everything is the job's (`nargs="..."`).
 * - `node` (`util.parseArgs` with `strict: false`, as hfjs calls it): greedy values, short groups, `--x=v`,
 *   `--` ends the options; hfjs rejects every unknown option.
 */
import type { CommandModel, OptionSpec } from "./programs.js";

export interface ParsedOption {
  spec: OptionSpec;
  /** Canonical long name: `--secrets`. */
  name: string;
  /** As written: `-s`, `--secrets`, `--flav` (an argparse abbreviation), `--no-suspend`. */
  written: string;
  /** The value, or null for a flag (or a value-taking option left without one). */
  value: string | null;
  /** `--no-x`. */
  negated: boolean;
  /** First argv element of the option, and how many elements it spans (2 for `--x v`). */
  index: number;
  span: number;
  /** The element holding the value, or null. */
  valueIndex: number | null;
  /** Text before the value inside that element (`--secrets=`, `-s`, `-ds`); empty when the value is its own element. */
  valuePrefix: string;
  /** One of several options or letters in one element (`-dsHF_TOKEN`): it cannot be rewritten alone. */
  grouped: boolean;
  /** Written after the target (the script, image or sandbox id). */
  afterTarget: boolean;
  /** Read by `native` (`hf jobsx run` hands the script's arguments to `hf jobs uv run`). */
  viaNative: boolean;
}

export type ParseIssueKind =
  "unknown-option" | "ambiguous-option" | "missing-value" | "invalid-value" | "unexpected-value" | "assignment-required" | "missing-target" | "extra-argument";

export interface ParseIssue {
  kind: ParseIssueKind;
  index: number;
  /** The option as written (`--secret`, `-c`), when the issue is about one. */
  option?: string;
  /** The canonical name of a known option the issue is about. */
  name?: string;
  /** The offending value, for `invalid-value` / `assignment-required`. */
  value?: string;
  afterTarget: boolean;
  viaNative: boolean;
}

export interface Positional {
  value: string;
  index: number;
}

export interface UnknownPositional extends Positional {
  /** It took a fixed positional's place (Click `ignore_unknown_options`): `--secret` became the script. */
  beforeTarget: boolean;
}

export interface ParsedCommandLine {
  model: CommandModel;
  /** Index of the first element after the command words. */
  start: number;
  options: ParsedOption[];
  schedule: Positional | null;
  target: Positional | null;
  /** Unknown options read as positionals (Click `ignore_unknown_options`). */
  unknownAsPositional: UnknownPositional[];
  /** What the job receives as its command or the script's arguments, in order. */
  jobArgs: Positional[];
  /** The `--` that ended option parsing. */
  separator: number | null;
  issues: ParseIssue[];
}

export interface ParseInput {
  argv: readonly string[];
  /** False for an element whose runtime value is unknown (`$PORT`): its value is not type-checked. */
  literal?: readonly boolean[];
}

interface State {
  model: CommandModel;
  input: ParseInput;
  options: ParsedOption[];
  issues: ParseIssue[];
  /** Positionals in the order the parser binds them, with a mark for unknown options taken as positionals. */
  positionals: (Positional & { unknown: boolean })[];
  separator: number | null;
  viaNative: boolean;
}

const isLiteral = (input: ParseInput, index: number): boolean => input.literal?.[index] ?? true;

function shortSpec(model: CommandModel, letter: string): OptionSpec | undefined {
  return model.options.find((option) => option.names.includes(`-${letter}`));
}

function longSpec(model: CommandModel, name: string): { spec: OptionSpec; negated: boolean } | null {
  for (const option of model.options) {
    if (option.names.some((n) => n === name && n.length > 2)) return { spec: option, negated: false };
    if (option.negation === name) return { spec: option, negated: true };
  }
  return null;
}

function checkValue(state: State, option: ParsedOption): void {
  if (option.value === null || option.valueIndex === null || !isLiteral(state.input, option.valueIndex)) return;
  const { spec: optionSpec, value } = option;
  const bad =
    (optionSpec.value === "integer" && !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) ||
    (optionSpec.value === "float" && !/^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i.test(value));
  if (bad) state.issues.push({ kind: "invalid-value", index: option.index, option: option.written, name: option.name, value, afterTarget: false, viaNative: state.viaNative });
  if (state.model.assignmentRequired.has(option.name) && !value.includes("=")) {
    state.issues.push({ kind: "assignment-required", index: option.index, option: option.written, name: option.name, value, afterTarget: false, viaNative: state.viaNative });
  }
}

function addOption(state: State, option: Omit<ParsedOption, "afterTarget" | "viaNative" | "name">): void {
  const parsed: ParsedOption = { ...option, name: option.spec.canonical, afterTarget: false, viaNative: state.viaNative };
  state.options.push(parsed);
  checkValue(state, parsed);
}

function issue(state: State, kind: ParseIssueKind, index: number, extra: Partial<ParseIssue> = {}): void {
  state.issues.push({ kind, index, afterTarget: false, viaNative: state.viaNative, ...extra });
}

/** A value-taking option whose value is the next element (`--x v`, `-x v`). */
function takeNextValue(state: State, optionSpec: OptionSpec, written: string, index: number, grouped: boolean, valuePrefix = ""): number {
  const { argv } = state.input;
  const next = argv[index + 1];
  const argparseRefuses = state.model.style === "argparse" && next !== undefined && looksLikeArgparseOption(next);
  if (next === undefined || argparseRefuses) {
    issue(state, "missing-value", index, { option: written, name: optionSpec.canonical });
    addOption(state, { spec: optionSpec, written, value: null, negated: false, index, span: 1, valueIndex: null, valuePrefix, grouped });
    return index + 1;
  }
  addOption(state, { spec: optionSpec, written, value: next, negated: false, index, span: 2, valueIndex: index + 1, valuePrefix: "", grouped });
  return index + 2;
}

/** argparse reads `-x`/`--x` as an option unless it is a negative number or holds a space. */
function looksLikeArgparseOption(element: string): boolean {
  return element.startsWith("-") && element.length > 1 && !/^-\d+$|^-\d*\.\d+$/.test(element) && !element.includes(" ");
}

/** Click: a single-dash element as a group of short options. Returns the index after what it consumed. */
function clickShortGroup(state: State, index: number): number {
  const { argv } = state.input;
  const element = argv[index]!;
  const unknown: string[] = [];
  const grouped = element.length > 2;
  for (let j = 1; j < element.length; j++) {
    const letter = element[j]!;
    const optionSpec = shortSpec(state.model, letter);
    if (!optionSpec) {
      if (state.model.unknownOptions === "positional") {
        unknown.push(letter);
        continue;
      }
      issue(state, "unknown-option", index, { option: element.length > 2 ? element : `-${letter}` });
      return index + 1;
    }
    if (optionSpec.value !== null) {
      if (j + 1 < element.length) {
        const prefix = element.slice(0, j + 1);
        const onlyThis = j === 1;
        addOption(state, {
          spec: optionSpec,
          written: `-${letter}`,
          value: element.slice(j + 1),
          negated: false,
          index,
          span: 1,
          valueIndex: index,
          valuePrefix: prefix,
          grouped: !onlyThis,
        });
        if (unknown.length > 0) state.positionals.push({ value: `-${unknown.join("")}`, index, unknown: true });
        return index + 1;
      }
      const after = takeNextValue(state, optionSpec, `-${letter}`, index, grouped || unknown.length > 0);
      if (unknown.length > 0) state.positionals.push({ value: `-${unknown.join("")}`, index, unknown: true });
      return after;
    }
    addOption(state, { spec: optionSpec, written: `-${letter}`, value: null, negated: false, index, span: 1, valueIndex: null, valuePrefix: "", grouped });
  }
  if (unknown.length > 0) state.positionals.push({ value: `-${unknown.join("")}`, index, unknown: true });
  return index + 1;
}

/** A known long option at `index`, `--name`, `--name=value` or `--name value`, as both parsers read it (`negated`: `--no-name`). */
function readLongOption(state: State, optionSpec: OptionSpec, negated: boolean, element: string, index: number): number {
  const eq = element.indexOf("=");
  const name = eq > 0 ? element.slice(0, eq) : element;
  if (optionSpec.value === null) {
    if (eq > 0) issue(state, "unexpected-value", index, { option: name, name: optionSpec.canonical });
    addOption(state, { spec: optionSpec, written: name, value: null, negated, index, span: 1, valueIndex: null, valuePrefix: "", grouped: false });
    return index + 1;
  }
  if (eq > 0) {
    const value = element.slice(eq + 1);
    addOption(state, { spec: optionSpec, written: name, value, negated: false, index, span: 1, valueIndex: index, valuePrefix: element.slice(0, eq + 1), grouped: false });
    return index + 1;
  }
  return takeNextValue(state, optionSpec, name, index, false);
}

function clickOption(state: State, index: number): number {
  const element = state.input.argv[index]!;
  const eq = element.indexOf("=");
  const name = eq > 0 ? element.slice(0, eq) : element;
  const match = longSpec(state.model, name);
  if (match) {
    return readLongOption(state, match.spec, match.negated, element, index);
  }
  if (element[1] !== "-") return clickShortGroup(state, index);
  if (state.model.unknownOptions === "positional") state.positionals.push({ value: element, index, unknown: true });
  else issue(state, "unknown-option", index, { option: name });
  return index + 1;
}

function nodeOption(state: State, index: number): number {
  const element = state.input.argv[index]!;
  if (element.startsWith("--")) {
    const eq = element.indexOf("=");
    const name = eq > 0 ? element.slice(0, eq) : element;
    const match = longSpec(state.model, name);
    if (!match) {
      issue(state, "unknown-option", index, { option: name });
      return index + 1;
    }
    if (match.spec.value === null) {
      // parseArgs hands a boolean its inline value; hfjs reads the flag as set.
      addOption(state, { spec: match.spec, written: name, value: null, negated: false, index, span: 1, valueIndex: null, valuePrefix: "", grouped: false });
      return index + 1;
    }
    if (eq > 0) {
      addOption(state, {
        spec: match.spec,
        written: name,
        value: element.slice(eq + 1),
        negated: false,
        index,
        span: 1,
        valueIndex: index,
        valuePrefix: element.slice(0, eq + 1),
        grouped: false,
      });
      return index + 1;
    }
    return takeNextValue(state, match.spec, name, index, false);
  }
  // A lone short option, a short option with its value (`-eK=V`), or a group (`-de`): parseArgs' three cases.
  const first = shortSpec(state.model, element[1]!);
  if (element.length === 2 || (first && first.value !== null)) {
    if (!first) {
      issue(state, "unknown-option", index, { option: element });
      return index + 1;
    }
    if (first.value === null) {
      addOption(state, { spec: first, written: element, value: null, negated: false, index, span: 1, valueIndex: null, valuePrefix: "", grouped: false });
      return index + 1;
    }
    if (element.length > 2) {
      addOption(state, {
        spec: first,
        written: element.slice(0, 2),
        value: element.slice(2),
        negated: false,
        index,
        span: 1,
        valueIndex: index,
        valuePrefix: element.slice(0, 2),
        grouped: false,
      });
      return index + 1;
    }
    return takeNextValue(state, first, element, index, false);
  }
  for (let j = 1; j < element.length; j++) {
    const letter = element[j]!;
    const optionSpec = shortSpec(state.model, letter);
    if (!optionSpec) {
      issue(state, "unknown-option", index, { option: `-${letter}` });
      continue;
    }
    if (optionSpec.value !== null) {
      if (j + 1 < element.length) {
        addOption(state, {
          spec: optionSpec,
          written: `-${letter}`,
          value: element.slice(j + 1),
          negated: false,
          index,
          span: 1,
          valueIndex: index,
          valuePrefix: element.slice(0, j + 1),
          grouped: true,
        });
        return index + 1;
      }
      return takeNextValue(state, optionSpec, `-${letter}`, index, true);
    }
    addOption(state, { spec: optionSpec, written: `-${letter}`, value: null, negated: false, index, span: 1, valueIndex: null, valuePrefix: "", grouped: true });
  }
  return index + 1;
}

function argparseLong(state: State, name: string): { spec: OptionSpec; ambiguous: string[] } | null {
  const exact = longSpec(state.model, name);
  if (exact) return { spec: exact.spec, ambiguous: [] };
  if (!state.model.abbreviations || !name.startsWith("--")) return null;
  const matches = state.model.options.filter((option) => option.names.some((n) => n.startsWith("--") && n.startsWith(name)));
  if (matches.length === 0) return null;
  return { spec: matches[0]!, ambiguous: matches.length > 1 ? matches.map((m) => m.canonical) : [] };
}

function argparseOption(state: State, index: number): number {
  const element = state.input.argv[index]!;
  const eq = element.indexOf("=");
  const name = eq > 0 ? element.slice(0, eq) : element;
  const long = name.startsWith("--") || name.length === 2 ? argparseLong(state, name) : null;
  const exactShort = name.length === 2 ? shortSpec(state.model, name[1]!) : undefined;
  const match = exactShort ? { spec: exactShort, ambiguous: [] } : long;
  if (match && match.ambiguous.length > 0) {
    issue(state, "ambiguous-option", index, { option: name, value: match.ambiguous.join(", ") });
    return index + 1;
  }
  if (match) {
    return readLongOption(state, match.spec, false, element, index);
  }
  if (element.startsWith("--")) {
    issue(state, "unknown-option", index, { option: name });
    return index + 1;
  }
  // A group of short options: flags, then at most one value-taking option with the rest as its value.
  for (let j = 1; j < element.length; j++) {
    const letter = element[j]!;
    const optionSpec = shortSpec(state.model, letter);
    if (!optionSpec) {
      issue(state, "unknown-option", index, { option: element });
      return index + 1;
    }
    if (optionSpec.value !== null) {
      const rest = element.slice(j + 1).replace(/^=/, "");
      if (rest !== "") {
        addOption(state, {
          spec: optionSpec,
          written: `-${letter}`,
          value: rest,
          negated: false,
          index,
          span: 1,
          valueIndex: index,
          valuePrefix: element.slice(0, element.length - rest.length),
          grouped: j > 1,
        });
        return index + 1;
      }
      return takeNextValue(state, optionSpec, `-${letter}`, index, j > 1);
    }
    addOption(state, { spec: optionSpec, written: `-${letter}`, value: null, negated: false, index, span: 1, valueIndex: null, valuePrefix: "", grouped: true });
  }
  return index + 1;
}

/** Read `argv` from `start` (the first element after the command words) with `model`. */
export function parseWithModel(model: CommandModel, input: ParseInput, start: number, viaNative = false): ParsedCommandLine {
  const state: State = { model, input, options: [], issues: [], positionals: [], separator: null, viaNative };
  const { argv } = input;
  const fixed = model.positionals.length;
  let i = start;
  let restFrom: number | null = null;
  while (i < argv.length) {
    const element = argv[i]!;
    if (element === "--") {
      state.separator = i;
      restFrom = i + 1;
      break;
    }
    const boundSoFar = state.positionals.filter((p) => !p.unknown || model.unknownOptions === "positional").length;
    const optionLike = model.style === "argparse" ? looksLikeArgparseOption(element) : element.startsWith("-") && element.length > 1;
    if (optionLike) {
      i = model.style === "click" ? clickOption(state, i) : model.style === "node" ? nodeOption(state, i) : argparseOption(state, i);
      continue;
    }
    state.positionals.push({ value: element, index: i, unknown: false });
    i++;
    const bound = boundSoFar + 1;
    // Past the target, argparse's `nargs="..."` hands the rest over as it is; a parser without interspersed
    // arguments (Click's `allow_interspersed_args=False`) does so after the first positional.
    if (model.remainderAfterTarget ? bound >= fixed : !model.interspersed) {
      restFrom = i;
      break;
    }
  }
  const rest: Positional[] = [];
  if (restFrom !== null) {
    let from = restFrom;
    // argparse drops a `--` right after the script (huggingface_hub 0.36: `train.py -- --x` gives the script `--x`).
    if (model.style === "argparse" && state.separator === null && argv[from] === "--") from++;
    for (let k = from; k < argv.length; k++) rest.push({ value: argv[k]!, index: k });
  }

  const all: (Positional & { unknown: boolean })[] = [...state.positionals, ...rest.map((p) => ({ ...p, unknown: false }))];
  let schedule: Positional | null = null;
  let target: Positional | null = null;
  const unknownAsPositional: UnknownPositional[] = [];
  all.forEach((p, k) => {
    if (p.unknown) unknownAsPositional.push({ value: p.value, index: p.index, beforeTarget: k < fixed });
  });
  if (fixed === 2 && all[0]) schedule = { value: all[0].value, index: all[0].index };
  const targetAt = all[fixed - 1];
  if (targetAt) target = { value: targetAt.value, index: targetAt.index };
  else if (model.targetRequired) issue(state, "missing-target", argv.length - 1);
  const jobArgs = all.slice(fixed).map((p) => ({ value: p.value, index: p.index }));
  if (!model.rest && jobArgs.length > 0) issue(state, "extra-argument", jobArgs[0]!.index);

  const parsed: ParsedCommandLine = {
    model,
    start,
    options: state.options,
    schedule,
    target,
    unknownAsPositional,
    jobArgs: model.rest ? jobArgs : [],
    separator: state.separator,
    issues: state.issues,
  };
  const targetIndex = target?.index ?? Number.POSITIVE_INFINITY;
  for (const option of parsed.options) option.afterTarget = option.index > targetIndex;
  for (const found of parsed.issues) found.afterTarget = found.index > targetIndex && found.kind !== "missing-target";

  if (model.native && target) return withNative(parsed, input);
  return parsed;
}

/** `hf jobsx run`: the script and its arguments, as the native `hf jobs uv run` then reads them. */
function withNative(outer: ParsedCommandLine, input: ParseInput): ParsedCommandLine {
  const native = parseWithModel(outer.model.native!, input, outer.target!.index, true);
  for (const option of native.options) option.afterTarget = true;
  for (const found of native.issues) found.afterTarget = true;
  return {
    ...outer,
    options: [...outer.options, ...native.options],
    jobArgs: native.jobArgs,
    unknownAsPositional: [...outer.unknownAsPositional, ...native.unknownAsPositional.filter((u) => !u.beforeTarget)],
    separator: outer.separator ?? native.separator,
    issues: [...outer.issues, ...native.issues],
  };
}

/** What a command line means to its program: compared before and after a fix, which must change only what it says. */
export interface CommandLineMeaning {
  schedule: string | null;
  target: string | null;
  /** `--name=value`, `--flag`, `--no-flag`, sorted. */
  options: string[];
  jobArgs: string[];
  /** Issue kinds with the option they concern, sorted. */
  issues: string[];
}

export function optionKey(option: Pick<ParsedOption, "name" | "value" | "negated">): string {
  if (option.negated) return `!${option.name}`;
  return option.value === null ? option.name : `${option.name}=${option.value}`;
}

export function meaningOf(parsed: ParsedCommandLine): CommandLineMeaning {
  return {
    schedule: parsed.schedule?.value ?? null,
    target: parsed.target?.value ?? null,
    options: parsed.options.map(optionKey).sort(),
    jobArgs: parsed.jobArgs.map((p) => p.value),
    issues: parsed.issues.map((i) => `${i.kind}:${i.name ?? i.option ?? ""}`).sort(),
  };
}

export function sameMeaning(a: CommandLineMeaning, b: CommandLineMeaning): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
