/**
 * HFJ201: a token-like key (`HF_TOKEN`, `*_TOKEN`, `*_API_KEY`, `*_SECRET`, `*PASSWORD*`), or the HF token under
 * any key, in the plain environment of a launch: `environment` of `runJob`/`createScheduledJob`'s `jobSpec`/REST
 * bodies, `env` of tool calls, `-e` on `hf jobs` argv. The plain environment is stored and shown in full; `secrets`
 * are encrypted. Decided by core (the same decision as in Python files); the safe fix moves the entry into `secrets`.
 */
import { createLaunchRule } from "../launch-rule.js";

export default createLaunchRule("HFJ201");
