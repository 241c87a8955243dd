import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigDiscovery, ConfigError, DEFAULT_TEST_FILES, TEST_FILE_IGNORED_CODES, findConfig, loadConfigFile } from "@hf-jobs-lint/core";

const made: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-config-"));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("configuration", () => {
  it("reads [tool.hf-jobs-lint] from pyproject.toml, normalising names to codes", () => {
    const dir = tempDir({
      "pyproject.toml":
        '[project]\nname = "x"\n\n[tool.hf-jobs-lint]\nselect = ["HFJ1", "no-token-in-env"]\nignore = ["hf-jobs/no-token-output"]\nextend-exclude = ["vendor"]\n[tool.hf-jobs-lint.per-file-ignores]\n"tests/**" = ["HFJ101"]\n',
      "sub/deeper/file.py": "",
    });
    const loaded = findConfig(path.join(dir, "sub", "deeper"));
    expect(loaded.file).toBe(path.join(dir, "pyproject.toml"));
    expect(loaded.root).toBe(dir);
    expect(loaded.config).toEqual({ select: ["HFJ1", "HFJ201"], ignore: ["HFJ103"], extendExclude: ["vendor"], perFileIgnores: { "tests/**": ["HFJ101"] } });
  });

  it("prefers hf-jobs-lint.toml over pyproject.toml in the same folder", () => {
    const dir = tempDir({ "pyproject.toml": '[tool.hf-jobs-lint]\nselect = ["HFJ101"]\n', "hf-jobs-lint.toml": 'select = ["HFJ201"]\n' });
    expect(findConfig(dir).config.select).toEqual(["HFJ201"]);
  });

  it("skips a pyproject.toml without the section and keeps looking upwards", () => {
    const dir = tempDir({ "hf-jobs-lint.toml": 'ignore = ["HFJ301"]\n', "pkg/pyproject.toml": '[project]\nname = "pkg"\n' });
    expect(findConfig(path.join(dir, "pkg")).config.ignore).toEqual(["HFJ301"]);
  });

  it("reads `test-files`; the defaults are Ruff-like and drop HFJ102 only", () => {
    const dir = tempDir({ "hf-jobs-lint.toml": 'test-files = ["qa/**", "**/check_*.py"]\n' });
    expect(findConfig(dir).config.testFiles).toEqual(["qa/**", "**/check_*.py"]);
    expect(DEFAULT_TEST_FILES).toEqual(["**/tests/**", "**/e2e/**", "**/test_*.py", "**/*_test.py", "**/conftest.py", "**/*.test.ts", "**/*.spec.ts", "**/__tests__/**"]);
    expect(TEST_FILE_IGNORED_CODES).toEqual(["HFJ102"]);
  });

  it("returns an empty configuration rooted at the start when there is none", () => {
    const dir = tempDir({});
    const loaded = findConfig(dir);
    // The system temp folder has no configuration above it.
    expect(loaded).toEqual({ config: {}, file: null, root: dir });
  });

  it.each([
    ['selct = ["HFJ101"]\n', /unknown option `selct`/],
    ['select = ["HFJ999"]\n', /unknown rule `HFJ999`/],
    ['select = "HFJ101"\n', /must be a list of strings/],
    ["respect-gitignore = 1\n", /must be true or false/],
    ['test-files = "tests/**"\n', /`test-files` must be a list of strings/],
    ["select = [\n", /invalid TOML/],
  ])("rejects %j with a clear error", (text, message) => {
    const dir = tempDir({ "hf-jobs-lint.toml": text });
    expect(() => loadConfigFile(path.join(dir, "hf-jobs-lint.toml"))).toThrow(ConfigError);
    expect(() => loadConfigFile(path.join(dir, "hf-jobs-lint.toml"))).toThrow(message);
  });
});

describe("pattern matchers over many paths", () => {
  it("answer the same before and after they are compiled afresh (every 1,024 paths)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-matchers-"));
    fs.writeFileSync(path.join(root, "hf-jobs-lint.toml"), 'extend-exclude = ["build/"]\n[per-file-ignores]\n"scripts/*.py" = ["HFJ301"]\n');
    const config = new ConfigDiscovery({ cwd: root }).forFolder(root);
    for (let i = 0; i < 3000; i++) {
      const folder = ["src", "tests", "scripts", "build"][i % 4]!;
      const file = path.join(root, folder, `f${i}.py`);
      expect(config.isTestFile(file)).toBe(folder === "tests");
      expect(config.ignoredSelectors(file)).toEqual(folder === "scripts" ? ["HFJ301"] : folder === "tests" ? [...TEST_FILE_IGNORED_CODES] : []);
      expect(config.isExcluded(file, false)).toBe(folder === "build");
    }
    fs.rmSync(root, { recursive: true, force: true });
  });
});
