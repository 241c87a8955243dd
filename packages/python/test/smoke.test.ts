import { analyzeText, setup, summary } from "./helpers.js";
beforeAll(setup);
test("smoke", () => {
  const text = `from huggingface_hub import run_uv_job as launch, HfApi
import os
secrets = {"TOKEN": os.environ["HF_TOKEN"]}
launch("train.py", env={"HF_TOKEN": "$HF_TOKEN", "X": "1"}, secrets=secrets, args=["a"])
api = HfApi(token="hf_xxx")
api.run_job(image="x", command=["python", "-c", "print(1)", os.environ["HF_TOKEN"]])
print(os.environ["HF_TOKEN"])
tok = os.getenv("HF_TOKEN")
print(f"token {tok[:8]}")
print(f"token {tok}")
x = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"  # hf_abcdefghijklmnopqrstuvwxyzABCDEFGH
import subprocess
subprocess.run(["hf", "jobs", "uv", "run", "train.py", "--secrets", "HF_TOKEN"])
hf_jobs("uv", {"script": "train.py", "dependencies": ["x"], "env": {"HF_TOKEN": "$HF_TOKEN"}, "secrets": {"W": "$WANDB_API_KEY"}})
`;
  console.log(summary(analyzeText(text)));
});
