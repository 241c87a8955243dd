/**
 * The MCP server's sandbox tools (hf-mcp-server v0.4.12, packages/mcp/src/sandbox-tool.ts and command-args.ts):
 * `hf_sandbox` (`{cmd: "create" | "status" | "terminate" | "ps" | "kill", args: [...]}`) and `hf_sandbox_exec`
 * (`{cmd: "exec", args: [HANDLE, SHELL_COMMAND, ...options]}`), each `args` element one grammar token. The server
 * parses `args` itself: an element that is a known option takes the next element as its value (booleans take
 * none), any other element starting with `-` is rejected (`EINVAL: unexpected argument`), and the rest are
 * positionals. `create` has no env or secrets option at all (the token reaches the sandbox only with
 * `--forward-hf-token`), and `exec`'s `--env NAME=VALUE` goes with the command as written: neither tool
 * substitutes `$HF_TOKEN`. Decided once here; the Python analyzer and the ESLint plugin read the calls.
 */
import type { RuleCode } from "../catalog/index.js";
import { looksLikeTokenPlaceholder } from "../tokens.js";
import { literalTokenMessage, placeholderSentLiterallyMessage } from "./messages.js";
import { HF_TOKEN, findPlaceholders, isSubstitutedPlaceholder, mentionsHfTokenPlaceholder } from "./token-keys.js";

export type SandboxToolName = "hf_sandbox" | "hf_sandbox_exec";

type OptionKind = "boolean" | "integer" | "string";

const CREATE_OPTIONS: Readonly<Record<string, OptionKind>> = {
  "--image": "string",
  "--flavor": "string",
  "--timeout": "string",
  "--name": "string",
  "--namespace": "string",
  "--forward-hf-token": "boolean",
  "--volume": "string",
  "--bucket": "string",
  "--bucket-mode": "string",
  "--bucket-mount-path": "string",
};

const EXEC_OPTIONS: Readonly<Record<string, OptionKind>> = {
  "--workdir": "string",
  "--stdin": "string",
  "--timeout": "integer",
  "--env": "string",
  "--detach": "boolean",
  "--tag": "string",
};

/** The options of each command of each tool; a command not listed here is rejected by the tool's schema (an enum). */
const COMMANDS: Readonly<Record<SandboxToolName, Readonly<Record<string, Readonly<Record<string, OptionKind>>>>>> = {
  hf_sandbox: { create: CREATE_OPTIONS, status: {}, terminate: {}, ps: {}, kill: {} },
  hf_sandbox_exec: { exec: EXEC_OPTIONS },
};

export function isSandboxToolName(name: string): name is SandboxToolName {
  return name === "hf_sandbox" || name === "hf_sandbox_exec";
}

/** Options people pass to give a sandbox a token, which `hf_sandbox create` does not have. */
const TOKEN_OPTIONS = new Set(["-e", "--env", "-s", "--secrets", "--secret", "--env-file", "--secrets-file", "--token"]);

export interface SandboxToolFinding {
  code: RuleCode;
  message: string;
  /** The `args` elements the finding covers; -1 for the `cmd` itself. */
  index: number;
  endIndex: number;
}

/**
 * Findings on one sandbox tool call. `cmd`: the command as written, or null when it is not a literal; `args`: each
 * element's text, or null when it is not a literal string (nothing is decided about it).
 */
export function checkSandboxToolCall(tool: SandboxToolName, cmd: string | null, args: readonly (string | null)[]): SandboxToolFinding[] {
  if (cmd === null) return [];
  const label = `the \`${tool}\` tool call`;
  const options = COMMANDS[tool][cmd];
  if (!options) {
    return [
      { code: "HFJ206", message: `\`${cmd}\` is not a command of ${label} (${Object.keys(COMMANDS[tool]).join(", ")}): the server rejects the call`, index: -1, endIndex: -1 },
    ];
  }
  const findings: SandboxToolFinding[] = [];
  // The server drops a first element that repeats the command (`["exec", HANDLE, ...]`).
  const start = args[0] === cmd ? 1 : 0;
  for (let i = start; i < args.length; i++) {
    const element = args[i];
    if (element === null || element === undefined) continue;
    const kind = options[element];
    if (!kind) {
      if (element.startsWith("-")) {
        const hint = tool === "hf_sandbox" && cmd === "create" && TOKEN_OPTIONS.has(element.split("=")[0]!) ? "; `--forward-hf-token` is how a sandbox gets your token" : "";
        findings.push({ code: "HFJ206", message: `\`${element}\` is not an option of \`${tool} ${cmd}\`: the server rejects the call (EINVAL)${hint}`, index: i, endIndex: i });
      }
      continue;
    }
    if (kind === "boolean") continue;
    const value = args[i + 1];
    if (value === undefined) {
      findings.push({ code: "HFJ206", message: `\`${element}\` of \`${tool} ${cmd}\` needs a value: the server rejects the call`, index: i, endIndex: i });
      continue;
    }
    i++;
    if (value === null || element !== "--env") continue;
    checkExecEnv(label, value, i - 1, findings);
  }
  return findings;
}

/** `--env NAME=VALUE` of `hf_sandbox_exec`: the value goes to the command as written. */
function checkExecEnv(label: string, value: string, at: number, findings: SandboxToolFinding[]): void {
  const eq = value.indexOf("=");
  if (eq <= 0) {
    findings.push({ code: "HFJ206", message: `\`--env ${value}\` of ${label} needs \`NAME=VALUE\`: the server rejects the call`, index: at, endIndex: at + 1 });
    return;
  }
  const key = value.slice(0, eq);
  const text = value.slice(eq + 1);
  const where = `in \`--env ${key}=…\` of ${label}`;
  if (mentionsHfTokenPlaceholder(text)) {
    findings.push({
      code: "HFJ202",
      message: `${placeholderSentLiterallyMessage(text, where)}; create the sandbox with \`--forward-hf-token\` and leave \`${key}\` out`,
      index: at,
      endIndex: at + 1,
    });
    return;
  }
  const placeholder = findPlaceholders(text)[0];
  if (placeholder && placeholder.text === text && !isSubstitutedPlaceholder(text)) {
    findings.push({ code: "HFJ205", message: `\`${placeholder.text}\` ${where} arrives as literal text: the sandbox tools substitute nothing`, index: at, endIndex: at + 1 });
    return;
  }
  if (key === HF_TOKEN && looksLikeTokenPlaceholder(text)) {
    findings.push({ code: "HFJ102", message: literalTokenMessage(text, `passed ${where}`), index: at, endIndex: at + 1 });
  }
}
