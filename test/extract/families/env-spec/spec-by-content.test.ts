// Environment specs under names no convention gives, recognised by their content or by the README's install command.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { judge } from "../../../../src/evaluate/judge.js";
import { builtinRulesDir, loadRules } from "../../../../src/evaluate/load-rules.js";
import {
  condaByContent,
  readmeNamedSpecs,
  requirementsByContent,
} from "../../../../src/extract/families/env-spec/spec-by-content.js";

async function specFiles(files: Record<string, string>) {
  const facts = await extractFacts(memoryView(files), STATIC_EXTRACTORS, { branches: null });
  const env = facts.families["env-spec"] ?? [];
  return {
    facts,
    specs: env
      .filter((r) => r.kind === "spec-file")
      .map((r) => [r.file, r.format])
      .sort(),
  };
}

describe("a requirements file by its content", () => {
  it("takes a pip freeze, a list of known distributions, pip's own option lines and comments", () => {
    expect(requirementsByContent("# frozen\nnumpy==1.13.3\nscipy==1.0.0\n\ntorch==0.4.1  # cpu\n")).toBe(true);
    expect(requirementsByContent("numpy\npandas\nmy-private-lib\n-e .\n--extra-index-url https://x.org/simple\n")).toBe(
      true,
    );
    expect(requirementsByContent("albumentations>=0.4\ntimm @ git+https://github.com/r/timm\n")).toBe(true);
  });

  it("leaves a list of words, a single pin, prose and key=value lines alone", () => {
    expect(requirementsByContent("cat\ndog\nbird\nfish\n")).toBe(false);
    expect(requirementsByContent("torch==1.0\n")).toBe(false);
    expect(requirementsByContent("numpy==1.13\nInstall these packages first.\n")).toBe(false);
    expect(requirementsByContent("lr=0.1\nbatch=32\n")).toBe(false);
    // Two known names among a thousand words are a vocabulary, not a spec.
    expect(
      requirementsByContent(["keras", "numpy", ...Array.from({ length: 20 }, (_, i) => `word${i}`)].join("\n")),
    ).toBe(false);
  });
});

describe("a conda file by its content", () => {
  it("takes a YAML with dependencies and a name or channels", () => {
    expect(condaByContent("name: x\ndependencies:\n  - python=3.5\n  - numpy=1.13\n  - pip:\n    - tqdm==4.0\n")).toBe(
      true,
    );
    expect(condaByContent("channels: [pytorch]\ndependencies: [pytorch=1.0, torchvision]\n")).toBe(true);
  });

  it("leaves a chart's dependencies, a config and broken YAML alone", () => {
    expect(condaByContent("name: chart\ndependencies:\n  - name: redis\n    version: 1.0\n")).toBe(false);
    expect(condaByContent("dependencies:\n  - numpy\n")).toBe(false);
    expect(condaByContent("name: run\nlr: 0.1\n")).toBe(false);
    expect(condaByContent("name: [\n")).toBe(false);
  });
});

describe("a spec the README's install command names", () => {
  it("reads pip's -r and conda's -f, from the README's folder or the root", () => {
    const has = (p: string) => ["deps/list.pip", "docs/env.conf", "setup/pkgs"].includes(p);
    expect(
      readmeNamedSpecs(
        [
          { file: "README.md", command: "pip install -r deps/list.pip" },
          { file: "docs/README.md", command: "conda env create -f env.conf && conda activate x" },
          { file: "README.md", command: "python -m pip install --requirement=setup/pkgs" },
          { file: "README.md", command: "pip install -r missing.txt" },
        ],
        has,
      ),
    ).toEqual([
      { file: "deps/list.pip", format: "requirements" },
      { file: "docs/env.conf", format: "conda" },
      { file: "setup/pkgs", format: "requirements" },
    ]);
  });
});

describe("env-spec reads such specs as specs", () => {
  it("finds them by content and by the README, leaving a labels file alone", async () => {
    const { specs } = await specFiles({
      "reqs.txt": "numpy==1.13.3\nscipy==1.0.0\n",
      "envs/gpu.yaml": "name: gpu\nchannels:\n  - pytorch\ndependencies:\n  - pytorch=0.4.1\n  - numpy\n",
      "labels.txt": "cat\ndog\nbird\n",
      "install/deps.list": "tqdm\n",
      "README.md": "# x\n\n```\npip install -r install/deps.list\npython train.py\n```\n",
      "train.py": "import numpy\nimport scipy\nimport tqdm\n",
    });
    expect(specs).toEqual([
      ["envs/gpu.yaml", "conda"],
      ["install/deps.list", "requirements"],
      ["reqs.txt", "requirements"],
    ]);
  });

  it("a repo whose only spec is reqs.txt has no 'no spec' finding and its imports are declared", async () => {
    const { facts } = await specFiles({
      "reqs.txt": "numpy==1.13.3\nscipy==1.0.0\n",
      "README.md": "# x\n\nInstall the packages, then:\n\n```\npython train.py\n```\n",
      "train.py": "import numpy\nimport scipy\n",
    });
    const { findings } = judge(loadRules([builtinRulesDir()]), facts);
    const rules = findings.map((f) => f.rule);
    expect(rules).not.toContain("requirements-spec-present");
    expect(rules).not.toContain("requirements-imports-declared");
  });
});
