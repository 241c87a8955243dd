/** `hf-jobs-lint scope SCRIPT.py`: the token a job script needs (none, read, write), with the evidence lines. */
import path from "node:path";
import { redactText } from "@hf-jobs-lint/core";
import { analyzeScriptNeeds, initPythonParser } from "@hf-jobs-lint/python";
import { readSourceFile } from "@hf-jobs-lint/engine";
import { UsageError, type Output } from "../io.js";

export async function scopeCommand(script: string, options: { outputFormat?: "text" | "json" }, io: Output): Promise<number> {
  const read = readSourceFile(path.resolve(io.cwd, script));
  if (!read.ok) throw new UsageError(`${script}: ${read.message}`);
  await initPythonParser();
  const needs = analyzeScriptNeeds(read.file.text);
  if (options.outputFormat === "json") {
    io.stdout(
      `${JSON.stringify({ script, level: needs.level, checksTokenEarly: needs.checksTokenEarly, evidence: needs.evidence.map((e) => ({ ...e, text: redactText(e.text) })) }, null, 2)}\n`,
    );
    return 0;
  }
  io.stdout(`${script}: ${needs.level}\n`);
  for (const evidence of needs.evidence) io.stdout(`  ${script}:${evidence.row}: ${evidence.reason}: ${redactText(evidence.text.trim())}\n`);
  if (needs.level !== "none" && !needs.checksTokenEarly) io.stdout(`  note: the script does not check HF_TOKEN before its first Hub operation (HFJ301)\n`);
  // Newer `hf jobs uv run` reads these from the PEP 723 header; the Python API and the tool call do not.
  if (needs.declaredSecrets.size > 0) io.stdout(`  header: [tool.hf-jobs] secrets = ${[...needs.declaredSecrets].join(", ")} (passed by \`hf jobs uv run\`)\n`);
  if (needs.level === "none") io.stdout("  no Hub operation needs a token: launch it without an HF_TOKEN secret\n");
  else io.stdout(`  least privilege: a ${needs.level === "write" ? "write" : "read-only"} token (fine-grained to the repos it touches) is enough\n`);
  return 0;
}
