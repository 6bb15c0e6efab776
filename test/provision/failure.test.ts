// Build failure classes from real pip/engine log lines, and the probe's answer and pip check reading.
import { describe, expect, it } from "vitest";
import { classifyBuildFailure, importFailureCause, logTail } from "../../src/provision/failure.js";
import { parseProbeOutput, probeModules, readPipCheck } from "../../src/provision/probe-script.js";
import { emptyFacts } from "../../src/model/facts.js";

describe("classifyBuildFailure", () => {
  it.each([
    [
      "\x1b[91mERROR: Could not find a version that satisfies the requirement torchx==9.9 (from versions: none)\x1b[0m",
      "package-not-found",
      "torchx",
    ],
    ["ERROR: No matching distribution found for Scikit_Learn==0.0.1", "package-not-found", "scikit-learn"],
    [
      "ERROR: Cannot install pandas==2.2.2 and numpy==1.20.0 because these package versions have conflicting dependencies.\nThe conflict is caused by:\n    The user requested numpy==1.20.0\nERROR: ResolutionImpossible",
      "version-conflict",
      "numpy",
    ],
    [
      "  error: command '/usr/bin/gcc' failed with exit code 1\n  ERROR: Failed building wheel for pycocotools",
      "compile-error",
      "pycocotools",
    ],
    [
      "WARNING: Retrying (Retry(total=4)) after connection broken by 'NewConnectionError(... Temporary failure in name resolution)'\nERROR: Could not find a version that satisfies the requirement six==1.16.0",
      "network",
      null,
    ],
    ["Step 3/4 : RUN false\nThe command '/bin/sh -c false' returned a non-zero code: 1", "other", null],
    // A source distribution whose metadata step fails names no package on its error lines: the one pip was collecting.
    [
      "Collecting numpy==1.19.1\n  Downloading numpy-1.19.1.zip (7.3 MB)\n  error: subprocess-exited-with-error\n  × Preparing metadata (pyproject.toml) did not run successfully.\nerror: metadata-generation-failed\n× Encountered error while generating package metadata.",
      "compile-error",
      "numpy",
    ],
    [
      "Collecting matplotlib\nCollecting poster\n  error: subprocess-exited-with-error\n  × python setup.py egg_info did not run successfully.\nerror: metadata-generation-failed",
      "compile-error",
      "poster",
    ],
  ])("%s", (log, failureClass, pkg) => {
    expect(classifyBuildFailure(log)).toMatchObject({ failureClass, package: pkg });
  });

  it("says timeout when the build ran out of time, whatever the log holds", () => {
    expect(classifyBuildFailure("Step 2/3 : RUN sleep 100", true)).toEqual({
      failureClass: "timeout",
      package: null,
      detail: "the build ran past its time limit",
    });
  });

  it("keeps the last 40 lines of the log", () => {
    const log = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join("\n");
    expect(logTail(log).split("\n")).toEqual(Array.from({ length: 40 }, (_, i) => `line ${i + 61}`));
  });
});

describe("probe script answers", () => {
  it("reads the marked JSON line among other output", () => {
    expect(parseProbeOutput('noise\nREPRO_AUDIT_PROBE {"six": {"ok": true, "error": null}}\n')).toEqual({
      six: { ok: true, error: null },
    });
    expect(parseProbeOutput("Traceback ...\n")).toBeNull();
  });

  it("reads pip check: consistent, broken, or no pip in the image", () => {
    expect(readPipCheck(0, "No broken requirements found.\n")).toEqual({
      ok: true,
      output: "No broken requirements found.",
    });
    expect(readPipCheck(1, "pandas 2.2.2 requires numpy, which is not installed.\n")).toEqual({
      ok: false,
      output: "pandas 2.2.2 requires numpy, which is not installed.",
    });
    expect(readPipCheck(1, "/usr/bin/python3: No module named pip\n")).toBeNull();
  });

  it("probes third-party and local top-level modules once, with every importing file", () => {
    const facts = emptyFacts();
    facts.families.imports = [
      { file: "a.py", line: 1, module: "yaml", top: "yaml", origin: "third-party", distribution: "PyYAML" },
      { file: "a.py", line: 2, module: "os.path", top: "os", origin: "stdlib", distribution: "os" },
      { file: "b.py", line: 4, module: "yaml.loader", top: "yaml", origin: "third-party", distribution: "PyYAML" },
      { file: "b.py", line: 5, module: "utils", top: "utils", origin: "local", distribution: "utils" },
    ];
    expect(probeModules(facts, true).map((m) => [m.module, m.how, m.files.join(",")])).toEqual([
      ["yaml", "import", "a.py,b.py"],
      ["utils", "find", "b.py"],
    ]);
    expect(probeModules(facts, false).map((m) => m.module)).toEqual(["yaml"]);
  });
});

describe("importFailureCause", () => {
  it("names a system library the base image lacks; a missing module is the spec's", () => {
    expect(
      importFailureCause("ImportError: libGL.so.1: cannot open shared object file: No such file or directory"),
    ).toEqual({ cause: "base-image", library: "libGL.so.1" });
    expect(
      importFailureCause("OSError: libsndfile.so: cannot open shared object file: No such file or directory"),
    ).toEqual({ cause: "base-image", library: "libsndfile.so" });
    expect(importFailureCause("ModuleNotFoundError: No module named 'yaml'")).toBeNull();
  });

  it("on a Python the audit chose, gives it every failure but a missing distribution; a stated Python keeps them the repo's", () => {
    const versionBound =
      "ImportError: cannot import name 'Mapping' from 'collections' (/usr/lib/python3.11/collections/__init__.py)";
    expect(importFailureCause(versionBound, "3.11")).toEqual({ cause: "python-choice", python: "3.11" });
    expect(importFailureCause("AttributeError: module 'numpy' has no attribute 'float'", "3.11")).toEqual({
      cause: "python-choice",
      python: "3.11",
    });
    // A standard-library module a later Python removed, on a named base whose Python the plan does not know.
    expect(importFailureCause("ModuleNotFoundError: No module named 'imp'", "")).toEqual({ cause: "python-choice" });
    expect(importFailureCause("ModuleNotFoundError: No module named 'distutils.version'", "3.12")).toEqual({
      cause: "python-choice",
      python: "3.12",
    });
    // A distribution the spec never installs is the spec's on any Python; a missing system library stays the base's.
    expect(importFailureCause("ModuleNotFoundError: No module named 'yaml'", "3.11")).toBeNull();
    expect(
      importFailureCause("ImportError: libGL.so.1: cannot open shared object file: No such file or directory", "3.11"),
    ).toEqual({ cause: "base-image", library: "libGL.so.1" });
    expect(importFailureCause(versionBound, null)).toBeNull();
  });
});
