// `test-files`: in test files a fake token passed where a token goes is the point of the test, so the engine
// drops HFJ102 there (core's TEST_FILE_IGNORED_CODES); a real-looking token is still HFJ101.
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterAll(removeTrees);

const FAKE = `from huggingface_hub import HfApi\n\nHfApi(token="my-token").whoami()\n`;
// Made up, in the shape HFJ101 knows.
const REAL_LOOKING = `from huggingface_hub import HfApi\n\nHfApi(token="hf_${"aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0zC1d"}").whoami()\n`;

async function findings(files: Record<string, string>, select = "HFJ101,HFJ102"): Promise<string[]> {
  const cwd = makeTree(files);
  const result = await runCli(["check", ".", "--select", select, "--output-format", "json", "--threads", "1"], { cwd });
  return (JSON.parse(result.stdout) as { code: string; filename: string }[]).map((d) => `${d.filename.split(/[\\/]/).slice(-2).join("/")} ${d.code}`).sort();
}

describe("test-files", () => {
  it("by default, no HFJ102 in tests/, test_*.py, *_test.py and conftest.py; launchers still get it", async () => {
    const result = await findings({ "tests/fixtures.py": FAKE, "pkg/test_api.py": FAKE, "pkg/api_test.py": FAKE, "conftest.py": FAKE, "pkg/launch.py": FAKE });
    expect(result).toEqual(["pkg/launch.py HFJ102"]);
  });

  it("a real-looking token in a test file is still HFJ101", async () => {
    expect(await findings({ "tests/test_login.py": REAL_LOOKING })).toEqual(["tests/test_login.py HFJ101"]);
  });

  it("the setting replaces the defaults; an empty list checks tests like any file", async () => {
    expect(await findings({ "hf-jobs-lint.toml": 'test-files = ["qa/**"]\n', "qa/check.py": FAKE, "tests/test_api.py": FAKE })).toEqual(["tests/test_api.py HFJ102"]);
    expect(await findings({ "hf-jobs-lint.toml": "test-files = []\n", "tests/test_api.py": FAKE })).toEqual(["tests/test_api.py HFJ102"]);
  });

  it("adds to per-file-ignores for the same glob rather than replacing it", async () => {
    const config = 'test-files = ["tests/**"]\n[per-file-ignores]\n"tests/**" = ["HFJ101"]\n';
    expect(await findings({ "hf-jobs-lint.toml": config, "tests/test_login.py": REAL_LOOKING + FAKE })).toEqual([]);
  });
});
