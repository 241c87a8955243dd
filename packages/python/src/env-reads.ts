/** Reads of environment variables and of the Hub token (`os.environ[...]`, `os.getenv`, `get_token()`). */
import { isHfTokenVariable, isTokenLikeKey } from "@hf-jobs-lint/core";
import type { SyntaxNode } from "./parser.js";
import type { FileModel } from "./model.js";
import { literalString, namedChildren, unparenthesize } from "./syntax.js";

export interface EnvRead {
  name: string;
  /** The string literal naming the variable. */
  keyNode: SyntaxNode;
  /** The whole read expression. */
  node: SyntaxNode;
}

const GETENV_PATHS = new Set(["os.getenv", "os.environ.get", "os.environ.setdefault"]);

/** `os.environ["X"]`, `os.getenv("X")`, `os.environ.get("X", ...)` (and `from os import environ, getenv`). */
export function envRead(node: SyntaxNode | null, model: FileModel): EnvRead | null {
  const current = unparenthesize(node);
  if (!current) return null;
  if (current.type === "subscript") {
    const target = model.qualify(current.childForFieldName("value"));
    const keyNode = current.childForFieldName("subscript");
    if (target?.kind === "value" && target.path === "os.environ" && keyNode) {
      const name = literalString(keyNode);
      if (name !== null) return { name, keyNode, node: current };
    }
    return null;
  }
  if (current.type === "call") {
    const path = model.calleePath(current);
    if (!path || !GETENV_PATHS.has(path)) return null;
    const keyNode = namedChildren(current.childForFieldName("arguments"))[0];
    const name = keyNode ? literalString(keyNode) : null;
    if (keyNode && name !== null) return { name, keyNode, node: current };
  }
  return null;
}

const GET_TOKEN_PATHS = new Set(["huggingface_hub.get_token", "huggingface_hub.HfFolder.get_token", "huggingface_hub.utils.get_token"]);

export function isGetTokenCall(node: SyntaxNode | null, model: FileModel): boolean {
  const current = unparenthesize(node);
  return current?.type === "call" && GET_TOKEN_PATHS.has(model.calleePath(current) ?? "");
}

/** An expression that directly yields a credential: a token-like env read or `get_token()`. */
export function isTokenSource(node: SyntaxNode | null, model: FileModel): boolean {
  const read = envRead(node, model);
  if (read) return isTokenLikeKey(read.name);
  return isGetTokenCall(node, model);
}

/** The HF token specifically: `HF_TOKEN` (or a legacy name) from the environment, or `get_token()`. */
export function isHfTokenSource(node: SyntaxNode | null, model: FileModel): boolean {
  const read = envRead(node, model);
  if (read) return isHfTokenVariable(read.name);
  return isGetTokenCall(node, model);
}
