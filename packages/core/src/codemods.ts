/**
 * The named migrations: each bundles the fixes of some catalog rules. The jscodeshift transforms (TS/JS) and
 * `hf-jobs-lint migrate --only NAME` (Python, shell, CI YAML, Markdown) take the same names from here.
 */
export interface CodemodSpec {
  name: string;
  description: string;
  /** Catalog codes whose fixes (and, where `unsafe`, suggestions) this migration applies. */
  codes: readonly string[];
  /** Whether it applies unsafe fixes (ESLint suggestions) too. */
  unsafe: boolean;
}

export const CODEMODS: readonly CodemodSpec[] = [
  { name: "env-to-secrets", description: "Move token-like entries from env/environment/-e to secrets", codes: ["HFJ201"], unsafe: false },
  {
    name: "hardcoded-token-to-env",
    description: "Replace hardcoded and literal tokens with an environment lookup or the logged-in token",
    codes: ["HFJ101", "HFJ102"],
    unsafe: true,
  },
  { name: "placeholder-to-env", description: "Replace `$HF_TOKEN` where nothing substitutes it with get_token() / process.env.HF_TOKEN", codes: ["HFJ202"], unsafe: false },
  { name: "rename-token-secret", description: "Rename the Hugging Face token secret to HF_TOKEN", codes: ["HFJ204"], unsafe: true },
  { name: "add-token-secret", description: "Add an HF_TOKEN secret to launches whose script needs a token", codes: ["HFJ203"], unsafe: true },
  { name: "with-deps", description: "Rename unknown job arguments to the ones the surface reads (`dependencies` -> `with_deps`)", codes: ["HFJ206"], unsafe: false },
  { name: "flags-before-script", description: "Move `hf jobs` flags written after the script before it", codes: ["HFJ207"], unsafe: false },
  { name: "check-token-early", description: "Insert an HF_TOKEN check before a job script's first Hub operation", codes: ["HFJ301"], unsafe: true },
  { name: "legacy-token-variable", description: "Read HF_TOKEN instead of legacy token variables", codes: ["HFJ303"], unsafe: true },
];

export function findCodemod(name: string): CodemodSpec | undefined {
  return CODEMODS.find((codemod) => codemod.name === name);
}
