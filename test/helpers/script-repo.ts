/**
 * A throwaway repository on disk for local-script resolution (HFJ203/HFJ204 with `script: "path.py"` and
 * `hf jobs uv run path.py`): a `.git` folder, a launcher folder and job scripts. Created when a test file loads
 * (RuleTester cases need the paths when they are defined) and removed after its tests.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Pushes to the Hub: needs a write token, reads no variable itself. */
export const PUSH_SCRIPT = `from huggingface_hub import HfApi\n\nHfApi().upload_file(path_or_fileobj="model.bin", path_in_repo="model.bin", repo_id="me/model")\n`;
/** Needs nothing. */
export const PRINT_SCRIPT = `print("hello")\n`;
/** Reads its token from `HUGGINGFACE_TOKEN` and pushes. */
export const LEGACY_SCRIPT = `import os\nfrom huggingface_hub import HfApi\n\ntoken = os.environ["HUGGINGFACE_TOKEN"]\nHfApi(token=token).upload_file(path_or_fileobj="model.bin", path_in_repo="model.bin", repo_id="me/model")\n`;

export interface ScriptRepo {
  /** The repository root (holds `.git`). */
  root: string;
  /** `<root>/launchers/launch.ts`: scripts resolve beside it first, then at the root. */
  launcher: string;
  /** A launcher in a folder with no `.git` above it: its own folder is the root. */
  outsideLauncher: string;
  /** Write a file below the root (creating folders); returns its absolute path. */
  write(relative: string, text: string | Buffer): string;
  remove(): void;
}

export function createScriptRepo(): ScriptRepo {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "hf-jobs-eslint-"));
  const root = path.join(base, "repo");
  const write = (relative: string, text: string | Buffer, under = root) => {
    const file = path.join(under, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  fs.mkdirSync(path.join(root, ".git"), { recursive: true });
  const launcher = write("launchers/launch.ts", "// launcher\n");
  write("launchers/beside.py", PUSH_SCRIPT);
  // Beside the launcher wins over the root: this one only prints, the root one pushes.
  write("launchers/shadowed.py", PRINT_SCRIPT);
  write("shadowed.py", PUSH_SCRIPT);
  write("scripts/push.py", PUSH_SCRIPT);
  write("scripts/hello.py", PRINT_SCRIPT);
  write("scripts/legacy.py", LEGACY_SCRIPT);
  write("scripts/binary.py", Buffer.from([0x70, 0x75, 0x73, 0x68, 0x00, 0x01, 0x02]));
  fs.mkdirSync(path.join(root, "scripts", "folder.py"));

  const outside = path.join(base, "loose");
  const outsideLauncher = write("sub/launch.ts", "// launcher\n", outside);
  write("sub/push.py", PUSH_SCRIPT, outside);
  // Above the launcher's folder, which is the root here: never found.
  write("scripts/push.py", PUSH_SCRIPT, outside);

  return { root, launcher, outsideLauncher, write: (relative, text) => write(relative, text), remove: () => fs.rmSync(base, { recursive: true, force: true }) };
}
