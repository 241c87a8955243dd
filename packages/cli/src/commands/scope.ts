/** `hf-jobs-lint scope SCRIPT.py`: the token a job script needs (none, read, write), with the evidence lines. */
import path from "node:path";
import { discoverFiles, findRepositoryRoot, redactText, relatedText, SourceText, type RelatedInformation } from "@hf-jobs-lint/core";
import { analyzeScriptNeeds, headerEvidence, initPythonParser } from "@hf-jobs-lint/python";
import { displayName, indexJobScripts, readSourceFile } from "@hf-jobs-lint/engine";
import { UsageError, type Io } from "../io.js";

export async function scopeCommand(script: string, options: { outputFormat?: "text" | "json" }, io: Io): Promise<number> {
  const absolute = path.resolve(io.cwd, script);
  const read = readSourceFile(absolute);
  if (!read.ok) throw new UsageError(`${script}: ${read.message}`);
  await initPythonParser();
  const needs = analyzeScriptNeeds(read.file.text);
  const jobScript = jobScriptEvidence(absolute, read.file.text, io.cwd);
  if (options.outputFormat === "json") {
    io.stdout(
      `${JSON.stringify({ script, level: needs.level, checksTokenEarly: needs.checksTokenEarly, jobScript, evidence: needs.evidence.map((e) => ({ ...e, text: redactText(e.text) })) }, null, 2)}\n`,
    );
    return 0;
  }
  io.stdout(`${script}: ${needs.level}\n`);
  io.stdout(
    jobScript
      ? `  ${relatedText(jobScript)}\n`
      : "  not a job script: nothing in the repository runs it as a job, so HFJ301 does not judge it (name it in `job-scripts` if a job runs it)\n",
  );
  for (const evidence of needs.evidence) io.stdout(`  ${script}:${evidence.row}: ${evidence.reason}: ${redactText(evidence.text.trim())}\n`);
  if (jobScript && needs.level !== "none" && !needs.checksTokenEarly) io.stdout(`  note: the script does not check HF_TOKEN before its first Hub operation (HFJ301)\n`);
  // Newer `hf jobs uv run` reads these from the PEP 723 header; the Python API and the tool call do not.
  if (needs.declaredSecrets.size > 0) io.stdout(`  header: [tool.hf-jobs] secrets = ${[...needs.declaredSecrets].join(", ")} (passed by \`hf jobs uv run\`)\n`);
  if (needs.level === "none") io.stdout("  no Hub operation needs a token: launch it without an HF_TOKEN secret\n");
  else io.stdout(`  least privilege: a ${needs.level === "write" ? "write" : "read-only"} token (fine-grained to the repos it touches) is enough\n`);
  return 0;
}

/** Why the repository says the script is a job script: its own header, or a launch anywhere in the repository. */
function jobScriptEvidence(absolute: string, text: string, cwd: string): RelatedInformation | null {
  const filename = displayName(absolute, cwd);
  const header = headerEvidence(new SourceText(text), filename);
  if (header) return header;
  const root = findRepositoryRoot(path.dirname(absolute), cwd);
  const files = discoverFiles([root], { root, exclude: [], respectGitignore: true }).files.map((file) => ({ filename: displayName(file.path, cwd), path: file.path }));
  if (!files.some((file) => file.path === absolute)) files.push({ filename, path: absolute });
  return indexJobScripts(files, { repoRoot: root, configRoot: root, jobScriptGlobs: [] })[absolute] ?? null;
}
