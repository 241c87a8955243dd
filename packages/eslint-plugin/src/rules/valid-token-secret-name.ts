/**
 * HFJ204: the secret carrying the Hugging Face token is named something other than `HF_TOKEN` (`TOKEN`,
 * `HF_API_TOKEN`, `HUGGINGFACE_TOKEN`, `hf_token`, ...): the libraries in the job read `HF_TOKEN` only. Decided by
 * core: every misnamed secret is reported, the first gets the rename (two cannot both become `HF_TOKEN`); safe when
 * the job's script is known and does not read the old name, a suggestion otherwise; nothing when the known script
 * reads exactly that name.
 */
import { createLaunchRule } from "../launch-rule.js";

export default createLaunchRule("HFJ204");
