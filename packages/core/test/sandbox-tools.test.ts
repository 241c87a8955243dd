/** The MCP server's sandbox tools as its own argument parser reads them (hf-mcp-server sandbox-tool.ts, command-args.ts). */
import { describe, expect, test } from "vitest";
import { checkSandboxToolCall } from "../src/index.js";

const codes = (...args: Parameters<typeof checkSandboxToolCall>) => checkSandboxToolCall(...args).map((finding) => `${finding.code}@${finding.index}-${finding.endIndex}`);

describe("hf_sandbox create", () => {
  test("no env or secrets option: any unknown option is rejected, token options point to --forward-hf-token", () => {
    const [finding] = checkSandboxToolCall("hf_sandbox", "create", ["--name", "box", "--env", "HF_TOKEN=$HF_TOKEN"]);
    expect(finding).toEqual({
      code: "HFJ206",
      message: "`--env` is not an option of `hf_sandbox create`: the server rejects the call (EINVAL); `--forward-hf-token` is how a sandbox gets your token",
      index: 2,
      endIndex: 2,
    });
    expect(checkSandboxToolCall("hf_sandbox", "create", ["--pool", "x"])[0]!.message).toBe(
      "`--pool` is not an option of `hf_sandbox create`: the server rejects the call (EINVAL)",
    );
  });

  test("values are consumed by their options; booleans take none; a repeated cmd element is dropped", () => {
    expect(codes("hf_sandbox", "create", ["create", "--forward-hf-token", "--name", "-weird-but-a-value", "--volume", "hf://datasets/me/d:/data"])).toEqual([]);
    expect(codes("hf_sandbox", "create", ["--image"])).toEqual(["HFJ206@0-0"]);
    expect(codes("hf_sandbox", "status", ["hfsb2:me:abc"])).toEqual([]);
  });

  test("a command outside the tool's enum; a command that is not literal decides nothing", () => {
    expect(codes("hf_sandbox", "exec", ["x"])).toEqual(["HFJ206@-1--1"]);
    expect(codes("hf_sandbox", null, ["--env", "HF_TOKEN=$HF_TOKEN"])).toEqual([]);
  });
});

describe("hf_sandbox_exec --env", () => {
  test("the placeholder is sent literally (HFJ202), other placeholders too (HFJ205), a token-shaped literal is HFJ102", () => {
    const args = ["me/abc", "python x.py", "--env", "HF_TOKEN=$HF_TOKEN", "--env", "WANDB_API_KEY=${WANDB_API_KEY}", "--env", "HF_TOKEN=hf_xxx", "--env", "SEED=1"];
    expect(codes("hf_sandbox_exec", "exec", args)).toEqual(["HFJ202@2-3", "HFJ205@4-5", "HFJ102@6-7"]);
    expect(checkSandboxToolCall("hf_sandbox_exec", "exec", args)[0]!.message).toBe(
      "`$HF_TOKEN` in `--env HF_TOKEN=…` of the `hf_sandbox_exec` tool call is sent as literal text: only the `hf_jobs` tool call substitutes `$HF_TOKEN`; create the sandbox with `--forward-hf-token` and leave `HF_TOKEN` out",
    );
  });

  test("NAME=VALUE is required; a value with a `$` inside is not a placeholder; unknown values decide nothing", () => {
    expect(codes("hf_sandbox_exec", "exec", ["me/abc", "x", "--env", "HF_TOKEN"])).toEqual(["HFJ206@2-3"]);
    expect(codes("hf_sandbox_exec", "exec", ["me/abc", "x", "--env", "PASSWORD=pa$Sword", "--env", null, "--timeout", "30"])).toEqual([]);
    // The shell command is one positional: its own `$HF_TOKEN` is expanded by the sandbox's shell.
    expect(codes("hf_sandbox_exec", "exec", ["me/abc", 'curl -H "Authorization: Bearer $HF_TOKEN" https://huggingface.co/api/whoami-v2'])).toEqual([]);
    expect(codes("hf_sandbox_exec", "exec", ["me/abc", "x", "--env=HF_TOKEN=1"])).toEqual(["HFJ206@2-2"]);
  });
});
