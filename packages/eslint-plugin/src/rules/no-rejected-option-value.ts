/**
 * HFJ212: TODO one sentence. The decision lives in core (the launch policy for launch fields, the command-line
 * check for `hf jobs` argv); this rule only reports core's findings of its own code. A rule that also reads
 * JS-only fields writes its own `createRule` (see no-literal-token-argument.ts).
 */
import { createLaunchRule } from "../launch-rule.js";

export default createLaunchRule("HFJ212");
