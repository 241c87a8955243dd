/**
 * The plugin's shared settings, `settings["hf-jobs"]` in an ESLint config: what a team's own code adds to what
 * the rules know. ESLint's `settings` (as eslint-plugin-import and eslint-plugin-react keep theirs) rather than
 * per-rule options, because every rule reads the same launch policy: a key name that is a credential, or a
 * wrapper that launches jobs, means the same to all of them.
 *
 * - `tokenKeys`: environment and secret names whose values are credentials, besides core's `isTokenLikeKey`
 *   (`*_TOKEN`, `*_API_KEY`, `*_SECRET`, `*PASSWORD*`): `ACME_CRED`. Compared without case.
 * - `launchers`: modules of the team's own that launch jobs as `@huggingface/hub` does, by module specifier (as
 *   the import writes it), export name, and the `@huggingface/hub` launch function the export stands for:
 *   `{ "@acme/jobs": { launchTraining: "runJob" } }`. A call reaches one only through an import or `require` of
 *   that module, the same provenance as the library's own functions.
 * - `hubVersion`: the huggingface_hub version whose `hf jobs` parser reads command lines (the hf-jobs-lint CLI sets
 *   it from the repository's manifests); the newest release when unset.
 */
import { HUB_JS_LAUNCH_FUNCTIONS, isTokenLikeKey } from "@hf-jobs-lint/core";
import type { Context } from "./ast.js";

export const SETTINGS_KEY = "hf-jobs";

export interface PluginSettings {
  /** Upper-cased. */
  tokenKeys: ReadonlySet<string>;
  /** Module specifier -> export name -> the `@huggingface/hub` function it stands for. */
  launchers: ReadonlyMap<string, ReadonlyMap<string, string>>;
  hubVersion: string | null;
}

const NONE: PluginSettings = { tokenKeys: new Set(), launchers: new Map(), hubVersion: null };
const SETTINGS = ["tokenKeys", "launchers", "hubVersion"];
const parsed = new WeakMap<object, PluginSettings>();

/** A mistake in the settings stops the run with a message that names the setting, as a bad rule option does. */
class SettingsError extends Error {
  constructor(path: string, problem: string) {
    super(`eslint-plugin-hf-jobs: settings["${SETTINGS_KEY}"].${path} ${problem}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function parsePluginSettings(raw: unknown): PluginSettings {
  if (raw === undefined) return NONE;
  if (!isRecord(raw)) throw new SettingsError("", "must be an object");
  for (const key of Object.keys(raw)) if (!SETTINGS.includes(key)) throw new SettingsError(key, `is not a setting (${SETTINGS.join(", ")})`);
  if (raw.hubVersion !== undefined && typeof raw.hubVersion !== "string") throw new SettingsError("hubVersion", "must be a version string");
  const tokenKeys = new Set<string>();
  if (raw.tokenKeys !== undefined) {
    if (!Array.isArray(raw.tokenKeys) || raw.tokenKeys.some((key) => typeof key !== "string" || key === "")) throw new SettingsError("tokenKeys", "must be an array of names");
    for (const key of raw.tokenKeys as string[]) tokenKeys.add(key.toUpperCase());
  }
  const launchers = new Map<string, Map<string, string>>();
  if (raw.launchers !== undefined) {
    if (!isRecord(raw.launchers)) throw new SettingsError("launchers", "must map module specifiers to { export: launch function }");
    for (const [module, exports] of Object.entries(raw.launchers)) {
      if (!isRecord(exports)) throw new SettingsError(`launchers["${module}"]`, "must map export names to `@huggingface/hub` launch functions");
      const mapped = new Map<string, string>();
      for (const [name, fn] of Object.entries(exports)) {
        if (typeof fn !== "string" || !HUB_JS_LAUNCH_FUNCTIONS.has(fn)) {
          throw new SettingsError(`launchers["${module}"].${name}`, `must name a \`@huggingface/hub\` launch function (${[...HUB_JS_LAUNCH_FUNCTIONS].join(", ")})`);
        }
        mapped.set(name, fn);
      }
      launchers.set(module, mapped);
    }
  }
  return { tokenKeys, launchers, hubVersion: (raw.hubVersion as string | undefined) ?? null };
}

/** The settings of the file being linted (parsed once per configuration). */
export function pluginSettings(context: Context): PluginSettings {
  const settings = context.settings as Record<string, unknown> | undefined;
  if (!settings) return NONE;
  let found = parsed.get(settings);
  if (!found) parsed.set(settings, (found = parsePluginSettings(settings[SETTINGS_KEY])));
  return found;
}

/** A credential's name: core's rule, or one the settings add. */
export function isCredentialKey(context: Context, key: string): boolean {
  return isTokenLikeKey(key) || pluginSettings(context).tokenKeys.has(key.toUpperCase());
}
