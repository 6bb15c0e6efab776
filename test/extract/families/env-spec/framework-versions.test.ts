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
  it("reads a README minimum as satisfied by a later pin or image, and as a conflict only below it", () => {
    const torch = { kind: "package", file: "requirements.txt", line: 1, name: "torch", spec: "==1.13.1" };
    const image = {
      kind: "image",
      file: "Dockerfile",
      line: 1,
      image: "pytorch/pytorch:2.0.1-cuda11.7-cudnn8-runtime",
    };
    for (const said of ["PyTorch 1.13+", "PyTorch >= 1.13", "pytorch 1.13 or later", "torch at least 1.13"]) {
      const view = memoryView({ "README.md": `# Setup\n\nRequires ${said}.\n` });
      expect(frameworkConflicts(view, [torch]).map((r) => [r.versions, r.agree])).toEqual([
        ["1.13.1 (requirements.txt:1), 1.13+ (README.md:3)", true],
      ]);
      expect(frameworkConflicts(view, [image]).map((r) => r.agree)).toEqual([true]);
    }
    const old = { ...torch, spec: "==1.8.0" };
    const view = memoryView({ "README.md": "- PyTorch 1.13+\n" });
    expect(frameworkConflicts(view, [old]).map((r) => [r.versions, r.agree])).toEqual([
      ["1.8.0 (requirements.txt:1), 1.13+ (README.md:1)", false],
    ]);
    // The version list's own minimum, in a list with other packages, counts once.
    const listView = memoryView({ "README.md": "Requirements: PyTorch 1.4 or later, pandas 1.0.3, numpy.\n" });
    expect(frameworkConflicts(listView, [old]).map((r) => [r.versions, r.agree])).toEqual([
      ["1.8.0 (requirements.txt:1), 1.4+ (README.md:1)", true],
    ]);
    // Two exact versions of other series still disagree.
    expect(frameworkConflicts(memoryView({ "README.md": "PyTorch 1.13.\n" }), [old]).map((r) => r.agree)).toEqual([
      false,
    ]);
  });
  it("takes sub-pipelines with their own specs as separate environments, each agreeing with the root's statements", () => {
    const a = { kind: "package", file: "1D_Model/requirements.txt", line: 4, name: "torch", spec: "==1.9.1" };
    const b = { kind: "package", file: "datasaurus/requirements.txt", line: 2, name: "torch", spec: "==1.8.0" };
    expect(frameworkConflicts(memoryView({}), [a, b]).map((r) => r.agree)).toEqual([true]);
    // The root's own statement holds for every part: one part that differs from it is a conflict.
    const root = { kind: "package", file: "requirements.txt", line: 1, name: "torch", spec: "==1.9.0" };
    expect(frameworkConflicts(memoryView({}), [root, a, b]).map((r) => r.agree)).toEqual([false]);
    expect(frameworkConflicts(memoryView({}), [root, a]).map((r) => r.agree)).toEqual([true]);
  });
});
