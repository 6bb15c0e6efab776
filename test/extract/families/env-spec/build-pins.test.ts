// A Dockerfile's loose bound is pinned when the same build installs an exact pin of the package.
import { describe, expect, it } from "vitest";
import { pinThroughBuilds } from "../../../../src/extract/families/env-spec/build-pins.js";
import type { FactRecord } from "../../../../src/model/facts.js";

describe("pinThroughBuilds", () => {
  const dockerfile = 'FROM python:3.10\nRUN pip install "numpy<2.0.0"\nRUN pip install -r requirements.txt\n';
  const records = (): FactRecord[] => [
    { kind: "spec-file", file: "Dockerfile", format: "dockerfile" },
    { kind: "spec-file", file: "requirements.txt", format: "requirements" },
    { kind: "spec-file", file: "other.txt", format: "requirements" },
    { kind: "package", file: "Dockerfile", line: 2, name: "numpy", spec: "<2.0.0", pinned: false },
    { kind: "package", file: "Dockerfile", line: 2, name: "scipy", spec: "", pinned: false },
    { kind: "package", file: "requirements.txt", line: 1, name: "NumPy", spec: "==1.26.4", pinned: true },
    { kind: "package", file: "other.txt", line: 1, name: "scipy", spec: "==1.11.0", pinned: true },
  ];
  it("pins the Dockerfile's bound that a requirements file it installs pins exactly, and nothing else", () => {
    const out = records();
    pinThroughBuilds(out, (file) => (file === "Dockerfile" ? dockerfile : null));
    expect(out.filter((r) => r.file === "Dockerfile" && r.kind === "package").map((r) => [r.name, r.pinned])).toEqual([
      ["numpy", true],
      ["scipy", false], // other.txt is no file this build installs
    ]);
  });
});
