import { analyzeScriptNeeds } from "../src/index.js";
import { setup } from "./helpers.js";

beforeAll(setup);

const FAKE = "hf_FakeTokenForTests0123456789abcdefg";

describe("analyzeScriptNeeds (hf-jobs-lint scope)", () => {
  test("write operations", () => {
    for (const line of [
      "model.push_to_hub('me/x')",
      "HfApi().upload_file(path_or_fileobj='a', path_in_repo='a', repo_id='me/x')",
      "api = HfApi()\napi.create_repo('me/x')",
      "HfApi().delete_branch('me/x', branch='b')",
      "TrainingArguments(output_dir='o', push_to_hub=True)",
      "SFTConfig(output_dir='o', push_to_hub=args.push)",
      "CommitScheduler(repo_id='me/x', folder_path='f')",
    ]) {
      expect(analyzeScriptNeeds(`from huggingface_hub import CommitScheduler, HfApi\n${line}\n`).level).toBe("write");
    }
  });

  test("writes by name only are not Hub writes: a local helper, another library's client", () => {
    for (const text of [
      "from _common import push_to_hub\npush_to_hub(model, 'tiny')\n",
      "def create_repo(name):\n    pass\ncreate_repo('x')\n",
      "from sandbox_sdk import Sandbox\nbox = Sandbox()\nbox.upload_file('a', '/a')\n",
    ]) {
      expect(analyzeScriptNeeds(text).level).toBe("none");
    }
  });

  test("read: explicit token use; none: public reads", () => {
    expect(analyzeScriptNeeds(`import os\nload_dataset("me/p", token=os.environ["HF_TOKEN"])\n`).level).toBe("read");
    expect(analyzeScriptNeeds(`from huggingface_hub import whoami\nwhoami()\n`).level).toBe("read");
    expect(analyzeScriptNeeds(`from huggingface_hub import get_token\nt = get_token()\n`).level).toBe("read");
    expect(analyzeScriptNeeds(`load_dataset("imdb")\nAutoModel.from_pretrained("gpt2")\n`).level).toBe("none");
    expect(analyzeScriptNeeds(`TrainingArguments(output_dir="o", push_to_hub=False)\nload_dataset("x", token=None)\n`).level).toBe("none");
  });

  test("evidence rows and redacted text", () => {
    const needs = analyzeScriptNeeds(`from huggingface_hub import HfApi\napi = HfApi(token="${FAKE}")\napi.upload_folder(folder_path="o", repo_id="me/x")\n`);
    expect(needs.level).toBe("write");
    expect(needs.evidence.map((e) => e.row)).toEqual([2, 3]);
    for (const e of needs.evidence) expect(e.text).not.toContain(FAKE);
    expect(needs.evidence[0]!.text).toContain("hf_Fa…");
  });

  test("variables read and early checks", () => {
    const needs = analyzeScriptNeeds(`import os\nassert "HF_TOKEN" in os.environ\nkey = os.getenv("WANDB_API_KEY")\nmodel.push_to_hub("me/x")\n`);
    expect([...needs.readsVariables].sort()).toEqual(["HF_TOKEN", "WANDB_API_KEY"]);
    expect(needs.checksTokenEarly).toBe(true);
    expect(analyzeScriptNeeds(`model.push_to_hub("me/x")\nimport os\nassert os.environ.get("HF_TOKEN")\n`).checksTokenEarly).toBe(false);
  });
});
