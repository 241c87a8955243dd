import { defineRule } from "../define.js";

export const unusedNoqa = defineRule({
  code: "HFJ901",
  name: "unused-noqa",
  summary: "A `# noqa` directive names a rule that reports nothing on its line",
  defaultSeverity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  fixSummary: "remove the unused codes (the whole comment when none is left)",
  surfaces: ["py", "sh"],
  docs: {
    whatItDoes:
      "Checks `# noqa: HFJ...` directives in Python files, shell scripts, CI YAML and notebooks' code cells for codes of this tool that report nothing on their line, as Ruff's `RUF100` does. " +
      "Codes of other linters in the same directive (`# noqa: E501, HFJ101`) and a bare `# noqa` are left alone: they may be Ruff's or flake8's. " +
      "A code of this tool's shape that the catalog does not know (`# noqa: HFJ999`) is not a finding but a warning on every run.",
    whyBad:
      "A suppression outlives the mistake it was written for: once the token is gone from the line, `# noqa: HFJ101` silently hides the next token someone pastes there. " +
      "Unused directives also teach readers that the line is an accepted exception when it no longer is.",
    examples: [
      {
        language: "python",
        bad: `import os

token = os.environ["HF_TOKEN"]  # noqa: HFJ101`,
        good: `import os

token = os.environ["HF_TOKEN"]`,
      },
      {
        language: "shell",
        bad: `hf jobs uv run --secrets HF_TOKEN train.py  # noqa: HFJ207`,
        good: `hf jobs uv run --secrets HF_TOKEN train.py`,
      },
    ],
    fixSafety:
      "The fix is unsafe: the directive is found by its text on the line, and a `# noqa` inside a string literal (or a heredoc) looks the same; " +
      "removing it there would change the string. Review the diff (`--diff --unsafe-fixes`) before applying it.",
  },
});
