/**
 * Synthetic sources and findings for the reporter tests: an LF launcher with a safe and an unsafe fix and a
 * line with CJK and an emoji before a range, a CRLF job script with a multi-line range and a CRLF insertion,
 * a shell line with a two-edit fix, and one file error. Fake tokens only.
 */
import { SourceText, makeDiagnostic, redact, type Diagnostic, type Edit, type FileError, type ReportInput } from "@hf-jobs-lint/core";

/** A made-up token: `hf_` + 34 letters and digits. */
export const FAKE_TOKEN = `hf_${"FakeTokenForReporterTests012345678"}`;

function at(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: ${needle} not found`);
  return { start, end: start + needle.length };
}

const replace = (range: { start: number; end: number }, content: string): Edit => ({ ...range, content });

export const LAUNCHER = "launch.py";
export const LAUNCHER_TEXT = [
  "from huggingface_hub import get_token, run_uv_job",
  "",
  `run_uv_job("train.py", env={"HF_TOKEN": get_token()}, token="${FAKE_TOKEN}")`,
  'print("令牌 🔑", token)',
  "",
].join("\n");

export const JOB = "scripts/job.py";
export const JOB_TEXT = [
  "import os",
  "from huggingface_hub import upload_folder",
  "",
  'token = os.environ["HUGGING_FACE_HUB_TOKEN"]',
  "upload_folder(",
  '    repo_id="me/x",',
  "    token=token,",
  ")",
  "",
].join("\r\n");

export const SHELL = "run.sh";
export const SHELL_TEXT = "hf jobs uv run train.py --secrets HF_TOKEN\n";

export const FILE_ERROR: FileError = { filename: "data/blob.bin", message: "binary file (contains NUL bytes), skipped" };

export function buildInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const launcher = new SourceText(LAUNCHER_TEXT);
  const job = new SourceText(JOB_TEXT);
  const shell = new SourceText(SHELL_TEXT);
  const tokenLiteral = at(LAUNCHER_TEXT, `"${FAKE_TOKEN}"`);
  const diagnostics: Diagnostic[] = [
    makeDiagnostic(launcher, LAUNCHER, {
      code: "HFJ201",
      message: "`HF_TOKEN` is passed through `env`, where the job's logs and metadata show it; pass it in `secrets`",
      ...at(LAUNCHER_TEXT, '"HF_TOKEN"'),
      fix: { applicability: "safe", message: "Move `HF_TOKEN` from `env` to `secrets`", edits: [replace(at(LAUNCHER_TEXT, "env="), "secrets=")] },
    }),
    makeDiagnostic(launcher, LAUNCHER, {
      code: "HFJ101",
      message: `Hard-coded Hugging Face token \`${redact(FAKE_TOKEN)}\``,
      start: tokenLiteral.start + 1,
      end: tokenLiteral.end - 1,
      fix: { applicability: "unsafe", message: "Replace the token with `get_token()`", edits: [replace(tokenLiteral, "get_token()")] },
    }),
    makeDiagnostic(launcher, LAUNCHER, {
      code: "HFJ103",
      message: "A token value reaches `print`",
      ...at(LAUNCHER_TEXT, "token)", LAUNCHER_TEXT.indexOf("print")),
      end: at(LAUNCHER_TEXT, "token)", LAUNCHER_TEXT.indexOf("print")).end - 1,
    }),
    makeDiagnostic(job, JOB, {
      code: "HFJ303",
      message: "`HUGGING_FACE_HUB_TOKEN` is a legacy variable; read `HF_TOKEN`",
      ...at(JOB_TEXT, '"HUGGING_FACE_HUB_TOKEN"'),
      fix: { applicability: "unsafe", message: "Rename to `HF_TOKEN`", edits: [replace(at(JOB_TEXT, '"HUGGING_FACE_HUB_TOKEN"'), '"HF_TOKEN"')] },
    }),
    makeDiagnostic(job, JOB, {
      code: "HFJ301",
      message: "`upload_folder` needs a token, but the script never checks that `HF_TOKEN` is set",
      start: JOB_TEXT.indexOf("upload_folder("),
      end: JOB_TEXT.indexOf(")\r\n", JOB_TEXT.indexOf("upload_folder(")) + 1,
      fix: {
        applicability: "unsafe",
        message: "Check `HF_TOKEN` after the imports",
        edits: [
          {
            start: JOB_TEXT.indexOf("\r\n\r\n") + 4,
            end: JOB_TEXT.indexOf("\r\n\r\n") + 4,
            content: 'if not os.environ.get("HF_TOKEN"):\r\n    raise SystemExit("HF_TOKEN is not set")\r\n\r\n',
          },
        ],
      },
    }),
    makeDiagnostic(shell, SHELL, {
      code: "HFJ207",
      message: "`--secrets` after the script is passed to the script, not to `hf jobs`",
      ...at(SHELL_TEXT, "--secrets HF_TOKEN"),
      fix: {
        applicability: "safe",
        message: "Move the flags before the script",
        edits: [
          { start: at(SHELL_TEXT, "train.py").start, end: at(SHELL_TEXT, "train.py").start, content: "--secrets HF_TOKEN " },
          replace(at(SHELL_TEXT, " --secrets HF_TOKEN"), ""),
        ],
      },
    }),
  ];
  return {
    diagnostics,
    errors: [FILE_ERROR],
    sources: new Map([
      [LAUNCHER, launcher],
      [JOB, job],
      [SHELL, shell],
    ]),
    ...overrides,
  };
}
