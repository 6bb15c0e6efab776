import { describe, expect, it } from "vitest";
import {
  installTotals,
  notAssessedClass,
  renderInstalls,
  specOutcomes,
  type InstallRow,
} from "../../../bench/real/installs.js";

const rows: InstallRow[] = [
  {
    name: "a+solution",
    specs: specOutcomes([
      { kind: "resolution", file: "requirements.txt", python: "3.11", status: "resolved", pins: 4 },
      {
        kind: "resolution",
        file: "env/requirements.txt",
        python: "3.11",
        status: "unresolvable",
        resolutionClass: "version-missing",
        reason: "Because json was not found",
        cause: "json is part of Python's standard library: remove it",
      },
      {
        kind: "resolution",
        file: "setup.py",
        python: "3.9",
        status: "not-assessed",
        reason: "building from source is disabled",
      },
    ]),
    fawlty: [
      { name: "cv2", at: "train.py:3", distribution: "opencv-python", reason: null },
      { name: "utils", at: "train.py:4", distribution: "utils", reason: "the repo's own module" },
    ],
  },
  { name: "b+solution", specs: { notAssessed: "the index did not answer" }, fawlty: null },
];

describe("installs bench", () => {
  it("counts specs that resolve, fail and were not judged, and the FawltyDeps floor", () => {
    expect(installTotals(rows)).toEqual({
      repos: 2,
      judged: 1,
      specs: { resolved: 1, unresolvable: 1, notAssessed: 1 },
      reposFailing: 1,
      fawlty: { explained: 1, missed: 1 },
      failuresBy: { "version-missing": 1 },
      notAssessedBy: { "needs a build": 1, "no index (repo)": 1 },
    });
  });

  it("sorts why a spec was not judged: uv's Python floor, a build, no index, no resolver", () => {
    expect(
      [
        "uv resolves only for Python >= 3.6",
        "building from source is disabled",
        "the index https://pypi.org/simple did not answer the resolver: dns error",
        "no resolver: uv was not found",
      ].map(notAssessedClass),
    ).toEqual(["Python before 3.6", "needs a build", "no index", "no resolver"]);
  });

  it("prints per repo which specs resolve, which fail and why, beside FawltyDeps, then the totals", () => {
    expect(renderInstalls(rows).split("\n")).toEqual([
      "a+solution",
      "  resolves requirements.txt (Python 3.11)",
      "  FAILS    env/requirements.txt (Python 3.11) [version-missing]: json is part of Python's standard library: remove it",
      "  unjudged setup.py (Python 3.9) [needs a build]: building from source is disabled",
      "  FawltyDeps undeclared cv2 (opencv-python) at train.py:3: MISSED by the audit",
      "  FawltyDeps undeclared utils (utils) at train.py:4: the repo's own module",
      "b+solution",
      "  specs: not assessed (the index did not answer)",
      "  FawltyDeps: not run",
      "",
      "totals: 2 repos, 1 with specs judged; specs 1 resolve, 1 fail, 1 not assessed; 1 repos have a spec that cannot install",
      "failures by reason: version-missing 1; not assessed by reason: needs a build 1, no index (repo) 1",
      "FawltyDeps floor: 1 unnamed imports explained, 1 missed",
    ]);
  });
});
