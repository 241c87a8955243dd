/**
 * HFJ205: a tool-call `env`/`secrets` value or `script_args` element holding a `$NAME` placeholder that is not
 * exactly `$HF_TOKEN` or `${HF_TOKEN}` (`"$WANDB_API_KEY"`, `"Bearer $HF_TOKEN"`): the tool call substitutes only
 * that exact value, everything else arrives in the job literally. Decided by core's launch policy.
 */
import { createLaunchRule } from "../launch-rule.js";

export default createLaunchRule("HFJ205");
