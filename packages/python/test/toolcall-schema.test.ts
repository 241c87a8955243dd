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
