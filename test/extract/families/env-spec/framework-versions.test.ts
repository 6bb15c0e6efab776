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
  it("reads no framework version in a package whose name only contains the framework's", () => {
    const torch = { kind: "package", file: "requirements.txt", line: 1, name: "torch", spec: "==1.9.0" };
    const readme = [
      "## Environment",
      "```",
      "facenet-pytorch==2.5.0",
      "torch==1.9.0",
      "pytorch-lightning==1.5.0",
      "segmentation-models-pytorch 0.2.0",
      "torch-optimizer 0.3.0",
      "facerec_pytorch 2.0.1",
      "```",
      "Weights from someone/face-pytorch 2.2 and PyTorch Lightning 1.5.",
    ].join("\n");
    expect(frameworkConflicts(memoryView({ "README.md": readme }), [torch]).map((r) => [r.versions, r.agree])).toEqual([
      ["1.9.0 (requirements.txt:1)", true],
    ]);
    // TensorFlow's GPU distribution however it is spelled (PEP 503), and its add-ons not at all.
    const tf = { kind: "package", file: "requirements.txt", line: 1, name: "tensorflow-gpu", spec: "==1.15.0" };
    const tfReadme = "tensorflow-addons==0.9.1\nTensorFlow_GPU 2.3.0\n";
    expect(frameworkConflicts(memoryView({ "README.md": tfReadme }), [tf]).map((r) => [r.versions, r.agree])).toEqual([
      ["1.15.0 (requirements.txt:1), 2.3.0 (README.md:2)", false],
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
  it("takes a base image whose framework the build's own install replaces as no statement", () => {
    const image = {
      kind: "image",
      file: "Dockerfile",
      line: 1,
      image: "pytorch/pytorch:2.1.2-cuda12.1-cudnn8-devel",
    };
    const specs = [
      { kind: "spec-file", file: "Dockerfile", format: "dockerfile" },
      { kind: "spec-file", file: "requirements.txt", format: "requirements" },
    ];
    const torch = { kind: "package", file: "requirements.txt", line: 1, name: "torch", spec: "==2.5.1" };
    const dockerfile = [
      "FROM pytorch/pytorch:2.1.2-cuda12.1-cudnn8-devel",
      "COPY requirements.txt .",
      "RUN pip install -r requirements.txt --extra-index-url https://download.pytorch.org/whl/cu124",
    ].join("\n");
    const view = memoryView({ Dockerfile: dockerfile, "requirements.txt": "torch==2.5.1\n" });
    expect(frameworkConflicts(view, [...specs, image, torch])).toEqual([]);
    // The Dockerfile's own pip line replaces it too; a build that installs no torch keeps the image's.
    const own = { kind: "package", file: "Dockerfile", line: 3, name: "torch", spec: "==2.5.1" };
    const plain = memoryView({
      Dockerfile: "FROM pytorch/pytorch:2.1.2-cuda12.1-cudnn8-devel\nRUN pip install torch==2.5.1\n",
    });
    expect(frameworkConflicts(plain, [specs[0]!, image, own])).toEqual([]);
    const untouched = memoryView({ Dockerfile: "FROM pytorch/pytorch:2.1.2-cuda12.1-cudnn8-devel\n" });
    expect(frameworkConflicts(untouched, [...specs, image, torch]).map((r) => r.agree)).toEqual([false]);
  });
  it("takes conda files with their own environment names as alternatives, each agreeing with the root's", () => {
    const nemo = "name: nemo\ndependencies:\n  - python=3.10\n  - pip:\n    - torch==2.7.1\n";
    const espnet = "name: espnet\ndependencies:\n  - python=3.10\n  - pip:\n    - torch==2.6.0\n";
    const records = [
      { kind: "spec-file", file: "envs/nemo.yml", format: "conda" },
      { kind: "spec-file", file: "envs/espnet.yml", format: "conda" },
      { kind: "package", file: "envs/nemo.yml", line: 5, name: "torch", spec: "==2.7.1" },
      { kind: "package", file: "envs/espnet.yml", line: 5, name: "torch", spec: "==2.6.0" },
    ];
    const view = memoryView({ "envs/nemo.yml": nemo, "envs/espnet.yml": espnet });
    expect(frameworkConflicts(view, records).map((r) => r.agree)).toEqual([true]);
    // One environment name in two files is one environment: its two versions disagree.
    const same = memoryView({ "envs/nemo.yml": nemo, "envs/espnet.yml": nemo.replace("2.7.1", "2.6.0") });
    expect(frameworkConflicts(same, records).map((r) => r.agree)).toEqual([false]);
  });
  it("takes two root Dockerfiles, each installing its own requirements file, as alternative builds", () => {
    const records = [
      { kind: "spec-file", file: "Dockerfile.nemo", format: "dockerfile" },
      { kind: "spec-file", file: "Dockerfile.espnet", format: "dockerfile" },
      { kind: "spec-file", file: "requirements_nemo.txt", format: "requirements" },
      { kind: "spec-file", file: "requirements_espnet.txt", format: "requirements" },
      { kind: "package", file: "requirements_nemo.txt", line: 1, name: "torch", spec: "==2.7.1" },
      { kind: "package", file: "requirements_espnet.txt", line: 1, name: "torch", spec: "==2.6.0" },
    ];
    const view = memoryView({
      "Dockerfile.nemo": "FROM python:3.10\nCOPY requirements_nemo.txt .\nRUN pip install -r requirements_nemo.txt\n",
      "Dockerfile.espnet":
        "FROM python:3.10\nCOPY requirements_espnet.txt .\nRUN pip install -r requirements_espnet.txt\n",
    });
    expect(frameworkConflicts(view, records).map((r) => r.agree)).toEqual([true]);
    // With no Dockerfile to say which build installs which, the two root files are rivals.
    expect(frameworkConflicts(memoryView({}), records).map((r) => r.agree)).toEqual([false]);
  });
});
