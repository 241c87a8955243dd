/**
 * HFJ203: a `hf_jobs("uv", { script })` tool call or `hf jobs uv run` argv whose job script (inline Python, or a
 * local file resolved beside the launcher or at the repository root) does Hub work that needs a token, with no
 * `HF_TOKEN` secret: the job runs for hours and ends in a 401. Decided by core, as in Python files: a token passed
 * under another secret name is HFJ204's finding and one in `env` is HFJ201's. The suggestion adds
 * `secrets: { HF_TOKEN: "$HF_TOKEN" }`, which the tool call substitutes. The inline script's own findings are
 * other rules' (a script does not launch itself).
 */
import { createLaunchRule } from "../launch-rule.js";

export default createLaunchRule("HFJ203", { inlineScripts: false });
