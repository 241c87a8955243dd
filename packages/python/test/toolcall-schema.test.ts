import { analyzeText, fixUntilStable, rows, setup } from "./helpers.js";

beforeAll(setup);

describe("the hf_jobs tool called through an MCP client (server schema)", () => {
  test('call_tool("hf_jobs", {"operation": ..., "args": {...}}) is a tool-call launch', () => {
    const text = [
      "async def submit(session):",
      '    return await session.call_tool("hf_jobs", {',
      '        "operation": "uv",',
      '        "args": {"script": "x.py", "dependencies": ["trl"], "env": {"HF_TOKEN": "$HF_TOKEN"}},',
      "    })",
      "",
    ].join("\n");
    const diagnostics = analyzeText(text);
    expect(rows(diagnostics, "HFJ206")).toEqual([4]);
    expect(rows(diagnostics, "HFJ201")).toEqual([4]);
    const run = fixUntilStable(text, { codes: ["HFJ201", "HFJ206"] });
    expect(run.text).toContain(`"args": {"script": "x.py", "with_deps": ["trl"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}},`);
  });

  test("keyword form and a schema held in a variable", () => {
    const text = `payload = {"operation": "run", "args": {"image": "ubuntu", "command": ["true"], "secrets": {"HF_TOKEN": "$HF_TOKEN"}, "env": {"X": "$WANDB_API_KEY"}}}\nclient.call_tool(name="hf_jobs", arguments=payload)\n`;
    expect(rows(analyzeText(text), "HFJ205")).toEqual([1]);
  });

  test("other tools with the same shape are not hf_jobs", () => {
    const text = `session.call_tool("other_tool", {"operation": "uv", "args": {"env": {"HF_TOKEN": "$HF_TOKEN"}}})\n`;
    expect(analyzeText(text)).toEqual([]);
  });
});

describe("tool-call details the MCP server decides (hf-mcp-server packages/mcp/src/jobs)", () => {
  test("the operation is lower-cased and nothing else: `UV` is the uv operation, ` uv` is no operation", () => {
    expect(rows(analyzeText(`hf_jobs("UV", {"script": "x.py", "dependencies": ["trl"]})\n`), "HFJ206")).toEqual([1]);
    expect(rows(analyzeText(`hf_jobs("Scheduled UV", {"schedule": "@daily", "script": "x.py", "deps": ["trl"]})\n`), "HFJ206")).toEqual([1]);
    expect(analyzeText(`hf_jobs(" uv", {"script": "x.py", "dependencies": ["trl"]})\n`)).toEqual([]);
  });

  test("timeout and flavor values the schema rejects, a timeout it misreads; the number becomes a string", () => {
    const text = [
      'hf_jobs("uv", {"script": "x.py", "timeout": 3600})',
      'hf_jobs("uv", {"script": "x.py", "timeout": "90min", "flavor": "h200"})',
      "LIMIT = 7200",
      'hf_jobs("run", {"image": "python:3.12", "command": ["true"], "timeout": LIMIT, "flavor": "a10g-large"})',
      'hf_jobs("uv", {"script": "x.py", "timeout": "2h", "flavor": "cpu-basic"})',
      "",
    ].join("\n");
    const found = analyzeText(text).filter((d) => d.code === "HFJ206");
    expect(found.map((d) => [d.location.row, d.location.column, d.fix?.applicability ?? null])).toEqual([
      [1, 45, "safe"],
      [2, 45, null],
      [2, 64, null],
      [4, 73, null],
    ]);
    expect(fixUntilStable(text, { codes: ["HFJ206"] }).text.split("\n")[0]).toBe('hf_jobs("uv", {"script": "x.py", "timeout": "3600"})');
  });

  test("the MCP server's flat legacy shape is judged; another server's flat hf_jobs is not", () => {
    const mcpFlat = `session.call_tool("hf_jobs", {"operation": "uv", "script": "x.py", "dependencies": ["trl"], "timeout": 60})\n`;
    expect(rows(analyzeText(mcpFlat), "HFJ206")).toEqual([1, 1]);
    // ml-intern's hf_jobs: `run` takes `script`, `dependencies` and `hardware_flavor`, and it injects the token itself.
    const foreign = [
      'session.call_tool("hf_jobs", {"operation": "run", "script": "x.py", "dependencies": ["trl"], "hardware_flavor": "a10g-large", "timeout": 3600, "secrets": {"HF_TOKEN": "$HF_TOKEN"}, "env": {"WANDB_API_KEY": "$WANDB_API_KEY"}})',
      'hf_jobs(operation="run", script="x.py", dependencies=["trl"], hardware_flavor="a10g-large", timeout=3600)',
      "",
    ].join("\n");
    expect(analyzeText(foreign)).toEqual([]);
  });
});
