// Differences between shared/SPEC.md and today's behaviour, found while writing fixtures/rules. Each test pins
// today's (wrong) result, so it fails once the behaviour is fixed: then delete it and add the case to
// fixtures/rules/<CODE>/ as an `ok:` line.
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli } from "./helpers/run-cli.js";

afterAll(removeTrees);

async function codes(file: string, text: string, code: string): Promise<string[]> {
  const cwd = makeTree({ [file]: text });
  const result = await runCli(["check", file, "--select", code, "--output-format", "json", "--threads", "1"], { cwd });
  return (JSON.parse(result.stdout) as { code: string }[]).map((diagnostic) => diagnostic.code);
}

describe("known gaps against the spec", () => {
  // SPEC, HFJ102: "(provenance, never the parameter name alone ...)". The Python analyzer checks `token=` on
  // any call (packages/python/src/rules/literals.ts), so another library's client is reported.
  it("HFJ102 reports `token=` on a call that is not Hugging Face's (the spec says it should not)", async () => {
    expect(await codes("notify.py", `from slack_sdk import WebClient\n\nclient = WebClient(token="xoxb-not-a-hub-token")\n`, "HFJ102")).toEqual(["HFJ102"]);
  });
});
