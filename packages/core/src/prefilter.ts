/**
 * The keyword prefilter: a file is parsed only when its text could hold something a rule reports. A token, a
 * launch surface, a token variable or a Hub write must appear literally for any rule to fire, so one scan of
 * the raw text decides. An argv list spells `hf jobs` as `"hf", "jobs"`, so that form is a keyword too.
 */
const KEYWORDS =
  /hf_|api_org_|huggingface|hf jobs|hf_sandbox|hf["'`]?\s*,\s*\[?\s*["'`]jobs|hfjobs|hfjs|hf-jobsx|hf sandbox|\bjobs["'`]?\s*,\s*["'`]?run\b|HF_TOKEN|HUGGING_?FACE|_TOKEN|push_to_hub|upload_(?:file|folder|large_folder)|create_(?:repo|commit|branch|tag)|\/api\/(?:scheduled-)?jobs|runJob|createScheduledJob|accessToken|login\(|\btoken\b/i;

export function mayMatter(text: string): boolean {
  return KEYWORDS.test(text);
}
