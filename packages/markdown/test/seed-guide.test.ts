/**
 * The seed guide the project enforces (a copy of shared/seeds/token_usage.zh.md, kept as a fixture). It teaches
 * the right forms and shows the wrong ones as deliberate counter-examples marked `❌`/`⚠️`/`错误`/`不推荐`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Analyzer } from "@hf-jobs-lint/core";
import { pythonAnalyzer } from "@hf-jobs-lint/python";
import { createMarkdownAnalyzer } from "../src/index.js";
import { analyzeText } from "../../../test/helpers/analyzer-harness.js";

const guide = readFileSync(path.resolve(__dirname, "../../../fixtures/markdown/token_usage.zh.md"), "utf8");
let md: Analyzer;
beforeAll(async () => {
  await pythonAnalyzer.init!();
  md = createMarkdownAnalyzer({ python: pythonAnalyzer, analyzeScriptNeeds: null });
});

/** Rows of the guide's counter-example lines, and why each is one. */
const COUNTER_EXAMPLE_ROWS = new Map<number, string>([
  [65, '方法 2 (heading "不推荐"): "secrets": {"HF_TOKEN": "hf_abc123..."}  # ⚠️ 硬编码令牌'],
  [85, '方法 3: "env": {"HF_TOKEN": "hf_abc123..."}  # ⚠️ 比 secrets 安全性低 (token through env)'],
  [296, '"# ❌ 错误 - 使用 env 而非 secrets" group: "env": {"HF_TOKEN": "$HF_TOKEN"}'],
  [302, '"# ❌ 错误 - 键名错误" group: "secrets": {"TOKEN": "$HF_TOKEN"} (misnamed secret)'],
  [344, '"**❌ 错误：**" above the fence: token = "hf_abc123xyz..."'],
  [345, '"**❌ 错误：**" above the fence: api = HfApi(token=token)'],
  [361, '"**❌ 错误：**" above the fence: "env": {"HF_TOKEN": "$HF_TOKEN"}'],
  [379, '"**❌ 错误：**" above the fence: "secrets": {"HF_TOKEN": "hf_abc123..."}'],
]);

describe("seed guide token_usage.zh.md", () => {
  it("gets no finding at all by default", async () => {
    // - Its ❌/⚠️ blocks and lines are counter-examples: skipped (rows above).
    // - What it teaches as right stays clean: `hf_jobs("uv", {"secrets": {"HF_TOKEN": "$HF_TOKEN"}})` is the right
    //   tool-call form (the MCP server substitutes exactly `$HF_TOKEN`), `HfApi()` reads the environment, the
    //   inline scripts check `HF_TOKEN` before pushing, and `token[:10]` in an error message is an allowed prefix.
    // - `hf_abc123...` / `hf_abc123xyz...` are placeholders, not tokens: no HFJ101 anywhere, prose included.
    // - Python snippets that push (`model.push_to_hub`) are illustrations, not job script files: HFJ301 does not
    //   apply to docs.
    expect(await analyzeText(md, "docs/token_usage.zh.md", guide)).toEqual([]);
  });

  it("with --include-counterexamples, reports its counter-examples and nothing else", async () => {
    const found = await analyzeText(md, "docs/token_usage.zh.md", guide, { includeCounterexamples: true });
    const summary = found.map((d) => `${d.code}@${d.location.row}`);
    // The Python analyzer's findings on the counter-examples it understands today:
    expect(summary).toEqual(expect.arrayContaining(["HFJ201@85", "HFJ201@296", "HFJ204@302", "HFJ201@361"]));
    // Whatever else it learns to see, every finding lies on a counter-example line (none on a right example).
    for (const d of found) expect(COUNTER_EXAMPLE_ROWS.has(d.location.row), `${d.code}@${d.location.row}: ${d.message}`).toBe(true);
    expect(found.some((d) => d.code === "HFJ101")).toBe(false);
  });

  it("a copy of a counter-example without its marks is reported", async () => {
    const snippet = 'Launch it:\n\n```python\nhf_jobs("uv", {\n    "script": "...",\n    "env": {"HF_TOKEN": "$HF_TOKEN"}\n})\n```\n';
    const found = await analyzeText(md, "docs/copy.md", snippet);
    expect(found.map((d) => [d.code, d.location.row])).toEqual([["HFJ201", 6]]);
  });
});
