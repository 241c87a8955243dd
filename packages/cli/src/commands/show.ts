/**
 * `--show-files` and `--show-settings`, as in Ruff: what would be checked (absolute paths, sorted), and the
 * settings the first of those files is checked with (its configuration file, the `extend` chain, the rules).
 */
import path from "node:path";
import { redactText } from "@hf-jobs-lint/core";
import { UsageError, type Io } from "../io.js";
import { SettingsResolver } from "../settings.js";
import { findTargets, type CheckOptions } from "./check.js";

export function showCommand(paths: string[], options: CheckOptions, io: Io): number {
  const resolver = new SettingsResolver(options, io.cwd);
  const { targets, errors } = findTargets(paths, options, io, resolver);
  for (const error of errors) io.stderr(redactText(`${error.filename}: error: ${error.message}\n`));
  if (options.showFiles) {
    const files = targets.map((target) => target.path ?? path.resolve(io.cwd, options.stdinFilename ?? target.filename)).sort();
    io.stdout(files.map((file) => `${file}\n`).join(""));
    return 0;
  }
  const first = targets[0];
  if (!first) throw new UsageError("--show-settings: no file found under the given path(s)");
  const file = first.path ?? path.resolve(io.cwd, options.stdinFilename ?? first.filename);
  const { settings, config } = resolver.forFile(file, io.cwd);
  const loaded = config.loaded;
  const lines = [
    `Resolved settings for: "${file}"`,
    `Settings path: ${loaded.file ? `"${loaded.file}"` : "(none: defaults)"}`,
    ...(loaded.chain && loaded.chain.length > 1
      ? [
          `Extends: ${loaded.chain
            .slice(0, -1)
            .map((entry) => `"${entry}"`)
            .join(" <- ")}`,
        ]
      : []),
    "",
    `file_kind = ${first.kind}`,
    `repository_root = "${settings.repoRoot}"`,
    `configuration_root = "${loaded.root}"`,
    `respect_gitignore = ${resolver.respectGitignore(io.cwd)}`,
    `include_counterexamples = ${settings.includeCounterexamples}`,
    `test_file = ${config.isTestFile(file)}`,
    `ignored_here = [${config
      .ignoredSelectors(file)
      .map((code) => `"${code}"`)
      .join(", ")}]`,
    `enabled = [`,
    ...settings.enabled.map((code) => `\t"${code}",`),
    `]`,
    `exclude = ${JSON.stringify(loaded.excludeSets ?? [])}`,
    `per_file_ignores = ${JSON.stringify(loaded.perFileIgnoreSets ?? [])}`,
    `test_files = ${JSON.stringify(loaded.testFileSet ?? { root: loaded.root, patterns: config.config.testFiles ?? "defaults" })}`,
  ];
  io.stdout(redactText(`${lines.join("\n")}\n`));
  return 0;
}
