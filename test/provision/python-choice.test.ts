// Container test (real engine, real PyPI): on a Python the repo does not state, an import that fails for that
// Python (attrdict 2.0.1 imports `Mapping` from `collections`, gone since Python 3.10) is the audit's
// substitution, while a module the spec never installs stays the repo's.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";

const run = await requireEngine();

async function buildRepo(dir: string, files: Record<string, string>): Promise<BuildStageResult> {
  const root = join(dir, "repo");
  await mkdir(root);
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  const view = await walkRepo(root);
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  return runBuildStage({
    root,
    view,
    facts,
    outDir: join(dir, "out"),
    engine: "auto",
    baseImage: BASE_IMAGE,
    timeoutSeconds: 600,
    handleInterrupt: false,
  });
}

describe.skipIf(!run)("import failures on a Python the audit chose", () => {
  let dir: string;
  let unstated: BuildStageResult;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "repro-audit-python-choice-"));
    unstated = await buildRepo(dir, {
      "requirements.txt": "attrdict==2.0.1\nsix==1.16.0\n",
      "train.py": "import attrdict\nimport yaml\n",
    });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("says the version-bound failure is the audit's choice, and the missing distribution the repo's", () => {
    expect(unstated.section.python).toEqual({ version: "3.11", source: "default" });
    expect(["built", "cached"]).toContain(unstated.section.build.status);
    const imports = unstated.records["import-probe"].filter((r) => r.kind === "import");
    expect(imports).toEqual([
      {
        kind: "import",
        module: "attrdict",
        files: "train.py",
        file: "train.py",
        line: 1,
        error: expect.stringMatching(/^ImportError: cannot import name 'Mapping' from 'collections'/),
        // The named base's label states its Python: the record names the one the import failed on.
        cause: "python-choice",
        python: "3.11",
      },
      {
        kind: "import",
        module: "yaml",
        files: "train.py",
        file: "train.py",
        line: 2,
        error: "ModuleNotFoundError: No module named 'yaml'",
      },
    ]);
  });
});
