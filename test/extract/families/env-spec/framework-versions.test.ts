// The framework versions each source states, and whether they agree on major.minor.
import { describe, expect, it } from "vitest";
import { frameworkConflicts } from "../../../../src/extract/families/env-spec/framework-versions.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";

describe("frameworkConflicts", () => {
  const pin = { kind: "package", file: "requirements.txt", line: 1, name: "tensorflow-gpu", spec: "==1.15.0" };
  it("records a spec pin against an image tag of another series", () => {
    const image = { kind: "image", file: "Dockerfile", line: 1, image: "tensorflow/tensorflow:2.4.1-gpu" };
    expect(frameworkConflicts(memoryView({}), [pin, image])).toEqual([
      {
        kind: "framework-versions",
        file: "requirements.txt",
        line: 1,
        name: "tensorflow",
        versions: "1.15.0 (requirements.txt:1), 2.4.1 (Dockerfile:1, image tensorflow/tensorflow:2.4.1-gpu)",
        agree: false,
      },
    ]);
  });
  it("says one series agrees, and records nothing for a range or a single source", () => {
    const range = { kind: "package", file: "requirements.txt", line: 2, name: "torch", spec: ">=1.8" };
    expect(frameworkConflicts(memoryView({ "README.md": "Uses TensorFlow 1.15.2.\n" }), [pin, range])).toEqual([
      {
        kind: "framework-versions",
        file: "requirements.txt",
        line: 1,
        name: "tensorflow",
        versions: "1.15.0 (requirements.txt:1)",
        agree: true,
      },
    ]);
    expect(frameworkConflicts(memoryView({}), [pin, range])).toEqual([]);
  });
});
