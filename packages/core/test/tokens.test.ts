import { describe, expect, it } from "vitest";
import { containsToken, findTokens, isRealLookingToken, looksLikeTokenPlaceholder, redact, redactText } from "@hf-jobs-lint/core";

// Fake token: 34 letters/digits after the prefix, not a real credential.
const FAKE = "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYz01234567";

describe("token patterns", () => {
  it("finds hf_ and api_org_ tokens with word boundaries", () => {
    const text = `a = "${FAKE}"; b = "api_org_${"x".repeat(34)}"; c = "x${FAKE}"; d = "${FAKE}9"`;
    expect(findTokens(text).map((m) => m.token)).toEqual([FAKE, `api_org_${"x".repeat(34)}`]);
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
