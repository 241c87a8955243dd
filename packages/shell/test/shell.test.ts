import { readFileSync } from "node:fs";
import path from "node:path";
import { createShellAnalyzer, shellAnalyzer } from "../src/index.js";
import { tokenizeShell } from "../src/tokenize.js";
import { analyzeText, codesOf, covered, FAKE_TOKEN, FAKE_TOKEN_2, fixToFixpoint } from "../../../test/helpers/analyzer-harness.js";

/** huggingface_hub 0.36: `hf jobs` passes everything after the script to it (argparse). */
const OLD = { hubVersion: "0.36.2" };

const fixtures = path.resolve(__dirname, "../../../fixtures/shell");
// Script needs are injected here (the Python analyzer's own tests cover `analyzeScriptNeeds`): a script that
// calls `push_to_hub` needs a write token.
const needs = (text: string) => ({ level: /push_to_hub/.test(text) ? ("write" as const) : ("none" as const), readsVariables: new Set(/HF_API_TOKEN/.exec(text) ?? []) });
const shell = createShellAnalyzer({ analyzeScriptNeeds: needs });

describe("tokenizeShell", () => {
  const words = (text: string) => tokenizeShell(text).map((command) => command.words.map((w) => w.value));

  it("splits commands on separators and keeps quoted words whole", () => {
    expect(words(`a 'b c' "d e" f\\ g; h && i || j | k & l`)).toEqual([["a", "b c", "d e", "f g"], ["h"], ["i"], ["j"], ["k"], ["l"]]);
  });

  it("joins line continuations (LF and CRLF) and skips comments", () => {
    expect(words("a \\\n  b \\\r\n  c # d e\nf")).toEqual([["a", "b", "c"], ["f"]]);
  });

  it("gives each word its exact source range", () => {
    const text = `hf  jobs "uv" run\\\n -s 'A=B'`;
    const found = tokenizeShell(text)[0]!.words.map((w) => text.slice(w.start, w.end));
    expect(found).toEqual(["hf", "jobs", `"uv"`, "run", "-s", "'A=B'"]);
  });

  it("marks expansions non-literal and keeps them as written", () => {
    const [command] = tokenizeShell(`x $HOME "\${A}b" $(cat f) \`id\` $'q' plain 'single$X'`);
    expect(command!.words.map((w) => [w.value, w.literal])).toEqual([
      ["x", true],
      ["$HOME", false],
      ["${A}b", false],
      ["$(cat f)", false],
      ["`id`", false],
      ["q", true],
      ["plain", true],
      ["single$X", true],
    ]);
  });

  it("tokenizes commands inside $(...) and leaves redirection targets out of argv", () => {
    expect(words(`ID=$(hf jobs ps -q) 2>/dev/null`)).toEqual([["ID=$(hf jobs ps -q)"], ["hf", "jobs", "ps", "-q"]]);
    expect(words(`run > out.log 2>&1 < in.txt`)).toEqual([["run"]]);
  });

  it("stays linear and shallow on pathological nesting and unterminated quotes", () => {
    const deep = "$(".repeat(5000) + "hf jobs ps" + ")".repeat(5000);
    expect(tokenizeShell(`echo ${deep}`).length).toBeGreaterThan(1);
    expect(words(`echo "unterminated \nhf jobs uv run -e HF_TOKEN x.py`)).toEqual([["echo", "unterminated \nhf jobs uv run -e HF_TOKEN x.py"]]);
  });

  it("skips heredoc bodies as data", () => {
    expect(words(`cat <<'EOF' > x.sh\nhf jobs uv run -e HF_TOKEN a.py\nEOF\nnext`)).toEqual([["cat"], ["next"]]);
    expect(words(`cat <<-END\n\thf jobs run x\n\tEND\nafter`)).toEqual([["cat"], ["after"]]);
  });

  it("reads Makefile `$$` as the shell's `$` and `$(X)` as a make expansion", () => {
    const [command] = tokenizeShell("a $$HOME $(VAR) $$(date) b$$", { makefile: true });
    expect(command!.words.map((w) => [w.value, w.literal])).toEqual([
      ["a", true],
      ["$HOME", false],
      ["$(VAR)", false],
      ["$(date)", false],
      ["b$", true],
    ]);
  });
});

describe("shellAnalyzer", () => {
  it("reports each mistake of the bad fixture and fixes it to a clean, idempotent file", async () => {
    const text = readFileSync(path.join(fixtures, "launch-bad.sh"), "utf8");
    const found = await analyzeText(shell, "launch-bad.sh", text, OLD);
    expect(found.map((d) => [d.code, d.location.row, covered(text, d)])).toEqual([
      ["HFJ201", 5, "-e HF_TOKEN"],
      ["HFJ207", 8, "--secrets HF_TOKEN"],
      ["HFJ102", 10, "-s HF_TOKEN=hf_xxx"],
    ]);
    const fixed = await fixToFixpoint(shell, "launch-bad.sh", text, { unsafe: true, ...OLD });
    expect(fixed.remaining).toEqual([]);
    expect(fixed.text).toBe(
      text
        .replace("-e HF_TOKEN --flavor", "-s HF_TOKEN --flavor")
        .replace("hf jobs uv run scripts/train.py \\\n  --epochs 3 \\\n  --secrets HF_TOKEN \\\n", "hf jobs uv run --secrets HF_TOKEN scripts/train.py \\\n  --epochs 3 \\\n")
        .replace("-s HF_TOKEN=hf_xxx", "-s HF_TOKEN"),
    );
    // Since huggingface_hub 1.0 `hf jobs` reads `--secrets` after the script itself: row 8 is fine there.
    const newest = await analyzeText(shell, "launch-bad.sh", text);
    expect(newest.map((d) => [d.code, d.location.row])).toEqual([
      ["HFJ201", 5],
      ["HFJ102", 10],
    ]);
  });

  it("is silent on the good fixture", async () => {
    const text = readFileSync(path.join(fixtures, "launch-good.sh"), "utf8");
    expect(await analyzeText(shell, "launch-good.sh", text)).toEqual([]);
  });

  it("HFJ101: a token in --token is reported once, with the flag removed", async () => {
    const text = `hf jobs run --token ${FAKE_TOKEN} --flavor cpu-basic ubuntu ls\n`;
    const found = await analyzeText(shell, "a.sh", text);
    expect(codesOf(found)).toEqual(["HFJ101"]);
    expect(found[0]!.message).not.toContain(FAKE_TOKEN);
    expect(found[0]!.fix?.applicability).toBe("unsafe");
    expect((await fixToFixpoint(shell, "a.sh", text, { unsafe: true })).text).toBe("hf jobs run --flavor cpu-basic ubuntu ls\n");
    // Safe fixes only: the unsafe removal waits for --unsafe-fixes.
    expect((await fixToFixpoint(shell, "a.sh", text)).text).toBe(text);
  });

  it("HFJ101: exactly one finding per token occurrence, in comments, exports and heredocs too", async () => {
    const text = [
      `# token: ${FAKE_TOKEN}`,
      `export HF_TOKEN=${FAKE_TOKEN_2}`,
      `hf jobs uv run -s HF_TOKEN=${FAKE_TOKEN} train.py ${FAKE_TOKEN_2}`,
      `cat <<EOF`,
      `${FAKE_TOKEN}`,
      `EOF`,
      ``,
    ].join("\n");
    const found = await analyzeText(shell, "b.sh", text);
    expect(found.map((d) => [d.code, d.location.row])).toEqual([
      ["HFJ101", 1],
      ["HFJ101", 2],
      ["HFJ101", 3],
      ["HFJ101", 3],
      ["HFJ104", 3],
      ["HFJ101", 5],
    ]);
    for (const d of found) expect(d.message).not.toMatch(/hf_[A-Za-z0-9]{34}/);
    // The `-s HF_TOKEN=<token>` finding covers the flag; the job-argument token is the second one on the row.
    expect(covered(text, found[2]!)).toBe(`-s HF_TOKEN=${FAKE_TOKEN}`);
    expect(covered(text, found[3]!)).toBe(FAKE_TOKEN_2);
  });

  it("scheduled launches: flags after the script move before the schedule", async () => {
    const text = "hf jobs scheduled uv run @hourly job.py --flavor cpu-basic --detach\n";
    expect(codesOf(await analyzeText(shell, "s.sh", text, OLD))).toEqual(["HFJ207"]);
    expect((await fixToFixpoint(shell, "s.sh", text, OLD)).text).toBe("hf jobs scheduled uv run --flavor cpu-basic --detach @hourly job.py\n");
    // Since 1.0: `--flavor` is read after the script; `--detach` does not exist on scheduled commands and goes to the script.
    expect(await analyzeText(shell, "s.sh", text)).toEqual([]);
  });

  it("scheduled run: a quoted cron schedule is one word; flags between it and the image are hf jobs flags", async () => {
    const text = `hf jobs scheduled run "0 * * * *" -e HF_TOKEN ubuntu ls\nhf jobs scheduled run "0 * * * *" -s HF_TOKEN ubuntu ls\n`;
    const found = await analyzeText(shell, "c.sh", text);
    expect(found.map((d) => [d.code, d.location.row, covered(text, d)])).toEqual([["HFJ201", 1, "-e HF_TOKEN"]]);
    expect((await fixToFixpoint(shell, "c.sh", text)).text).toBe(text.replace("-e HF_TOKEN", "-s HF_TOKEN"));
  });

  it("hfjobs: legacy `--secret` spelling, for renames and for moves out of -e", async () => {
    const text = "hfjobs run --secret TOKEN=$T --env HF_TOKEN=$HF_TOKEN ubuntu ls\n";
    expect(codesOf(await analyzeText(shell, "l.sh", text))).toEqual(["HFJ204", "HFJ201"]);
    expect((await fixToFixpoint(shell, "l.sh", text, { unsafe: true })).text).toBe("hfjobs run --secret HF_TOKEN=$T --secret HF_TOKEN=$HF_TOKEN ubuntu ls\n");
    // hfjobs reads a bare key as a dotenv line without a value: nothing is sent (HFJ212), nothing is stored (no HFJ201).
    expect(codesOf(await analyzeText(shell, "l.sh", "hfjobs run --env HF_TOKEN ubuntu ls\n"))).toEqual(["HFJ212"]);
  });

  it("huggingface-cli jobs: same flags as hf jobs", async () => {
    const text = "huggingface-cli jobs uv run --env=WANDB_API_KEY train.py\n";
    expect((await fixToFixpoint(shell, "h.sh", text)).text).toBe("huggingface-cli jobs uv run --secrets=WANDB_API_KEY train.py\n");
  });

  it("quoting: new words are bare when safe; a quoted word with an expansion keeps it", async () => {
    const quoted = `hf jobs uv run -s "HF_TOKEN=hf_..." train.py\n`;
    expect((await fixToFixpoint(shell, "q.sh", quoted, { unsafe: true })).text).toBe("hf jobs uv run -s HF_TOKEN train.py\n");
    const expansion = `hf jobs uv run -s "HF_API_TOKEN=$MY_TOKEN" -s 'TOKEN'=$OTHER train.py\n`;
    expect((await fixToFixpoint(shell, "q.sh", expansion, { unsafe: true })).text).toBe(`hf jobs uv run -s "HF_TOKEN=$MY_TOKEN" -s 'HF_TOKEN'=$OTHER train.py\n`);
  });

  it("$VAR and $(...) values are not literals; a token variable after the script is HFJ104", async () => {
    expect(await analyzeText(shell, "v.sh", `hf jobs uv run --token "$(cat ~/.hf)" -s HF_TOKEN=$HF_TOKEN x.py\n`)).toEqual([]);
    const found = await analyzeText(shell, "v.sh", `hf jobs uv run x.py --hf-token "$HF_TOKEN"\n`);
    expect(found.map((d) => [d.code, covered(`hf jobs uv run x.py --hf-token "$HF_TOKEN"\n`, d)])).toEqual([["HFJ104", `--hf-token "$HF_TOKEN"`]]);
    // A launch inside a command substitution is checked too, and fixed in place.
    const nested = `JOB_ID=$(hf jobs uv run -e HF_TOKEN --detach x.py)\n`;
    expect((await fixToFixpoint(shell, "n.sh", nested)).text).toBe(`JOB_ID=$(hf jobs uv run -s HF_TOKEN --detach x.py)\n`);
  });

  it("`--` ends the flags: what follows the script is the script's own", async () => {
    expect(await analyzeText(shell, "d.sh", "hf jobs uv run train.py -- --secrets HF_TOKEN\n")).toEqual([]);
  });

  it("commands in comments and quoted strings are not launches", async () => {
    expect(await analyzeText(shell, "c.sh", `# hf jobs uv run -e HF_TOKEN x.py\necho 'hf jobs uv run -e HF_TOKEN x.py'\n`)).toEqual([]);
  });

  it("Makefile recipes: `$$` is kept, non-recipe lines are not commands", async () => {
    const text = readFileSync(path.join(fixtures, "Makefile"), "utf8");
    const found = await analyzeText(shell, "Makefile", text);
    expect(found.map((d) => [d.code, d.location.row, covered(text, d)])).toEqual([
      ["HFJ201", 6, "-e HF_TOKEN=$$HF_TOKEN"],
      ["HFJ204", 7, "-s HF_API_TOKEN=$$MY_TOKEN"],
    ]);
    const fixed = await fixToFixpoint(shell, "Makefile", text, { unsafe: true });
    expect(fixed.text).toBe(text.replace("-e HF_TOKEN=$$HF_TOKEN", () => "-s HF_TOKEN=$$HF_TOKEN").replace("-s HF_API_TOKEN=$$MY_TOKEN", () => "-s HF_TOKEN=$$MY_TOKEN"));
  });

  it("CRLF files: continuations are followed and line endings kept by the fix", async () => {
    const text = "hf jobs uv run train.py \\\r\n  --epochs 3 \\\r\n  --flavor a10g-large\r\necho done\r\n";
    const found = await analyzeText(shell, "w.sh", text, OLD);
    expect(found.map((d) => [d.code, d.location.row])).toEqual([["HFJ207", 3]]);
    expect((await fixToFixpoint(shell, "w.sh", text, OLD)).text).toBe("hf jobs uv run --flavor a10g-large train.py \\\r\n  --epochs 3\r\necho done\r\n");
    const serve = "hf jobs uv run serve.py \\\r\n  --port 80 \\\r\n  --timeout 5\r\n";
    expect((await fixToFixpoint(shell, "w.sh", serve, { unsafe: true })).text).toBe("hf jobs uv run serve.py \\\r\n  --port 80 \\\r\n  -- --timeout 5\r\n");
  });

  it("the noqa row of a multi-line command is its last line, where a comment can go", async () => {
    const text = "hf jobs uv run \\\n  -e HF_TOKEN \\\n  train.py  # noqa: HFJ201\n";
    const found = await analyzeText(shell, "m.sh", text);
    expect(found.map((d) => [d.code, d.location.row, d.noqaRow])).toEqual([["HFJ201", 2, 3]]);
  });

  it("HFJ203: a local script that pushes to the Hub, resolved next to the shell file then at the root", async () => {
    const repo = { files: { "jobs/train.py": "model.push_to_hub('me/m')\n", "eval.py": "print(1)\n", "jobs/upload.py": "api.push_to_hub()\n" } };
    const text = "hf jobs uv run --flavor a10g-small train.py\nhf jobs uv run eval.py\nhf jobs uv run -s HF_TOKEN upload.py\nhf jobs uv run missing.py\n";
    const found = await analyzeText(shell, "jobs/launch.sh", text, repo);
    expect(found.map((d) => [d.code, d.location.row, covered(text, d)])).toEqual([["HFJ203", 1, "train.py"]]);
    expect((await fixToFixpoint(shell, "jobs/launch.sh", text, { ...repo, unsafe: true })).text).toBe(
      text.replace("--flavor a10g-small train.py", "--flavor a10g-small --secrets HF_TOKEN train.py"),
    );
    // Resolved at the repository root when not next to the shell file.
    expect(codesOf(await analyzeText(shell, "ci/launch.sh", "hf jobs uv run jobs/train.py\n", repo))).toEqual(["HFJ203"]);
  });

  it("HFJ203 with the Python package's own analyzeScriptNeeds (loaded lazily)", async () => {
    const repo = {
      files: {
        "push.py": "from datasets import load_dataset\nds = load_dataset('a/b')\nds.push_to_hub('me/out')\n",
        "local.py": "print(sum(range(10)))\n",
      },
    };
    const text = "hf jobs uv run push.py\nhf jobs uv run local.py\n";
    const found = await analyzeText(shellAnalyzer, "run.sh", text, repo);
    expect(found.map((d) => [d.code, d.location.row])).toEqual([["HFJ203", 1]]);
  });

  it("HFJ204 is safe when the known script does not read the old name, absent when it does", async () => {
    const repo = { files: { "a.py": "x.push_to_hub()\n", "b.py": "os.environ['HF_API_TOKEN']\nx.push_to_hub()\n" } };
    const safe = await analyzeText(shell, "r.sh", "hf jobs uv run -s HF_API_TOKEN a.py\n", repo);
    expect(safe.map((d) => [d.code, d.fix?.applicability])).toEqual([["HFJ204", "safe"]]);
    expect(await analyzeText(shell, "r.sh", "hf jobs uv run -s HF_API_TOKEN b.py\n", repo)).toEqual([]);
  });
});
