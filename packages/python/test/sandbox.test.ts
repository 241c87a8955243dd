// Sandboxes run on Jobs (huggingface_hub _sandbox.py): the launch rules on `Sandbox.create`, a pool's `create` and a
// sandbox's `run`, reached through imports, aliases, assignments and `with ... as`.
import { analyzeText, fixUntilStable, only, rows, setup } from "./helpers.js";

beforeAll(setup);

const codesByRow = (text: string) => analyzeText(text).map((d) => `${d.location.row}:${d.code}`);

describe("Sandbox.create: a job's env and secrets", () => {
  test("a token in env is HFJ201 with a move to secrets; the placeholder in secrets is HFJ202 with get_token()", () => {
    const text = [
      "from huggingface_hub import Sandbox, get_token",
      'sbx = Sandbox.create(env={"HF_TOKEN": get_token(), "SEED": "1"})',
      'Sandbox.create("python:3.12", secrets={"HF_TOKEN": "$HF_TOKEN"})',
      'Sandbox.create(forward_hf_token=True, env={"SEED": "1"})',
      "",
    ].join("\n");
    const found = analyzeText(text);
    expect(found.map((d) => `${d.location.row}:${d.code}`)).toEqual(["2:HFJ201", "3:HFJ202"]);
    expect(found[0]!.message).toBe(
      "`HF_TOKEN` is passed through `env` of `Sandbox.create`, where it is stored and shown in full; pass it in `secrets`, or pass `forward_hf_token=True`",
    );
    expect(found[1]!.message).toContain("; pass `forward_hf_token=True`");
    const fixed = fixUntilStable(text, { codes: ["HFJ201", "HFJ202"] }).text.split("\n");
    expect(fixed[1]).toBe('sbx = Sandbox.create(env={"SEED": "1"}, secrets={"HF_TOKEN": get_token()})');
    expect(fixed[2]).toBe('Sandbox.create("python:3.12", secrets={"HF_TOKEN": get_token()})');
  });

  test("aliases, the module object, a submodule import, **kwargs", () => {
    const text = [
      "import huggingface_hub as hh",
      "from huggingface_hub._sandbox import Sandbox as Box",
      'hh.Sandbox.create(env={"WANDB_API_KEY": key})',
      'opts = {"env": {"HF_TOKEN": tok}}',
      "Box.create(**opts)",
      "",
    ].join("\n");
    expect(rows(analyzeText(text), "HFJ201")).toEqual([3, 4]);
  });

  test("unknown keywords and extra positionals are HFJ206 (TypeError when the launcher runs)", () => {
    const text = ["from huggingface_hub import Sandbox", 'Sandbox.create("python:3.12", "cpu-basic", envs={"A": "1"})', ""].join("\n");
    expect(only(analyzeText(text), "HFJ206").map((d) => d.message)).toEqual([
      "`Sandbox.create` takes only `image` positionally: name this argument",
      "`Sandbox.create` has no parameter `envs`",
    ]);
  });
});

describe("a pool's create and a sandbox's run: env that no job stores", () => {
  test("no HFJ201 (the guide says to pass would-be secrets there), but placeholders and literals are sent as written", () => {
    const text = [
      "import os",
      "from huggingface_hub import SandboxPool, get_token",
      'with SandboxPool(image="python:3.12") as pool:',
      '    box = pool.create(env={"HF_TOKEN": get_token(), "WANDB_API_KEY": os.environ["WANDB_API_KEY"]})',
      '    pool.create(env={"HF_TOKEN": "$HF_TOKEN"})',
      '    box.run("python train.py", env={"HF_TOKEN": "${HF_TOKEN}"})',
      '    box.run(["python", "x.py"], env={"HF_TOKEN": "hf_xxx"})',
      '    box.run("python train.py", env={"HF_TOKEN": get_token()})',
      "",
    ].join("\n");
    expect(codesByRow(text)).toEqual(["5:HFJ202", "6:HFJ202", "7:HFJ102"]);
    expect(fixUntilStable(text, { codes: ["HFJ202"] }).text).toContain('pool.create(env={"HF_TOKEN": get_token()})');
  });

  test("a pool has no secrets parameter: HFJ206 says why and what to do", () => {
    const text = ["from huggingface_hub import SandboxPool", "pool = SandboxPool()", 'pool.create(secrets={"HF_TOKEN": t})', ""].join("\n");
    expect(only(analyzeText(text), "HFJ206")[0]!.message).toBe(
      "`SandboxPool.create` has no parameter `secrets`: a pooled sandbox has no secrets channel, and its `env` is stored in no job: pass the value in `env`, or `forward_hf_token=True` for the HF token",
    );
  });

  test("sandboxes from Sandbox.connect, SandboxPool.connect and `with Sandbox.create() as`", () => {
    const text = [
      "from huggingface_hub import Sandbox, SandboxPool",
      'Sandbox.connect("abc").run("x", env={"HF_TOKEN": "$HF_TOKEN"})',
      'pool = SandboxPool.connect("pool-1")',
      'pool.create(env={"HF_TOKEN": "$HF_TOKEN"})',
      "with Sandbox.create() as sbx:",
      '    sbx.run("x", env={"HF_TOKEN": "$HF_TOKEN"})',
      "",
    ].join("\n");
    expect(rows(analyzeText(text), "HFJ202")).toEqual([2, 4, 6]);
  });
});

describe("provenance: other libraries' sandboxes are not Hugging Face Jobs", () => {
  test("e2b, modal, a local class named Sandbox, an unresolved object", () => {
    const text = [
      "from e2b import Sandbox",
      'Sandbox.create(envs={"HF_TOKEN": "$HF_TOKEN"}).commands.run("x", envs={"HF_TOKEN": "$HF_TOKEN"})',
      "import modal",
      'modal.Sandbox.create(secrets=[modal.Secret.from_dict({"HF_TOKEN": "$HF_TOKEN"})])',
      "class Pool:",
      "    def create(self, env=None): ...",
      'Pool().create(env={"HF_TOKEN": "hf_xxx"})',
      "def go(sbx):",
      '    sbx.run("x", env={"HF_TOKEN": "$HF_TOKEN"})',
      "",
    ].join("\n");
    expect(analyzeText(text).filter((d) => ["HFJ201", "HFJ202", "HFJ102", "HFJ206"].includes(d.code))).toEqual([]);
  });
});

describe("the MCP server's hf_sandbox / hf_sandbox_exec tool calls", () => {
  test("doc form, keywords, one request dict, an MCP client's call_tool, args in a constant", () => {
    const text = [
      'hf_sandbox("create", ["--env", "HF_TOKEN=$HF_TOKEN"])',
      'hf_sandbox_exec(cmd="exec", args=["me/abc", "x", "--env", "HF_TOKEN=$HF_TOKEN"])',
      'hf_sandbox_exec({"cmd": "exec", "args": ["me/abc", "x", "--env", "K=$WANDB_API_KEY"]})',
      'ARGS = ["me/abc", "x", "--env", "HF_TOKEN=hf_xxx"]',
      'await session.call_tool("hf_sandbox_exec", {"cmd": "exec", "args": ARGS})',
      'hf_sandbox("create", ["--forward-hf-token"])',
      'hf_sandbox_exec("exec", ["me/abc", "echo $HF_TOKEN", "--env", "SEED=1"])',
      "",
    ].join("\n");
    expect(codesByRow(text)).toEqual(["1:HFJ206", "2:HFJ202", "3:HFJ205", "4:HFJ102"]);
  });

  test("another tool, a splat in args, and inline scripts of a tool call are not read", () => {
    const text = ['session.call_tool("other", {"cmd": "create", "args": ["--env", "X=1"]})', 'hf_sandbox("create", [*extra, "--env", "X=1"])', ""].join("\n");
    expect(analyzeText(text)).toEqual([]);
  });
});
