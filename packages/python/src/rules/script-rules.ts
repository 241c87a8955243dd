/**
 * Rules on job-script code: HFJ104 (token read from argv), HFJ301 (no early token check before the first Hub
 * write), HFJ302 (redundant `token=os.environ["HF_TOKEN"]`), HFJ303 (legacy token variable names).
 */
import { HF_TOKEN, LEGACY_TOKEN_VARIABLES, isTokenLikeKey } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "../parser.js";
import { report, type Context } from "../context.js";
import { envRead } from "../env-reads.js";
import { hasImport, removeItemEdit, replaceStringContent, topLinesEdit } from "../edits.js";
import { calleeName, insideError, keywordArguments, literalString, namedChildren, positionalArguments, unparenthesize } from "../syntax.js";
import type { ScriptFindings } from "../script-needs.js";

const TOKEN_OPTION = /^--?(?:hf[-_])?(?:api[-_])?token$/i;

/**
 * HFJ104 in a job script, only where argv is the only way in: `add_argument("--hf-token", required=True)` or
 * `token = sys.argv[1]`. An optional `--hf-token` falls back on `HF_TOKEN` or the login (passing `token=None`
 * on does, in every Hugging Face library), so it leaks nothing unless a launch passes the token on the
 * command line, which the launch's own HFJ104 reports.
 */
export function checkTokenFromArgv(context: Context, calls: readonly SyntaxNode[], assignments: readonly SyntaxNode[]): void {
  if (!context.jobScript) return;
  const related = [context.jobScript];
  for (const call of calls) {
    if (insideError(call) || calleeName(call) !== "add_argument") continue;
    const required = keywordArguments(call).get("required")?.childForFieldName("value");
    if (unparenthesize(required ?? null)?.type !== "true") continue;
    for (const argument of positionalArguments(call)) {
      const option = literalString(argument);
      if (option && TOKEN_OPTION.test(option)) {
        report(context, {
          code: "HFJ104",
          message: `The script requires its token as the \`${option}\` option, so the token sits in the job's command line; read \`${HF_TOKEN}\` from the environment (pass it as a secret)`,
          start: argument.startIndex,
          end: argument.endIndex,
          related,
        });
      }
    }
  }
  for (const assignment of assignments) {
    if (insideError(assignment)) continue;
    const left = assignment.childForFieldName("left");
    const right = unparenthesize(assignment.childForFieldName("right"));
    if (left?.type !== "identifier" || !isTokenLikeKey(left.text) || right?.type !== "subscript") continue;
    const target = context.model.qualify(right.childForFieldName("value"));
    if (target?.kind === "value" && target.path === "sys.argv") {
      report(context, {
        code: "HFJ104",
        message: `\`${left.text}\` is read from \`sys.argv\`, so the token sits in the job's command line; read \`${HF_TOKEN}\` from the environment (pass it as a secret)`,
        start: right.startIndex,
        end: right.endIndex,
        related,
      });
    }
  }
}

/** HFJ301: a job script writes to the Hub without checking `HF_TOKEN` first. */
export function checkTokenEarly(context: Context, script: ScriptFindings): void {
  const first = script.writeOps[0];
  if (!context.jobScript || !first || script.needs.checksTokenEarly || insideError(first)) return;
  // topLinesEdit joins the lines with the file's own line ending.
  const lines = [
    ...(hasImport(context, "os") ? [] : ["import os", ""]),
    `if not os.environ.get("${HF_TOKEN}"):`,
    `    raise SystemExit("${HF_TOKEN} is not set: launch the job with secrets={'${HF_TOKEN}': ...} or --secrets ${HF_TOKEN}")`,
  ];
  const callee = first.childForFieldName("function") ?? first;
  report(context, {
    code: "HFJ301",
    message: `The script writes to the Hub here but never checks that \`${HF_TOKEN}\` is set first; a missing secret fails only at the end of the job`,
    start: callee.startIndex,
    end: callee.endIndex,
    fix: { applicability: "unsafe", message: `Check \`${HF_TOKEN}\` after the imports`, edits: [topLinesEdit(context, lines)] },
    related: [context.jobScript],
  });
}

const ENV_READING_CALLS_EXCLUDED = new Set(["login", "interpreter_login", "notebook_login"]);

/** HFJ302: `token=os.environ["HF_TOKEN"]` where the library reads `HF_TOKEN` itself. */
export function checkRedundantTokenArgument(context: Context, calls: readonly SyntaxNode[]): void {
  for (const call of calls) {
    if (insideError(call)) continue;
    const keyword = keywordArguments(call).get("token");
    if (!keyword) continue;
    const read = envRead(keyword.childForFieldName("value"), context.model);
    if (!read || read.name !== HF_TOKEN) continue;
    // `os.environ.get("HF_TOKEN", default)` with a default changes behaviour: leave it.
    if (read.node.type === "call" && namedChildren(read.node.childForFieldName("arguments")).length > 1) continue;
    if (ENV_READING_CALLS_EXCLUDED.has(calleeName(call) ?? "")) continue;
    const argumentList = call.childForFieldName("arguments")!;
    report(context, {
      code: "HFJ302",
      message: `\`token=\` repeats what the library already does: it reads \`${HF_TOKEN}\` from the environment`,
      start: keyword.startIndex,
      end: keyword.endIndex,
      fix: { applicability: "safe", message: "Remove the `token=` argument", edits: [removeItemEdit(context, argumentList, keyword)] },
    });
  }
}

/**
 * HFJ303: a legacy name (`HUGGING_FACE_HUB_TOKEN`, ...) read INSTEAD of `HF_TOKEN`. Silent where the same
 * statement reads `HF_TOKEN` first (a fallback, as in huggingface_hub's own `get_token`:
 * `os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN")`) and on
 * `os.environ.setdefault(LEGACY, ...)` / `os.environ[LEGACY] = ...`, which write the old name for older
 * libraries (renaming it would break that).
 */
export function checkLegacyVariables(context: Context, candidates: readonly SyntaxNode[]): void {
  for (const node of candidates) {
    if (insideError(node)) continue;
    let keyNode: SyntaxNode | null = null;
    let name: string | null = null;
    if (node.type === "comparison_operator") {
      const [left, right] = namedChildren(node);
      const target = right ? context.model.qualify(right) : null;
      name = literalString(left);
      if (target?.kind === "value" && target.path === "os.environ" && left) keyNode = left;
    } else {
      const read = envRead(node, context.model);
      if (read && !isEnvironmentWrite(read.node, context) && !isFallbackAfterHfToken(read.node)) {
        keyNode = read.keyNode;
        name = read.name;
      }
    }
    if (!keyNode || !name || !LEGACY_TOKEN_VARIABLES.has(name)) continue;
    const edit = replaceStringContent(keyNode, HF_TOKEN);
    report(context, {
      code: "HFJ303",
      message: `\`${name}\` is a legacy name for the Hugging Face token; read \`${HF_TOKEN}\``,
      start: keyNode.startIndex,
      end: keyNode.endIndex,
      fix: edit ? { applicability: "unsafe", message: `Read \`${HF_TOKEN}\` instead`, edits: [edit] } : null,
    });
  }
}

/** `os.environ.setdefault("X", v)` and `os.environ["X"] = v`: writes of the variable, not reads. */
function isEnvironmentWrite(node: SyntaxNode, context: Context): boolean {
  if (node.type === "call") return context.model.calleePath(node) === "os.environ.setdefault";
  const parent = node.parent;
  return parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id;
}

const HF_TOKEN_LITERAL = new RegExp(`["']${HF_TOKEN}["']`);

/** Does the statement holding this read name `HF_TOKEN` before it (the legacy name is then a fallback)? */
function isFallbackAfterHfToken(node: SyntaxNode): boolean {
  let statement: SyntaxNode | null = node;
  while (statement && !statement.type.endsWith("_statement") && statement.type !== "assignment") statement = statement.parent;
  if (!statement) return false;
  const head = statement.type === "if_statement" || statement.type === "while_statement" ? statement.childForFieldName("condition") : statement;
  if (!head) return false;
  return HF_TOKEN_LITERAL.test(head.text.slice(0, node.startIndex - head.startIndex));
}
