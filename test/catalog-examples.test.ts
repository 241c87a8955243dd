// The catalog's documentation examples are tests: every "Example" block (`bad`) fires its rule and every "Use
// instead" block (`good`) does not, each checked by the CLI as a file of its language (so through that
// language's analyzer), with only that rule selected. An example that mentions `train.py` ("train.py ends
// with trainer.push_to_hub()") gets that script beside it, in a throwaway repository, and one that names a dotenv
// file gets the one its comment describes (`.env.secrets` with placeholders, `.env.bare` with bare keys).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RULES, type ExampleLanguage } from "@hf-jobs-lint/core";
import { runCli, withoutNotes } from "./helpers/run-cli.js";

const EXTENSION: Record<ExampleLanguage, string> = { python: "py", typescript: "ts", shell: "sh", markdown: "md", yaml: "yml" };

/** The job script the examples name: trains and pushes the model, so the launch needs an HF_TOKEN secret. */
const TRAIN_SCRIPT = `from transformers import Trainer, TrainingArguments

trainer = Trainer(model="gpt2", args=TrainingArguments(output_dir="out"))
trainer.train()
trainer.push_to_hub()
`;

const repo = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-examples-"));
fs.mkdirSync(path.join(repo, ".git"));
fs.writeFileSync(path.join(repo, "train.py"), TRAIN_SCRIPT);
fs.writeFileSync(path.join(repo, ".env.secrets"), "HF_TOKEN=${HF_TOKEN}\nWANDB_API_KEY=$WANDB_API_KEY\n");
fs.writeFileSync(path.join(repo, ".env.bare"), "HF_TOKEN\nWANDB_API_KEY\n");
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

async function codesFired(code: string, file: string, text: string): Promise<string[]> {
  fs.writeFileSync(path.join(repo, file), text.endsWith("\n") ? text : `${text}\n`);
  const result = await runCli(["check", file, "--select", code, "--output-format", "json", "--threads", "1"], { cwd: repo });
  // `note:` lines (a launched script that is not there) are information, not errors.
  expect(withoutNotes(result.stderr), `${file}: the CLI reported an error`).toBe("");
  return (JSON.parse(result.stdout) as { code: string }[]).map((diagnostic) => diagnostic.code);
}

const cases = RULES.flatMap((rule) => rule.docs.examples.map((example, index) => ({ code: rule.code, index, example, stem: `${rule.code.toLowerCase()}-${index}` })));

describe("catalog examples", () => {
  it("has about 37 examples, each with an Example and a Use instead block", () => {
    expect(cases.length).toBeGreaterThanOrEqual(37);
  });

  describe.each(cases)("$code example $index ($example.language)", ({ code, example, stem }) => {
    const extension = EXTENSION[example.language];
    it(`the Example block fires ${code}`, async () => {
      expect(await codesFired(code, `${stem}-example.${extension}`, example.bad)).toContain(code);
    });
    it(`the Use instead block does not fire ${code}`, async () => {
      expect(await codesFired(code, `${stem}-use-instead.${extension}`, example.good)).toEqual([]);
    });
  });
});
