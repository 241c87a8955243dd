import path from "node:path";
import {
  HubVersionResolver,
  NEWEST_HUB_VERSION,
  hubRequirementSpecifier,
  hubVersionFromLock,
  hubVersionFromPep723,
  hubVersionFromPyproject,
  hubVersionFromRequirements,
  hubVersionFromSetup,
  type ManifestReader,
} from "@hf-jobs-lint/core";

describe("the huggingface_hub version of each kind of manifest", () => {
  it("reads a PEP 508 requirement on huggingface_hub, whatever its spelling, extras and markers", () => {
    expect(hubRequirementSpecifier("huggingface_hub>=0.34,<1.0")).toBe(">=0.34,<1.0");
    expect(hubRequirementSpecifier("Huggingface-Hub[cli] == 0.36.2 ; python_version >= '3.9'")).toBe("== 0.36.2");
    expect(hubRequirementSpecifier("huggingface.hub")).toBe("");
    expect(hubRequirementSpecifier("huggingface_hub @ git+https://example.invalid/hub.git")).toBe("");
    expect(hubRequirementSpecifier("huggingface-hub-extras>=1")).toBeNull();
    expect(hubRequirementSpecifier("transformers>=4")).toBeNull();
  });

  it("uv.lock, poetry.lock and pylock.toml: the locked version", () => {
    const uvLock = `version = 1\n\n[[package]]\nname = "filelock"\nversion = "3.13.1"\n\n[[package]]\nname = "huggingface-hub"\nversion = "1.2.3"\nsource = { registry = "x" }\n`;
    expect(hubVersionFromLock(uvLock)).toBe("1.2.3");
    const poetryLock = `[[package]]\nname = "huggingface_hub"\nversion = "0.35.3"\ndescription = "Client library"\noptional = false\n`;
    expect(hubVersionFromLock(poetryLock)).toBe("0.35.3");
    expect(hubVersionFromLock(`lock-version = "1.0"\n[[packages]]\nname = "huggingface-hub"\nversion = "1.20.1"\n`)).toBe("1.20.1");
    expect(hubVersionFromLock(`[[package]]\nname = "requests"\nversion = "2.0"\n`)).toBeNull();
    expect(hubVersionFromLock("not = [toml")).toBeNull();
  });

  it("pyproject.toml: PEP 621 dependencies and extras, dependency groups, Poetry constraints", () => {
    expect(hubVersionFromPyproject(`[project]\nname = "x"\ndependencies = ["torch", "huggingface_hub>=0.30,<1.0"]\n`)).toBe("0.36.2");
    expect(hubVersionFromPyproject(`[project]\nname = "x"\n[project.optional-dependencies]\ncli = ["huggingface_hub[cli]==1.2.0"]\n`)).toBe("1.2.0");
    expect(hubVersionFromPyproject(`[dependency-groups]\ndev = ["huggingface-hub~=0.35.0", { include-group = "x" }]\n`)).toBe("0.35.3");
    expect(hubVersionFromPyproject(`[tool.poetry.dependencies]\npython = "^3.10"\nhuggingface-hub = "^0.34"\n`)).toBe("0.34.6");
    expect(hubVersionFromPyproject(`[tool.poetry.group.dev.dependencies]\nhuggingface_hub = { version = "~1.2", extras = ["cli"] }\n`)).toBe("1.2.4");
    expect(hubVersionFromPyproject(`[project]\ndependencies = ["huggingface_hub"]\n`)).toBe(NEWEST_HUB_VERSION);
    expect(hubVersionFromPyproject(`[project]\ndependencies = ["numpy"]\n`)).toBeNull();
  });

  it("requirements files: one requirement a line, comments and options skipped", () => {
    expect(hubVersionFromRequirements("# pinned\n-r base.txt\n--index-url x\nhuggingface_hub==0.36.0  # for hf jobs\ntorch\n")).toBe("0.36.0");
    expect(hubVersionFromRequirements("huggingface-hub>=0.34\r\nhuggingface-hub<1.3\r\n")).toBe("1.2.4");
    expect(hubVersionFromRequirements("transformers\n")).toBeNull();
  });

  it("setup.cfg and setup.py: the requirement strings written there", () => {
    expect(hubVersionFromSetup("[options]\ninstall_requires =\n    requests\n    huggingface_hub>=0.34.0,<1.0\n")).toBe("0.36.2");
    expect(hubVersionFromSetup(`setup(name="x", install_requires=["huggingface_hub==1.3.0", "tqdm"])\n`)).toBe("1.3.0");
    expect(hubVersionFromSetup(`setup(name="x", install_requires=["tqdm"])\n`)).toBeNull();
  });

  it("a PEP 723 header's dependencies", () => {
    const script = `# /// script\n# requires-python = ">=3.10"\n# dependencies = [\n#   "huggingface_hub==0.36.2",\n# ]\n# ///\nimport subprocess\n`;
    expect(hubVersionFromPep723(script)).toBe("0.36.2");
    expect(hubVersionFromPep723(`# /// script\n# dependencies = ["trl"]\n# ///\n`)).toBeNull();
    expect(hubVersionFromPep723("import os\n")).toBeNull();
  });
});

describe("HubVersionResolver", () => {
  const files: Record<string, string> = {
    "/repo/pyproject.toml": `[project]\ndependencies = ["huggingface_hub>=1.0"]\n`,
    "/repo/uv.lock": `[[package]]\nname = "huggingface-hub"\nversion = "1.4.1"\n`,
    "/repo/legacy/requirements.txt": "huggingface_hub==0.35.1\n",
    "/repo/docs/requirements.txt": "mkdocs\n",
  };
  const reader: ManifestReader = {
    list: (dir) =>
      Object.keys(files)
        .filter((file) => path.dirname(file) === dir)
        .map((file) => path.basename(file)),
    read: (file) => files[file] ?? null,
  };

  it("takes the nearest folder whose manifests name huggingface_hub, locks before requirements, up to the root", () => {
    const resolver = new HubVersionResolver("/repo", reader);
    expect(resolver.forFile("/repo/scripts/launch.sh")).toEqual({ version: "1.4.1", file: "/repo/uv.lock" });
    expect(resolver.forFile("/repo/legacy/run.sh")).toEqual({ version: "0.35.1", file: "/repo/legacy/requirements.txt" });
    expect(resolver.forFile("/repo/docs/guide.md")?.version).toBe("1.4.1");
    expect(new HubVersionResolver("/repo/legacy", reader).forFile("/elsewhere/x.sh")).toBeNull();
  });
});
