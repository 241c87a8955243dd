import { describe, expect, it } from "vitest";
import {
  RULES,
  RULE_TABLE_BEGIN,
  RULE_TABLE_END,
  SURFACE_EXAMPLE_LANGUAGE,
  containsToken,
  extractRuleTableBlock,
  findRule,
  findTokens,
  generatedDocFiles,
  getRule,
  readmeSkeleton,
  redact,
  redactText,
  renderEslintRuleDoc,
  renderRuleList,
  renderRuleMarkdown,
  renderRuleTable,
  renderRuleText,
  replaceRuleTableBlock,
  type RuleMeta,
} from "@hf-jobs-lint/core";

// The rule table of shared/SPEC.md ("Rule catalog"), copied here because CI has no fixed path to that file.
// Codes are stable and never reused, so this list only ever grows.
const SPEC_RULES: ReadonlyArray<readonly [code: string, name: string]> = [
  ["HFJ101", "no-hardcoded-token"],
  ["HFJ102", "no-literal-token-argument"],
  ["HFJ103", "no-token-output"],
  ["HFJ104", "no-token-in-arguments"],
  ["HFJ201", "no-token-in-env"],
  ["HFJ202", "no-placeholder-outside-mcp"],
  ["HFJ203", "require-token-secret"],
  ["HFJ204", "valid-token-secret-name"],
  ["HFJ205", "no-unsubstituted-placeholder"],
  ["HFJ206", "no-unknown-job-argument"],
  ["HFJ207", "no-flags-after-script"],
  ["HFJ301", "check-token-early"],
  ["HFJ302", "no-redundant-token-argument"],
  ["HFJ303", "no-legacy-token-variable"],
];

// Fake token: "hf_" + 34 made-up letters/digits.
const FAKE_TOKEN = "hf_" + "ZZfakeDocsTOKEN0123456789abcdefghi";

/** A made-up rule for renderer edge cases (pipes in the summary, fences inside an example, a token in prose). */
function syntheticRule(overrides: Partial<RuleMeta<string>> = {}): RuleMeta<string> {
  return {
    code: "HFJ999",
    name: "synthetic-rule",
    summary: "Flags `a | b` pipes",
    defaultSeverity: "warning",
    enabledByDefault: false,
    fix: "none",
    fixSummary: "",
    surfaces: ["md", "ts"],
    docs: {
      whatItDoes: `Checks **bold** prose with \`code\`, a [link](https://example.com) and ${FAKE_TOKEN}.`,
      whyBad: "Because.",
      examples: [
        { language: "markdown", bad: "```bash\nhf jobs uv run x.py --secrets HF_TOKEN\n```", good: "```bash\nhf jobs uv run --secrets HF_TOKEN x.py\n```" },
        { language: "typescript", bad: "const a = 1;", good: "const a = 2;" },
      ],
      fixSafety: "None.",
    },
    ...overrides,
  };
}

/** The text outside fenced code blocks. */
function outsideFences(text: string): string {
  return text.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, "");
}

describe("rule catalog", () => {
  it("has unique codes of the form HFJ[0-9]{3}", () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^HFJ[0-9]{3}$/);
  });

  it("has unique kebab-case names", () => {
    const names = RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });

  it("contains every code of SPEC.md's table under the same name", () => {
    for (const [code, name] of SPEC_RULES) {
      expect(findRule(code)?.name, code).toBe(name);
      expect(getRule(name).code, name).toBe(code);
      expect(findRule(`hf-jobs/${name}`)?.code).toBe(code);
    }
  });

  it("leaves HFJ302 as the only rule off by default", () => {
    expect(RULES.filter((rule) => !rule.enabledByDefault).map((rule) => rule.code)).toEqual(["HFJ302"]);
  });

  it("describes a fix exactly when the rule has one", () => {
    for (const rule of RULES) expect(rule.fixSummary.trim() === "", rule.code).toBe(rule.fix === "none");
  });

  it.each(RULES.map((rule) => [rule.code, rule] as const))("%s has complete docs", (_code, rule) => {
    const { docs } = rule;
    expect(rule.summary.trim()).not.toBe("");
    expect(docs.whatItDoes.trim()).not.toBe("");
    expect(docs.whyBad.trim()).not.toBe("");
    expect(docs.fixSafety.trim()).not.toBe("");
    expect(docs.examples.length).toBeGreaterThan(0);
    for (const reference of docs.references ?? []) expect(reference.trim()).not.toBe("");

    const languages = new Set(docs.examples.map((example) => example.language));
    for (const surface of rule.surfaces) {
      const language = SURFACE_EXAMPLE_LANGUAGE[surface];
      const ok = languages.has(language!) || (surface === "sh" && languages.has("yaml"));
      if (language) expect(ok, `${rule.code} claims ${surface} but has no ${language} example`).toBe(true);
    }
    for (const example of docs.examples) {
      expect(example.bad.trim()).not.toBe("");
      expect(example.good.trim()).not.toBe("");
      expect(example.bad).not.toBe(example.good);
    }
  });
});

describe("docs facts (never invent a parameter)", () => {
  const examples = RULES.flatMap((rule) => rule.docs.examples.map((example) => ({ rule, example })));

  it("shows a real-looking token only in examples of what is reported, never in a good example", () => {
    for (const { rule, example } of examples) expect(containsToken(example.good), rule.code).toBe(false);
    // HFJ101's examples must hold a real-looking (fake) token, or they would not show what it reports.
    for (const example of getRule("HFJ101").docs.examples) expect(containsToken(example.bad)).toBe(true);
  });

  it("uses the $HF_TOKEN placeholder in good examples only inside an hf_jobs tool call", () => {
    let seen = 0;
    for (const { rule, example } of examples) {
      if (!/\$\{?HF_TOKEN\b/.test(example.good) || example.language === "shell") continue;
      seen++;
      expect(example.good, rule.code).toMatch(/hf_jobs\(/);
      expect(example.good, rule.code).not.toMatch(/run_uv_job|run_job|runJob/);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("uses `environment`, never `env`, in @huggingface/hub examples, and `with_deps` in uv tool calls", () => {
    let hubCalls = 0;
    let uvCalls = 0;
    for (const { rule, example } of examples) {
      if (example.good.includes("runJob(")) {
        hubCalls++;
        expect(example.good, rule.code).not.toMatch(/\benv\s*:/);
      }
      if (/hf_jobs\(\s*"uv"/.test(example.good)) {
        uvCalls++;
        expect(example.good, rule.code).not.toMatch(/\bdependencies\b|["\s]image["\s]*:/);
      }
    }
    expect(hubCalls).toBeGreaterThan(0);
    expect(uvCalls).toBeGreaterThan(0);
  });

  it("passes only keywords the Python launch functions take (no `args=`, no `env=` on other platforms)", () => {
    const known = new Set([
      "script_args",
      "dependencies",
      "python",
      "image",
      "env",
      "secrets",
      "flavor",
      "timeout",
      "name",
      "labels",
      "volumes",
      "expose",
      "ssh",
      "namespace",
      "token",
    ]);
    let keywords = 0;
    for (const { rule, example } of examples) {
      if (example.language !== "python") continue;
      for (const call of example.good.matchAll(/\brun_uv_job\(([\s\S]*?)\)\n?$/gm)) {
        for (const keyword of call[1]!.matchAll(/\b([a-z_]+)=/g)) {
          keywords++;
          expect(known.has(keyword[1]!), `${rule.code}: ${keyword[1]}`).toBe(true);
        }
      }
    }
    expect(keywords).toBeGreaterThan(5);
  });
});

describe("renderRuleMarkdown", () => {
  it("renders the title, summary, metadata line and Ruff's sections in order", () => {
    const rule = getRule("HFJ201");
    const page = renderRuleMarkdown(rule);
    const lines = page.split("\n");
    expect(lines).toContain("# no-token-in-env (HFJ201)");
    const metadata = lines.find((line) => line.startsWith("Default severity:"))!;
    expect(metadata).toContain("**error**");
    expect(metadata).toContain("on by default");
    expect(metadata).toContain("Fix: safe");
    expect(metadata).toContain("Surfaces: Python, TypeScript/JavaScript, shell, Markdown");
    const order = ["## What it does", "## Why is this bad?", "## Example", "## Fix safety", "## References"].map((heading) => lines.indexOf(heading));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page.endsWith("\n")).toBe(true);
  });

  it("fences every example and introduces each reported one with ❌ (a counter-example when docs are linted)", () => {
    for (const rule of RULES) {
      const page = renderRuleMarkdown(rule);
      for (const example of rule.docs.examples) {
        expect(page).toContain(`\`\`\`${example.language}\n${example.bad}\n\`\`\``);
        expect(page).toContain(`\`\`\`${example.language}\n${example.good}\n\`\`\``);
        const badAt = page.indexOf(`\`\`\`${example.language}\n${example.bad}\n`);
        const before = page.slice(0, badAt).trimEnd().split("\n").pop()!;
        expect(before, rule.code).toMatch(/^❌/);
      }
    }
  });

  it("marks an opt-in rule and how to select it", () => {
    expect(renderRuleMarkdown(getRule("HFJ302"))).toContain("off by default, enable with `--select HFJ302`");
  });

  it("uses a longer fence when an example contains a fence", () => {
    const page = renderRuleMarkdown(syntheticRule());
    expect(page).toContain("````markdown\n```bash\nhf jobs uv run x.py --secrets HF_TOKEN\n```\n````");
  });
});

describe("renderRuleText", () => {
  it("redacts every token, and changes nothing else in the examples", () => {
    const rule = getRule("HFJ101");
    const text = renderRuleText(rule);
    expect(containsToken(text)).toBe(false);
    for (const example of rule.docs.examples) {
      for (const { token } of findTokens(example.bad)) expect(text).toContain(redact(token));
      expect(text).toContain(redactText(example.bad));
      expect(text).toContain(example.good);
    }
  });

  it("redacts tokens in prose too", () => {
    const text = renderRuleText(syntheticRule());
    expect(text).not.toContain(FAKE_TOKEN);
    expect(text).toContain(redact(FAKE_TOKEN));
  });

  it("prints plain text: no headings, emphasis, links or inline code outside code fences", () => {
    for (const rule of [...RULES, syntheticRule()]) {
      const prose = outsideFences(renderRuleText(rule));
      expect(prose, rule.code).not.toMatch(/^#/m);
      expect(prose, rule.code).not.toContain("**");
      expect(prose, rule.code).not.toContain("`");
      expect(prose, rule.code).not.toMatch(/\]\(/);
    }
    expect(renderRuleText(syntheticRule())).toContain("a link (https://example.com)");
  });

  it("starts with the code and name and names the ESLint rule and the docs URL", () => {
    const text = renderRuleText(getRule("no-token-output"));
    expect(text.split("\n")[0]).toBe("HFJ103 no-token-output");
    expect(text).toContain("ESLint rule: hf-jobs/no-token-output");
    expect(text).toContain("docs/rules/no-token-output.md");
    expect(text).toContain("Fix: none");
    expect(renderRuleText(getRule("HFJ301"))).not.toContain("ESLint rule:");
  });
});

describe("renderRuleList", () => {
  it("prints one aligned line per rule: code, name, fix, summary", () => {
    const list = renderRuleList(RULES);
    const lines = list.trimEnd().split("\n");
    expect(lines).toHaveLength(RULES.length);
    const summaryColumn = lines[0]!.indexOf("A real-looking");
    RULES.forEach((rule, i) => {
      const line = lines[i]!;
      expect(line.startsWith(`${rule.code}  ${rule.name} `)).toBe(true);
      expect(line).toMatch(new RegExp(`\\s${rule.fix === "none" ? "-" : rule.fix}\\s`));
      expect(line.indexOf(rule.summary.replace(/`/g, "").slice(0, 12))).toBe(summaryColumn);
      expect(line).not.toContain("`");
    });
    expect(lines.find((line) => line.startsWith("HFJ302"))).toMatch(/\(off by default\)$/);
    expect(lines.filter((line) => line.includes("off by default"))).toHaveLength(1);
  });

  it("prints nothing for no rules", () => {
    expect(renderRuleList([])).toBe("");
  });
});

describe("renderRuleTable", () => {
  it("has a header and one row per rule linking to its docs page", () => {
    const rows = renderRuleTable(RULES).trimEnd().split("\n");
    expect(rows[0]).toBe("| Code | Name | Summary | Fix | Surfaces | Default |");
    expect(rows).toHaveLength(RULES.length + 2);
    expect(rows).toContain(
      "| HFJ302 | [no-redundant-token-argument](docs/rules/no-redundant-token-argument.md) | A token argument repeats what the library reads from the environment itself | safe | py ts | off |",
    );
    expect(rows).toContain(
      "| HFJ103 | [no-token-output](docs/rules/no-token-output.md) | A token value reaches output: print, logging, console, an exception message or a written file | - | py ts sh md | on |",
    );
  });

  it("escapes pipes inside a cell", () => {
    const row = renderRuleTable([syntheticRule()]).trimEnd().split("\n")[2]!;
    expect(row).toContain("Flags `a \\| b` pipes");
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
  });
});

describe("renderEslintRuleDoc", () => {
  it("documents usage, recommended membership, fixability and the TypeScript examples", () => {
    for (const rule of RULES.filter((r) => r.surfaces.includes("ts"))) {
      const page = renderEslintRuleDoc(rule);
      expect(page).toContain(`# hf-jobs/${rule.name}\n`);
      expect(page).toContain(`"hf-jobs/${rule.name}": "${rule.defaultSeverity === "warning" ? "warn" : "error"}"`);
      expect(page.includes("✅ Enabled in the `recommended` config."), rule.code).toBe(rule.enabledByDefault);
      expect(page.includes("🔧"), rule.code).toBe(rule.fix === "safe");
      expect(page.includes("💡"), rule.code).toBe(rule.fix === "unsafe");
      const tsExamples = rule.docs.examples.filter((example) => example.language === "typescript");
      expect(tsExamples.length).toBeGreaterThan(0);
      for (const example of tsExamples) {
        expect(page).toContain(`❌ Incorrect:\n\n\`\`\`ts\n${example.bad}\n\`\`\``);
        expect(page).toContain(`✅ Correct:\n\n\`\`\`ts\n${example.good}\n\`\`\``);
      }
      for (const example of rule.docs.examples.filter((e) => e.language === "python")) expect(page).not.toContain(example.bad);
    }
    expect(renderEslintRuleDoc(getRule("HFJ302"))).toContain("Not in the `recommended` config");
  });

  it("refuses a rule that does not run on TS/JS files", () => {
    expect(() => renderEslintRuleDoc(getRule("HFJ301"))).toThrow(/HFJ301/);
  });
});

describe("generatedDocFiles and the README block", () => {
  it("has a docs page per rule and an ESLint page per TS rule", () => {
    const files = generatedDocFiles(RULES);
    const tsRules = RULES.filter((rule) => rule.surfaces.includes("ts"));
    expect(files.size).toBe(RULES.length + tsRules.length);
    for (const rule of RULES) expect(files.get(`docs/rules/${rule.name}.md`)).toBe(renderRuleMarkdown(rule));
    for (const rule of tsRules) expect(files.get(`packages/eslint-plugin/docs/rules/${rule.name}.md`)).toBe(renderEslintRuleDoc(rule));
    expect(files.has("packages/eslint-plugin/docs/rules/check-token-early.md")).toBe(false);
  });

  it("replaces only the text between the markers", () => {
    const readme = `# Title\r\n\r\nIntro.\r\n\r\n${RULE_TABLE_BEGIN}\r\nold table\r\n${RULE_TABLE_END}\r\n\r\n## After\r\n`;
    const updated = replaceRuleTableBlock(readme, RULES);
    expect(updated.startsWith(`# Title\r\n\r\nIntro.\r\n\r\n${RULE_TABLE_BEGIN}\n`)).toBe(true);
    expect(updated.endsWith(`${RULE_TABLE_END}\r\n\r\n## After\r\n`)).toBe(true);
    expect(extractRuleTableBlock(updated)).toBe(renderRuleTable(RULES));
    expect(replaceRuleTableBlock(updated, RULES)).toBe(updated);
    expect(extractRuleTableBlock(readme)).toBe("old table\r\n");
  });

  it("fails clearly without markers, and the skeleton has them", () => {
    expect(() => replaceRuleTableBlock("# hf-jobs-lint\n", RULES)).toThrow(/markers/);
    expect(extractRuleTableBlock("# hf-jobs-lint\n")).toBeNull();
    const skeleton = readmeSkeleton(RULES);
    expect(skeleton.startsWith("# hf-jobs-lint\n")).toBe(true);
    expect(extractRuleTableBlock(skeleton)).toBe(renderRuleTable(RULES));
  });
});
