// The resolve stage against a real local index (wheels built here, served on 127.0.0.1) and the real uv.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { findUv, uvCompile, uvPythonVersion } from "../../src/resolve/uv.js";
import { resolveStep } from "../../src/resolve/stage.js";
import { resolveBudget, type ResolveBudget } from "../../src/resolve/budget.js";
import { startLocalIndex, type LocalIndex } from "../support/package-index.js";

let index: LocalIndex;
/** Pure-Python projects an old lock pins that never shipped a wheel: more of them than one retry per line would allow. */
const PURE_SOURCE = ["abslike", "futurelike", "termlike", "gastlike", "wraplike", "docoptlike", "pathtoolslike"];
let uv: string | null;

beforeAll(async () => {
  uv = await findUv();
  index = await startLocalIndex([
    { name: "alpha", version: "1.0", uploaded: "2021-03-01T00:00:00Z" },
    { name: "alpha", version: "2.0", uploaded: "2023-03-01T00:00:00Z" },
    { name: "numpylike", version: "1.26.4", requiresPython: ">=3.9" },
    { name: "tflike", version: "1.15.0", pythonTag: "cp37" },
    { name: "newlike", version: "2.0", requiresPython: ">=3.12" },
    // Requires a patch release past the minor's first (pandas 1.3.5 asks Python >=3.7.1).
    { name: "patchlike", version: "1.3.5", requiresPython: ">=3.9.1" },
    { name: "torchvision", version: "0.9.0" },
    { name: "torchvision", version: "0.9.1" },
    // An old stack: wheels for some Pythons beside a source distribution, a source distribution alone.
    { name: "numpy", version: "1.22.0", requiresPython: ">=3.8", pythonTag: "cp38", files: "both" },
    { name: "numpy", version: "1.22.0", requiresPython: ">=3.8", pythonTag: "cp39" },
    { name: "torch", version: "1.1.0", pythonTag: "cp37" },
    { name: "pandas", version: "0.25.0", pythonTag: "cp37", files: "both" },
    { name: "pydicom", version: "1.3.0" },
    { name: "pydicom", version: "1.4.0" },
    { name: "apex", version: "0.1", files: "sdist" },
    { name: "scikit-learn", version: "1.0" },
    // Served as source distributions: a range whose every release is one, a release whose wheels cover older Pythons.
    { name: "kagglelike", version: "1.5.15", files: "sdist" },
    { name: "kagglelike", version: "1.5.16", files: "sdist" },
    { name: "kagglelike", version: "1.6.0" },
    { name: "cffilike", version: "1.14.0", pythonTag: "cp37", files: "both" },
    ...PURE_SOURCE.map((name) => ({ name, version: "0.9.0", files: "sdist" as const })),
    // A wheel for one Python whose dependency has only a source distribution.
    { name: "needssrc", version: "1.0", pythonTag: "cp37", requires: ["hiddensrc"] },
    { name: "hiddensrc", version: "1.0", files: "sdist" },
    // A framework only the spec's pins require: it arrives as their dependency, at whatever version they allow.
    { name: "framelike", version: "1.0" },
    { name: "framelike", version: "2.0" },
    { name: "backbonelike", version: "1.0", requires: ["framelike>=1.0"] },
    { name: "medlike", version: "1.0", requires: ["framelike"] },
    // Two exact pins that conflict: one's release needs an older release of the other.
    { name: "dslike", version: "4.0.0", requires: ["dilllike<0.3.9"] },
    { name: "dilllike", version: "0.3.8" },
    { name: "dilllike", version: "0.4.0" },
    // An old framework with wheels for one Python beside a vendor's project whose pinned release only its own page has.
    { name: "framelike-old", version: "1.4.0", pythonTag: "cp37" },
    { name: "vendorlib", version: "1.4.0" },
    // A pip freeze of a Python 3.6 environment: wheels for cp36 only.
    { name: "oldlike", version: "1.13.3", pythonTag: "cp36" },
  ]);
});
afterAll(async () => index?.close());

async function resolveRepo(
  files: Record<string, string>,
  options: { uv?: string | null; indexUrl?: string; budget?: ResolveBudget; committedAt?: string } = {},
) {
  const view = memoryView(files);
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  return resolveStep({
    facts,
    view,
    indexUrl: options.indexUrl ?? index.url,
    uv: options.uv === undefined ? uv : options.uv,
    budget: options.budget ?? UNHURRIED(),
    ...(options.committedAt ? { committedAt: options.committedAt } : {}),
  });
}

/** A budget no machine's load runs out (a shared 2-core machine at load 15 takes 5-10 s a call): every test but the
 * budget's own asks every Python it would ask with time to spare, so the order the budget brings changes nothing. */
const UNHURRIED = () => resolveBudget(3600);

/** A budget of 120 s whose clock passes it as soon as `calls` resolver calls were granted: it runs out at a known
 * call, whatever this machine's speed. */
function budgetOf(calls: number): ResolveBudget {
  let clock = 0;
  let granted = 0;
  const inner = resolveBudget(120, { now: () => clock });
  return {
    ...inner,
    spent: () => inner.spent(),
    cut: () => inner.cut(),
    grant(spec) {
      const out = inner.grant(spec);
      if ("timeoutMs" in out && ++granted >= calls) clock = 200_000;
      return out;
    },
  };
}

describe("resolve stage", () => {
  it("finds uv (scripts/ensure-uv.sh installs it; CI runs that script)", () => {
    expect(uv, "run scripts/ensure-uv.sh").not.toBeNull();
  });

  it("a version the index never had, and a source build's local version, each with the resolver's reason", async () => {
    const out = await resolveRepo({
      "requirements.txt": "alpha==9.9\n",
      "docker/requirements.txt": "alpha==1.0a0+4136153\n",
    });
    expect(out.records!.map((r) => [r.file, r.status, r.resolutionClass]).sort()).toEqual([
      ["docker/requirements.txt", "unresolvable", "version-missing"],
      ["requirements.txt", "unresolvable", "version-missing"],
    ]);
    expect(String(out.records!.find((r) => r.file === "requirements.txt")!.reason)).toContain(
      "there is no version of alpha==9.9",
    );
    expect(String(out.records!.find((r) => r.file === "docker/requirements.txt")!.reason)).toContain(
      "alpha==1.0a0+4136153",
    );
    expect(index.requests).toContain("/simple/alpha/");
  });

  it("pins with no Python in common: every Python tried when the spec states none", async () => {
    const out = await resolveRepo({ "requirements.txt": "numpylike==1.26.4\ntflike==1.15.0\n" });
    expect(out.records).toHaveLength(1);
    expect(out.records![0]).toMatchObject({
      status: "unresolvable",
      resolutionClass: "python-conflict",
      python: "3.11",
    });
    expect(String(out.records![0]!.reason)).toContain("tflike==1.15.0 has no wheels with a matching Python ABI tag");
  });

  it("a spec that installs on an older Python than the default is judged on that one", async () => {
    const out = await resolveRepo({ "requirements.txt": "tflike==1.15.0\n" });
    expect(out.records![0]).toMatchObject({ status: "resolved", python: "3.7", pins: 1 });
  });

  it("a stated minor Python is judged at a late patch release (uv reads a bare minor as .0), a patch as written", async () => {
    const minor = await resolveRepo({ "requirements.txt": "patchlike==1.3.5\n", ".python-version": "3.9\n" });
    expect(minor.records![0]).toMatchObject({ status: "resolved", python: "3.9", pins: 1 });
    expect([uvPythonVersion("3.7"), uvPythonVersion("3.9.0"), uvPythonVersion("3.99")]).toEqual([
      "3.7.17",
      "3.9.0",
      "3.99",
    ]);
  });

  it("resolves each kind of spec: -r includes, conda's pip section, setup.py, the README's pip install lines", async () => {
    const out = await resolveRepo({
      "requirements.txt": "-r base.txt\nalpha\n",
      "base.txt": "numpylike==1.26.4\n",
      "environment.yml": "name: x\ndependencies:\n  - python=3.9\n  - numpy=1.26\n  - pip:\n    - alpha==7.0\n",
      "setup.py": "from setuptools import setup\nsetup(name='x', install_requires=['alpha>=1'])\n",
      "README.md": "```\npip install numpylike==1.26.4 alpha==1.0\n```\n",
    });
    const byFile = Object.fromEntries(out.records!.map((r) => [r.file, [r.status, r.python, r.requirements]]));
    // The conda file's Python is the repo's statement: the specs that state none are judged on it too.
    expect(byFile).toEqual({
      "requirements.txt": ["resolved", "3.9", 2],
      "environment.yml": ["unresolvable", "3.9", 1],
      "setup.py": ["resolved", "3.9", 1],
      "README.md": ["resolved", "3.9", 2],
    });
  });

  it("an import the spec brings in only as a dependency of its pins, with what brings it", async () => {
    const out = await resolveRepo({
      "requirements.txt": "backbonelike==1.0\nmedlike==1.0\n",
      "train.py": "import framelike\nimport backbonelike\nimport medlike\n",
      "tools/eval.py": "from framelike import nn\n",
    });
    expect(out.records!.filter((r) => r.kind === "transitive-import")).toEqual([
      {
        kind: "transitive-import",
        file: "train.py",
        line: 1,
        spec: "requirements.txt",
        distribution: "framelike",
        module: "framelike",
        version: "2.0",
        via: "backbonelike==1.0, medlike==1.0",
      },
    ]);
    expect(out.records!.find((r) => r.kind === "resolution")).toMatchObject({ status: "resolved", pins: 3 });
  });

  it("says nothing of a package the spec lists itself", async () => {
    const out = await resolveRepo({
      "requirements.txt": "framelike==1.0\nbackbonelike==1.0\n",
      "train.py": "import framelike\nimport backbonelike\n",
    });
    expect(out.records!.map((r) => r.kind)).toEqual(["resolution"]);
  });

  it("a URL-pinned wheel is asked as its version, and says so", async () => {
    const out = await resolveRepo({
      "requirements.txt":
        "alpha @ https://example.invalid/wheels/alpha-1.0+cu113-py3-none-any.whl\ngit+https://example.invalid/x.git#egg=x\n",
    });
    expect(out.records![0]).toMatchObject({ status: "resolved", requirements: 1 });
    expect(out.notes).toEqual([
      "Resolver: requirements.txt:2 left out: x comes from git+https://example.invalid/x.git, which a resolver reads only by building it.",
      "Resolver: requirements.txt:1 asked as alpha==1.0 (the wheel URL read as alpha==1.0).",
    ]);
  });

  it("the repo's own index lines are never followed: only the user's index is asked", async () => {
    const decoy = await startLocalIndex([{ name: "alpha", version: "6.6.6" }]);
    try {
      const out = await resolveRepo({
        "requirements.txt": `--index-url ${decoy.url}\n--extra-index-url ${decoy.url}\nalpha\n`,
      });
      expect(out.records![0]).toMatchObject({ status: "resolved", pins: 1 });
      expect(out.answers[0]!.answer).toEqual({ outcome: "resolved", pins: [{ name: "alpha", version: "2.0" }] });
      expect(decoy.requests).toEqual([]);
    } finally {
      await decoy.close();
    }
  });

  it("names each cause in a user's words: a stdlib module, a misspelled name, a version the index lacks", async () => {
    const out = await resolveRepo({
      "requirements.txt": "alpha==1.0\njson\n",
      "vision/requirements.txt": "torchvisson==0.9.2\n",
      "pinned/requirements.txt": "alpha==9.9\n",
    });
    const causes = Object.fromEntries(out.records!.map((r) => [r.file, r.cause]));
    expect(causes).toEqual({
      "requirements.txt": "json is part of Python's standard library: remove it",
      "vision/requirements.txt": "the index has no project named torchvisson; did you mean torchvision?",
      "pinned/requirements.txt": "the index has no version 9.9 of alpha; the nearest it has: 2.0, 1.0",
    });
    expect(index.requests).toContain("/simple/");
  });

  it("says each line that cannot install, not only the resolver's first failure, and stops at a conflict", async () => {
    const out = await resolveRepo({
      "requirements.txt": `--extra-index-url https://vendor.example/simple\nalpha==9.9\nvendorlike\nscikit-learn==1.0\npydicom==7.0\n`,
    });
    const failures = out.records!.filter((r) => r.status === "unresolvable");
    expect(failures.map((r) => [r.line, r.resolutionClass, r.behind ?? null]).sort()).toEqual([
      [2, "version-missing", null],
      [3, "version-missing", "alpha==9.9"],
      [5, "version-missing", "alpha==9.9"],
    ]);
    expect(failures.find((r) => r.line === 3)!.cause).toMatch(/no project named vendorlike/);
    expect(failures.find((r) => r.line === 5)!.cause).toMatch(/no version 7\.0 of pydicom/);
    // Pins that conflict name no one line: nothing is asked behind them.
    const conflict = await resolveRepo({ "requirements.txt": "alpha==1.0\nalpha==2.0\npydicom==7.0\n" });
    expect(conflict.records!.filter((r) => r.behind !== undefined)).toEqual([]);
  });

  it("names the line the index lacks, not the Python conflict the first Python printed, where no Python installs the spec", async () => {
    const out = await resolveRepo({ "requirements.txt": "framelike-old==1.4.0\nvendorlib==1.5.0\n" });
    expect(out.records).toEqual([
      expect.objectContaining({
        status: "unresolvable",
        resolutionClass: "version-missing",
        line: 2,
        python: "3.7",
        cause:
          "the index has no version 1.5.0 of vendorlib; the nearest it has: 1.4.0; requirements.txt:2 (vendorlib==1.5.0) is the line that keeps the spec from installing: without it, the rest installs on Python 3.7",
      }),
    ]);
    expect(String(out.records![0]!.reason)).toContain("there is no version of vendorlib==1.5.0");
  });

  it("on a stated Python the same missing line is the finding, at that Python, not said to be the only fix", async () => {
    const out = await resolveRepo({
      "requirements.txt": "framelike-old==1.4.0\nvendorlib==1.5.0\n",
      ".python-version": "3.11\n",
    });
    expect(out.records).toEqual([
      expect.objectContaining({
        status: "unresolvable",
        resolutionClass: "version-missing",
        line: 2,
        python: "3.11",
        cause: "the index has no version 1.5.0 of vendorlib; the nearest it has: 1.4.0",
      }),
    ]);
  });

  it("asks 'did you mean' with the name the import-name tables give, reading the index's list once per audit", async () => {
    const before = index.requests.filter((r) => r === "/simple/").length;
    const out = await resolveRepo({
      "requirements.txt": "sklearn==1.0\n",
      "vision/requirements.txt": "torchvisson==0.9.2\n",
    });
    const byFile = Object.fromEntries(out.records!.map((r) => [r.file, [r.cause, r.didYouMean]]));
    expect(byFile).toEqual({
      "requirements.txt": [
        "the index has no project named sklearn; did you mean scikit-learn?",
        "; did you mean scikit-learn?",
      ],
      "vision/requirements.txt": [
        "the index has no project named torchvisson; did you mean torchvision?",
        "; did you mean torchvision?",
      ],
    });
    expect(index.requests.filter((r) => r === "/simple/").length - before).toBe(1);
  });

  it("a stated Python the pins do not fit: too new, or too old, with the Pythons they fit", async () => {
    const tooNew = await resolveRepo({ "requirements.txt": "tflike==1.15.0\n", ".python-version": "3.11\n" });
    expect(tooNew.records![0]).toMatchObject({
      status: "unresolvable",
      python: "3.11",
      cause:
        "Python 3.11 (stated in .python-version:1 (3.11)) is too new for the pins, which install on Python 3.7: state Python 3.7",
    });
    const tooOld = await resolveRepo({ "requirements.txt": "newlike==2.0\n", ".python-version": "3.9\n" });
    expect(tooOld.records![0]).toMatchObject({
      status: "unresolvable",
      python: "3.9",
      cause:
        "Python 3.9 (stated in .python-version:1 (3.9)) is too old for the pins, which install on Python 3.12, 3.13: state Python 3.12",
    });
  });

  it("a dead git:// line is left out, said, and the rest still judged: pins with no Python in common", async () => {
    const out = await resolveRepo({
      "requirements.txt": "numpy==1.22.0\ntorch==1.1.0\npandas==0.25.0\ngit+git://github.com/albu/albumentations\n",
    });
    expect(out.records).toHaveLength(1);
    expect(out.records![0]).toMatchObject({
      status: "unresolvable",
      resolutionClass: "python-conflict",
      // numpy==1.22.0 serves a source distribution pip would build on the default Python: left out there.
      requirements: 2,
      cause:
        "no Python from 3.6 to 3.13 has every pin: each was tried, with wheels only and the lines that need a source build left out; the pins need Pythons that do not meet",
    });
    expect(out.notes).toContain(
      "Resolver: requirements.txt:4 left out: albumentations comes from git+git://github.com/albu/albumentations, which a resolver reads only by building it.",
    );
  });

  it("a source-only pin is left out, said, so a version the index never published is still found", async () => {
    const out = await resolveRepo({
      "requirements.txt": "alpha==1.0\napex==0.1\npydicom==1.4.0.dev0\ntorchvision==0.9.1\n",
    });
    expect(out.records![0]).toMatchObject({
      status: "unresolvable",
      resolutionClass: "version-missing",
      leftOut: 1,
      cause: "the index has no version 1.4.0.dev0 of pydicom; the nearest it has: 1.4.0, 1.3.0",
    });
    expect(String(out.records![0]!.reason)).toContain("there is no version of pydicom==1.4.0.dev0");
    expect(out.notes).toContain(
      "Resolver: requirements.txt:2 left out: apex==0.1 needs a source build: not checked here (the index serves it as a source distribution, which the resolver does not build; what it requires is not judged).",
    );
  });

  it("a range the index serves only as source distributions is left out, said, never a Python conflict", async () => {
    const out = await resolveRepo({
      "requirements.txt": "kagglelike<=1.5.16\nalpha==1.0\n",
      ".python-version": "3.10\n",
    });
    expect(out.records![0]).toMatchObject({ status: "resolved", python: "3.10", requirements: 1, leftOut: 1 });
    expect(out.notes).toContain(
      "Resolver: requirements.txt:1 left out: kagglelike<=1.5.16 needs a source build: not checked here (the index serves it as a source distribution, which the resolver does not build; what it requires is not judged).",
    );
  });

  it("a pin whose wheels cover only other Pythons but whose source pip would build is left out on the stated Python", async () => {
    const out = await resolveRepo({
      "requirements.txt": "cffilike==1.14.0\nalpha==1.0\n",
      ".python-version": "3.11\n",
    });
    expect(out.records![0]).toMatchObject({ status: "resolved", python: "3.11", requirements: 1, leftOut: 1 });
    expect(out.notes).toContain(
      "Resolver: requirements.txt:1 left out: cffilike==1.14.0 needs a source build: not checked here (its wheels serve other Pythons; pip would build its source distribution, which the resolver does not build; what it requires is not judged).",
    );
  });

  it("an old lock with many source-only pins and no Python stated installs on an older Python: no block", async () => {
    const lock = ["cffilike==1.14.0", ...PURE_SOURCE.map((n) => `${n}==0.9.0`), "tflike==1.15.0"].join("\n");
    const out = await resolveRepo({ "requirements.txt": `${lock}\n` });
    expect(out.records![0]).toMatchObject({
      status: "resolved",
      python: "3.7",
      pythonSource: "the oldest Python it installs on (the spec states none)",
      requirements: 2,
      leftOut: PURE_SOURCE.length,
    });
    expect(out.notes).toContain(
      "Resolver: requirements.txt states no Python and does not install on Python 3.11 with wheels only; it does on Python 3.7: state the Python.",
    );
  });

  it("no Python stated and a Python of the window the resolver could not judge: not assessed, never a block", async () => {
    const out = await resolveRepo({ "requirements.txt": "needssrc==1.0\n" });
    expect(out.records).toBeNull();
    expect(out.notCollected).toBe(
      "no spec could be judged: requirements.txt: it does not install on Python 3.6, 3.8, 3.9, 3.10, 3.11, 3.12, 3.13 with wheels only; on Python 3.7 the resolver could not judge it (hiddensrc, which it requires, needs a source build)",
    );
  });

  it("a line the resolver cannot read is left out and said; the rest resolves", async () => {
    const out = await resolveRepo({ "requirements.txt": "alpha==1.0\nfoo; weird_marker == 'x'\n" });
    expect(out.records![0]).toMatchObject({ status: "resolved", requirements: 1, leftOut: 1 });
    expect(out.notes.join("\n")).toMatch(
      /^Resolver: requirements\.txt:2 left out: the resolver cannot read foo; weird_marker == 'x' \(.*weird_marker.*\)\.$/m,
    );
  });

  it("option lines and the repo's own code are said, never passed on or passed over silently", async () => {
    const out = await resolveRepo({
      "requirements.txt": "--extra-index-url http://127.0.0.1:9/simple\n--pre\n-e .\nalpha==1.0\n",
    });
    expect(out.records![0]).toMatchObject({ status: "resolved", requirements: 1, leftOut: 1 });
    expect(out.notes).toEqual([
      'Resolver: requirements.txt:3 left out: "-e ." installs the repo\'s own code, which a resolver reads only by building it.',
      'Resolver: requirements.txt:1 not asked: "--extra-index-url http://127.0.0.1:9/simple" is not followed: the resolver asks only the index the user names.',
      'Resolver: requirements.txt:2 not asked: the option "--pre" is not passed to the resolver.',
    ]);
  });

  it("a spec with nothing the resolver can ask, or only lines it cannot judge, is not assessed, never passed", async () => {
    const onlyVcs = await resolveRepo({ "requirements.txt": "git+https://example.invalid/x.git#egg=x\n" });
    expect(onlyVcs.records).toBeNull();
    expect(onlyVcs.notCollected).toBe(
      "no spec could be judged: requirements.txt: every line was left out (the notes say why)",
    );
    const mixed = await resolveRepo({
      "requirements.txt": "alpha==1.0\n",
      "extra/requirements.txt": "git+https://example.invalid/x.git#egg=x\n",
    });
    expect(mixed.records!.map((r) => [r.file, r.status]).sort()).toEqual([
      ["extra/requirements.txt", "not-assessed"],
      ["requirements.txt", "resolved"],
    ]);
    expect(mixed.notes).toContain(
      "Resolver: extra/requirements.txt not assessed: every line was left out (the notes say why).",
    );
  });

  it("a spec stating Python 2.7 or 3.5: uv refuses Pythons before 3.6, so not assessed, and says why", async () => {
    // What uv itself answers for those Pythons: a refusal of the request, never a resolution.
    const { uvCompile } = await import("../../src/resolve/uv.js");
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const cacheDir = await mkdtemp(join(tmpdir(), "repro-audit-uv-cache-"));
    try {
      for (const python of ["2.7", "3.5"]) {
        const answer = await uvCompile({ uv: uv!, requirements: ["alpha"], python, indexUrl: index.url, cacheDir });
        expect(answer).toMatchObject({ outcome: "not-assessed", offline: false });
        expect((answer as { reason: string }).reason).toContain("Python <3.6 is not supported");
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
    const only = await resolveRepo({ "requirements.txt": "alpha==1.0\n", "runtime.txt": "python-2.7.18\n" });
    expect(only.records).toBeNull();
    expect(only.notCollected).toBe(
      "uv resolves only for Python >= 3.6: the repo states Python 2.7 for requirements.txt (runtime.txt:1 (2.7.18))",
    );
    // Beside a spec for a Python uv resolves: that one is judged, the old one recorded as not assessed.
    const mixed = await resolveRepo({
      "requirements.txt": "alpha==1.0\n",
      ".python-version": "3.5\n",
      "environment.yml": "dependencies:\n  - python=3.9\n  - pip:\n    - alpha==2.0\n",
    });
    expect(mixed.records!.map((r) => [r.file, r.status, r.python, r.reason]).sort()).toEqual([
      ["environment.yml", "resolved", "3.9", undefined],
      ["requirements.txt", "not-assessed", "3.5", "uv resolves only for Python >= 3.6"],
    ]);
  });

  it("a spec stating Python 3.5 that does not install on 3.6 either is unresolvable, judged on 3.6 and saying so", async () => {
    const newer = await resolveRepo({ "requirements.txt": "newlike==2.0\n", ".python-version": "3.5\n" });
    expect(newer.records).toHaveLength(1);
    expect(newer.records![0]).toMatchObject({
      status: "unresolvable",
      resolutionClass: "python-conflict",
      python: "3.6",
      pythonSource: ".python-version:1 (3.5), judged on 3.6, the oldest Python uv resolves for",
    });
    const missing = await resolveRepo({ "requirements.txt": "alpha==9.9\n", "README.md": "Python 3.5.1\n" });
    expect(missing.records![0]).toMatchObject({ status: "unresolvable", resolutionClass: "version-missing" });
  });

  it("a pip freeze is judged for the Python the repo states anywhere, and says which statement decided", async () => {
    const freeze = "oldlike==1.13.3\nalpha==1.0\n";
    const conda = await resolveRepo({
      "requirements.txt": freeze,
      "environment.yml": "name: x\nchannels:\n  - defaults\ndependencies:\n  - python=3.6\n  - pip\n",
    });
    expect(conda.records).toHaveLength(1);
    expect(conda.records![0]).toMatchObject({
      file: "requirements.txt",
      status: "resolved",
      python: "3.6",
      pythonSource: "environment.yml:5 (3.6)",
    });
    // A setup script's range: the oldest Python it allows that the pins install on.
    const setup = await resolveRepo({
      "requirements.txt": freeze,
      "setup.py": "from setuptools import setup\nsetup(name='x', python_requires='>=3.5')\n",
    });
    expect(setup.records![0]).toMatchObject({ status: "resolved", python: "3.6", pythonSource: "setup.py:2 (>=3.5)" });
    const readme = await resolveRepo({
      "requirements.txt": freeze,
      "README.md": "Tested with Python 3.6 on Ubuntu.\n",
    });
    expect(readme.records![0]).toMatchObject({ status: "resolved", python: "3.6", pythonSource: "README.md:1 (3.6)" });
  });

  it("exact pins that conflict, installed by a documented uv pip sync, are not assessed, never unresolvable", async () => {
    const spec = "dslike==4.0.0\ndilllike==0.4.0\n";
    const pip = await resolveRepo({
      "env/requirements.txt": spec,
      "env/setup.sh": "pip install -r requirements.txt\n",
    });
    expect(pip.records![0]).toMatchObject({ status: "unresolvable", resolutionClass: "unresolvable" });
    const sync = await resolveRepo({
      "env/requirements.txt": spec,
      "env/setup.sh": "uv venv -p python3.12\nuv pip sync requirements.txt\n",
    });
    expect(sync.records).toBeNull();
    expect(sync.notCollected).toMatch(
      /^no spec could be judged: env\/requirements.txt: env\/setup.sh:2 installs it with uv pip sync, which installs its pins as listed without resolving them; the resolver finds them inconsistent \(/,
    );
  });

  it("a freeze of Python 3.6's era that states no Python is judged on 3.6 too, after every newer Python", async () => {
    const out = await resolveRepo({ "requirements.txt": "oldlike==1.13.3\nalpha==1.0\n" });
    expect(out.records![0]).toMatchObject({ status: "resolved", python: "3.6" });
    expect(out.notes).toContain(
      "Resolver: requirements.txt states no Python and does not install on Python 3.11 with wheels only; it does on Python 3.6: state the Python.",
    );
  });

  it("pins no Python of the window installs, in a commit older than them all, are not assessed, never unresolvable", async () => {
    const files = { "requirements.txt": "numpy==1.22.0\ntorch==1.1.0\npandas==0.25.0\n" };
    const view = memoryView(files);
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    const out = await resolveStep({
      facts,
      view,
      indexUrl: index.url,
      uv,
      committedAt: "2015-06-01T10:00:00Z",
      budget: UNHURRIED(),
    });
    expect(out.records).toBeNull();
    expect(out.notCollected).toBe(
      "no spec could be judged: requirements.txt: not assessed for the Python of its era: no Python from 3.6 to 3.13 has every pin, and the commit (2015-06-01) predates them all; the spec states no Python, and uv resolves for none older",
    );
  });

  it("a pip freeze whose only statement is a Python the resolver cannot run is not assessed, with the statement", async () => {
    const out = await resolveRepo({
      "requirements.txt": "oldlike==1.13.3\nalpha==1.0\n",
      "legacy/environment_py35.yaml": "name: x\ndependencies:\n  - python=3.5\n  - numpy=1.13\n",
    });
    expect(out.records).toBeNull();
    expect(out.notCollected).toBe(
      "uv resolves only for Python >= 3.6: the repo states Python 3.5 for requirements.txt (legacy/environment_py35.yaml:3 (3.5))",
    );
  });

  it("no resolver, or an index that does not answer: not collected, with why", async () => {
    const none = await resolveRepo({ "requirements.txt": "alpha\n" }, { uv: null });
    expect(none.records).toBeNull();
    expect(none.notCollected).toMatch(/^no resolver: uv was not found/);
    const down = await resolveRepo({ "requirements.txt": "alpha\n" }, { indexUrl: "http://127.0.0.1:9/simple" });
    expect(down.records).toBeNull();
    expect(down.notCollected).toMatch(/^the index http:\/\/127\.0\.0\.1:9\/simple did not answer the resolver: /);
  });
});

describe("resolve budget", () => {
  it("a spec that states no Python, the budget out after the first call: not assessed, with the Pythons not judged", async () => {
    const out = await resolveRepo(
      { "requirements.txt": "numpylike==1.26.4\ntflike==1.15.0\n" },
      { budget: budgetOf(1) },
    );
    expect(out.records).toBeNull();
    expect(out.notCollected).toBe(
      "no spec could be judged: requirements.txt: it does not install on Python 3.11 with wheels only; the resolve budget (120 s) ran out before 3.6-3.10, 3.12, 3.13",
    );
  });

  it("a spec not judged on its first Python says too which Pythons the budget left unasked", async () => {
    const out = await resolveRepo({ "requirements.txt": "apex==0.1\n" }, { budget: budgetOf(1) });
    expect(out.notCollected).toBe(
      "no spec could be judged: requirements.txt: every line was left out (the notes say why) (judged on Python 3.11; the resolve budget (120 s) ran out before 3.6-3.10, 3.12, 3.13)",
    );
  });

  it("a stated Python that lacks the pins is still judged; the cause names only the Pythons asked", async () => {
    const out = await resolveRepo(
      { "requirements.txt": "tflike==1.15.0\n", ".python-version": "3.9\n" },
      { budget: budgetOf(2), committedAt: "2021-05-01T00:00:00Z" },
    );
    expect(out.records![0]).toMatchObject({
      status: "unresolvable",
      resolutionClass: "python-conflict",
      python: "3.9",
    });
    // The era's Python (3.8 for a 2021 commit) is asked right after the stated one.
    expect(out.records![0]!.cause).toBe(
      "Python 3.9 (stated in .python-version:1 (3.9)) has no wheels for every pin, nor has any other Python asked (judged on Python 3.8, 3.9; the resolve budget (120 s) ran out before 3.6, 3.7, 3.10-3.13)",
    );
    expect(out.limited).toBe(
      "not all judged: requirements.txt: judged on Python 3.8, 3.9; the resolve budget (120 s) ran out before 3.6, 3.7, 3.10-3.13",
    );
  });

  it("a spec of 3.6's era installs on its era's Python, asked second; the Pythons before it unasked are said", async () => {
    const files = { "requirements.txt": "oldlike==1.13.3\nalpha==1.0\n" };
    const out = await resolveRepo(files, { budget: budgetOf(2), committedAt: "2018-03-01T00:00:00Z" });
    expect(out.records![0]).toMatchObject({
      status: "resolved",
      python: "3.6",
      pythonSource:
        "a Python it installs on (the spec states none; judged on Python 3.6, 3.11; the resolve budget (120 s) ran out before 3.7-3.10, 3.12, 3.13)",
    });
    // With time to spare the era changes nothing: the first Python of the window that installs it.
    const whole = await resolveRepo(files, { committedAt: "2018-03-01T00:00:00Z" });
    expect(whole.records![0]).toMatchObject({
      status: "resolved",
      python: "3.6",
      pythonSource: "the oldest Python it installs on (the spec states none)",
    });
    expect(whole.limited).toBeUndefined();
  });

  it("a spec past the cap of calls, or past the budget before it is asked, is not asked, and says so", async () => {
    const out = await resolveRepo(
      { "requirements.txt": "alpha==1.0\n", "docker/requirements.txt": "alpha==2.0\n" },
      { budget: budgetOf(1) },
    );
    expect(out.records!.map((r) => [r.file, r.status, r.reason])).toEqual([
      ["docker/requirements.txt", "resolved", undefined],
      ["requirements.txt", "not-assessed", "the resolve budget (120 s) ran out"],
    ]);
    expect(out.limited).toBe("not all judged: requirements.txt not judged (the resolve budget (120 s) ran out)");
    const capped = await resolveRepo(
      { "requirements.txt": "numpylike==1.26.4\ntflike==1.15.0\n" },
      { budget: resolveBudget(120, { callsPerSpec: 3 }) },
    );
    expect(capped.notCollected).toBe(
      "no spec could be judged: requirements.txt: it does not install on Python 3.7, 3.8, 3.11 with wheels only; the cap of 3 resolver calls for requirements.txt was reached before 3.6, 3.9, 3.10, 3.12, 3.13",
    );
  });

  it("a call past its limit is stopped and says so, its folder removed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ra-budget-"));
    const cacheDir = await mkdtemp(join(tmpdir(), "ra-budget-cache-"));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      const answer = await uvCompile({
        uv: uv!,
        requirements: ["alpha==1.0"],
        python: "3.11",
        indexUrl: index.url,
        cacheDir,
        timeoutMs: 1,
      });
      expect(answer).toMatchObject({ outcome: "not-assessed", timedOut: true });
      expect(await readdir(dir)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      await rm(dir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
