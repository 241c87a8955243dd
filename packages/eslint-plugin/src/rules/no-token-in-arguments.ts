/**
 * HFJ104: a token in a job's command line, which is stored and shown with the job: the `command`/`arguments`
 * of `runJob` and REST launches, `command`/`script_args` of tool calls, and argv after the script of an
 * `hf jobs` command. Reported: credential values (`process.env.HF_TOKEN`, variables from it) and
 * `--token`/`--hf-token` options, which make the job script read its token from argv. Decided by core (the launch
 * policy and the command-line check), as in Python files.
 */
import { createLaunchRule } from "../launch-rule.js";

export default createLaunchRule("HFJ104");
