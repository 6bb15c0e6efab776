// A real git repo whose Dockerfile forces another numpy after installing the requirements that pin one, and whose
// root holds two requirements files with different CUDA builds of a package: the static audit names each pair.
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../../../src/pipeline.js";
import { pinConflicts } from "../../../../src/extract/families/env-spec/pin-conflicts.js";
import { removeSolutions, solutionRepo } from "./git-solution.js";

afterAll(removeSolutions);

it("names the pin the build installs over the other, and a colab variant of the installed file as a note", async () => {
  const root = solutionRepo({
    "requirements.txt": "numpy==1.22.3\nlibrosa\nbitsandbytes-cuda112\n",
    "requirements_colab.txt": "bitsandbytes-cuda114==0.26.0\n",
    Dockerfile: [
      "FROM python:3.8",
      "COPY requirements.txt .",
      "RUN pip install -r requirements.txt",
      "RUN pip uninstall -y numpy && \\",
      "    pip install numpy==1.18.0",
    ].join("\n"),
    "train.py": "import numpy\nimport librosa\nimport bitsandbytes\n",
  });
  const findings = (await audit({ source: root, stages: ["static"] })).report.findings.filter(
    (f) => f.rule === "requirements-pins-agree",
  );
  expect(findings.map((f) => [f.file, f.line, f.severity, f.values?.pin, f.values?.other])).toEqual([
    ["Dockerfile", 4, "warning", "numpy==1.18.0", "requirements.txt:1 pins numpy==1.22.3"],
    [
      "requirements_colab.txt",
      1,
      "info",
      "bitsandbytes-cuda114==0.26.0",
      "requirements.txt pins bitsandbytes-cuda112 (line 3)",
    ],
  ]);
  expect(findings[1]!.values?.wins).toMatch(/^the plan installs requirements\.txt \(Dockerfile:3\)/);
});

describe("pinConflicts between two root requirements files", () => {
  const spec = (file: string) => ({ kind: "spec-file", file, format: "requirements" });
  const pin = (file: string, line: number, name: string, version: string) => ({
    kind: "package",
    file,
    line,
    name,
    spec: `==${version}`,
  });
  const records = (second: string) => [
    spec("requirements.txt"),
    spec(second),
    pin("requirements.txt", 1, "numpy", "1.26.4"),
    pin("requirements.txt", 2, "pandas", "2.1.0"),
    pin("requirements.txt", 3, "scipy", "1.11.0"),
    pin(second, 1, "numpy", "1.24.0"),
    pin(second, 2, "pandas", "1.5.3"),
    pin(second, 3, "scipy", "1.11.0"),
  ];
  it("makes one record per pair, listing every package the two pin differently", () => {
    const out = pinConflicts(records("requirements-prod.txt"), () => "", []);
    expect(out).toEqual([
      {
        kind: "pin-conflict",
        file: "requirements-prod.txt",
        line: 1,
        name: "numpy, pandas",
        pin: "numpy==1.24.0, pandas==1.5.3",
        other: "requirements.txt pins numpy==1.26.4 (line 1), pandas==2.1.0 (line 2)",
        wins: "nothing says which of the two files to install, so the environment depends on the reader's guess",
      },
    ]);
  });
  it("takes a file a plan step installs as the one, and the other as an alternative", () => {
    const dockerfile = "FROM python:3.10\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n";
    const read = (file: string) => (file === "Dockerfile" ? dockerfile : "");
    const withDocker = [
      ...records("requirements-prod.txt"),
      { kind: "spec-file", file: "Dockerfile", format: "dockerfile" },
    ];
    expect(pinConflicts(withDocker, read, []).map((r) => [r.alternative, r.wins])).toEqual([
      [true, "the plan installs requirements.txt (Dockerfile:3); requirements-prod.txt is an alternative off the plan"],
    ]);
    const readme = pinConflicts(records("requirements-prod.txt"), () => "", ["pip install -r requirements.txt"]);
    expect(readme.map((r) => r.alternative)).toEqual([true]);
  });
  it("takes a file whose name marks a platform as a variant, not a rival", () => {
    for (const variant of ["requirements_windows.txt", "requirements-cpu.txt", "requirements_mac.txt"])
      expect(pinConflicts(records(variant), () => "", []).map((r) => r.alternative)).toEqual([true]);
    expect(pinConflicts(records("requirements_old.txt"), () => "", []).map((r) => r.alternative)).toEqual([undefined]);
  });
});
