import { readFileSync } from "node:fs";
import path from "node:path";
import { createCiYamlAnalyzer } from "../src/index.js";
import { ciDialect } from "../src/ci-yaml.js";
import { analyzeText, codesOf, covered, FAKE_TOKEN, fixToFixpoint } from "../../../test/helpers/analyzer-harness.js";

const fixtures = path.resolve(__dirname, "../../../fixtures/ci");
const ci = createCiYamlAnalyzer({ analyzeScriptNeeds: (text) => ({ level: text.includes("push_to_hub") ? "write" : "none", readsVariables: new Set() }) });
const WORKFLOW = ".github/workflows/train.yml";
/** huggingface_hub 0.36: `hf jobs` passes everything after the script to it (argparse). */
const OLD = { hubVersion: "0.36.2" };

describe("ciDialect", () => {
  it("tells GitLab CI files from GitHub workflows", () => {
    expect(ciDialect(".gitlab-ci.yml")).toBe("gitlab");
    expect(ciDialect("sub/.gitlab/ci/train.yml")).toBe("gitlab");
    expect(ciDialect(".github/workflows/a.yml")).toBe("github");
  });
});

describe("CI YAML analyzer: GitHub Actions", () => {
  const text = readFileSync(path.join(fixtures, "github", WORKFLOW), "utf8");

  it("checks `run:` block scalars at their offsets, and only shell steps", async () => {
    const found = await analyzeText(ci, WORKFLOW, text, OLD);
    expect(found.map((d) => [d.code, d.location.row, covered(text, d)])).toEqual([
      ["HFJ201", 13, "-e HF_TOKEN"],
      ["HFJ207", 15, "--secrets HF_TOKEN"],
    ]);
    // Since 1.0 the `--secrets` after the script is read by `hf jobs`; the job's env maps HF_TOKEN, so no HFJ213.
    expect((await analyzeText(ci, WORKFLOW, text)).map((d) => [d.code, d.location.row])).toEqual([["HFJ201", 13]]);
  });

  it("fixes the step in place, keeping the continuation lines, idempotently", async () => {
    const fixed = await fixToFixpoint(ci, WORKFLOW, text, OLD);
    expect(fixed.remaining).toEqual([]);
    expect(fixed.text).toBe(
      text
        .replace("hf jobs uv run -e HF_TOKEN", "hf jobs uv run -s HF_TOKEN")
        .replace("scripts/train.py --epochs 3 --secrets HF_TOKEN", "--secrets HF_TOKEN scripts/train.py --epochs 3"),
    );
  });

  it("HFJ101 on a literal token in `env:`: reported once, no fix", async () => {
    const withToken = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      HF_TOKEN: ${FAKE_TOKEN}\n    steps:\n      - run: echo hi\n`;
    const found = await analyzeText(ci, WORKFLOW, withToken);
    expect(found.map((d) => [d.code, d.location.row, d.fix])).toEqual([["HFJ101", 6, null]]);
    expect(found[0]!.message).not.toContain(FAKE_TOKEN);
  });

  it("a token on a command line in a step is one finding, with the command-line fix", async () => {
    const step = `jobs:\n  a:\n    steps:\n      - run: hf jobs run --token ${FAKE_TOKEN} ubuntu ls\n`;
    const found = await analyzeText(ci, WORKFLOW, step);
    expect(codesOf(found)).toEqual(["HFJ101"]);
    expect((await fixToFixpoint(ci, WORKFLOW, step, { unsafe: true })).text).toBe("jobs:\n  a:\n    steps:\n      - run: hf jobs run ubuntu ls\n");
  });

  it("`${{ ... }}` expressions are not literals", async () => {
    const step = "jobs:\n  a:\n    steps:\n      - run: hf jobs uv run -s HF_TOKEN=${{ secrets.HF_TOKEN }} --token ${{ secrets.T }} x.py\n";
    expect(await analyzeText(ci, WORKFLOW, step)).toEqual([]);
  });

  it("CRLF workflows: offsets and fixes stay exact", async () => {
    const crlf = "jobs:\r\n  a:\r\n    steps:\r\n      - run: |\r\n          hf jobs uv run x.py \\\r\n            --flavor cpu-basic\r\n";
    const found = await analyzeText(ci, WORKFLOW, crlf, OLD);
    expect(found.map((d) => [d.code, d.location.row, covered(crlf, d)])).toEqual([["HFJ207", 6, "--flavor cpu-basic"]]);
    expect((await fixToFixpoint(ci, WORKFLOW, crlf, OLD)).text).toBe("jobs:\r\n  a:\r\n    steps:\r\n      - run: |\r\n          hf jobs uv run --flavor cpu-basic x.py\r\n");
  });

  it("HFJ203 resolves the script from the repository root", async () => {
    const step = "jobs:\n  a:\n    steps:\n      - run: hf jobs uv run scripts/push.py\n";
    const found = await analyzeText(ci, WORKFLOW, step, { files: { "scripts/push.py": "ds.push_to_hub('me/x')\n" } });
    expect(found.map((d) => [d.code, covered(step, d)])).toEqual([["HFJ203", "scripts/push.py"]]);
  });

  it("a double-quoted step with escapes is checked from its decoded value, without a fix", async () => {
    const step = 'jobs:\n  a:\n    steps:\n      - run: "hf jobs uv run -e HF_TOKEN \\"x.py\\""\n';
    const found = await analyzeText(ci, WORKFLOW, step);
    expect(found.map((d) => [d.code, d.fix, covered(step, d)])).toEqual([["HFJ201", null, '"hf jobs uv run -e HF_TOKEN \\"x.py\\""']]);
  });
});

describe("CI YAML analyzer: GitLab CI", () => {
  const text = readFileSync(path.join(fixtures, "gitlab", ".gitlab-ci.yml"), "utf8");

  it("checks script list items, folded scalars and quoted strings", async () => {
    const found = await analyzeText(ci, ".gitlab-ci.yml", text, OLD);
    expect(found.map((d) => [d.code, d.location.row, covered(text, d)])).toEqual([
      ["HFJ207", 11, "-e HF_TOKEN"],
      ["HFJ204", 14, "-s HF_API_TOKEN"],
    ]);
  });

  it("fixes them to a clean file", async () => {
    const fixed = await fixToFixpoint(ci, ".gitlab-ci.yml", text, { unsafe: true, ...OLD });
    expect(fixed.remaining).toEqual([]);
    expect(fixed.text).toBe(text.replace("scripts/train.py -e HF_TOKEN", "-s HF_TOKEN scripts/train.py").replace("-s HF_API_TOKEN", "-s HF_TOKEN"));
  });

  it("the HFJ207 fix moves `-e HF_TOKEN` and the next pass moves it to secrets", async () => {
    // HFJ201 is reported only once the flag is before the script (after it, it is the script's argument).
    const line = "job:\n  script:\n    - hf jobs uv run x.py -e HF_TOKEN\n";
    expect((await fixToFixpoint(ci, ".gitlab-ci.yml", line, OLD)).text).toBe("job:\n  script:\n    - hf jobs uv run -s HF_TOKEN x.py\n");
    // Since 1.0 `-e HF_TOKEN` after the script is read by `hf jobs`: HFJ201 moves it to secrets where it stands.
    expect((await fixToFixpoint(ci, ".gitlab-ci.yml", line)).text).toBe("job:\n  script:\n    - hf jobs uv run x.py -s HF_TOKEN\n");
  });

  it("`run:` means nothing in GitLab, `script:` nothing in GitHub", async () => {
    expect(await analyzeText(ci, ".gitlab-ci.yml", "job:\n  run: hf jobs uv run -e HF_TOKEN x.py\n")).toEqual([]);
    expect(await analyzeText(ci, WORKFLOW, "jobs:\n  a:\n    steps:\n      - with:\n          script: hf jobs uv run -e HF_TOKEN x.py\n")).toEqual([]);
  });
});

describe("CI YAML analyzer: the step's environment (HFJ213, HFJ214)", () => {
  const workflow = (steps: string, extra = "") => `on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;

  it("HFJ213: a bare `-s HF_TOKEN` with no HF_TOKEN in any env, no login and no OIDC", async () => {
    const text = workflow("      - run: hf jobs uv run --secrets HF_TOKEN -s WANDB_API_KEY train.py\n");
    const found = await analyzeText(ci, WORKFLOW, text);
    expect(found.map((d) => [d.code, covered(text, d)])).toEqual([
      ["HFJ213", "--secrets HF_TOKEN"],
      ["HFJ213", "-s WANDB_API_KEY"],
    ]);
    expect(found[0]!.message).toContain("dropped silently");
  });

  it("HFJ213 stays silent when the file shows where the value comes from, or cannot show it", async () => {
    const quiet = [
      workflow("      - run: hf jobs uv run -s HF_TOKEN train.py\n        env:\n          HF_TOKEN: ${{ secrets.HF_TOKEN }}\n"),
      workflow("      - run: hf jobs uv run -s HF_TOKEN train.py\n", "    env:\n      HF_TOKEN: ${{ secrets.HF_TOKEN }}\n"),
      `env:\n  HF_TOKEN: \${{ secrets.HF_TOKEN }}\n${workflow("      - run: hf jobs uv run -s HF_TOKEN train.py\n")}`,
      workflow("      - run: hf auth login --token ${{ secrets.HF_TOKEN }}\n      - run: hf jobs uv run -s HF_TOKEN train.py\n"),
      workflow("      - run: |\n          export HF_TOKEN=$(cat token)\n          hf jobs uv run -s HF_TOKEN train.py\n"),
      workflow("      - run: hf jobs uv run -s HF_TOKEN train.py\n", "    env:\n      HF_OIDC_RESOURCE: me/model\n"),
      workflow("      - run: hf jobs uv run -s HF_TOKEN=${{ secrets.HF_TOKEN }} train.py\n"),
      workflow("      - run: hf jobs uv run -s HF_TOKEN train.py\n", "    container: python:3.12\n"),
      "on: push\njobs:\n  train:\n    runs-on: [self-hosted, gpu]\n    steps:\n      - run: hf jobs uv run -s HF_TOKEN train.py\n",
      "runs:\n  using: composite\n  steps:\n    - run: hf jobs uv run -s HF_TOKEN train.py\n      shell: bash\n",
      "job:\n  script:\n    - hf jobs uv run -s HF_TOKEN train.py\n",
    ];
    for (const text of quiet) expect(codesOf(await analyzeText(ci, text.startsWith("job:") ? ".gitlab-ci.yml" : WORKFLOW, text)), text).toEqual([]);
  });

  it("HFJ214: an OIDC token (60 minutes) forwarded to a job with a longer --timeout, from huggingface_hub 1.19", async () => {
    const oidc = "    permissions:\n      id-token: write\n    env:\n      HF_OIDC_RESOURCE: me/model\n";
    const text = workflow("      - run: hf jobs uv run --timeout 3h --secrets HF_TOKEN train.py\n", oidc);
    const found = await analyzeText(ci, WORKFLOW, text);
    expect(found.map((d) => [d.code, covered(text, d)])).toEqual([["HFJ214", "--secrets HF_TOKEN"]]);
    expect(await analyzeText(ci, WORKFLOW, workflow("      - run: hf jobs uv run --timeout 45m --secrets HF_TOKEN train.py\n", oidc))).toEqual([]);
    expect(await analyzeText(ci, WORKFLOW, workflow("      - run: hf jobs uv run --timeout 7200 -s HF_TOKEN train.py\n", oidc), { hubVersion: "1.18.0" })).toEqual([
      expect.objectContaining({ code: "HFJ213" }),
    ]);
  });

  it("reads YAML files elsewhere that have a workflow's shape, or command steps", async () => {
    const text = workflow("      - run: hf jobs uv run --secrets HF_TOKEN train.py --timeout 30\n");
    expect(codesOf(await analyzeText(ci, "ci/templates/train.yml", text))).toEqual(["HFJ213", "HFJ210"]);
    const tasks = "tasks:\n  train:\n    script:\n      - hf jobs uv run -e HF_TOKEN train.py\n";
    expect(codesOf(await analyzeText(ci, "Taskfile.yml", tasks))).toEqual(["HFJ201"]);
    expect(await analyzeText(ci, "config/settings.yaml", `model: gpt2\ntoken: ${FAKE_TOKEN}\n`)).toEqual([]);
  });
});
