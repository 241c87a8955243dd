/**
 * The Python libraries whose `token=` is a Hugging Face token. A rule that asks "is this a Hugging Face
 * surface?" about a resolved import path (`huggingface_hub.HfApi.whoami`, `transformers.AutoModel.from_pretrained`)
 * asks here, by the path's first segment: provenance, never the parameter name alone.
 *
 * Left out on purpose: `gradio_client` (its `token=` reaches a Space through gradio, not a Jobs or Hub API
 * the Jobs guide documents, and issue 10 counts it as a non-Jobs API).
 */
export const HF_LIBRARY_ROOTS: ReadonlyMap<string, string> = new Map([
  ["huggingface_hub", "the Hub client: `login`, `HfApi` and its methods, `InferenceClient`, the Jobs API"],
  ["transformers", "`from_pretrained`/`push_to_hub` take the Hub token as `token=` (`use_auth_token=` before v5)"],
  ["datasets", "`load_dataset`/`push_to_hub` pass `token=` to the Hub"],
  ["diffusers", "pipelines and models load from and push to the Hub with `token=`"],
  ["peft", "adapters load from and push to the Hub with `token=`"],
  ["sentence_transformers", "`SentenceTransformer(..., token=)` and `push_to_hub` call the Hub"],
  ["trl", "trainers and their configs push to the Hub with the Hub token"],
  ["accelerate", "downloads checkpoints from the Hub with `token=`"],
  ["evaluate", "`load(..., token=)` fetches metrics from Hub Spaces"],
  ["timm", "`create_model`/`push_to_hf_hub` reach the Hub with `token=`"],
  ["smolagents", "its Hub models, tools and `push_to_hub` take the Hub token"],
]);

/** Is `path` (a dotted import path from the analyzer's provenance) in a Hugging Face library? Null: unresolved, no. */
export function isHuggingFaceLibraryPath(path: string | null | undefined): boolean {
  if (!path) return false;
  const dot = path.indexOf(".");
  return HF_LIBRARY_ROOTS.has(dot === -1 ? path : path.slice(0, dot));
}
