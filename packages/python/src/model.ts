/**
 * What one file binds: imports, simple assignments per scope, keys added to dicts after the fact, `self.x`
 * attributes. Built in one walk; rules then resolve names through it (bounded depth, no recursion on the tree).
 *
 * Limits (documented): a name resolves to the last assignment before the use in the same scope (else the last
 * one anywhere in that scope); control flow, loops, function return values, imports across files and
 * mutation through aliases are not followed. Unknown keys make a dict "incomplete", so rules that need the
 * absence of a key (HFJ203) stay silent.
 */
import type { SyntaxNode, TypedNode } from "./parser.js";
import { nodesOfTypes } from "./parser.js";
import { SCOPE_TYPES, literalString, namedChildren, unparenthesize } from "./syntax.js";

export interface ImportBinding {
  module: string;
  /** The imported member (`from m import member`), or null for `import m`. */
  member: string | null;
}

interface Binding {
  value: SyntaxNode;
  start: number;
}

interface KeyAssignment {
  /** The key, or null when it is not a literal string. */
  key: string | null;
  keyNode: SyntaxNode;
  value: SyntaxNode;
  /** The whole assignment statement. */
  node: SyntaxNode;
  start: number;
}

export type Qualified = { kind: "module"; path: string } | { kind: "value"; path: string } | { kind: "instance"; of: string } | null;

export interface DictEntry {
  key: string;
  /** The node naming the key: a string, a keyword name or a subscript key. */
  keyNode: SyntaxNode;
  value: SyntaxNode | null;
  /** A `pair` of a dict literal, a `keyword_argument` of `dict(...)`, or a subscript assignment. */
  entryNode: SyntaxNode;
}

export interface DictModel {
  entries: DictEntry[];
  /** False when some keys cannot be known (splats of unknown values, non-literal keys, unresolved names). */
  complete: boolean;
  /** The dict literal itself when the value is written in place (editable by fixes). */
  literal: SyntaxNode | null;
}

/** Well-known modules whose bare name is trusted even without a visible import (snippets in docs). */
const IMPLICIT_MODULES = new Set(["os", "sys", "logging", "subprocess", "shlex", "argparse", "huggingface_hub"]);
/** huggingface_hub names trusted without a visible import (doc snippets often omit it). */
const IMPLICIT_HUB_NAMES = new Set(["run_job", "run_uv_job", "create_scheduled_job", "create_scheduled_uv_job", "HfApi", "get_token", "login", "whoami"]);

const MAX_DEPTH = 8;
/** The node types the model reads. */
export const MODEL_NODE_TYPES: ReadonlySet<string> = new Set([
  "import_statement",
  "import_from_statement",
  "assignment",
  "call",
  "function_definition",
  "class_definition",
  "lambda",
  "with_item",
]);

function normalizeModule(module: string): string {
  return module === "huggingface_hub" || module.startsWith("huggingface_hub.") ? "huggingface_hub" : module;
}

export class FileModel {
  readonly imports = new Map<string, ImportBinding>();
  private readonly bindings = new Map<number, Map<string, Binding[]>>();
  private readonly keyAssignments = new Map<number, Map<string, KeyAssignment[]>>();
  /** Names whose dict gets keys we cannot know (`d[k] = v`, `d.update(x)`), per scope. */
  private readonly opaqueUpdates = new Map<number, Set<string>>();
  /** `self.x = value` per class node id. */
  private readonly selfAttributes = new Map<number, Map<string, Binding[]>>();
  /** Names bound by function parameters, per scope (they shadow imports and implicit names). */
  private readonly parameters = new Map<number, Set<string>>();
  /** Every function name defined in the file (a local `def run_uv_job` shadows the implicit Hub name). */
  readonly definedFunctions = new Set<string>();

  /** Scope nodes (function, class, lambda) in pre-order, i.e. sorted by start offset. */
  private readonly scopeNodes: SyntaxNode[] = [];
  /** The enclosing scope of each scope node and of each node the rules look up, by node id. */
  private readonly scopeCache = new Map<number, SyntaxNode>();

  /** `nodes`: the file's nodes of MODEL_NODE_TYPES (at least) in pre-order, when the caller walked already. */
  constructor(
    readonly root: SyntaxNode,
    nodes?: readonly TypedNode[],
  ) {
    // Scopes are tracked with a stack during the one walk: `node.parent` costs O(depth x siblings) in
    // tree-sitter, which turns quadratic on large flat modules.
    const stack: SyntaxNode[] = [root];
    // The open scopes' end offsets, read once each (endIndex is a call into WASM).
    const stackEnds: number[] = [Infinity];
    for (const { node, type } of nodes ?? nodesOfTypes(root, MODEL_NODE_TYPES)) {
      if (node.id === root.id) continue;
      if (stack.length > 1) {
        const end = node.endIndex;
        while (stack.length > 1 && !(stack[stack.length - 1]!.startIndex <= node.startIndex && end <= stackEnds[stackEnds.length - 1]!)) {
          stack.pop();
          stackEnds.pop();
        }
      }
      const scope = stack[stack.length - 1]!;
      const opensScope = SCOPE_TYPES.has(type);
      if (opensScope || type === "assignment" || type === "call") this.scopeCache.set(node.id, scope);
      switch (type) {
        case "import_statement":
          this.readImport(node);
          break;
        case "import_from_statement":
          this.readFromImport(node);
          break;
        case "assignment":
          this.readAssignment(node, scope);
          break;
        case "call":
          this.readUpdateCall(node, scope);
          break;
        case "function_definition": {
          const name = node.childForFieldName("name");
          if (name) {
            this.definedFunctions.add(name.text);
            this.addBinding(scope, name.text, node, node.startIndex);
          }
          const params = new Set<string>();
          for (const parameter of namedChildren(node.childForFieldName("parameters"))) {
            const id = parameter.type === "identifier" ? parameter : (parameter.childForFieldName("name") ?? parameter.namedChild(0));
            if (id && id.type === "identifier") params.add(id.text);
          }
          this.parameters.set(node.id, params);
          break;
        }
        case "class_definition": {
          const name = node.childForFieldName("name");
          if (name) this.addBinding(scope, name.text, node, node.startIndex);
          break;
        }
        case "with_item":
          this.readWithItem(node, scope);
          break;
      }
      if (opensScope) {
        this.scopeNodes.push(node);
        stack.push(node);
        stackEnds.push(node.endIndex);
      }
    }
  }

  /** The innermost function, class, lambda or module enclosing `node`. */
  scopeOf(node: SyntaxNode): SyntaxNode {
    const cached = this.scopeCache.get(node.id);
    if (cached) return cached;
    // The last scope starting at or before the node, then outwards until one contains it.
    let low = 0;
    let high = this.scopeNodes.length - 1;
    let index = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.scopeNodes[mid]!.startIndex <= node.startIndex) {
        index = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    let candidate: SyntaxNode | undefined = index >= 0 ? this.scopeNodes[index] : undefined;
    for (let steps = 0; candidate && candidate.type !== "module"; steps++) {
      if (candidate.id !== node.id && candidate.startIndex <= node.startIndex && node.endIndex <= candidate.endIndex) break;
      // Bounded: the chain of enclosing scopes is never longer than the number of scopes.
      if (steps > this.scopeNodes.length) {
        candidate = undefined;
        break;
      }
      candidate = this.scopeCache.get(candidate.id);
    }
    const scope = candidate ?? this.root;
    this.scopeCache.set(node.id, scope);
    return scope;
  }

  /** The class whose body (or method) holds `node`, or null. */
  enclosingClass(node: SyntaxNode): SyntaxNode | null {
    const seen = new Set<number>();
    for (let scope = this.scopeOf(node); scope.type !== "module" && !seen.has(scope.id); scope = this.scopeOf(scope)) {
      seen.add(scope.id);
      if (scope.type === "class_definition") return scope;
    }
    return null;
  }

  private readImport(node: SyntaxNode): void {
    for (const name of node.childrenForFieldName("name")) {
      if (!name) continue;
      if (name.type === "aliased_import") {
        const dotted = name.childForFieldName("name")?.text;
        const alias = name.childForFieldName("alias")?.text;
        if (dotted && alias) this.imports.set(alias, { module: normalizeModule(dotted), member: null });
      } else {
        const first = name.text.split(".")[0]!;
        this.imports.set(first, { module: normalizeModule(first), member: null });
      }
    }
  }

  private readFromImport(node: SyntaxNode): void {
    const module = node.childForFieldName("module_name")?.text;
    if (!module || module.startsWith(".")) return;
    for (const name of node.childrenForFieldName("name")) {
      if (!name) continue;
      if (name.type === "aliased_import") {
        const member = name.childForFieldName("name")?.text;
        const alias = name.childForFieldName("alias")?.text;
        if (member && alias) this.imports.set(alias, { module: normalizeModule(module), member });
      } else {
        this.imports.set(name.text, { module: normalizeModule(module), member: name.text });
      }
    }
  }

  private addBinding(scope: SyntaxNode, name: string, value: SyntaxNode, start: number): void {
    let names = this.bindings.get(scope.id);
    if (!names) this.bindings.set(scope.id, (names = new Map()));
    let list = names.get(name);
    if (!list) names.set(name, (list = []));
    list.push({ value, start });
  }

  /**
   * `with Sandbox.create() as sbx:` binds `sbx` to what the context manager's `__enter__` returns. Read as the
   * expression itself, which is right for objects whose `__enter__` returns `self` (sandboxes, pools, `HfApi`
   * sessions) and merely unresolved for the rest (a file object is no launch).
   */
  private readWithItem(node: SyntaxNode, scope: SyntaxNode): void {
    const pattern = node.childForFieldName("value");
    if (pattern?.type !== "as_pattern") return;
    const value = pattern.namedChild(0);
    const target = pattern.childForFieldName("alias")?.namedChild(0);
    if (value && target?.type === "identifier") this.addBinding(scope, target.text, value, node.startIndex);
  }

  private readAssignment(node: SyntaxNode, scope: SyntaxNode): void {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (!left || !right) return;
    if (left.type === "identifier") {
      this.addBinding(scope, left.text, right, node.startIndex);
      return;
    }
    if (left.type === "subscript") {
      const target = left.childForFieldName("value");
      const keyNode = left.childForFieldName("subscript");
      if (target?.type !== "identifier" || !keyNode) return;
      let names = this.keyAssignments.get(scope.id);
      if (!names) this.keyAssignments.set(scope.id, (names = new Map()));
      let list = names.get(target.text);
      if (!list) names.set(target.text, (list = []));
      list.push({ key: literalString(keyNode), keyNode, value: right, node, start: node.startIndex });
      return;
    }
    if (left.type === "attribute") {
      const object = left.childForFieldName("object");
      const attribute = left.childForFieldName("attribute");
      const cls = this.enclosingClass(node);
      if (object?.text === "self" && attribute && cls) {
        let names = this.selfAttributes.get(cls.id);
        if (!names) this.selfAttributes.set(cls.id, (names = new Map()));
        let list = names.get(attribute.text);
        if (!list) names.set(attribute.text, (list = []));
        list.push({ value: right, start: node.startIndex });
      }
    }
  }

  /** `d.update(...)`, `d.setdefault(...)`, `d.pop(...)`: record keys when literal, else mark the dict opaque. */
  private readUpdateCall(node: SyntaxNode, scope: SyntaxNode): void {
    const callee = node.childForFieldName("function");
    if (callee?.type !== "attribute") return;
    const object = callee.childForFieldName("object");
    const method = callee.childForFieldName("attribute")?.text;
    if (object?.type !== "identifier" || (method !== "update" && method !== "setdefault")) return;
    const args = namedChildren(node.childForFieldName("arguments"));
    let names = this.keyAssignments.get(scope.id);
    if (!names) this.keyAssignments.set(scope.id, (names = new Map()));
    let list = names.get(object.text);
    if (!list) names.set(object.text, (list = []));
    if (method === "setdefault") {
      const key = args[0];
      if (key && args[1]) list.push({ key: literalString(key), keyNode: key, value: args[1], node, start: node.startIndex });
      return;
    }
    for (const arg of args) {
      if (arg.type === "keyword_argument") {
        const name = arg.childForFieldName("name")!;
        const value = arg.childForFieldName("value");
        if (value) list.push({ key: name.text, keyNode: name, value, node, start: node.startIndex });
      } else if (unparenthesize(arg)?.type === "dictionary") {
        for (const pair of namedChildren(unparenthesize(arg))) {
          if (pair.type !== "pair") {
            this.markOpaque(scope, object.text);
            continue;
          }
          const key = pair.childForFieldName("key")!;
          const value = pair.childForFieldName("value");
          if (value) list.push({ key: literalString(key), keyNode: key, value, node, start: node.startIndex });
        }
      } else this.markOpaque(scope, object.text);
    }
  }

  private markOpaque(scope: SyntaxNode, name: string): void {
    let set = this.opaqueUpdates.get(scope.id);
    if (!set) this.opaqueUpdates.set(scope.id, (set = new Set()));
    set.add(name);
  }

  /** The scopes a name used at `node` is looked up in, innermost first (class bodies only for their own body). */
  private scopeChain(node: SyntaxNode): SyntaxNode[] {
    const chain: SyntaxNode[] = [];
    let scope: SyntaxNode | null = this.scopeOf(node);
    let first = true;
    // In trees with syntax errors a scope can come back as its own enclosing scope: stop at a repeat.
    const seen = new Set<number>();
    while (scope && !seen.has(scope.id)) {
      seen.add(scope.id);
      if (first || scope.type !== "class_definition") chain.push(scope);
      first = false;
      if (scope.type === "module") break;
      scope = this.scopeOf(scope);
    }
    return chain;
  }

  /** Where `name` (used at `use`) is bound: its value node and the scope holding it, or null. */
  lookup(name: string, use: SyntaxNode): { value: SyntaxNode; scope: SyntaxNode } | "parameter" | null {
    for (const scope of this.scopeChain(use)) {
      if (this.parameters.get(scope.id)?.has(name)) return "parameter";
      const list = this.bindings.get(scope.id)?.get(name);
      if (!list || list.length === 0) continue;
      let best: Binding | null = null;
      for (const binding of list) if (binding.start < use.startIndex && (!best || binding.start > best.start)) best = binding;
      best ??= list[list.length - 1]!;
      return { value: best.value, scope };
    }
    return null;
  }

  private selfAttribute(attribute: SyntaxNode): SyntaxNode | null {
    const object = attribute.childForFieldName("object");
    const name = attribute.childForFieldName("attribute")?.text;
    if (object?.text !== "self" || !name) return null;
    const cls = this.enclosingClass(attribute);
    if (!cls) return null;
    const assigned = this.selfAttributes.get(cls.id)?.get(name);
    if (assigned && assigned.length > 0) return assigned[assigned.length - 1]!.value;
    const body = this.bindings.get(cls.id)?.get(name);
    if (body && body.length > 0) return body[body.length - 1]!.value;
    return null;
  }

  /**
   * What a callee or value refers to: a module, a module member, or an instance of a Hub class. With
   * `anyCall`, the value of any resolved call is an instance of its callee's path (`AutoModel.from_pretrained(...)`
   * is an instance "of" `transformers.AutoModel.from_pretrained`): enough to know which library an object came from.
   */
  qualify(node: SyntaxNode | null, depth = 0, anyCall = false): Qualified {
    const current = unparenthesize(node);
    if (!current || depth > MAX_DEPTH) return null;
    switch (current.type) {
      case "identifier": {
        const name = current.text;
        const bound = this.lookup(name, current);
        if (bound === "parameter") return null;
        if (bound) {
          if (bound.value.type === "function_definition" || bound.value.type === "class_definition") return null;
          return this.qualify(bound.value, depth + 1, anyCall);
        }
        const imported = this.imports.get(name);
        if (imported) return imported.member ? { kind: "value", path: `${imported.module}.${imported.member}` } : { kind: "module", path: imported.module };
        if (IMPLICIT_MODULES.has(name)) return { kind: "module", path: name };
        if (IMPLICIT_HUB_NAMES.has(name) && !this.definedFunctions.has(name)) return { kind: "value", path: `huggingface_hub.${name}` };
        return null;
      }
      case "attribute": {
        const attribute = current.childForFieldName("attribute")?.text;
        if (!attribute) return null;
        const fromSelf = this.selfAttribute(current);
        if (fromSelf) return this.qualify(fromSelf, depth + 1, anyCall);
        const object = this.qualify(current.childForFieldName("object"), depth + 1, anyCall);
        if (!object) return null;
        if (object.kind === "instance") return { kind: "value", path: `${object.of}.${attribute}` };
        return { kind: "value", path: `${object.path}.${attribute}` };
      }
      case "call": {
        const callee = this.qualify(current.childForFieldName("function"), depth + 1, anyCall);
        if (callee?.kind === "value" && (anyCall || callee.path === "huggingface_hub.HfApi")) return { kind: "instance", of: callee.path };
        return null;
      }
      default:
        return null;
    }
  }

  /** The qualified path of a callee (`huggingface_hub.run_uv_job`, `huggingface_hub.HfApi.run_job`, `os.getenv`). */
  calleePath(call: SyntaxNode): string | null {
    // Several rules ask about every call: resolve each callee once.
    const cached = this.calleeCache.get(call.id);
    if (cached !== undefined) return cached;
    const qualified = this.qualify(call.childForFieldName("function"));
    const path = qualified?.kind === "value" ? qualified.path : null;
    this.calleeCache.set(call.id, path);
    return path;
  }

  private readonly calleeCache = new Map<number, string | null>();

  /**
   * Where a callee comes from, following objects made by any resolved call (`m = AutoModel.from_pretrained(...)`
   * then `m.push_to_hub` is `transformers.AutoModel.from_pretrained.push_to_hub`). For "which library is this",
   * not for matching exact API paths (use `calleePath`). Null when the callee does not resolve to an import.
   */
  provenancePath(call: SyntaxNode): string | null {
    const qualified = this.qualify(call.childForFieldName("function"), 0, true);
    return qualified?.kind === "value" ? qualified.path : null;
  }

  /** Follow a name to the expression it holds (bounded); the node itself when it is not a resolvable name. */
  resolveValue(node: SyntaxNode | null, depth = 0): SyntaxNode | null {
    const current = unparenthesize(node);
    if (!current || depth > MAX_DEPTH) return current;
    if (current.type === "identifier") {
      const bound = this.lookup(current.text, current);
      if (!bound || bound === "parameter" || bound.value.type === "function_definition" || bound.value.type === "class_definition") return current;
      return this.resolveValue(bound.value, depth + 1);
    }
    if (current.type === "attribute") {
      const fromSelf = this.selfAttribute(current);
      if (fromSelf) return this.resolveValue(fromSelf, depth + 1);
    }
    return current;
  }

  /** The keys of a dict-valued expression, through names, `dict(...)`, splats, `|`, dataclass defaults. */
  resolveDict(node: SyntaxNode | null, depth = 0): DictModel | null {
    const current = unparenthesize(node);
    if (!current || depth > MAX_DEPTH) return null;
    switch (current.type) {
      case "dictionary": {
        const model: DictModel = { entries: [], complete: true, literal: current };
        for (const child of namedChildren(current)) {
          if (child.type === "pair") {
            const keyNode = child.childForFieldName("key")!;
            const key = literalString(keyNode);
            if (key === null) model.complete = false;
            else model.entries.push({ key, keyNode, value: child.childForFieldName("value"), entryNode: child });
          } else if (child.type === "dictionary_splat") {
            const inner = this.resolveDict(child.namedChild(0), depth + 1);
            if (inner) {
              for (const entry of inner.entries) model.entries.push(entry);
              model.complete &&= inner.complete;
            } else model.complete = false;
          } else model.complete = false;
        }
        return model;
      }
      case "none":
        return { entries: [], complete: true, literal: null };
      case "binary_operator": {
        if (current.childForFieldName("operator")?.text !== "|") return null;
        const left = this.resolveDict(current.childForFieldName("left"), depth + 1);
        const right = this.resolveDict(current.childForFieldName("right"), depth + 1);
        return {
          entries: [...(left?.entries ?? []), ...(right?.entries ?? [])],
          complete: Boolean(left?.complete && right?.complete),
          literal: null,
        };
      }
      case "call": {
        const callee = current.childForFieldName("function");
        const calleeText = callee?.text;
        if (calleeText === "dict") {
          const model: DictModel = { entries: [], complete: true, literal: null };
          for (const arg of namedChildren(current.childForFieldName("arguments"))) {
            if (arg.type === "keyword_argument") {
              const name = arg.childForFieldName("name")!;
              model.entries.push({ key: name.text, keyNode: name, value: arg.childForFieldName("value"), entryNode: arg });
            } else {
              const inner = this.resolveDict(arg.type === "dictionary_splat" ? arg.namedChild(0) : arg, depth + 1);
              if (inner) {
                for (const entry of inner.entries) model.entries.push(entry);
                model.complete &&= inner.complete;
              } else model.complete = false;
            }
          }
          return model;
        }
        // dataclasses.field(default_factory=lambda: {...}) / field(default_factory=dict)
        if (calleeText === "field" || calleeText === "dataclasses.field") {
          const factory = namedChildren(current.childForFieldName("arguments")).find(
            (arg) => arg.type === "keyword_argument" && arg.childForFieldName("name")?.text === "default_factory",
          );
          const value = factory?.childForFieldName("value");
          if (value?.type === "lambda") return this.resolveDict(value.childForFieldName("body"), depth + 1);
          if (value?.text === "dict") return { entries: [], complete: true, literal: null };
          const defaultArg = namedChildren(current.childForFieldName("arguments")).find(
            (arg) => arg.type === "keyword_argument" && arg.childForFieldName("name")?.text === "default",
          );
          if (defaultArg) return this.resolveDict(defaultArg.childForFieldName("value"), depth + 1);
        }
        return null;
      }
      case "identifier": {
        const bound = this.lookup(current.text, current);
        if (!bound || bound === "parameter") return null;
        const base = this.resolveDict(bound.value, depth + 1);
        const model: DictModel = base ? { entries: [...base.entries], complete: base.complete, literal: base.literal } : { entries: [], complete: false, literal: null };
        for (const assignment of this.keyAssignments.get(bound.scope.id)?.get(current.text) ?? []) {
          if (assignment.key === null) model.complete = false;
          else model.entries.push({ key: assignment.key, keyNode: assignment.keyNode, value: assignment.value, entryNode: assignment.node });
        }
        if (this.opaqueUpdates.get(bound.scope.id)?.has(current.text)) model.complete = false;
        return model;
      }
      case "attribute": {
        const fromSelf = this.selfAttribute(current);
        return fromSelf ? this.resolveDict(fromSelf, depth + 1) : null;
      }
      default:
        return null;
    }
  }
}
