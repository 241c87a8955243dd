/**
 * huggingface_hub versions, as far as the command-line models need them: the releases that shipped `hf jobs`
 * (0.34.0 onwards, from the project's release tags), PEP 440 comparison, and the newest version a requirement
 * such as `huggingface_hub>=0.30,<1.0` lets an installer pick.
 */
import { compare, maxSatisfying, valid, validRange } from "@renovatebot/pep440";

/**
 * Every huggingface_hub release from the first with `hf jobs` (0.34.0) to the newest modelled one. A requirement
 * resolves to the newest of these it allows; a requirement none of these satisfy resolves to the newest.
 */
export const HUB_RELEASES: readonly string[] = [
  "0.34.0",
  "0.34.1",
  "0.34.2",
  "0.34.3",
  "0.34.4",
  "0.34.5",
  "0.34.6",
  "0.35.0",
  "0.35.1",
  "0.35.2",
  "0.35.3",
  "0.36.0",
  "0.36.1",
  "0.36.2",
  "1.0.0",
  "1.0.1",
  "1.1.0",
  "1.1.1",
  "1.1.2",
  "1.1.3",
  "1.1.4",
  "1.1.5",
  "1.1.6",
  "1.1.7",
  "1.2.0",
  "1.2.1",
  "1.2.2",
  "1.2.3",
  "1.2.4",
  "1.3.0",
  "1.3.1",
  "1.3.2",
  "1.3.3",
  "1.3.4",
  "1.3.5",
  "1.3.6",
  "1.3.7",
  "1.4.0",
  "1.4.1",
  "1.5.0",
  "1.6.0",
  "1.7.0",
  "1.7.1",
  "1.7.2",
  "1.8.0",
  "1.9.0",
  "1.9.1",
  "1.9.2",
  "1.10.0",
  "1.10.1",
  "1.10.2",
  "1.11.0",
  "1.12.0",
  "1.12.1",
  "1.12.2",
  "1.13.0",
  "1.14.0",
  "1.15.0",
  "1.16.0",
  "1.16.1",
  "1.16.2",
  "1.16.3",
  "1.16.4",
  "1.17.0",
  "1.18.0",
  "1.19.0",
  "1.20.0",
  "1.20.1",
  "1.21.0",
  "1.22.0",
  "1.23.0",
  "1.24.0",
  "1.25.0",
  "1.25.1",
  "1.26.0",
  "1.26.1",
  "1.27.0",
  "1.28.0",
  "1.29.0",
];

/** The newest version modelled (the `main` branch the surfaces document was checked against, 1.29.0.dev0). */
export const NEWEST_HUB_VERSION = "1.29.0";

/** The first release with `hf jobs`: an older pin cannot be what runs the repository's `hf jobs` lines. */
export const FIRST_JOBS_RELEASE = "0.34.0";

/** True when `version` is at least `floor` (PEP 440 order; pre-releases sort before their release). */
export function hubAtLeast(version: string, floor: string): boolean {
  return compare(version, floor) >= 0;
}

/** A normalised version string, or null when `text` is not a PEP 440 version. */
export function normaliseHubVersion(text: string): string | null {
  const trimmed = text.trim().replace(/^v/i, "");
  return valid(trimmed) ? trimmed : null;
}

/**
 * The version an installer picks for a requirement's specifier (`>=0.30,<1.0` -> 0.36.2, `==1.2.*` -> 1.2.4);
 * an exact `==X` pin is X itself. Empty specifiers and ones no known release satisfies give the newest; null for
 * an invalid specifier.
 */
export function resolveHubSpecifier(specifier: string): string | null {
  const spec = specifier.trim().replace(/\s+/g, "");
  if (spec === "") return NEWEST_HUB_VERSION;
  const exact = /^===?([^,*]+)$/.exec(spec);
  if (exact) return normaliseHubVersion(exact[1]!);
  if (!validRange(spec)) return null;
  return maxSatisfying([...HUB_RELEASES], spec) ?? NEWEST_HUB_VERSION;
}

/** The version the command-line models use: below 0.34 (no `hf jobs` there) the lines must run a newer install. */
export function effectiveHubVersion(version: string | null | undefined): string {
  if (!version) return NEWEST_HUB_VERSION;
  return hubAtLeast(version, FIRST_JOBS_RELEASE) ? version : NEWEST_HUB_VERSION;
}
