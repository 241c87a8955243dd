import { describe, expect, it } from "vitest";
import {
  containsToken,
  findTokenShapes,
  findTokens,
  isLowEntropyToken,
  isRealLookingToken,
  looksLikeTokenPlaceholder,
  redact,
  redactText,
  shannonEntropy,
} from "@hf-jobs-lint/core";

// Fake token: 34 letters/digits after the prefix, not a real credential.
const FAKE = "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYz01234567";

describe("token patterns", () => {
  it("finds hf_ and api_org_ tokens with word boundaries", () => {
    const orgToken = "api_org_" + "Zy9XwV8uT7sR6qP5oN4mL3kJ2iH1gF0eDc";
    const text = `a = "${FAKE}"; b = "${orgToken}"; c = "x${FAKE}"; d = "${FAKE}9"`;
    expect(findTokens(text).map((m) => m.token)).toEqual([FAKE, orgToken]);
  });

  // gitleaks' measure: a body under 2 bits of Shannon entropy per character is filler, not a leak.
  it("does not take low-entropy fillers for tokens, but still finds their shape for redaction", () => {
    const fillers = [`hf_${"x".repeat(34)}`, `api_org_${"0".repeat(34)}`, `hf_${"abc".repeat(11)}a`, `hf_${"xy".repeat(17)}`];
    for (const filler of fillers) {
      expect(isLowEntropyToken(filler), filler).toBe(true);
      expect(isRealLookingToken(filler), filler).toBe(false);
      expect(containsToken(`token = "${filler}"`), filler).toBe(false);
      expect(findTokens(filler), filler).toEqual([]);
      expect(
        findTokenShapes(filler).map((m) => m.token),
        filler,
      ).toEqual([filler]);
      expect(looksLikeTokenPlaceholder(filler), filler).toBe(true);
      expect(redactText(`token=${filler}`)).toBe(`token=${redact(filler)}`);
    }
    // Four evenly used characters are exactly 2 bits, at the threshold; eight are 3 bits: real-looking.
    expect(shannonEntropy("abcd".repeat(8))).toBe(2);
    expect(isRealLookingToken(`hf_${"abcdefgh".repeat(4)}ab`)).toBe(true);
    expect(isLowEntropyToken(FAKE)).toBe(false);
    expect(shannonEntropy(FAKE.slice(3))).toBeGreaterThan(5);
  });

  it("does not take placeholders or look-alikes for tokens", () => {
    for (const value of ["hf_...", "hf_xxx", "hf_***", "hf_abc123...", "hf_YOUR_TOKEN", "hf_hub_download", "hf_" + "a".repeat(33)]) {
      expect(isRealLookingToken(value), value).toBe(false);
      expect(containsToken(value), value).toBe(false);
    }
  });

  it("recognises placeholders", () => {
    for (const value of ["hf_...", "hf_xxx", "hf_***", "hf_abc123...", "hf_YOUR_TOKEN", "<your-token>"]) {
      expect(looksLikeTokenPlaceholder(value), value).toBe(true);
    }
    expect(looksLikeTokenPlaceholder(FAKE)).toBe(false);
    expect(looksLikeTokenPlaceholder("main")).toBe(false);
  });

  it("redacts to five characters and an ellipsis", () => {
    expect(redact(FAKE)).toBe("hf_Ab…");
    expect(redactText(`token=${FAKE} and ${FAKE}`)).toBe("token=hf_Ab… and hf_Ab…");
  });
});
