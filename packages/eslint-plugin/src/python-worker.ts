/**
 * The worker behind python-bridge.ts: it loads the Python grammar (asynchronously, as it must) and answers the
 * plugin's two questions about Python text with plain data, while the caller waits synchronously (synckit).
 */
import { runAsWorker } from "synckit";
import { SourceText } from "@hf-jobs-lint/core";
import { analyzePython, analyzeScriptNeeds, initPythonParser } from "@hf-jobs-lint/python";
import type { PythonRequest } from "./python-bridge.js";

runAsWorker(async (request: PythonRequest) => {
  await initPythonParser();
  if (request.op === "needs") return analyzeScriptNeeds(request.text);
  return analyzePython(
    { filename: request.filename, path: null, source: new SourceText(request.text), root: request.root, readFile: () => null, includeCounterexamples: false },
    { role: "script" },
  );
});
