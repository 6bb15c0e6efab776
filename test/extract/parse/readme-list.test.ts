// A README's version list in prose or bullets is the spec it states: each package it names, pinned where
// it gives a version; tools that are no distribution (CUDA, cuDNN, the OS) and Python itself left out.
import { describe, expect, it } from "vitest";
import { readmeListRecords } from "../../../src/extract/parse/readme-list.js";

describe("readmeListRecords", () => {
  it("reads a comma list in a sentence, mapping the names people write to distributions", () => {
    expect(
      readmeListRecords(
        "README.md",
        "# Solution\n\nWe used torch 0.4.1, pandas, cuDNN 7 and opencv 3.4.2 on one GPU.\n",
      ),
    ).toEqual([
      {
        kind: "install",
        file: "README.md",
        line: 3,
        name: "torch",
        spec: "==0.4.1",
        pinned: true,
        via: "readme-list",
        written: "torch 0.4.1",
      },
      { kind: "install", file: "README.md", line: 3, name: "pandas", spec: "", via: "readme-list", written: "pandas" },
      {
        kind: "install",
        file: "README.md",
        line: 3,
        name: "opencv-python",
        spec: "==3.4.2",
        pinned: true,
        via: "readme-list",
        written: "opencv 3.4.2",
      },
    ]);
  });

  it("reads a labelled list and a bullet block; Python is the Python, not a package", () => {
    expect(
      readmeListRecords("README.md", "Environment: Python 3.6, PyTorch 1.1.0, scikit-learn==0.21.2\n").map((r) => [
        r.name,
        r.spec,
      ]),
    ).toEqual([
      ["torch", "==1.1.0"],
      ["scikit-learn", "==0.21.2"],
    ]);
    expect(
      readmeListRecords(
        "README.md",
        "## Requirements\n\n- Python 3.7\n- PyTorch 1.4.0\n- albumentations\n- CUDA 10.1\n\n## Train\n",
      ).map((r) => [r.name, r.spec, r.line]),
    ).toEqual([
      ["torch", "==1.4.0", 4],
      ["albumentations", "", 5],
    ]);
  });

  it("a minimum ('1.4 or later', '>= 1.4', '1.4+', 'at least 1.4') is a lower bound, never an exact pin", () => {
    const specs = (text: string) => readmeListRecords("README.md", text).map((r) => [r.name, r.spec, r.pinned]);
    expect(specs("Requirements: torch 1.4 or later, pandas 1.0.3, numpy\n")).toEqual([
      ["torch", ">=1.4", undefined],
      ["pandas", "==1.0.3", true],
      ["numpy", "", undefined],
    ]);
    expect(specs("We used torch >= 1.4, timm>=0.4.12 and opencv 4.5.1.\n")).toEqual([
      ["torch", ">=1.4", undefined],
      ["timm", ">=0.4.12", undefined],
      ["opencv-python", "==4.5.1", true],
    ]);
    expect(specs("## Requirements\n\n- PyTorch 1.4+\n- albumentations at least 0.4.6\n- pandas 1.0.3\n")).toEqual([
      ["torch", ">=1.4", undefined],
      ["albumentations", ">=0.4.6", undefined],
      ["pandas", "==1.0.3", true],
    ]);
    expect(readmeListRecords("README.md", "- PyTorch 1.4 or newer\n- pandas 1.0.3\n")[0]).toEqual({
      kind: "install",
      file: "README.md",
      line: 1,
      name: "torch",
      spec: ">=1.4",
      via: "readme-list",
      written: "PyTorch 1.4 or newer",
    });
  });

  it("prose that is no version list states nothing", () => {
    expect(
      readmeListRecords(
        "README.md",
        [
          "We trained for 30 epochs, with 5 folds, on 2 GPUs.",
          "Thanks to Alice, Bob and Carol.",
          "Our score was 0.912, placing us 3rd, which took 2 weeks.",
          "We tuned lr 0.001, batch 32, dropout 0.5 and warmup 0.05.",
          "- Download the data",
          "- Run train.py 3 times",
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("reads a line of `name version` pairs under an environment heading, and bullets of `name: version`", () => {
    const text = [
      "# Detector",
      "",
      "## 环境 (environment)",
      "mmdetection 1.0    pytorch 1.1  python 3.7",
      "",
      "## Requirements",
      "- python: 3.6",
      "- pandas: 0.20.1",
      "- numpy: 1.16.4",
    ].join("\n");
    expect(readmeListRecords("README.md", text).map((r) => [r.line, r.name, r.spec, r.written])).toEqual([
      [4, "mmdetection", "==1.0", "mmdetection 1.0"],
      [4, "torch", "==1.1", "pytorch 1.1"],
      [8, "pandas", "==0.20.1", "pandas: 0.20.1"],
      [9, "numpy", "==1.16.4", "numpy: 1.16.4"],
    ]);
  });

  it("reads pairs only under an environment heading (a bold line counts): under another they are models and scores", () => {
    expect(readmeListRecords("README.md", "## Results\nseresnext50 0.912   effnet-b3 0.915\n")).toEqual([]);
    expect(readmeListRecords("README.md", "**运行环境**\ntorch 1.1.0  torchvision 0.3.0\n").map((r) => r.name)).toEqual(
      ["torch", "torchvision"],
    );
  });
  it("reads each labelled list of a line or of a bullet (`Main requirements: ...; Other requirements: ...`)", () => {
    const line =
      "Main requirements: Python 3.4+, keras 2.0.8, theano 0.8.2; Other requirements: numpy 1.13.1+, pandas 0.20.3+";
    const want = [
      ["keras", "==2.0.8"],
      ["theano", "==0.8.2"],
      ["numpy", ">=1.13.1"],
      ["pandas", ">=0.20.3"],
    ];
    expect(readmeListRecords("README.md", line).map((r) => [r.name, r.spec])).toEqual(want);
    const bullets = line.replace("Main", "- Main").replace("; Other", "\n- Other");
    expect(readmeListRecords("README.md", bullets).map((r) => [r.name, r.spec])).toEqual(want);
  });
});
