/** What replaces a literal token or an unsubstituted placeholder, per language and context (HFJ101/102/202). */
import { HF_TOKEN } from "./token-keys.js";

export type ReplacementContext =
  /** A Python file that launches jobs: the launcher's own logged-in token. */
  | "python-launcher"
  /** Any other Python file (a job script): the environment the job's secret provides. */
  | "python-script"
  | "typescript";

export interface TokenReplacement {
  /** The expression that replaces the literal. */
  expression: string;
  /** A Python import the expression needs, as a module and a name (`from module import name`), or `import module`. */
  pythonImport?: { module: string; name?: string };
}

export function tokenReplacement(context: ReplacementContext, variable: string = HF_TOKEN): TokenReplacement {
  switch (context) {
    case "python-launcher":
      return variable === HF_TOKEN
        ? { expression: "get_token()", pythonImport: { module: "huggingface_hub", name: "get_token" } }
        : { expression: `os.environ[${JSON.stringify(variable)}]`, pythonImport: { module: "os" } };
    case "python-script":
      return { expression: `os.environ[${JSON.stringify(variable)}]`, pythonImport: { module: "os" } };
    case "typescript":
      return { expression: /^[A-Za-z_$][\w$]*$/.test(variable) ? `process.env.${variable}` : `process.env[${JSON.stringify(variable)}]` };
  }
}
