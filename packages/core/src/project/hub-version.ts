/**
 * The huggingface_hub version a repository uses, read from its manifests, so that the command-line rules read
 * `hf jobs` lines the way that version parses them. Lock files give the installed version; requirements give
 * the newest release the requirement allows (what a fresh install gets). The nearest folder with a manifest that
 * names huggingface_hub wins, from the file's folder up to the repository root. TOML is read with smol-toml.
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { normaliseHubVersion, resolveHubSpecifier } from "../domain/command-line/hub-versions.js";

export interface HubVersionFound {
  version: string;
  /** The manifest it came from (its path as given to the reader), for messages and tests. */
  file: string;
}

const HUB_NAME = "huggingface-hub";

/** PEP 503 normalisation of a distribution name. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/**
 * The version specifier of a PEP 508 requirement on huggingface_hub (`huggingface_hub[cli]>=1.0; python_version>"3.9"`
 * -> `>=1.0`), `""` for no specifier or a direct URL (which installs the newest), or null for another package.
 */
export function hubRequirementSpecifier(requirement: string): string | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(requirement);
  if (!match || normaliseName(match[1]!) !== HUB_NAME) return null;
  let rest = match[2]!;
  const marker = rest.indexOf(";");
  if (marker >= 0) rest = rest.slice(0, marker);
  rest = rest.trim();
  if (rest.startsWith("@")) return "";
  return rest.replace(/^\((.*)\)$/, "$1").trim();
}

/** A Poetry constraint (`^0.34`, `~1.2`, `1.3.0`, `>=0.30,<1`, `*`) as a PEP 440 specifier. */
function poetrySpecifier(constraint: string): string {
  const text = constraint.trim();
  if (text === "" || text === "*") return "";
  const caret = /^\^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text);
  if (caret) {
    const [major, minor, patch] = [Number(caret[1]), caret[2] === undefined ? null : Number(caret[2]), caret[3] === undefined ? null : Number(caret[3])];
    const floor = [major, minor ?? 0, patch ?? 0].join(".");
    const ceiling = major > 0 || minor === null ? `${major + 1}.0.0` : minor > 0 || patch === null ? `0.${minor + 1}.0` : `0.0.${patch! + 1}`;
    return `>=${floor},<${ceiling}`;
  }
  const tilde = /^~(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text);
  if (tilde) {
    const [major, minor] = [Number(tilde[1]), tilde[2] === undefined ? null : Number(tilde[2])];
    return minor === null ? `>=${major}.0.0,<${major + 1}.0.0` : `>=${major}.${minor}.${tilde[3] ?? 0},<${major}.${minor + 1}.0`;
  }
  if (/^\d/.test(text)) return `==${text}`;
  return text.replace(/\s+/g, "").replace(/,(?=[<>=!~])/g, ",");
}

function versionOf(specifiers: readonly string[]): string | null {
  if (specifiers.length === 0) return null;
  return resolveHubSpecifier(specifiers.filter((s) => s !== "").join(","));
}

function readTomlSafely(text: string): Record<string, unknown> | null {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** `uv.lock`, `poetry.lock` (`[[package]]`) and `pylock.toml` (`[[packages]]`): the locked version. */
export function hubVersionFromLock(text: string): string | null {
  const toml = readTomlSafely(text);
  if (!toml) return null;
  const packages = (toml.package ?? toml.packages) as unknown;
  if (!Array.isArray(packages)) return null;
  for (const entry of packages) {
    const record = entry as { name?: unknown; version?: unknown };
    if (typeof record.name === "string" && normaliseName(record.name) === HUB_NAME && typeof record.version === "string") return normaliseHubVersion(record.version);
  }
  return null;
}

function requirementsIn(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}

/** `pyproject.toml`: PEP 621 dependencies and extras, PEP 735 dependency groups, uv's dev dependencies, Poetry's tables. */
export function hubVersionFromPyproject(text: string): string | null {
  const toml = readTomlSafely(text);
  if (!toml) return null;
  const requirements: string[] = [];
  const project = toml.project as Record<string, unknown> | undefined;
  for (const item of requirementsIn(project?.dependencies)) requirements.push(item);
  for (const extra of Object.values((project?.["optional-dependencies"] as Record<string, unknown>) ?? {})) for (const item of requirementsIn(extra)) requirements.push(item);
  for (const group of Object.values((toml["dependency-groups"] as Record<string, unknown>) ?? {})) for (const item of requirementsIn(group)) requirements.push(item);
  const tool = toml.tool as Record<string, unknown> | undefined;
  for (const item of requirementsIn((tool?.uv as Record<string, unknown> | undefined)?.["dev-dependencies"])) requirements.push(item);
  const specifiers = requirements.map(hubRequirementSpecifier).filter((s): s is string => s !== null);
  const poetry = tool?.poetry as Record<string, unknown> | undefined;
  const poetryTables = [
    poetry?.dependencies,
    poetry?.["dev-dependencies"],
    ...Object.values((poetry?.group as Record<string, { dependencies?: unknown }>) ?? {}).map((g) => g?.dependencies),
  ];
  for (const table of poetryTables) {
    if (!table || typeof table !== "object") continue;
    for (const [name, value] of Object.entries(table as Record<string, unknown>)) {
      if (normaliseName(name) !== HUB_NAME) continue;
      const constraint = typeof value === "string" ? value : typeof (value as { version?: unknown })?.version === "string" ? (value as { version: string }).version : "";
      specifiers.push(poetrySpecifier(constraint));
    }
  }
  return versionOf(specifiers);
}

/** `requirements*.txt`: one PEP 508 requirement a line (options, includes and comments skipped). */
export function hubVersionFromRequirements(text: string): string | null {
  const specifiers: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "" || line.startsWith("-")) continue;
    const specifier = hubRequirementSpecifier(line);
    if (specifier !== null) specifiers.push(specifier);
  }
  return versionOf(specifiers);
}

/** `setup.cfg` (`install_requires`, `extras_require`) and `setup.py` (requirement strings): the requirements written in the file. */
export function hubVersionFromSetup(text: string): string | null {
  const specifiers: string[] = [];
  const pattern = /(?:^|["'\s,=\[])(huggingface[-_.]hub\s*(?:\[[^\]]*\])?\s*(?:[<>=!~]=?\s*[^"',;\s\]]+(?:\s*,\s*[<>=!~]=?\s*[^"',;\s\]]+)*)?)/gim;
  for (const match of text.matchAll(pattern)) {
    const specifier = hubRequirementSpecifier(match[1]!);
    if (specifier !== null) specifiers.push(specifier);
  }
  return versionOf(specifiers);
}

/** A PEP 723 `# /// script` block's `dependencies` pin, for the file that carries it. */
export function hubVersionFromPep723(text: string): string | null {
  const block = /^# \/\/\/ script\s*$([\s\S]*?)^# \/\/\/\s*$/m.exec(text);
  if (!block) return null;
  const body = block[1]!
    .split(/\r?\n/)
    .map((line) => line.replace(/^# ?/, ""))
    .join("\n");
  const toml = readTomlSafely(body);
  if (!toml) return null;
  return versionOf(
    requirementsIn(toml.dependencies)
      .map(hubRequirementSpecifier)
      .filter((s): s is string => s !== null),
  );
}

/** The manifests of one folder, in the order they are trusted: locks first, then requirements. */
function manifestsIn(dir: string, list: (dir: string) => string[]): { file: string; read: (text: string) => string | null }[] {
  const names = new Set(list(dir));
  const found: { file: string; read: (text: string) => string | null }[] = [];
  for (const lock of ["uv.lock", "poetry.lock", "pylock.toml"]) if (names.has(lock)) found.push({ file: path.join(dir, lock), read: hubVersionFromLock });
  if (names.has("pyproject.toml")) found.push({ file: path.join(dir, "pyproject.toml"), read: hubVersionFromPyproject });
  const requirements = [...names]
    .filter((name) => /^requirements.*\.(?:txt|in)$/.test(name))
    .sort((a, b) => (a === "requirements.txt" ? -1 : b === "requirements.txt" ? 1 : a.localeCompare(b)));
  for (const name of requirements) found.push({ file: path.join(dir, name), read: hubVersionFromRequirements });
  if (names.has("requirements")) {
    for (const name of list(path.join(dir, "requirements"))
      .filter((n) => n.endsWith(".txt"))
      .sort()) {
      found.push({ file: path.join(dir, "requirements", name), read: hubVersionFromRequirements });
    }
  }
  for (const setup of ["setup.cfg", "setup.py"]) if (names.has(setup)) found.push({ file: path.join(dir, setup), read: hubVersionFromSetup });
  return found;
}

export interface ManifestReader {
  list(dir: string): string[];
  read(file: string): string | null;
}

const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

export const fileSystemManifestReader: ManifestReader = {
  list: (dir) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
  read: (file) => {
    try {
      if (fs.statSync(file).size > MAX_MANIFEST_BYTES) return null;
      return fs.readFileSync(file, "utf8");
    } catch {
      return null;
    }
  },
};

/**
 * Finds the version for files under `root`, caching per folder: the nearest folder (from the file's up to `root`)
 * whose manifests name huggingface_hub decides.
 */
export class HubVersionResolver {
  private readonly byDir = new Map<string, HubVersionFound | null>();

  constructor(
    private readonly root: string,
    private readonly reader: ManifestReader = fileSystemManifestReader,
  ) {}

  forFile(filePath: string): HubVersionFound | null {
    return this.forDir(path.dirname(path.resolve(filePath)));
  }

  private forDir(dir: string): HubVersionFound | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: HubVersionFound | null = null;
    for (const manifest of manifestsIn(dir, this.reader.list)) {
      const text = this.reader.read(manifest.file);
      const version = text === null ? null : manifest.read(text);
      if (version) {
        found = { version, file: manifest.file };
        break;
      }
    }
    const root = path.resolve(this.root);
    const relative = path.relative(root, dir);
    if (!found && dir !== root && relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) found = this.forDir(path.dirname(dir));
    this.byDir.set(dir, found);
    return found;
  }
}
