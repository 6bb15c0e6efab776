// A conda spec in pip's terms (pure): PyPI names, conda's fuzzy `=` as a prefix match, the pip section as pip
// lines, conda-only packages left out and named; and such a spec built on the local pip base.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import { condaVersionAsPip, droppedPackageOf, readCondaAsPip } from "../../src/provision/conda-as-pip.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { startLocalIndex, type LocalIndex } from "../support/package-index.js";

describe("condaVersionAsPip", () => {
  it.each([
    ["", ""],
    ["=1.19", "==1.19.*"],
    ["=1.19.2", "==1.19.2.*"],
    ["=1.19.2=py38_0", "==1.19.2.*"],
    ["1.19.*", "==1.19.*"],
    ["==1.19.2", "==1.19.2"],
    [">=1.2,<2", ">=1.2,<2"],
    ["1.2|1.3", null],
  ])("%j -> %j", (conda, pip) => expect(condaVersionAsPip(conda)).toBe(pip));
});

describe("readCondaAsPip", () => {
  it("maps names, keeps the pip section, leaves conda-only packages out", () => {
    const read = readCondaAsPip(
      [
        "name: x",
        "channels: [pytorch, conda-forge]",
        "dependencies:",
        "  - python=3.8",
        "  - pytorch::pytorch=1.7.1",
        "  - cudatoolkit=10.2",
        "  - mkl-service",
        "  - _libgcc_mutex=0.1=main",
        "  - libgcc-ng=9.1.0",
        "  - py-opencv=4.5.1",
        "  - numpy=1.19.2=py38h54aff64_0",
        "  - librosa=0.8.0",
        "  - pip",
        "  - pip:",
        "    - --extra-index-url https://download.pytorch.org/whl/cu113",
        "    - timm==0.4.12",
        "    - numpy==1.19.5",
        "    - albumentations[imgaug]>=0.5 ; python_version >= '3.6'",
        "    - -e .",
        "",
      ].join("\n"),
    );
    expect(read.packages).toEqual([
      { name: "torch", spec: "==1.7.1.*" },
      { name: "opencv-python", spec: "==4.5.1.*" },
      // The pip section's pin wins over the conda line of the same name.
      { name: "numpy", spec: "==1.19.5" },
      { name: "librosa", spec: "==0.8.0.*" },
      { name: "timm", spec: "==0.4.12" },
      { name: "albumentations", spec: ">=0.5", extras: "imgaug", marker: "python_version >= '3.6'" },
    ]);
    expect(read.dropped).toEqual(["cudatoolkit", "mkl-service", "_libgcc_mutex", "libgcc-ng"]);
    expect(read.indexOptions).toEqual(["--extra-index-url=https://download.pytorch.org/whl/cu113"]);
    expect(read.skipped).toEqual(["-e ."]);
  });

  it("reads a `conda env export`'s build strings: a build for no Python is a native package, left out", () => {
    const read = readCondaAsPip(
      [
        "dependencies:",
        "  - atk-1.0=2.36.0=h3371d22_4",
        "  - backports=1.0=pyhd8ed1ab_3",
        "  - pillow=8.1.0=py37he98fc37_0",
        "  - tensorflow=2.3.0=gpu_py37h0f2ff9f_0",
        "  - tqdm=4.56.0=pyhd3eb1b0_0",
        "",
      ].join("\n"),
    );
    expect(read.packages).toEqual([
      { name: "pillow", spec: "==8.1.0.*" },
      { name: "tensorflow", spec: "==2.3.0.*" },
      { name: "tqdm", spec: "==4.56.0.*" },
    ]);
    expect(read.dropped).toEqual(["atk-1.0", "backports"]);
  });

  it("names the dropped package an import failure comes from", () => {
    expect(droppedPackageOf("mkl", ["cudatoolkit", "mkl-service"])).toBe("mkl-service");
    expect(droppedPackageOf("torch.cuda", ["cudatoolkit"])).toBeNull();
  });
});

const run = await requireEngine();

// Container test (real engine, real local index): with no micromamba image among the named bases, a conda spec is
// installed with pip on the local base, at the versions it states, and says what it left out.
describe.skipIf(!run)("a conda spec built with no conda image", () => {
  let dir: string;
  let index: LocalIndex;
  let result: BuildStageResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "repro-audit-conda-as-pip-"));
    index = await startLocalIndex([
      { name: "tinyconda", version: "1.2.0" },
      { name: "tinyconda", version: "1.3.0" },
      { name: "opencv-python", version: "4.5.1.48" },
      { name: "opencv-python", version: "4.6.0.66" },
      { name: "tinypip", version: "2.0.1" },
      { name: "tinypip", version: "2.1.0" },
    ]);
    const repo = join(dir, "repo");
    execFileSync("git", ["init", "-q", "-b", "main", repo]);
    writeFileSync(
      join(repo, "environment.yml"),
      [
        "name: solution",
        "channels: [pytorch, conda-forge]",
        "dependencies:",
        "  - python=3.11",
        "  - cudatoolkit=11.3",
        "  - mkl-service=2.4",
        "  - tinyconda=1.2",
        "  - py-opencv=4.5.1",
        "  - pip",
        "  - pip:",
        "    - tinypip==2.0.1",
        "",
      ].join("\n"),
    );
    writeFileSync(join(repo, "train.py"), "import tinyconda\nimport tinypip\nimport mkl\n");
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", ...args], {
        env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: "1" },
      });
    git("add", "-A");
    git("commit", "-q", "-m", "solution");
    git("branch", "gpu");
    const view = await walkRepo(repo);
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    result = await runBuildStage({
      root: repo,
      view,
      facts,
      outDir: join(dir, "out"),
      engine: "auto",
      timeoutSeconds: 600,
      handleInterrupt: false,
      baseImage: [BASE_IMAGE],
      indexUrl: index.url,
    });
  });

  afterAll(async () => {
    if (result?.section.image) await execa("docker", ["image", "rm", "-f", result.section.image], { reject: false });
    await index?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("builds on the local pip base and says what it installed in place of conda", () => {
    expect(result.section.baseImage).toBe(BASE_IMAGE);
    expect(result.section.build.status).toBe("built");
    expect(readFileSync(result.section.dockerfile!, "utf8")).not.toContain("MAMBA_USER");
    expect(result.notes).toEqual([
      "Build: conda spec environment.yml installed with pip on the local base: conda-only packages cudatoolkit, mkl-service left out.",
    ]);
  });

  it("installs the conda packages by their PyPI names and the pip section, at the versions stated", async () => {
    const versions = await execa("docker", [
      "run",
      "--rm",
      "--network",
      "none",
      "--entrypoint",
      "python",
      result.section.image!,
      "-c",
      "import importlib.metadata as m; print(*(m.version(d) for d in ('tinyconda', 'opencv-python', 'tinypip')))",
    ]);
    expect(versions.stdout.trim()).toBe("1.2.0 4.5.1.48 2.0.1");
  });

  it("an import the left-out conda package causes is the audit's gap, the others import", () => {
    const imports = result.records["import-probe"].filter((r) => r.kind === "import");
    expect(imports.map((r) => [r.module, r.error === null])).toEqual([
      ["tinyconda", true],
      ["tinypip", true],
      ["mkl", false],
    ]);
    expect(imports.find((r) => r.module === "mkl")).toMatchObject({
      cause: "base-image",
      library: "the conda package mkl-service",
    });
  });
});
