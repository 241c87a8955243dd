import { analyzeText, setup } from "./helpers.js";

beforeAll(setup);

test("a 250 kB launcher (1000 launch functions) is analysed within a bounded time", () => {
  const block = [
    "def launch_{i}(api, seed):",
    "    env = {\"MODE\": \"eval\", \"SEED\": str(seed)}",
    "    kwargs = dict(flavor=\"a10g-small\", timeout=\"2h\")",
    "    kwargs[\"secrets\"] = {\"HF_TOKEN\": get_token()}",
    "    if seed > 3:",
    "        print(f\"seed {seed} for {api}\")",
    "    return api.run_uv_job(\"train.py\", script_args=[\"--seed\", str(seed)], env=env, **kwargs)",
    "",
  ].join("\n");
  const parts = ["from huggingface_hub import HfApi, get_token", ""];
  let size = 0;
  for (let i = 0; size < 250_000; i++) {
    const text = block.replace("{i}", String(i));
    parts.push(text);
    size += text.length;
  }
  const started = performance.now();
  const diagnostics = analyzeText(parts.join("\n"));
  const elapsed = performance.now() - started;
  expect(diagnostics).toEqual([]);
  // Measured about 1.6 s here (web-tree-sitter node access dominates); the bound only catches quadratic regressions.
  expect(elapsed).toBeLessThan(10_000);
});
