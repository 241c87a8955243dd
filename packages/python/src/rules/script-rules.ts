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

/** HFJ104 in a job script: `add_argument("--hf-token")`, `token = sys.argv[1]`. */
export function checkTokenFromArgv(context: Context, calls: readonly SyntaxNode[], assignments: readonly SyntaxNode[]): void {
  for (const call of calls) {
    if (insideError(call) || calleeName(call) !== "add_argument") continue;
    for (const argument of positionalArguments(call)) {
      const option = literalString(argument);
      if (option && TOKEN_OPTION.test(option)) {
        report(context, {
          code: "HFJ104",
          message: `The script reads its token from the \`${option}\` option, so the token sits in the job's command line; read \`${HF_TOKEN}\` from the environment (pass it as a secret)`,
          start: argument.startIndex,
          end: argument.endIndex,
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
      });
    }
  }
}

/** HFJ301: a job script writes to the Hub without checking `HF_TOKEN` first. */
export function checkTokenEarly(context: Context, script: ScriptFindings): void {
  const first = script.writeOps[0];
  if (!first || script.needs.checksTokenEarly || insideError(first)) return;
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

/** HFJ303: reads of `HUGGING_FACE_HUB_TOKEN` and other legacy names. */
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
      if (read) {
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
