/**
 * How grave each rule's finding is, as a CVSS-like score: GitHub code scanning reads it from SARIF's
 * `security-severity` (9.0 and above critical, 7.0 high, 4.0 medium, below that low), and the `gitlab` format maps
 * it to Code Quality severities. A leaked token is critical (anyone who reads the file can use it); a token stored
 * or shown in full (env, argv, logs) is high; a launch that passes the wrong or no secret fails, which costs time
 * but leaks nothing, and is low.
 */
import { findRule } from "../catalog/index.js";

const SCORES: Readonly<Record<string, number>> = {
  HFJ101: 9.0, // a real-looking token in a file
  HFJ102: 5.0, // a literal where a token goes: a placeholder today, a pasted token tomorrow
  HFJ103: 7.5, // a token printed or logged
  HFJ104: 7.5, // a token on a command line or in job arguments, shown with the job
  HFJ201: 7.0, // a token in a job's env, stored and shown in full
  HFJ202: 3.0, // a placeholder sent literally: the job fails with a 401
  HFJ203: 3.0, // no token secret for a script that needs one
  HFJ204: 3.0, // the token secret under another name
  HFJ205: 3.0, // a tool-call placeholder that is not substituted
  HFJ206: 2.0, // an argument the surface ignores
  HFJ207: 4.0, // flags after the script: the secret is not passed, the job gets the flags
  HFJ210: 3.0, // an option after the script read by the launcher, not the job
  HFJ211: 3.0, // an option the launcher does not know
  HFJ212: 3.0, // a launcher option value that is rejected
  HFJ213: 3.0, // a CI secret with no source: the job gets no token
  HFJ214: 3.0, // an OIDC token that expires before the job ends
  HFJ301: 2.0, // a job script that fails late without a token
  HFJ302: 1.0, // a redundant token argument
  HFJ303: 2.0, // a legacy variable name
  HFJ901: 1.0, // an unused suppression
};

/** The score of a code; a rule without one is scored by its default severity. */
export function securitySeverity(code: string): number {
  const score = SCORES[code];
  if (score !== undefined) return score;
  return findRule(code)?.defaultSeverity === "warning" ? 2.0 : 5.0;
}

/** Codes with a score of their own (the rest fall back on their severity). */
export const SCORED_CODES: readonly string[] = Object.keys(SCORES);

/** GitLab Code Quality's severity for a score. */
export function codeQualitySeverity(code: string): "info" | "minor" | "major" | "critical" {
  const score = securitySeverity(code);
  if (score >= 9) return "critical";
  if (score >= 7) return "major";
  if (score >= 4) return "minor";
  return "info";
}
