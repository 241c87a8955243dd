import { describe, expect, it } from "vitest";
import { findTokensInLiteral, mayFire, mayHoldLaunch, mayHoldToken, mayMatter, type FileKind } from "@hf-jobs-lint/core";

const TOKEN = "hf_" + "FAKEprefilterTOKENabcdefghij01234567".slice(0, 34);
const fires = (kind: FileKind, text: string, selected: string[] | null = null, jobScript = false) =>
  mayFire({ kind, text, selected: selected ? new Set(selected) : null, jobScript });

describe("keyword prefilter (shell, CI YAML, dotenv, Markdown files)", () => {
  it.each([['subprocess.run(["hf", "jobs", "uv", "run", "train.py"])'], ["hf jobs uv run train.py"], ['os.environ["HF_TOKEN"]'], ["await fetch(`${endpoint}/api/jobs/${ns}`)"]])(
    "keeps %s",
    (text) => expect(mayMatter(text)).toBe(true),
  );

  it.each([["import math\nprint(math.pi)\n"], ["gcloud run jobs execute x\n"]])("drops %s", (text) => expect(mayMatter(text)).toBe(false));
});

describe("per-rule prefilter: Python", () => {
  it.each([
    ["an argv launch", 'subprocess.run(["hf", "jobs", "uv", "run", "train.py"])'],
    ["a command string", 'os.system("hf jobs run python:3.12 python -c pass")'],
    ["a huggingface_hub launch", "from huggingface_hub import run_uv_job\nrun_uv_job('train.py')\n"],
    ["an aliased import", "import os, huggingface_hub as hh\nhh.run_job(image='x', command=['a'])\n"],
    ["an indented import", "def main():\n    from huggingface_hub import HfApi\n    HfApi().create_scheduled_job(image='x')\n"],
    ["a sandbox", "from huggingface_hub import Sandbox\nSandbox.create('python:3.12')\n"],
    ["a tool call", 'hf_jobs("uv", {"script": "train.py"})'],
    ["a PEP 723 header", "# /// script\n# dependencies = []\n# ///\nprint(1)\n"],
    ["a real-looking token", `x = "${TOKEN}"`],
    ["a token after an escape", `x = "\\n${TOKEN}"`],
    ["a token spelled with escapes", `x = "\\x68f_${TOKEN.slice(3)}"`],
    ["a token cut by a line continuation", `x = "${TOKEN.slice(0, 20)}\\\n${TOKEN.slice(20)}"`],
    ["a token cut by a line continuation, CRLF", `x = "${TOKEN.slice(0, 20)}\\\r\n${TOKEN.slice(20)}"`],
    ["a literal token argument to an HF library", "from transformers import AutoModel\nAutoModel.from_pretrained('x', token='your-token')\n"],
    ["the $HF_TOKEN placeholder as an argument", 'client = Client(token="$HF_TOKEN")'],
    ["a legacy token variable", 'os.environ["HUGGING_FACE_HUB_TOKEN"]'],
    ["a token keyword after a line continuation", "from datasets import load_dataset\nload_dataset('x', \\\n    token='your-token')\n"],
    ["a line continuation between a token keyword and its value", "from datasets import load_dataset\nload_dataset('x', token \\\r\n    = 'your-token')\n"],
    ["a token keyword after a comment line", "from datasets import load_dataset\nload_dataset(\n    'x',  # private\n    token='your-token',\n)\n"],
  ])("parses %s", (_, text) => expect(fires("python", text)).toBe(true));

  it.each([
    ["generic words", 'token = get_token()\nprint("huggingface", os.environ["HF_TOKEN"])\n'],
    ["huggingface_hub without a launch or a token argument", "from huggingface_hub import hf_hub_download\nhf_hub_download('a/b', 'c')\n"],
    ["a launch function named in a docstring only", '"""\n>>> from huggingface_hub import run_job\n"""\nx = 1\n'],
    ["a token= argument to a library that is not Hugging Face's", "from slack_sdk import WebClient\nWebClient(token='xoxb-1')\n"],
    ["n_jobs", "from sklearn import svm\nsvm.SVC(n_jobs=4)\n"],
    ["an escape with no token run", 'print("a\\nb")'],
  ])("skips %s", (_, text) => expect(fires("python", text)).toBe(false));

  it("parses a file the repository says is a job script", () => {
    expect(fires("python", "print(1)\n", null, true)).toBe(true);
  });

  it("asks only the selected rules", () => {
    const legacy = 'os.environ["HUGGING_FACE_HUB_TOKEN"]';
    expect(fires("python", legacy, ["HFJ303"])).toBe(true);
    expect(fires("python", legacy, ["HFJ101"])).toBe(false);
    expect(fires("python", `x = "${TOKEN}"`, ["HFJ201"])).toBe(false);
    // A job script feeds every rule but HFJ101's own evidence.
    expect(fires("python", "print(1)\n", ["HFJ301"], true)).toBe(true);
    expect(fires("python", "print(1)\n", ["HFJ101"], true)).toBe(false);
    // HFJ302 (opt-in) has its own evidence.
    expect(fires("python", 'HfApi(token=os.environ["HF_TOKEN"])', ["HFJ302"])).toBe(true);
    expect(fires("python", 'HfApi(\\\n    token=os.environ["HF_TOKEN"])', ["HFJ302"])).toBe(true);
    expect(fires("python", 'HfApi(token=os.environ["HF_TOKEN"])', ["HFJ201", "HFJ102"])).toBe(false);
  });
});

describe("mayHoldLaunch: where an analyzer runs its launch readers", () => {
  it.each([
    ["an argv launch", 'subprocess.run(["hf", "jobs", "uv", "run", "train.py"])'],
    ["usage text", 'USAGE = """Run me with:\n  hf jobs uv run train.py\n"""'],
    ["an aliased huggingface_hub launch", "import os, huggingface_hub as hh\nhh.run_job(image='x', command=['a'])\n"],
    ["HfApi's method, multi-line", "from huggingface_hub import HfApi\nHfApi().run_uv_job(\n    'train.py',\n)\n"],
    ["a sandbox", "from huggingface_hub import Sandbox\nSandbox.create('python:3.12')\n"],
    ["a tool call", 'hf_jobs("uv", {"script": "train.py"})'],
    ["an MCP client naming the sandbox tool", 'await session.call_tool("hf_sandbox_exec", {"cmd": "ls"})'],
  ])("yes for %s", (_, text) => expect(mayHoldLaunch("python", text)).toBe(true));

  it.each([
    ["a token alone", `x = "${TOKEN}"`],
    ["a PEP 723 job script that pushes", "# /// script\n# dependencies = []\n# ///\nfrom datasets import load_dataset\nload_dataset('a').push_to_hub('b')\n"],
    ["a launch function named without its import", "run_job(image='x')\n"],
    ["n_jobs", "svm.SVC(n_jobs=4)\n"],
  ])("no for %s", (_, text) => expect(mayHoldLaunch("python", text)).toBe(false));

  it("TS/JS: @huggingface/hub, a tool call, a command line; not a token alone", () => {
    expect(mayHoldLaunch("typescript", 'import { runJob } from "@huggingface/hub";')).toBe(true);
    expect(mayHoldLaunch("typescript", 'hf_jobs("uv", { script: "x.py" });')).toBe(true);
    expect(mayHoldLaunch("typescript", 'execSync("hf jobs uv run x.py");')).toBe(true);
    expect(mayHoldLaunch("typescript", `const t = "${TOKEN}";`)).toBe(false);
  });
});

describe("mayHoldToken: where an analyzer runs its token pass", () => {
  it.each([
    ["a token", `x = "${TOKEN}"`],
    ["a token spelled with escapes", `x = "\\x68f_${TOKEN.slice(3)}"`],
    ["a token cut by a line continuation", `x = "${TOKEN.slice(0, 20)}\\\n${TOKEN.slice(20)}"`],
  ])("yes for %s", (_, text) => expect(mayHoldToken(text)).toBe(true));

  it.each([
    ["hf_ in identifiers", "from huggingface_hub import hf_hub_download\nhf_hub_download('a/b', 'c')\n"],
    ["an escape with no token run", 'print("a\\nb")'],
    ["a line continuation with no token run", 'x = "short \\\n text"'],
  ])("no for %s", (_, text) => expect(mayHoldToken(text)).toBe(false));

  it("says yes wherever the decoding finds a token (a continuation is dropped from the value)", () => {
    const literal = `${TOKEN.slice(0, 20)}\\\n${TOKEN.slice(20)}`;
    expect(findTokensInLiteral(literal, "python").map((found) => found.token)).toEqual([TOKEN]);
    expect(mayHoldToken(`x = "${literal}"`)).toBe(true);
  });
});

describe("per-rule prefilter: TS/JS", () => {
  it.each([
    ["@huggingface/hub", 'import { runJob } from "@huggingface/hub";\nawait runJob({});\n'],
    ["a REST launch", "await fetch(`${base}/api/jobs/${ns}`, { method: 'POST' });"],
    ["an argv launch", "spawn('hf', ['jobs', 'run', 'python:3.12']);"],
    ["a tool call", 'await client.callTool({ name: "hf_jobs", arguments: {} });'],
    ["a real-looking token", `const t = "${TOKEN}";`],
    ["a credential from process.env", "console.log(process.env.GITHUB_TOKEN);"],
    ["a credential through a computed key", 'console.log(process.env["MY_API_KEY"]);'],
    ["a destructured credential", "const { OPENAI_API_KEY: key } = process.env;\nconsole.log(key);"],
    ["a legacy token variable", "const t = process.env.HUGGING_FACE_HUB_TOKEN;"],
    ["a credential written to a stream", "const key = process.env.HF_TOKEN;\nprocess.stdout.write(`key=${key}\\n`);"],
    ["a credential in an error message", "const key = process.env.HF_TOKEN;\nif (!ok) throw new TypeError(`bad ${key}`);"],
    ["a credential through this.logger", "const key = process.env.API_KEY;\nthis.logger\n  .info(key);"],
    ["a credential written to a file", "import { writeFileSync } from 'node:fs';\nwriteFileSync('.env', process.env.HF_TOKEN!);"],
  ])("parses %s", (_, text) => expect(fires("typescript", text)).toBe(true));

  it.each([
    ["a parser's tokens", "export function nextToken(scanner: Scanner) { const token = scanner.scan(); return token; }"],
    ["an env read that is not a credential", "const mode = process.env.NODE_ENV;"],
    ["huggingface in a comment", "// huggingface accessToken docs\nexport const x = 1;"],
    ["a credential that reaches no output", "const client = new InferenceClient(process.env.HF_TOKEN);\nexport default client;"],
  ])("skips %s", (_, text) => expect(fires("typescript", text)).toBe(false));

  it("looks for escaped runs only around a seed, however far into the file", () => {
    const filler = "const aVeryLongIdentifierNameThatIsNotAToken_0123456789 = '\\n';\n".repeat(200);
    expect(fires("typescript", filler, ["HFJ101"])).toBe(false);
    expect(fires("typescript", `${filler}const t = "\\n${TOKEN}";\n${filler}`, ["HFJ101"])).toBe(true);
    expect(fires("typescript", `${filler}const t = "\\x68f_${TOKEN.slice(3)}";`, ["HFJ101"])).toBe(true);
  });
});
