/**
 * The fuzzer shared by `test/fuzz.test.ts` (a bounded run in `npm test`) and `scripts/fuzz.js` (longer runs):
 * seeded mutations of the rule fixtures, each with a planted fake token, checked in batches through the CLI.
 * What every batch must hold: no internal error, fixed files that parse (no more syntax errors than before), a
 * second `--fix` that changes nothing, and no planted token (nor its secret part) in any output.
 *
 * The CLI and the syntax-error counters are passed in, so the test runs the sources and the script the build.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A small seeded PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** A fake token, real-looking (high entropy) so that HFJ101 takes it for a leak: `hf_FZ` and 32 random characters. */
export function plantedToken(rng) {
  let body = "FZ";
  while (body.length < 34) body += ALPHABET[rng.int(ALPHABET.length)];
  return `hf_${body}`;
}

/** The fixtures the mutations start from: every rule's file per surface, and the CI workflows. */
export function seedFiles(repoRoot) {
  const seeds = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(py|ts|js|sh|md|ya?ml)$/.test(entry.name) && entry.name !== "README.md") seeds.push({ name: entry.name, text: fs.readFileSync(full, "utf8") });
    }
  };
  walk(path.join(repoRoot, "fixtures", "rules"));
  walk(path.join(repoRoot, "fixtures", "ci"));
  return seeds.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.text.length - b.text.length);
}

/** Where a token is planted: as written, after an escape, in a comment, URL-encoded, glued by concatenation. */
const PLANTINGS = [
  (t) => `"${t}"`,
  (t) => `"\\n${t}"`,
  (t) => `"\\t${t}"`,
  (t) => `"\\x0a${t}"`,
  (t) => `"%3D${t}"`,
  (t) => `"${t}" "flavor"`,
  (t) => `# ${t}`,
  (t) => `// ${t}`,
  (t) => `\`${t}\``,
  (t) => ` ${t} `,
  (t) => `ü${t}`,
  (t) => `"\\u00fc${t}"`,
  (t) => `-e HF_TOKEN=${t}`,
];

/** Characters that break syntax in every language checked: quotes, brackets, escapes, line ends, odd Unicode. */
const NOISE = [
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  '"',
  "'",
  "`",
  "\\",
  "\n",
  "\r",
  "\r\n",
  "\t",
  "#",
  "$",
  "=",
  ",",
  ":",
  "ü",
  "中",
  "🔑",
  "\u200b",
  "\ufeff",
  " ",
  "hf_",
  "${",
  '"""',
  "```",
];

function at(text, rng) {
  return rng.int(text.length + 1);
}

/** One mutation; returns the new text and a short description for the failure report. */
function mutateOnce(text, rng, token) {
  const kind = rng.int(10);
  switch (kind) {
    case 0: {
      const start = at(text, rng);
      const end = Math.min(text.length, start + 1 + rng.int(40));
      return { text: text.slice(0, start) + text.slice(end), what: `delete ${start}-${end}` };
    }
    case 1: {
      const start = at(text, rng);
      const end = Math.min(text.length, start + 1 + rng.int(200));
      return { text: text.slice(0, end) + text.slice(start, end) + text.slice(end), what: `duplicate ${start}-${end}` };
    }
    case 2: {
      const where = at(text, rng);
      const noise = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(NOISE)).join("");
      return { text: text.slice(0, where) + noise + text.slice(where), what: `insert ${JSON.stringify(noise)} at ${where}` };
    }
    case 3: {
      const lines = text.split("\n");
      const a = rng.int(lines.length);
      const b = rng.int(lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return { text: lines.join("\n"), what: `swap lines ${a + 1} and ${b + 1}` };
    }
    case 4: {
      const eol = rng.pick(["\r\n", "\r"]);
      return { text: text.replace(/\r?\n/g, eol), what: `line ends ${JSON.stringify(eol)}` };
    }
    case 5:
      return { text: `\ufeff${text}`, what: "BOM" };
    case 6: {
      const depth = 1 + rng.int(600);
      const where = at(text, rng);
      return { text: `${text.slice(0, where)}${"[".repeat(depth)}${"]".repeat(rng.int(depth + 1))}${text.slice(where)}`, what: `nesting ${depth} at ${where}` };
    }
    case 7: {
      const cut = at(text, rng);
      return { text: text.slice(0, cut), what: `truncate at ${cut}` };
    }
    case 8: {
      // Parse-preserving: a blank line or a comment between lines.
      const lines = text.split("\n");
      const where = rng.int(lines.length + 1);
      lines.splice(where, 0, rng.pick(["", "# fuzz", "   "]));
      return { text: lines.join("\n"), what: `line at ${where + 1}` };
    }
    default: {
      const where = at(text, rng);
      const planted = rng.pick(PLANTINGS)(token);
      return { text: text.slice(0, where) + planted + text.slice(where), what: `plant ${JSON.stringify(planted.replace(token, "TOKEN"))} at ${where}` };
    }
  }
}

/** An input: a fixture, mutated 1 to 3 times, with a planted token (in the text, and now and then in its name). */
export function makeInput(seeds, rng, index) {
  const seed = rng.pick(seeds);
  const token = plantedToken(rng);
  const planted = rng.pick(PLANTINGS)(token);
  const where = at(seed.text, rng);
  let text = seed.text.slice(0, where) + planted + seed.text.slice(where);
  const mutations = [`plant ${JSON.stringify(planted.replace(token, "TOKEN"))} at ${where}`];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const next = mutateOnce(text, rng, token);
    text = next.text;
    mutations.push(next.what);
  }
  const ext = path.extname(seed.name);
  const stem = rng.chance(0.05) ? `${rng.pick(["", "ü", "x"])}${token}` : `input${index}`;
  // CI workflows are recognised by their folder.
  const folder = /\.ya?ml$/.test(ext) ? ".github/workflows/" : `d${index % 7}/`;
  return { name: `${folder}${stem}${ext}`, text, token, seed: seed.name, mutations };
}

function treeOf(inputs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hfjl-fuzz-"));
  for (const input of inputs) {
    const file = path.join(dir, input.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, input.text);
  }
  return dir;
}

/**
 * Whether the input still holds its token only whole: a mutation may have cut it (then its tail is ordinary text,
 * which output may show) or spliced text into it. Inputs that lost it are not judged for leaks.
 */
function holdsTokenWhole(input) {
  const secret = input.token.slice(5);
  const whole = (text) => text.split(input.token).join("").includes(secret) === false;
  return (input.text.includes(input.token) || input.name.includes(input.token)) && whole(input.text) && whole(input.name);
}

/** The inputs whose planted token, or its secret part (all but the five characters redaction shows), is in the output. */
function leaks(output, inputs) {
  return inputs.filter((input) => holdsTokenWhole(input) && (output.includes(input.token) || output.includes(input.token.slice(5))));
}

/**
 * Check one batch of inputs; returns the failures (empty when every property holds). `runCli(argv, {cwd})` returns
 * `{code, stdout, stderr}`; `syntaxErrors(kind, text)` counts parse errors ("py" or "ts"), or null when it cannot.
 */
export async function checkBatch(inputs, { runCli, syntaxErrors }) {
  const failures = [];
  const fail = (input, reason) => failures.push({ input, reason });
  const dir = treeOf(inputs);
  try {
    // The report of what the fixes leave is JSON (checked to parse); --diff and --show-fixes print the fixes.
    const runs = [
      ["check", ".", "--diff", "--unsafe-fixes", "--no-respect-gitignore"],
      ["check", ".", "--fix", "--unsafe-fixes", "--show-fixes", "--output-format", "json", "--no-respect-gitignore"],
    ];
    const before = new Map(inputs.map((input) => [input.name, fs.readFileSync(path.join(dir, input.name), "utf8")]));
    for (const argv of runs) {
      const result = await runCli(argv, { cwd: dir });
      const output = result.stdout + result.stderr;
      for (const input of leaks(output, inputs)) fail(input, `\`${argv.slice(2).join(" ")}\` printed the planted token`);
      for (const line of output.split("\n").filter((text) => /internal error/.test(text))) {
        fail(inputs.find((input) => line.includes(input.name)) ?? inputs[0], `internal error: ${line.slice(0, 300)}`);
      }
      if (argv.includes("json")) {
        try {
          JSON.parse(result.stdout);
        } catch {
          fail(inputs[0], "--output-format json is not JSON");
        }
      }
    }
    const fixed = new Map(inputs.map((input) => [input.name, fs.readFileSync(path.join(dir, input.name), "utf8")]));
    for (const input of inputs) {
      const kind = /\.py$/.test(input.name) ? "py" : /\.(ts|js)$/.test(input.name) ? "ts" : null;
      const after = fixed.get(input.name);
      if (!kind || after === before.get(input.name)) continue;
      const was = syntaxErrors(kind, before.get(input.name));
      const now = syntaxErrors(kind, after);
      if (was !== null && now !== null && now > was) fail(input, `the fixed file has ${now} syntax errors, ${was} before`);
    }
    const again = await runCli(["check", ".", "--fix", "--unsafe-fixes", "--no-respect-gitignore"], { cwd: dir });
    for (const input of leaks(again.stdout + again.stderr, inputs)) fail(input, "the second --fix printed the planted token");
    for (const input of inputs) {
      if (fs.readFileSync(path.join(dir, input.name), "utf8") !== fixed.get(input.name)) fail(input, "a second --fix changed the file");
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}

/** A failure as the script prints it: which input, made how, and why it failed (the token shown redacted). */
export function describeFailure({ input, reason }) {
  return `${input.name} (from ${input.seed}; ${input.mutations.join("; ")}): ${reason}`;
}
