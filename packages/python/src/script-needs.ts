/**
 * The token a job script needs, decided from what it calls:
 * - `write`: a Hub write (`push_to_hub`, `upload_*`, `create_repo|commit|branch|tag`, `delete_*`,
 *   `update_repo_settings`, `CommitScheduler`, any call with `push_to_hub=` not literally False/None).
 * - `read`: no write, but the script uses a token explicitly: it passes `token=` to a call, reads `HF_TOKEN`
 *   (or a legacy name) from the environment, calls `get_token()`, `whoami()` or `login()`. Plain
 *   `from_pretrained`/`load_dataset` calls count as public reads and need nothing: whether a repo is private or
 *   gated cannot be known from the code, and a script that reads private data passes or checks a token anyway.
 * - `none`: otherwise.
 */
import { SourceText, isHfTokenVariable, redactText } from "@hf-jobs-lint/core";
import { nodesOfTypes, walk, withPythonTree, type SyntaxNode, type TypedNode } from "./parser.js";
import { FileModel, MODEL_NODE_TYPES } from "./model.js";
import { envRead, isGetTokenCall, isHfTokenSource } from "./env-reads.js";
import { calleeName, keywordArguments, literalString, namedChildren, unparenthesize } from "./syntax.js";
import { declaredSecretsOf } from "./pep723.js";

export interface ScriptNeeds {
  level: "none" | "read" | "write";
  /** Why, in source order; `level` says whether the line is a Hub write or a token read. */
  evidence: { row: number; text: string; reason: string; level: "read" | "write" }[];
  readsVariables: Set<string>;
  checksTokenEarly: boolean;
  /** Secret names the PEP 723 header lists in `[tool.hf-jobs] secrets` (read by newer `hf jobs uv run`). */
  declaredSecrets: Set<string>;
}

export interface ScriptFindings {
  needs: ScriptNeeds;
  /** Write operations in source order (HFJ301 points at the first). */
  writeOps: SyntaxNode[];
}

/** Hub operations that need a token with write access (shared with the ESLint plugin's inline-script analysis). */
export const HUB_WRITE_CALLS: ReadonlySet<string> = new Set([
  "push_to_hub",
  "upload_file",
  "upload_folder",
  "upload_large_folder",
  "create_repo",
  "create_commit",
  "create_branch",
  "create_tag",
  "delete_file",
  "delete_files",
  "delete_folder",
  "delete_repo",
  "delete_branch",
  "delete_tag",
  "update_repo_settings",
  "update_repo_visibility",
  "create_pull_request",
  "CommitScheduler",
]);

function isFalsy(node: SyntaxNode | null): boolean {
  const value = unparenthesize(node);
  return !value || value.type === "false" || value.type === "none";
}

/** Does a condition (of `if`/`assert`) test the HF token? */
function conditionChecksToken(condition: SyntaxNode, model: FileModel): boolean {
  for (const node of walk(condition)) {
    if (node.type === "comparison_operator") {
      const [left, right] = namedChildren(node);
      const key = literalString(left);
      const target = right ? model.qualify(right) : null;
      if (key && isHfTokenVariable(key) && target?.kind === "value" && target.path === "os.environ") return true;
    }
    if (isHfTokenSource(node, model)) return true;
    if (node.type === "identifier" && isHfTokenSource(model.resolveValue(node), model)) return true;
  }
  return false;
}

function isInside(node: SyntaxNode, container: SyntaxNode): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/** The node types `scriptFindings` reads. */
export const SCRIPT_NODE_TYPES: ReadonlySet<string> = new Set(["comparison_operator", "if_statement", "assert_statement", "elif_clause", "while_statement", "subscript", "call"]);

/**
 * Everything HFJ301, `scope` and script resolution need, from one pass over a parsed script. `nodes`: the
 * file's nodes of SCRIPT_NODE_TYPES (at least) in pre-order, when the caller walked already.
 */
export function scriptFindings(root: SyntaxNode, model: FileModel, source: SourceText, nodes?: readonly TypedNode[]): ScriptFindings {
  const evidence: ScriptNeeds["evidence"] = [];
  const readsVariables = new Set<string>();
  const writeOps: SyntaxNode[] = [];
  const checks: SyntaxNode[] = [];
  let write = false;
  let read = false;
  const addEvidence = (node: SyntaxNode, reason: string, level: "read" | "write" = "read") => {
    const row = source.positionAt(node.startIndex).row;
    evidence.push({ row, text: redactText(source.lineText(row).trim()), reason, level });
  };

  for (const { node, type } of nodes ?? nodesOfTypes(root, SCRIPT_NODE_TYPES)) {
    if (type === "comparison_operator") {
      const [left, right] = namedChildren(node);
      const key = literalString(left);
      const target = right ? model.qualify(right) : null;
      if (key && target?.kind === "value" && target.path === "os.environ") readsVariables.add(key);
      continue;
    }
    if (type === "if_statement" || type === "assert_statement" || type === "elif_clause" || type === "while_statement") {
      const condition = type === "assert_statement" ? node.namedChild(0) : node.childForFieldName("condition");
      if (condition && conditionChecksToken(condition, model)) checks.push(condition);
      continue;
    }
    if (type === "subscript") {
      const read_ = envRead(node, model);
      if (read_) {
        readsVariables.add(read_.name);
        if (isHfTokenVariable(read_.name)) {
          read = true;
          addEvidence(node, `reads \`${read_.name}\` from the environment`);
          checks.push(node); // a KeyError right there: the script stops when the token is missing
        }
      }
      continue;
    }
    if (type !== "call") continue;
    const env = envRead(node, model);
    if (env) {
      readsVariables.add(env.name);
      if (isHfTokenVariable(env.name)) {
        read = true;
        addEvidence(node, `reads \`${env.name}\` from the environment`);
      }
      continue;
    }
    if (isGetTokenCall(node, model)) {
      read = true;
      addEvidence(node, "calls `get_token()`");
      continue;
    }
    const name = calleeName(node);
    if (!name) continue;
    if (name === "whoami" || name === "login") {
      const path = model.calleePath(node);
      if (path && path.startsWith("huggingface_hub.")) {
        read = true;
        checks.push(node);
        addEvidence(node, `calls \`${name}()\`, which needs a token`);
        continue;
      }
    }
    const keywords = keywordArguments(node);
    const pushKeyword = keywords.get("push_to_hub");
    if (HUB_WRITE_CALLS.has(name) || (pushKeyword && !isFalsy(pushKeyword.childForFieldName("value")))) {
      write = true;
      writeOps.push(node);
      addEvidence(node, pushKeyword && !HUB_WRITE_CALLS.has(name) ? `\`${name}(push_to_hub=...)\` pushes to the Hub` : `\`${name}\` writes to the Hub`, "write");
      continue;
    }
    const tokenKeyword = keywords.get("token") ?? keywords.get("use_auth_token");
    if (tokenKeyword && !isFalsy(tokenKeyword.childForFieldName("value"))) {
      read = true;
      addEvidence(node, `passes a token to \`${name}\``);
    }
  }

  const firstWrite = writeOps[0];
  // A write inside a function runs when the function is called, after the module-level code (typically
  // `if __name__ == "__main__":` checking the token, then calling main()).
  const writeInFunction = firstWrite ? model.scopeOf(firstWrite).type !== "module" : false;
  const checksTokenEarly = checks.some((check) => {
    if (!firstWrite) return true;
    if (isInside(check, firstWrite)) return false;
    if (writeInFunction && model.scopeOf(check).type === "module") return true;
    if (check.startIndex >= firstWrite.startIndex) return false;
    if (check.type !== "subscript") return true;
    // A bare `os.environ["HF_TOKEN"]` counts when it runs first: module level, or the same function as the write.
    const scope = model.scopeOf(check);
    return scope.type === "module" || scope.id === model.scopeOf(firstWrite).id;
  });
  const level = write ? "write" : read ? "read" : "none";
  return { needs: { level, evidence, readsVariables, checksTokenEarly, declaredSecrets: declaredSecretsOf(source.text) }, writeOps };
}

/** The token a job script needs (`hf-jobs-lint scope`, HFJ203/HFJ204 through script resolution). */
export function analyzeScriptNeeds(text: string): ScriptNeeds {
  const source = new SourceText(text);
  return withPythonTree(text, (tree) => {
    const nodes = nodesOfTypes(tree.rootNode, new Set([...MODEL_NODE_TYPES, ...SCRIPT_NODE_TYPES]));
    return scriptFindings(tree.rootNode, new FileModel(tree.rootNode, nodes), source, nodes).needs;
  });
}
