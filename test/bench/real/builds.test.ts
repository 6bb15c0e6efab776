import { describe, expect, it } from "vitest";
import {
  buildTotals,
  classifyBuild,
  renderBuilds,
  type BuildReport,
  type BuildRun,
} from "../../../bench/real/builds.js";
import type { FactRecord } from "../../../src/model/facts.js";

/** A report of a build-stage audit: the build's status and Python as given, the rest as a real one has it. */
function report(
  build: Partial<NonNullable<BuildReport["environment"]>["build"]>,
  over: {
    python?: { version: string; source: string };
    probeRan?: boolean;
    notes?: string[];
    stage?: { status: string; reason?: string };
    baseImageReason?: string;
  } = {},
): BuildReport {
  return {
    stages: { build: over.stage ?? { status: "ran" } },
    environment: {
      specKind: "requirements",
      specFiles: ["requirements.txt"],
      python: over.python ?? { version: "3.9", source: "runtime.txt:1 (python-3.9.7)" },
      baseImageReason: over.baseImageReason ?? "Python 3.9 (runtime.txt:1 (python-3.9.7))",
      build: { status: "built", seconds: 12, ...build },
      probe: { ran: over.probeRan ?? true },
    },
    notes: over.notes ?? [],
  };
}

const facts = (families: Record<string, FactRecord[]>, notCollected: Record<string, string> = {}) => ({
  families,
  notCollected,
});

const imported = (module: string): FactRecord => ({ kind: "import", module, error: null, files: "train.py" });
const failed = (
  module: string,
  error: string,
  cause?: { cause: string; library?: string; python?: string },
): FactRecord => ({
  kind: "import",
  module,
  error,
  files: "train.py",
  ...cause,
});

describe("classifyBuild", () => {
  it("built and every module imports: clean", () => {
    const o = classifyBuild({
      name: "a+clean",
      report: report({}),
      facts: facts({ "import-probe": [imported("numpy"), imported("torch")] }),
      seconds: 40,
    });
    expect(o).toMatchObject({ outcome: "clean", why: null, repoModules: [], auditFailures: [], seconds: 40 });
    expect(o.python).toEqual({ version: "3.9", source: "runtime.txt:1 (python-3.9.7)", auditChose: false });
  });

  it("a reused image counts as built", () => {
    const o = classifyBuild({
      name: "a+cached",
      report: report({ status: "cached" }),
      facts: facts({ "import-probe": [] }),
    });
    expect(o.outcome).toBe("clean");
  });

  it("a module that fails with no cause is the repo's", () => {
    const o = classifyBuild({
      name: "b+imports",
      report: report({}),
      facts: facts({
        "import-probe": [
          imported("numpy"),
          failed("timm", "ImportError: cannot import name 'container_abcs' from 'torch._six'"),
          failed("cv2", "ImportError: libGL.so.1: cannot open shared object file", {
            cause: "base-image",
            library: "libGL.so.1",
          }),
        ],
      }),
    });
    expect(o.outcome).toBe("repo-imports");
    expect(o.repoModules).toEqual(["timm"]);
    expect(o.auditFailures).toEqual([{ module: "cv2", reason: "base-image: libGL.so.1" }]);
    expect(o.why).toBe("1 module(s) do not import: timm");
  });

  it("only failures with the audit's cause: the audit's, with its reason", () => {
    const o = classifyBuild({
      name: "c+libgl",
      report: report({}),
      facts: facts({
        "import-probe": [
          failed("cv2", "ImportError: libGL.so.1: cannot open shared object file", {
            cause: "base-image",
            library: "libGL.so.1",
          }),
        ],
      }),
    });
    expect(o).toMatchObject({ outcome: "audit", repoModules: [], why: "cv2 (base-image: libGL.so.1)" });
  });

  it("a failure on the Python the audit chose from the pins (the repo states none) is the audit's, the Python named", () => {
    const o = classifyBuild({
      name: "c+chosen",
      report: report(
        {},
        { python: { version: "3.7", source: "the Python the resolver found it installs on (the repo states none)" } },
      ),
      facts: facts({
        "import-probe": [
          failed("attrdict", "ImportError: cannot import name 'Mapping' from 'collections'", {
            cause: "python-choice",
            python: "3.7",
          }),
        ],
      }),
    });
    expect(o).toMatchObject({ outcome: "audit", repoModules: [], why: "attrdict (python-choice: Python 3.7)" });
    expect(o.python?.auditChose).toBe(true);
  });

  it("a build that failed reaching a host that does not resolve here is the bench's network, whatever the Python", () => {
    const o = classifyBuild({
      name: "c+git",
      report: report({
        status: "failed",
        failureClass: "other",
        network: { refused: [{ destination: "github.com:443", why: "github.com does not resolve" }] },
      }),
      facts: facts({
        "environment-build": [{ kind: "build", detail: "note: This error originates from a subprocess" }],
      }),
      basePython: "3.11",
    });
    expect(o).toMatchObject({
      outcome: "audit",
      why: "the build's network here: github.com:443 does not resolve: other: note: This error originates from a subprocess",
    });
  });

  it("a build stopped by the audit's network or ceilings is the audit's", () => {
    const o = classifyBuild({
      name: "d+net",
      report: report({ status: "failed", failureClass: "network" }),
      facts: facts({
        "environment-build": [
          { kind: "build", status: "failed", failureClass: "network", detail: "Could not fetch URL https://x/simple/" },
        ],
      }),
    });
    expect(o.outcome).toBe("audit");
    expect(o.why).toBe("the build could not reach the index: network: Could not fetch URL https://x/simple/");
  });

  it("a build that fails for its spec is the repo's, with pip's line and whether the audit chose the Python", () => {
    const o = classifyBuild({
      name: "e+pin",
      report: report(
        { status: "failed", failureClass: "package-not-found", package: "torch==1.8.2" },
        { python: { version: "3.11", source: "default" } },
      ),
      facts: facts({
        "environment-build": [
          {
            kind: "build",
            status: "failed",
            failureClass: "package-not-found",
            package: "torch==1.8.2",
            detail: "ERROR: No matching distribution found for torch==1.8.2",
          },
        ],
      }),
    });
    expect(o.outcome).toBe("build-failed");
    expect(o.why).toBe("package-not-found torch==1.8.2: ERROR: No matching distribution found for torch==1.8.2");
    expect(o.python?.auditChose).toBe(true);
  });

  it("a spec installed on a base image's other Python than the one it states: the audit's substitution", () => {
    const build = { status: "failed", failureClass: "other" };
    const record: FactRecord = {
      kind: "build",
      status: "failed",
      failureClass: "other",
      detail: "× Encountered error while generating package metadata.",
    };
    const named = report(build, {
      python: { version: "3.8", source: "README.md:39 (3)" },
      baseImageReason: "--base-image",
    });
    const o = classifyBuild({
      name: "e+py",
      report: named,
      facts: facts({ "environment-build": [record] }),
      basePython: "3.11",
    });
    expect(o).toMatchObject({
      outcome: "audit",
      why: "installed on the base image's Python 3.11 in place of 3.8: other: × Encountered error while generating package metadata.",
    });
    // The same failure where the base's Python is the one stated stays the repo's.
    const same = report(build, {
      python: { version: "3.11", source: "runtime.txt:1" },
      baseImageReason: "--base-image",
    });
    expect(
      classifyBuild({
        name: "e+same",
        report: same,
        facts: facts({ "environment-build": [record] }),
        basePython: "3.11",
      }).outcome,
    ).toBe("build-failed");
  });

  it("a build that fails on what the audit put in place of the repo's statement is the audit's", () => {
    const failedBuild = (kind: string, reason: string) => {
      const r = report({ status: "failed", failureClass: "other" }, { baseImageReason: reason });
      r.environment!.specKind = kind;
      return classifyBuild({
        name: `i+${kind}`,
        report: r,
        facts: facts({ "environment-build": [{ kind: "build", failureClass: "other", detail: "× error" }] }),
      });
    };
    expect(failedBuild("reconstructed", "Python 3.9 (default)")).toMatchObject({
      outcome: "audit",
      why: "the spec the audit reconstructed from the imports (the repo states none): other: × error",
    });
    expect(failedBuild("conda", "--base-image")).toMatchObject({
      outcome: "audit",
      why: "a conda spec built on the base image named with --base-image: other: × error",
    });
    const noGit = report({ status: "failed", failureClass: "other" });
    const gitDetail = "ERROR: Cannot find command 'git' - do you have 'git' installed and in your PATH?";
    expect(
      classifyBuild({
        name: "i+git",
        report: noGit,
        facts: facts({ "environment-build": [{ kind: "build", failureClass: "other", detail: gitDetail }] }),
      }),
    ).toMatchObject({ outcome: "audit", why: `the base image lacks the command git: other: ${gitDetail}` });
    // A conda spec on the audit's own micromamba base that fails is the spec's.
    expect(failedBuild("conda", "conda spec environment.yml: micromamba installs it").outcome).toBe("build-failed");
  });

  it("with several named bases, the report's base reason and notes say what stood in for the spec", () => {
    const detail = "× error";
    const run = (kind: string, reason: string, notes: string[]) => {
      const r = report({ status: "failed", failureClass: "other" }, { baseImageReason: reason, notes });
      r.environment!.specKind = kind;
      r.environment!.python = { version: "3.8", source: ".python-version:1 (3.8)" };
      return classifyBuild({
        name: `j+${kind}`,
        report: r,
        facts: facts({ "environment-build": [{ kind: "build", failureClass: "other", detail }] }),
      });
    };
    const pythonNote =
      "Build: installed on the base image's Python 3.11 in place of 3.8 (.python-version:1 (3.8)): no image named with --base-image has 3.8.";
    expect(
      run(
        "requirements",
        "--base-image: its Python 3.11 in place of 3.8 (.python-version:1 (3.8)); no image named with --base-image has 3.8",
        [pythonNote],
      ),
    ).toMatchObject({
      outcome: "audit",
      why: `installed on the base image's Python 3.11 in place of 3.8: other: ${detail}`,
      substitutions: [pythonNote],
    });
    const condaNote =
      "Build: conda spec environment.yml installed with pip on the local base: conda-only packages cudatoolkit, mkl left out.";
    expect(run("conda", "--base-image with Python 3.8 (environment.yml:4 (3.8))", [condaNote])).toMatchObject({
      outcome: "audit",
      why: `a conda spec installed with pip on the local base (cudatoolkit, mkl left out): other: ${detail}`,
      substitutions: [condaNote],
    });
    // The base with the stated Python: a failure of a pip spec there is the repo's.
    expect(run("requirements", "--base-image with Python 3.8 (.python-version:1 (3.8))", []).outcome).toBe(
      "build-failed",
    );
  });

  it("a local base standing in for a base the engine lacks counts as a named one", () => {
    const detail = "× error";
    const run = (reason: string, notes: string[]) => {
      const r = report({ status: "failed", failureClass: "other" }, { baseImageReason: reason, notes });
      r.environment!.specKind = "requirements";
      r.environment!.python = { version: "3.8", source: ".python-version:1 (3.8)" };
      return classifyBuild({
        name: "k+local",
        report: r,
        facts: facts({ "environment-build": [{ kind: "build", failureClass: "other", detail }] }),
      });
    };
    const localNote =
      "Build: python:3.8-slim is not on the engine and no --base-image was named: built on the local base image local/py:3.9 (labelled Python 3.9) in its place.";
    const pythonNote =
      "Build: installed on the base image's Python 3.9 in place of 3.8 (.python-version:1 (3.8)): no local base image labelled org.repro-audit.python has 3.8.";
    expect(
      run(
        "local base image: its Python 3.9 in place of 3.8 (.python-version:1 (3.8)); no local base image labelled org.repro-audit.python has 3.8; python:3.8-slim is not on the engine",
        [localNote, pythonNote],
      ),
    ).toMatchObject({
      outcome: "audit",
      why: `installed on the base image's Python 3.9 in place of 3.8: other: ${detail}`,
      substitutions: [localNote, pythonNote],
    });
    // The local base with the stated Python: a failure of a pip spec there is the repo's.
    expect(
      run("local base image with Python 3.8 (.python-version:1 (3.8)); python:3.8-slim is not on the engine", [
        localNote,
      ]).outcome,
    ).toBe("build-failed");
  });

  it("the build's own time limit and the bench's cap are timeouts", () => {
    expect(
      classifyBuild({ name: "f+slow", report: report({ status: "failed", failureClass: "timeout" }), facts: facts({}) })
        .outcome,
    ).toBe("timed-out");
    expect(classifyBuild({ name: "f+capped", timedOutAfterMinutes: 15, seconds: 900 })).toMatchObject({
      outcome: "timed-out",
      why: "the audit ran past the bench's 15 min cap",
    });
  });

  it("not assessed, each with why: no engine, a refused build, no probe, a failed audit", () => {
    const noEngine = classifyBuild({
      name: "g+engine",
      report: report({ status: "skipped" }, { stage: { status: "skipped", reason: "no container engine" } }),
      facts: facts({}),
    });
    expect(noEngine).toMatchObject({ outcome: "not-assessed", why: "build not run: no container engine" });
    const refused = classifyBuild({
      name: "g+refused",
      report: report({
        status: "failed",
        failureClass: "not-allowed",
        reason: "the audit refused to build the repo's Dockerfile",
      }),
      facts: facts({ "environment-build": [{ kind: "build", failureClass: "not-allowed", detail: "ADD from a URL" }] }),
    });
    expect(refused).toMatchObject({ outcome: "not-assessed", why: "the audit refused to build it: ADD from a URL" });
    const noProbe = classifyBuild({
      name: "g+probe",
      report: report({}, { probeRan: false }),
      facts: facts({}, { "import-probe": "the probe container did not start" }),
    });
    expect(noProbe).toMatchObject({
      outcome: "not-assessed",
      why: "built, imports not probed: the probe container did not start",
    });
    const crashed = classifyBuild({ name: "g+crash", error: "repro-audit exited 3: internal error\nstack" });
    expect(crashed).toMatchObject({
      outcome: "not-assessed",
      why: "the audit failed: repro-audit exited 3: internal error",
    });
  });

  it("keeps the notes on wheel URLs the index's release replaced", () => {
    const note =
      "Build: the wheel URL https://download.pytorch.org/whl/cu111/torch-1.9.0%2Bcu111-cp39-cp39-linux_x86_64.whl did not answer; torch==1.9.0 was installed from the index in its place.";
    const o = classifyBuild({
      name: "h+wheel",
      report: report({}, { notes: [note, "Build: requirements.txt installed as its lock."] }),
      facts: facts({ "import-probe": [imported("torch")] }),
    });
    expect(o.substitutions).toEqual([note]);
  });
});

describe("build totals and rows", () => {
  const runs: BuildRun[] = [
    { name: "a+clean", report: report({}), facts: facts({ "import-probe": [imported("numpy")] }), seconds: 30 },
    {
      name: "b+imports",
      report: report({}, { python: { version: "3.11", source: "default" } }),
      facts: facts({
        "import-probe": [
          failed("timm", "ImportError: x"),
          failed("cv2", "libGL.so.1: cannot open shared object file", { cause: "base-image", library: "libGL.so.1" }),
        ],
      }),
      seconds: 300,
    },
    { name: "c+capped", timedOutAfterMinutes: 15 },
  ];
  const outcomes = runs.map(classifyBuild);

  it("counts each outcome, the audit's failures wherever they sit, and the repo's on a Python the audit chose", () => {
    expect(buildTotals(outcomes)).toEqual({
      repos: 3,
      byOutcome: { clean: 1, "repo-imports": 1, audit: 0, "build-failed": 0, "not-assessed": 0, "timed-out": 1 },
      withAuditFailures: 1,
      repoFailuresOnChosenPython: 1,
      withSubstitutions: 0,
    });
  });

  it("prints one row per repo and the summary line", () => {
    expect(renderBuilds(outcomes)).toBe(
      [
        "a+clean: built, imports clean py3.9 30s",
        "b+imports: built, imports fail (repo) py3.11 (the audit's choice) 300s - 1 module(s) do not import: timm",
        "  also the audit's: cv2 (base-image: libGL.so.1)",
        "c+capped: timed out - the audit ran past the bench's 15 min cap",
        "",
        "builds: 3 repos; built, imports clean 1, built, imports fail (repo) 1, fails for the audit 0, build fails (repo) 0, not assessed 0, timed out 1; 1 with a failure of the audit's own, 1 repo failures on a Python the audit chose, 0 with a substitution the report names (a wheel URL, a Python, conda by pip)",
      ].join("\n"),
    );
  });
});
