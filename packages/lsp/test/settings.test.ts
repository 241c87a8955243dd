// The client's settings and the configuration files, as `check` run from the workspace folder would read them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigCache, DEFAULT_SETTINGS, documentSettings, normaliseSettings } from "../src/settings.js";

const made: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-lsp-settings-")));
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

describe("client settings", () => {
  it("takes known keys, normalises rule names to codes, and reports wrong values without failing", () => {
    const { settings, problems } = normaliseSettings({ select: ["no-token-in-env", "HFJ1"], unsafeFixes: true, run: "onSave", enable: "yes", ignore: ["HFJ999"] });
    expect(settings.select).toEqual(["HFJ201", "HFJ1"]);
    expect(settings.unsafeFixes).toBe(true);
    expect(settings.run).toBe("onSave");
    expect(settings.enable).toBe(true);
    expect(settings.ignore).toBeNull();
    expect(problems).toEqual(["hf-jobs-lint.enable must be true or false", "hf-jobs-lint.ignore: unknown rule `HFJ999`"]);
    expect(normaliseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(normaliseSettings(42).problems).toHaveLength(1);
  });
});

describe("a document's check settings", () => {
  it("come from the nearest configuration of the document's folder, the client's lists over it", () => {
    const dir = folder({
      "pyproject.toml": '[tool.hf-jobs-lint]\nignore = ["HFJ201"]\nexclude = ["vendor"]\n',
      "pkg/hf-jobs-lint.toml": 'extend-select = ["HFJ302"]\nper-file-ignores = { "gen/*.py" = ["HFJ101"] }\n',
      ".git/HEAD": "",
    });
    const cache = new ConfigCache();
    const top = documentSettings(path.join(dir, "launch.py"), dir, DEFAULT_SETTINGS, cache);
    expect(top.check.enabled).not.toContain("HFJ201");
    expect(top.exclude).toEqual(["vendor"]);
    expect(top.check.configRoot).toBe(dir);
    expect(top.check.repoRoot).toBe(dir);

    const nested = documentSettings(path.join(dir, "pkg", "gen", "a.py"), dir, DEFAULT_SETTINGS, cache);
    expect(nested.configFile).toBe(path.join(dir, "pkg", "hf-jobs-lint.toml"));
    expect(nested.check.enabled).toContain("HFJ302");
    expect(nested.check.perFileIgnores).toEqual({ "gen/*.py": ["HFJ101"] });
    expect(nested.check.configRoot).toBe(path.join(dir, "pkg"));

    // The client's `select` starts afresh, as `--select` does: the configuration's `ignore` no longer applies.
    const selected = documentSettings(path.join(dir, "launch.py"), dir, { ...DEFAULT_SETTINGS, select: ["HFJ201"] }, cache);
    expect(selected.check.enabled).toEqual(["HFJ201"]);
  });

  it("use the file `configuration` names, relative to the workspace folder, and say what is wrong with a broken one", () => {
    const dir = folder({ "ci/lint.toml": 'select = ["HFJ101"]\n', "bad/hf-jobs-lint.toml": "select = 3\n" });
    const named = documentSettings(path.join(dir, "a.py"), dir, { ...DEFAULT_SETTINGS, configuration: "ci/lint.toml" }, new ConfigCache());
    expect(named.check.enabled).toEqual(["HFJ101"]);
    expect(() => documentSettings(path.join(dir, "bad", "a.py"), dir, DEFAULT_SETTINGS, new ConfigCache())).toThrow(/select.*must be a list/);
  });

  it("without a configuration file, patterns are relative to the workspace folder, as for `check` run there", () => {
    const dir = folder({ "src/a.py": "" });
    const settings = documentSettings(path.join(dir, "src", "a.py"), dir, DEFAULT_SETTINGS, new ConfigCache());
    expect(settings.configFile).toBeNull();
    expect(settings.check.configRoot).toBe(dir);
  });
});
