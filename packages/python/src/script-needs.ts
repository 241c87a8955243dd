/**
 * The token a job script needs, decided from what it calls:
 * - `write`: a Hub write (`push_to_hub*`, `upload_*`, `create_repo|commit|branch|tag`, `delete_*`,
 *   `update_repo_settings`, `CommitScheduler`, any call with `push_to_hub=` not literally False/None), by
 *   provenance: the call resolves to a Hugging Face library (core's HF_LIBRARY_ROOTS, or an object one made),
 *   or, unresolved, is a `push_to_hub*` method (a name only that ecosystem uses). A local `push_to_hub()`
 *   helper or a sandbox client's `upload_file` is not a Hub write.
 * - `read`: no write, but the script uses a token explicitly: it passes `token=` to a call, reads `HF_TOKEN`
 *   (or a legacy name) from the environment, calls `get_token()`, `whoami()` or `login()`. Plain
 *   `from_pretrained`/`load_dataset` calls count as public reads and need nothing: whether a repo is private or
 *   gated cannot be known from the code, and a script that reads private data passes or checks a token anyway.
 * - `none`: otherwise.
 */
import { SourceText, isHfTokenVariable, isHuggingFaceLibraryPath, redactText } from "@hf-jobs-lint/core";
import { nodesOfTypes, walk, withPythonTree, type SyntaxNode, type TypedNode } from "./parser.js";
import { FileModel, MODEL_NODE_TYPES } from "./model.js";
import { envRead, isGetTokenCall, isHfTokenSource } from "./env-reads.js";
import { calleeName, keywordArguments, literalString, namedChildren, positionalArguments, unparenthesize } from "./syntax.js";
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

const SCOPE_TYPES = new Set(["function_definition", "class_definition", "lambda", "module"]);
const EXIT_CALLS = new Set(["sys.exit", "exit", "quit", "os._exit", "builtins.exit"]);

/** Does `block` hold a way to stop the program: a `raise`, `sys.exit()`/`exit()`, `parser.error()` anywhere in it? */
function stops(block: SyntaxNode | null, model: FileModel): boolean {
  if (!block) return false;
  for (const node of walk(block)) {
    if (node.type === "raise_statement") return true;
    if (node.type !== "call") continue;
    const name = calleeName(node);
    if (EXIT_CALLS.has(model.calleePath(node) ?? name ?? "") || name === "error" || name === "exit") return true;
  }
  return false;
}

/**
 * Is `node` inside a `try` whose handlers let the program go on (an `except` that neither raises nor exits)?
 * Then a failure there does not stop the job: `try: whoami() except Exception: pass` checks nothing.
 */
function isSwallowed(node: SyntaxNode, model: FileModel): boolean {
  for (let child = node, parent = node.parent; parent && !SCOPE_TYPES.has(parent.type); child = parent, parent = parent.parent) {
    if (parent.type !== "try_statement" || parent.childForFieldName("body")?.id !== child.id) continue;
    const handlers = namedChildren(parent).filter((c) => c.type === "except_clause" || c.type === "except_group_clause");
    if (handlers.some((handler) => !stops(handler, model))) return true;
  }
  return false;
}

/** Is `node` run only under a condition (an enclosing `if` other than `if __name__ == "__main__":`)? */
function isConditional(node: SyntaxNode): boolean {
  for (let child = node, parent = node.parent; parent && !SCOPE_TYPES.has(parent.type); child = parent, parent = parent.parent) {
    if (parent.type === "if_statement" || parent.type === "elif_clause" || parent.type === "else_clause") {
      const ifNode = parent.type === "if_statement" ? parent : parent.parent;
      const condition = ifNode?.childForFieldName("condition");
      if (condition && condition.id === child.id) continue;
      if (condition && /^__name__\s*==\s*["']__main__["']$/.test(condition.text)) continue;
      return true;
    }
    if (parent.type === "conditional_expression" || parent.type === "boolean_operator") return true;
  }
  return false;
}

/** `TrainingArguments(...)`, `SFTConfig(...)`, `GRPOConfig(...)`: a trainer's settings, built before the trainer. */
function isTrainerSettingsCall(name: string): boolean {
  return /(?:Config|Arguments)$/.test(name);
}

/** `SFTTrainer(...)`, `Trainer(...)`, `SentenceTransformerTrainer(...)`. */
function trainerCall(node: SyntaxNode | null): SyntaxNode | null {
  const value = unparenthesize(node);
  return value?.type === "call" && /Trainer$/.test(calleeName(value) ?? "") ? value : null;
}

/**
 * When does a `trainer.push_to_hub()` fail without a token? A trainer built with `push_to_hub=True` in its
 * arguments creates the repository in its constructor (transformers' `Trainer.__init__` calls `init_hf_repo`),
 * before training: that is failing fast (`early`). Built with arguments that say no push, the repository is
 * created only by this late call (`late`). Arguments parsed from the command line are unknown, unless the push
 * is guarded by `if args.push_to_hub:`, the same flag the constructor acted on (`early`); otherwise `unknown`.
 */
function trainerPushTiming(call: SyntaxNode, model: FileModel): "early" | "late" | "unknown" | null {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute") return null;
  const trainer = trainerCall(model.resolveValue(callee.childForFieldName("object")));
  if (!trainer) return null;
  const argsNode = keywordArguments(trainer).get("args")?.childForFieldName("value") ?? positionalArguments(trainer)[1] ?? null;
  const settings = unparenthesize(model.resolveValue(argsNode));
  if (settings?.type === "call" && isTrainerSettingsCall(calleeName(settings) ?? "")) {
    const push = keywordArguments(settings).get("push_to_hub")?.childForFieldName("value") ?? null;
    return push && !isFalsy(push) ? "early" : "late";
  }
  for (let parent = call.parent; parent && !SCOPE_TYPES.has(parent.type); parent = parent.parent) {
    if (parent.type === "if_statement" && /\.push_to_hub\b/.test(parent.childForFieldName("condition")?.text ?? "")) return "early";
  }
  return "unknown";
}

/** Is this call a Hub write, by provenance (see the header)? */
function isHubWrite(node: SyntaxNode, name: string, model: FileModel): boolean {
  if (!HUB_WRITE_CALLS.has(name) && !name.startsWith("push_to_hub")) return false;
  const provenance = model.provenancePath(node);
  if (provenance) return isHuggingFaceLibraryPath(provenance);
  const callee = node.childForFieldName("function");
  return callee?.type === "attribute" && name.startsWith("push_to_hub");
}

/** The node types `scriptFindings` reads. */
export const SCRIPT_NODE_TYPES: ReadonlySet<string> = new Set(["comparison_operator", "if_statement", "assert_statement", "elif_clause", "subscript", "call"]);

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
    if (type === "if_statement" || type === "assert_statement" || type === "elif_clause") {
      const condition = type === "assert_statement" ? node.namedChild(0) : node.childForFieldName("condition");
      if (!condition || !conditionChecksToken(condition, model) || isSwallowed(node, model)) continue;
      // A check stops the job: `assert`, or an `if` with a `raise`/`sys.exit()` in a branch. `if token: login(token)`
      // and a warning that lets the job go on are not checks.
      if (type === "assert_statement" || stops(node.childForFieldName("consequence"), model) || (type === "if_statement" && stops(node.childForFieldName("alternative"), model))) {
        checks.push(condition);
      }
      continue;
    }
    if (type === "subscript") {
      const read_ = envRead(node, model);
      if (read_) {
        readsVariables.add(read_.name);
        if (isHfTokenVariable(read_.name)) {
          read = true;
          addEvidence(node, `reads \`${read_.name}\` from the environment`);
          if (!isSwallowed(node, model)) checks.push(node); // a KeyError right there: the script stops when the token is missing
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
        // Unconditional and not swallowed: it raises when the token is missing or wrong.
        if (!isConditional(node) && !isSwallowed(node, model)) checks.push(node);
        addEvidence(node, `calls \`${name}()\`, which needs a token`);
        continue;
      }
    }
    const keywords = keywordArguments(node);
    const pushKeyword = keywords.get("push_to_hub");
    const hubWrite = isHubWrite(node, name, model);
    if (pushKeyword && !isFalsy(pushKeyword.childForFieldName("value")) && !hubWrite) {
      write = true;
      addEvidence(node, `\`${name}(push_to_hub=...)\` pushes to the Hub`, "write");
      // A trainer built from these settings creates its repository in its constructor, before training.
      if (isTrainerSettingsCall(name)) checks.push(node);
      else writeOps.push(node);
      continue;
    }
    if (hubWrite) {
      write = true;
      addEvidence(node, `\`${name}\` writes to the Hub`, "write");
      // `trainer.push_to_hub()` after a trainer that created its repository early is not where a missing token shows.
      const timing = name === "push_to_hub" ? trainerPushTiming(node, model) : null;
      if (timing === null || timing === "late") writeOps.push(node);
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
