import { analyzeText, setup, summary } from "./helpers.js";
import { withPythonTree, walk } from "../src/parser.js";
beforeAll(setup);
test("dbg", () => {
  const t = `from huggingface_hub import login\n\nlogin("hf_...")\nlogin("hf_...")\n`;
  console.log(summary(analyzeText(t)));
  withPythonTree(t, (tree) => { for (const n of walk(tree.rootNode)) console.log(n.type, n.startIndex, n.parent?.type, n.hasError, n.isMissing); });
});
