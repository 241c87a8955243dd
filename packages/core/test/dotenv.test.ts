/** Dotenv files as `hf jobs` reads `--env-file`/`--secrets-file` (huggingface_hub utils/_dotenv.py), and the rules on them. */
import { describe, expect, test } from "vitest";
import { checkJobsCommandLine, fileKind, namedFileCandidates, namedFileLookup, parseDotenv, type ArgvElement, type NamedFile } from "../src/index.js";

describe("parseDotenv", () => {
  test("entries with their lines and offsets; comments, blanks and non-entries are skipped", () => {
    const text = ["# comment", "", "export HF_TOKEN=${HF_TOKEN}", '  A = "x y"  # trailing', "B='$C'", "BARE", "EMPTY=", "not an entry: here", "D=v#c"].join("\n");
    const entries = parseDotenv(text);
    expect(entries.map((e) => [e.key, e.line, e.written, e.value])).toEqual([
      ["HF_TOKEN", 3, "${HF_TOKEN}", "${HF_TOKEN}"],
      ["A", 4, '"x y"', "x y"],
      ["B", 5, "'$C'", "$C"],
      ["BARE", 6, null, null],
      ["EMPTY", 7, "", ""],
      // hf's pattern reads a line of words as the bare key of its first word (its value comes from the environment).
      ["not", 8, null, null],
      ["D", 9, "v", "v"],
    ]);
    const a = entries[1]!;
    expect(text.slice(a.keyStart, a.keyEnd)).toBe("A");
    expect(text.slice(a.valueStart, a.valueEnd)).toBe('"x y"');
  });

  test("CRLF line endings keep offsets exact", () => {
    const text = "X=1\r\nHF_TOKEN=$HF_TOKEN\r\n";
    const entry = parseDotenv(text)[1]!;
    expect([entry.key, entry.value, text.slice(entry.valueStart, entry.valueEnd)]).toEqual(["HF_TOKEN", "$HF_TOKEN", "$HF_TOKEN"]);
  });
});

describe("dotenv files on the command line", () => {
  const files: Record<string, string> = {
    ".env.secrets": "HF_TOKEN=${HF_TOKEN}\nWANDB_API_KEY=$WANDB_API_KEY\nPASSWORD=pa$Sword\n",
    ".env.bare": "HF_TOKEN\nWANDB_API_KEY\n",
    ".env": "LOG_LEVEL=info\nHF_TOKEN\nOPENAI_API_KEY=sk-fake\n",
    ".env.plain": "EPOCHS=3\nMAX_NEW_TOKENS=256\n",
    ".env.placeholder": "HF_TOKEN=hf_xxx\n",
  };
  const lookup = (written: string): NamedFile | null => (files[written] !== undefined ? { label: `\`${written}\``, text: files[written]! } : null);
  const argv = (line: string): ArgvElement[] => line.split(" ").map((value) => ({ value, literal: !value.includes("$") }));
  const found = (line: string) => checkJobsCommandLine(argv(line), { dotenvFile: lookup }).map((f) => `${f.code}@${f.index}-${f.endIndex}`);

  test("placeholders in a --secrets-file: HFJ202 for $HF_TOKEN, HFJ205 for another whole-value $NAME", () => {
    expect(found("hf jobs uv run --secrets-file .env.secrets train.py")).toEqual(["HFJ202@4-5", "HFJ205@4-5"]);
    const [first] = checkJobsCommandLine(argv("hf jobs uv run --secrets-file .env.secrets train.py"), { dotenvFile: lookup });
    expect(first!.message).toBe(
      "`HF_TOKEN=${HF_TOKEN}` on line 1 of `.env.secrets` (`--secrets-file`) is sent as literal text: `hf jobs` expands nothing in the file; write the bare key `HF_TOKEN` to pass your login's token",
    );
    expect(found("hf jobs uv run --secrets-file .env.bare train.py")).toEqual([]);
    expect(found("hf jobs uv run --secrets-file=.env.placeholder train.py")).toEqual(["HFJ102@4-4"]);
  });

  test("token-like keys in an --env-file: HFJ201 with the flag renamed, unless the line has a --secrets-file or sets a file key", () => {
    const [finding] = checkJobsCommandLine(argv("hf jobs uv run --env-file .env train.py"), { dotenvFile: lookup });
    expect(finding).toMatchObject({ code: "HFJ201", index: 4, endIndex: 5, fix: { applicability: "safe", ops: [{ op: "replace", index: 4, value: "--secrets-file" }] } });
    expect(finding!.message).toBe(
      "`.env` (`--env-file`) sets `HF_TOKEN` (line 2) and 1 more token-like key, which `hf jobs` passes as plain env, stored and shown in full; pass the file with `--secrets-file`",
    );
    expect(checkJobsCommandLine(argv("hf jobs uv run --env-file=.env train.py"), { dotenvFile: lookup })[0]!.fix!.ops).toEqual([
      { op: "replace", index: 4, value: "--secrets-file=.env" },
    ]);
    expect(checkJobsCommandLine(argv("hf jobs uv run --env-file .env --secrets-file .env.bare train.py"), { dotenvFile: lookup })[0]!.fix).toBeNull();
    expect(checkJobsCommandLine(argv("hf jobs uv run --env-file .env -s LOG_LEVEL=debug train.py"), { dotenvFile: lookup })[0]!.fix).toBeNull();
    expect(found("hf jobs uv run --env-file .env.plain train.py")).toEqual([]);
    expect(found("hf jobs uv run --secrets-file .env train.py")).toEqual([]);
  });

  test("nothing without a lookup, for a missing file, or a name with a substitution", () => {
    expect(checkJobsCommandLine(argv("hf jobs uv run --secrets-file .env.secrets train.py"))).toEqual([]);
    expect(found("hf jobs uv run --secrets-file .env.missing train.py")).toEqual([]);
    expect(found("hf jobs uv run --secrets-file $FILE train.py")).toEqual([]);
  });
});

describe("resolution and file kinds", () => {
  test("beside the file holding the command, then at the root; substitutions, URLs and ~ name nothing", () => {
    expect(namedFileCandidates(".env", "/repo/scripts/run.sh", "/repo")).toEqual(["/repo/scripts/.env", "/repo/.env"]);
    expect(namedFileCandidates(".env", null, "/repo")).toEqual(["/repo/.env"]);
    for (const written of ["$ENV_FILE", "~/.env", "https://example.com/.env", "`pick`", ""]) expect(namedFileCandidates(written, "/repo/run.sh", "/repo")).toEqual([]);
    const read: string[] = [];
    const lookup = namedFileLookup({ path: "/repo/scripts/run.sh", root: "/repo", readFile: (p) => (read.push(p), p === "/repo/.env" ? "A=1\n" : null) });
    expect(lookup(".env")).toEqual({ label: "`.env`", text: "A=1\n" });
    expect(lookup(".env")).toEqual({ label: "`.env`", text: "A=1\n" });
    expect(read).toEqual(["/repo/scripts/.env", "/repo/.env"]);
  });

  test("dotenv files by name", () => {
    for (const name of [".env", ".env.local", ".env.example", "app/.env.secrets", ".envrc", "prod.env"]) expect(fileKind(name), name).toBe("dotenv");
    for (const name of ["env.py", ".environment.yml", "environment.yml", "envs/x.sh", ".env.d.ts", ".env.schema.json", ".envoy"]) expect(fileKind(name), name).not.toBe("dotenv");
  });
});
