import { describe, expect, it } from "vitest";
import {
  containsToken,
  decodeEscapes,
  findRedactionSpans,
  findTokensInLiteral,
  RedactingWriter,
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

  // The shapes are looked for only where a prefix is (indexOf, then the pattern at that offset): the same matches
  // as the pattern run over the whole text, in order, next to each other and at the edges.
  it("finds every shape at its offset: glued, after a percent escape, hf_oauth_, inside other prefixes", () => {
    const body = FAKE.slice(3);
    const orgToken = `api_org_${body}`;
    const oauth = `hf_oauth_${body}${body}`;
    const shapes = (text: string) => findTokenShapes(text).map((m) => [m.token, m.index]);
    expect(shapes(FAKE)).toEqual([[FAKE, 0]]);
    expect(shapes(`${FAKE} ${orgToken}\n${oauth}`)).toEqual([
      [FAKE, 0],
      [orgToken, FAKE.length + 1],
      [oauth, FAKE.length + orgToken.length + 2],
    ]);
    expect(shapes(`x=%3D${FAKE}&y`)).toEqual([[FAKE, 5]]);
    // No boundary before (a letter, an underscore), or a letter after: not a token; the next prefix is still tried.
    expect(shapes(`x${FAKE} hf_hf_${body} ${FAKE}`)).toEqual([[FAKE, 2 * FAKE.length + 6]]);
    expect(shapes(`${FAKE}9 api_org_api_org_${body}_`)).toEqual([]);
    expect(shapes(`hf_oauth_hf_${body}`)).toEqual([]);
    expect(shapes("hf_ api_org_ hf_hub_download")).toEqual([]);
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

describe("redaction assumes no word boundary", () => {
  it("redacts a token glued to letters or digits on either side", () => {
    for (const [text, expected] of [
      [`\\n${FAKE}`, "\\nhf_Ab…"],
      [`\\303\\274${FAKE}`, "\\303\\274hf_Ab…"],
      [`%3D${FAKE}`, "%3Dhf_Ab…"],
      [`${FAKE}flavor`, "hf_Ab…"],
      [`x${FAKE}9`, "xhf_Ab…"],
      [`--${FAKE}`, "--hf_Ab…"],
      [`hf_oauth_${FAKE.slice(3)}`, "hf_oa…"],
    ] as const) {
      expect(redactText(text), text).toBe(expected);
      expect(redactText(text)).not.toContain(FAKE.slice(5));
    }
    expect(findRedactionSpans(`a\\n${FAKE}b`)).toEqual([{ token: `${FAKE}b`, index: 3 }]);
    expect(redactText("hf_hub_download and hf_short")).toBe("hf_hub_download and hf_short");
  });

  it("takes a percent escape on the left as a boundary for detection", () => {
    expect(findTokens(`url?token%3D${FAKE}`).map((m) => m.token)).toEqual([FAKE]);
    expect(findTokens(`x${FAKE}`)).toEqual([]);
  });

  it("redacts a stream whose chunks split a token anywhere", () => {
    const text = `one ${FAKE} two x${FAKE}y\nthree api_org_${FAKE.slice(3)} hf`;
    for (let cut = 0; cut <= text.length; cut++) {
      let out = "";
      const writer = new RedactingWriter((chunk) => (out += chunk));
      writer.write(text.slice(0, cut));
      writer.write(text.slice(cut));
      writer.flush();
      expect(out, String(cut)).toBe(redactText(text));
    }
    // Text that cannot start a token is passed on at once (a progress bar is not held back).
    let shown = "";
    const writer = new RedactingWriter((chunk) => (shown += chunk));
    writer.write("12/40 files");
    expect(shown).toBe("12/40 files");
  });
});

describe("tokens in the runtime value of a literal", () => {
  it("finds a token an escape separates from its neighbours, with its source range", () => {
    for (const [raw, dialect] of [
      [`\\n${FAKE}`, "python"],
      [`\\t${FAKE}`, "python"],
      [`\\x0a${FAKE}`, "python"],
      [`\\012${FAKE}`, "python-bytes"],
      [`\\u000a${FAKE}`, "js"],
      [`\\u{a}${FAKE}`, "js"],
      [`\\n${FAKE}\\n`, "js"],
    ] as const) {
      const found = findTokensInLiteral(raw, dialect);
      expect(found, raw).toHaveLength(1);
      expect(found[0]!.token).toBe(FAKE);
      expect(raw.slice(found[0]!.start, found[0]!.end)).toBe(FAKE);
    }
    // A token spelled with an escape maps back to the escape.
    const spelled = `\\x68${FAKE.slice(1)}`;
    expect(findTokensInLiteral(spelled, "python")).toEqual([{ token: FAKE, start: 0, end: spelled.length }]);
    // An escaped quote is a boundary; an unknown escape glues its letter to the token in both languages.
    expect(findTokensInLiteral(`\\"${FAKE}`, "python")).toHaveLength(1);
    expect(findTokensInLiteral(`\\'${FAKE}`, "js")).toHaveLength(1);
    expect(findTokensInLiteral(`\\q${FAKE}`, "python")).toEqual([]);
    expect(findTokensInLiteral(`\\q${FAKE}`, "js")).toEqual([]);
    // A token-shaped source run glued to a letter by an escape at runtime is still reported, as the source shows it.
    expect(findTokensInLiteral(`${FAKE}\\x41`, "python").map((m) => m.token)).toEqual([FAKE]);
    expect(decodeEscapes("a\\\nb", "python").value).toBe("ab");
  });
});

describe("redaction of tokens glued to each other", () => {
  it("redacts a token whose prefix sits inside the letters of another", () => {
    const other = `hf_${"Zq9".repeat(11)}x`;
    for (const text of [`${FAKE.slice(0, -2)}${other}`, `${FAKE}${other}`, `"${FAKE}hf"${other}`, `api_org_${FAKE.slice(3)}hf_${FAKE.slice(3)}`]) {
      const redacted = redactText(text);
      expect(redacted, text).not.toContain(FAKE.slice(5));
      expect(redacted, text).not.toContain(other.slice(5));
    }
    expect(findRedactionSpans(`a ${FAKE}${other} b`)).toEqual([{ token: `${FAKE}${other}`, index: 2 }]);
  });
});
